package io.rtsp4j.server;

import io.netty.buffer.ByteBuf;

/**
 * Tells whether an RTP payload starts a random access point, i.e. whether its PTS equals its DTS. Sender reports
 * map RTP to NTP time only from such packets, so that B-frame reordering cannot skew the mapping.
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
        boolean isRandomAccess(ByteBuf p) {
            int n = p.readableBytes();
            if (n < 1) {
                return false;
            }
            int base = p.readerIndex();
            int type = p.getByte(base) & 0x1f;
            switch (type) {
                case 5, 7, 8:
                    return true;
                case 24: { // STAP-A: 16-bit sizes followed by NAL units
                    int i = 1;
                    while (i + 3 <= n) {
                        int size = p.getUnsignedShort(base + i);
                        if (size == 0 || i + 2 + size > n) {
                            return false;
                        }
                        int t = p.getByte(base + i + 2) & 0x1f;
                        if (t == 5 || t == 7 || t == 8) {
                            return true;
                        }
                        i += 2 + size;
                    }
                    return false;
                }
                case 28: // FU-A: start bit and original type
                    return n >= 2 && (p.getByte(base + 1) & 0x80) != 0 && (p.getByte(base + 1) & 0x1f) == 5;
                default:
                    return false;
            }
        }
    },
    /** H265 (RFC 7798): IRAP pictures (BLA/IDR/CRA), VPS, SPS, PPS, also inside AP and at the start of FU. */
    H265 {
        @Override
        boolean isRandomAccess(ByteBuf p) {
            int n = p.readableBytes();
            if (n < 2) {
                return false;
            }
            int base = p.readerIndex();
            int type = (p.getByte(base) >> 1) & 0x3f;
            if (isRap(type)) {
                return true;
            }
            if (type == 48) { // AP
                int i = 2;
                while (i + 4 <= n) {
                    int size = p.getUnsignedShort(base + i);
                    if (size < 2 || i + 2 + size > n) {
                        return false;
                    }
                    if (isRap((p.getByte(base + i + 2) >> 1) & 0x3f)) {
                        return true;
                    }
                    i += 2 + size;
                }
                return false;
            }
            if (type == 49) { // FU
                return n >= 3 && (p.getByte(base + 2) & 0x80) != 0 && isRap(p.getByte(base + 2) & 0x3f);
            }
            return false;
        }

        private boolean isRap(int type) {
            return (type >= 16 && type <= 21) || (type >= 32 && type <= 34);
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
