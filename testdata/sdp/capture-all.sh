#!/usr/bin/env bash
# Re-captures the SDPs that FFmpeg and GStreamer send in RTSP ANNOUNCE when they publish.
# Each capture: capture-announce.py listens on 127.0.0.1:$PORT, the tool publishes to it,
# the ANNOUNCE body is saved as NAME.sdp. The exact command of each capture is recorded in
# NAME.json ("command"; $URL stands for rtsp://127.0.0.1:$PORT/stream) together with the
# tool version and the codecs a parser must find.
#
# usage: capture-all.sh [NAME...]      (no NAME: all captures)
set -euo pipefail
cd "$(dirname "$0")"

FFMPEG='ffmpeg -hide_banner -loglevel error -nostdin'
GST='gst-launch-1.0 -q'
SRC_V='-re -f lavfi -i testsrc=size=1280x720:rate=25'
SRC_A='-re -f lavfi -i sine=frequency=1000:sample_rate=48000'

declare -A CMD=(
  [ffmpeg-h264-aac]="$FFMPEG $SRC_V $SRC_A -t 3 -c:v libx264 -pix_fmt yuv420p -c:a aac -ac 2 -f rtsp \$URL"
  [ffmpeg-h265]="$FFMPEG -re -f lavfi -i testsrc=size=1920x1080:rate=30 -t 3 -c:v libx265 -pix_fmt yuv420p -f rtsp \$URL"
  [ffmpeg-opus]="$FFMPEG $SRC_A -t 3 -c:a libopus -ac 2 -f rtsp \$URL"
  [ffmpeg-g711]="$FFMPEG $SRC_A -t 3 -c:a pcm_mulaw -ar 8000 -ac 1 -f rtsp \$URL"
  [ffmpeg-mjpeg]="$FFMPEG -re -f lavfi -i testsrc=size=640x480:rate=25 -t 3 -c:v mjpeg -pix_fmt yuvj420p -f rtsp \$URL"
  [ffmpeg-mpegts]="$FFMPEG -re -f mpegtsraw -i in.ts -map 0 -c copy -f rtsp \$URL"
  [ffmpeg-h264-latm]="$FFMPEG $SRC_V $SRC_A -t 3 -c:v libx264 -pix_fmt yuv420p -vf scale=1920:1080 -c:a aac -ac 1 -rtpflags latm -f rtsp \$URL"
  [ffmpeg-h264-mode0]="$FFMPEG $SRC_V -t 3 -c:v libx264 -pix_fmt yuv420p -rtpflags h264_mode0 -f rtsp \$URL"
  [ffmpeg-mpeg4-mp2]="$FFMPEG -re -f lavfi -i testsrc=size=352x288:rate=25 $SRC_A -t 3 -c:v mpeg4 -c:a mp2 -f rtsp \$URL"
  [ffmpeg-vp8-g722]="$FFMPEG $SRC_V $SRC_A -t 3 -c:v libvpx -c:a g722 -ar 16000 -ac 1 -f rtsp \$URL"
  [ffmpeg-ac3-l16]="$FFMPEG $SRC_A $SRC_A -t 3 -map 0 -map 1 -c:a:0 ac3 -c:a:1 pcm_s16be -ac 2 -f rtsp \$URL"
  [gstreamer-h264]="$GST videotestsrc num-buffers=100 ! video/x-raw,width=640,height=360 ! x264enc tune=zerolatency ! rtspclientsink location=\$URL"
  [gstreamer-opus]="$GST audiotestsrc num-buffers=100 ! opusenc ! rtspclientsink location=\$URL"
  [gstreamer-h265-opus]="$GST rtspclientsink name=s location=\$URL videotestsrc num-buffers=100 ! video/x-raw,width=1280,height=720 ! x265enc ! s. audiotestsrc num-buffers=100 ! audio/x-raw,channels=2 ! opusenc ! s."
)
declare -A CODECS=(
  [ffmpeg-h264-aac]='[["H264"],["MPEG4Audio"]]'
  [ffmpeg-h265]='[["H265"]]'
  [ffmpeg-opus]='[["Opus"]]'
  [ffmpeg-g711]='[["G711"]]'
  [ffmpeg-mjpeg]='[["MJPEG"]]'
  [ffmpeg-mpegts]='[["MPEGTS"]]'
  [ffmpeg-h264-latm]='[["H264"],["MPEG4AudioLATM"]]'
  [ffmpeg-h264-mode0]='[["H264"]]'
  [ffmpeg-mpeg4-mp2]='[["MPEG4Video"],["MPEG1Audio"]]'
  [ffmpeg-vp8-g722]='[["VP8"],["G722"]]'
  [ffmpeg-ac3-l16]='[["Generic"],["LPCM"]]'   # FFmpeg 5.1 announces AC-3 without any rtpmap
  [gstreamer-h264]='[["H264"]]'
  [gstreamer-opus]='[["Opus"]]'
  [gstreamer-h265-opus]='[["Opus"],["H265"]]'   # rtspclientsink orders the pads: audio first
)

# resolution the SPS of each video capture must decode to (what the command asked for)
declare -A VIDEO=(
  [ffmpeg-h264-aac]='{"width":1280,"height":720}'
  [ffmpeg-h265]='{"width":1920,"height":1080}'
  [ffmpeg-h264-latm]='{"width":1920,"height":1080}'
  [ffmpeg-h264-mode0]='{"width":1280,"height":720}'
  [gstreamer-h264]='{"width":640,"height":360}'
  [gstreamer-h265-opus]='{"width":1280,"height":720}'
)

if [ ! -f in.ts ]; then
  # input of the MPEG-TS capture; not committed (regenerated here)
  $FFMPEG -y -f lavfi -i testsrc=size=320x240:rate=25 -f lavfi -i sine -t 6 -c:v libx264 -c:a mp2 -f mpegts in.ts
fi

names=("$@")
[ ${#names[@]} -eq 0 ] && names=("${!CMD[@]}")
port=18600
for name in "${names[@]}"; do
  port=$((port + 1))
  url="rtsp://127.0.0.1:$port/stream"
  python3 capture-announce.py "$port" "$name.sdp" 15 & catcher=$!
  sleep 0.5
  cmd="${CMD[$name]}"
  # the tool fails once SETUP is refused: expected
  timeout 20 bash -c "${cmd//\$URL/$url}" >/dev/null 2>&1 || true
  wait "$catcher"
  case "$name" in
    ffmpeg-*) version="$(ffmpeg -version | head -1)" ;;
    gstreamer-*) version="$(gst-launch-1.0 --version | sed -n 2p)" ;;
  esac
  jq -n --arg tool "${name%%-*}" --arg version "$version" --arg command "$cmd" \
     --argjson codecs "${CODECS[$name]}" --argjson video "${VIDEO[$name]:-null}" \
     '{tool: $tool, version: $version, command: $command, capturedWith: "capture-announce.py (answers OPTIONS/ANNOUNCE with 200, saves the ANNOUNCE body)", expectedCodecs: $codecs, expectedVideo: $video}' > "$name.json"
  echo "$name: $(grep -c '' "$name.sdp") lines"
done
