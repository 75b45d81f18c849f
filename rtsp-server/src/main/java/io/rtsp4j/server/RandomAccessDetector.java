package io.rtsp4j.server;

import io.netty.buffer.ByteBuf;
import io.rtsp4j.rtp.codec.h264.H264Payloads;
import io.rtsp4j.rtp.codec.h265.H265Payloads;

/**
 * Tells whether an RTP payload starts a random access point, i.e. whether its PTS equals its DTS. Sender reports
 * map RTP to NTP time only from such packets, so that B-frame reordering cannot skew the mapping. The codec is
 * chosen once per format, so the per-packet check is a plain call into rtsp-rtp's payload helpers.
 */
enum RandomAccessDetector {
    /** Audio and most video formats: every packet. */
    ALWAYS {
        @Override
        boolean isRandomAccess(ByteBuf payload) {
            return true;
        }
    },
    /** H264 (RFC 6184): IDR, SPS or PPS, also inside STAP-A and at the start of FU-A. */
    H264 {
        @Override
        boolean isRandomAccess(ByteBuf payload) {
            return H264Payloads.ptsEqualsDts(payload);
        }
    },
    /** H265 (RFC 7798): random access pictures and parameter sets, also inside AP and at the start of FU. */
    H265 {
        @Override
        boolean isRandomAccess(ByteBuf payload) {
            return H265Payloads.ptsEqualsDts(payload);
        }
    };

    abstract boolean isRandomAccess(ByteBuf payload);

    static RandomAccessDetector forCodec(String codec) {
        if ("H264".equals(codec)) {
            return H264;
        }
        if ("H265".equals(codec)) {
            return H265;
        }
        return ALWAYS;
    }
}
