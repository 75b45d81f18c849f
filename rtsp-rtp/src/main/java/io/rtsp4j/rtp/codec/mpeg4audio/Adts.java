package io.rtsp4j.rtp.codec.mpeg4audio;

/** Just enough of the ADTS header (ISO/IEC 14496-3 1.A.2) to unwrap one access unit. */
final class Adts {

    private Adts() {
    }

    static boolean looksLikeAdts(byte[] au) {
        return au.length >= 2 && (au[0] & 0xFF) == 0xFF && (au[1] & 0xF0) == 0xF0;
    }

    /**
     * Unwraps a buffer holding exactly one ADTS frame with one raw data block.
     *
     * @return the raw access unit, or null (with the reason in {@code error[0]}) if it is not such a frame
     */
    static byte[] unwrapSingle(byte[] buf, String[] error) {
        if (buf.length < 7) {
            error[0] = "ADTS header too short";
            return null;
        }
        if ((buf[0] & 0xFF) != 0xFF || (buf[1] & 0xF0) != 0xF0) {
            error[0] = "invalid ADTS syncword";
            return null;
        }
        if ((buf[1] & 0x06) != 0) {
            error[0] = "invalid ADTS layer";
            return null;
        }
        boolean protectionAbsent = (buf[1] & 0x01) != 0;
        int sampleRateIndex = (buf[2] >>> 2) & 0x0F;
        if (sampleRateIndex > 12) {
            error[0] = "invalid ADTS sample rate index " + sampleRateIndex;
            return null;
        }
        int frameLength = (buf[3] & 0x03) << 11 | (buf[4] & 0xFF) << 3 | (buf[5] & 0xFF) >>> 5;
        int blocks = buf[6] & 0x03;
        if (blocks != 0) {
            error[0] = "ADTS frames with several raw data blocks are not supported";
            return null;
        }
        int headerLength = protectionAbsent ? 7 : 9;
        if (frameLength < headerLength || frameLength > buf.length) {
            error[0] = "invalid ADTS frame length " + frameLength;
            return null;
        }
        if (frameLength != buf.length) {
            error[0] = "multiple ADTS packets are not supported";
            return null;
        }
        byte[] au = new byte[frameLength - headerLength];
        System.arraycopy(buf, headerLength, au, 0, au.length);
        return au;
    }
}
