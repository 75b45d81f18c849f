#!/usr/bin/env bash
# Re-creates the real-client authentication captures of this folder (FFmpeg 5.1 and GStreamer 1.22 as
# installed on Debian 12). Each JSON file records the challenges the capture server sent, the exact client
# command ({port} = the capture server's port) and every request the client sent, with its Authorization.
# The rtsp-auth tests (RealClientCaptureTest) verify the recorded Authorization values.
set -euo pipefail
cd "$(dirname "$0")"
CAP="python3 capture-auth.py --timeout 15"
# FFmpeg percent-decodes the URL user info: my:p%40ss%C3%A9 is the password "my:p@ssé".
FFURL='rtsp://myuser:my:p%40ss%C3%A9@127.0.0.1:{port}/mystream'
FFPASS='my:p@ssé'
FFPLAY="ffmpeg -hide_banner -loglevel error -rtsp_transport tcp -i $FFURL -frames:v 1 -f null -"
FFREC="ffmpeg -hide_banner -loglevel error -re -f lavfi -i testsrc=size=160x120:rate=5 -t 2 -c:v mpeg4 -f rtsp -rtsp_transport tcp $FFURL"
GSTPASS='pä:ss'
GSTPLAY="gst-launch-1.0 -q rtspsrc location=rtsp://127.0.0.1:{port}/mystream user-id=myuser user-pw=$GSTPASS protocols=tcp ! fakesink"
GSTREC="gst-launch-1.0 -q videotestsrc num-buffers=50 ! video/x-raw,width=160,height=120,format=I420 ! x264enc tune=zerolatency ! rtspclientsink location=rtsp://127.0.0.1:{port}/mystream user-id=myuser user-pw=$GSTPASS protocols=tcp"

$CAP --out ffmpeg-5.1-play-basic.json --client-name "FFmpeg 5.1 (Lavf59.27.100)" --user myuser --password "$FFPASS" \
  --challenge basic --note "Basic only; the password contains ':' and non-ASCII" -- $FFPLAY
$CAP --out ffmpeg-5.1-play-digest-md5.json --client-name "FFmpeg 5.1 (Lavf59.27.100)" --user myuser --password "$FFPASS" \
  --challenge basic --challenge digest-md5 --note "default challenges (Basic, Digest MD5): FFmpeg prefers Digest" -- $FFPLAY
$CAP --out ffmpeg-5.1-play-digest-md5-qop.json --client-name "FFmpeg 5.1 (Lavf59.27.100)" --user myuser --password "$FFPASS" \
  --challenge digest-md5 --qop --opaque 5ccc069c403ebaf9f0171e9517f40e41 \
  --note "qop=auth offered: FFmpeg answers with qop, a fresh cnonce and nc 1, 2, 3 and returns opaque" -- $FFPLAY
$CAP --out ffmpeg-5.1-play-digest-sha256-last.json --client-name "FFmpeg 5.1 (Lavf59.27.100)" --user myuser --password "$FFPASS" \
  --challenge basic --challenge digest-md5 --challenge digest-sha256 \
  --note "SHA-256 listed after MD5: FFmpeg keeps the last Digest challenge, cannot do SHA-256 and gives up without sending credentials" -- $FFPLAY
$CAP --out ffmpeg-5.1-play-digest-sha256-first.json --client-name "FFmpeg 5.1 (Lavf59.27.100)" --user myuser --password "$FFPASS" \
  --challenge basic --challenge digest-sha256 --challenge digest-md5 \
  --note "SHA-256 listed before MD5: FFmpeg keeps the last Digest challenge (MD5) and authenticates" -- $FFPLAY
$CAP --out ffmpeg-5.1-record-digest-md5.json --client-name "FFmpeg 5.1 (Lavf59.27.100)" --user myuser --password "$FFPASS" \
  --challenge basic --challenge digest-md5 --note "publisher: ANNOUNCE, SETUP, RECORD" -- $FFREC

$CAP --out gstreamer-1.22-rtspsrc-basic.json --client-name "GStreamer 1.22.0 rtspsrc" --user myuser --password "$GSTPASS" \
  --challenge basic --note "Basic only; the password contains ':' and non-ASCII" -- $GSTPLAY
$CAP --out gstreamer-1.22-rtspsrc-digest-md5.json --client-name "GStreamer 1.22.0 rtspsrc" --user myuser --password "$GSTPASS" \
  --challenge basic --challenge digest-md5 --note "default challenges (Basic, Digest MD5): GStreamer prefers Digest and omits algorithm" -- $GSTPLAY
$CAP --out gstreamer-1.22-rtspsrc-digest-md5-qop.json --client-name "GStreamer 1.22.0 rtspsrc" --user myuser --password "$GSTPASS" \
  --challenge digest-md5 --qop --opaque 5ccc069c403ebaf9f0171e9517f40e41 \
  --note "qop=auth offered: GStreamer ignores qop (RFC 2069 response) but returns opaque" -- $GSTPLAY
$CAP --out gstreamer-1.22-rtspsrc-digest-sha256-first.json --client-name "GStreamer 1.22.0 rtspsrc" --user myuser --password "$GSTPASS" \
  --challenge basic --challenge digest-sha256 --challenge digest-md5 \
  --note "SHA-256 and MD5 offered: GStreamer computes MD5 and omits algorithm (implicit MD5)" -- $GSTPLAY
$CAP --out gstreamer-1.22-rtspclientsink-digest-md5.json --client-name "GStreamer 1.22.0 rtspclientsink" --user myuser --password "$GSTPASS" \
  --challenge basic --challenge digest-md5 --note "publisher: ANNOUNCE, SETUP, RECORD" -- $GSTREC
$CAP --timeout 60 --out gstreamer-1.22-rtspsrc-digest-md5-stale-keepalive.json --client-name "GStreamer 1.22.0 rtspsrc" \
  --user myuser --password "$GSTPASS" --challenge basic --challenge digest-md5 --stale-keepalive 0f1e2d3c4b5a69788796a5b4c3d2e1f0 \
  --note "the first keep-alive after PLAY gets 401 with stale=true and a new nonce: GStreamer ignores it and keeps sending the old nonce on later keep-alives" -- $GSTPLAY
