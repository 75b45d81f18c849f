#!/usr/bin/python3
"""Pushes PCMU RTP packets into the ONVIF back channel of an RTSP stream with GStreamer's rtspsrc.

gst-launch-1.0 cannot do this: the audio goes in through rtspsrc's "push-backchannel-sample" action signal, so it
takes application code (here PyGObject; Debian packages python3-gi and gir1.2-gstreamer-1.0).

usage: backchannel-push.py URL PROTOCOL STREAM_ID COUNT
  URL        rtsp://host:port/path of a stream whose SDP has a sendonly audio media (PCMU/8000)
  PROTOCOL   tcp or udp (rtspsrc protocols=)
  STREAM_ID  the index of the back-channel media in the SDP (rtspsrc's stream id)
  COUNT      packets to push, 20 ms of audio each; payload byte i of packet n is (n + i) & 0xff

Prints "pushed N" and exits 0 when every push returned GST_FLOW_OK. GStreamer 1.22 logs one
"gst_mini_object_unref: assertion ... failed" per push: the signal takes the sample while PyGObject also drops its
reference; the packets are sent correctly.
"""
import struct
import sys
import time

import gi

gi.require_version("Gst", "1.0")
from gi.repository import Gst  # noqa: E402


def rtp_packet(seq, timestamp, ssrc, payload):
    # RTP v2, no padding/extension/CSRC, marker off, payload type 0 (PCMU).
    return struct.pack("!BBHII", 0x80, 0, seq & 0xFFFF, timestamp & 0xFFFFFFFF, ssrc) + payload


def main():
    url, protocol, stream_id, count = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    Gst.init(None)
    pipeline = Gst.parse_launch(
        "rtspsrc name=src location=%s backchannel=onvif protocols=%s latency=0 ! fakesink" % (url, protocol))
    src = pipeline.get_by_name("src")
    pipeline.set_state(Gst.State.PLAYING)
    deadline = time.time() + 30
    while True:
        _, state, _ = pipeline.get_state(Gst.SECOND)
        if state == Gst.State.PLAYING:
            break
        if time.time() > deadline:
            print("pipeline did not reach PLAYING", flush=True)
            return 2
    # PLAYING is reached when the PLAY answer came; give the back channel's appsrc a moment to start too.
    time.sleep(1)
    caps = Gst.Caps.from_string(
        "application/x-rtp, media=(string)audio, payload=(int)0, clock-rate=(int)8000, encoding-name=(string)PCMU")
    pushed = 0
    for n in range(count):
        payload = bytes((n + i) & 0xFF for i in range(160))
        buf = Gst.Buffer.new_wrapped(rtp_packet(1000 + n, 8000 + 160 * n, 0x0BAC0001, payload))
        buf.pts = n * 20 * Gst.MSECOND
        buf.duration = 20 * Gst.MSECOND
        ret = src.emit("push-backchannel-sample", stream_id, Gst.Sample.new(buf, caps, None, None))
        if ret != Gst.FlowReturn.OK:
            print("push %d returned %s" % (n, ret), flush=True)
            break
        pushed += 1
        time.sleep(0.02)
    print("pushed %d" % pushed, flush=True)
    time.sleep(1)
    pipeline.set_state(Gst.State.NULL)
    return 0 if pushed == count else 1


if __name__ == "__main__":
    sys.exit(main())
