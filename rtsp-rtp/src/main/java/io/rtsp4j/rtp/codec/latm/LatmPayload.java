package io.rtsp4j.rtp.codec.latm;

import io.rtsp4j.rtp.codec.RtpCodecException;

/**
 * The audioMuxElement of LATM with out-of-band configuration (cpresent=0) for one program, one layer and
 * frameLengthType 0: a PayloadLengthInfo (bytes of 255 and a final byte, summing to the length) followed by the
 * access unit (ISO/IEC 14496-3 1.7.3).
 */
public final class LatmPayload {

    private LatmPayload() {
    }

    /**
     * Builds the element of one access unit.
     *
     * @param accessUnit the raw AAC access unit
     * @return the audioMuxElement
     */
    public static byte[] wrap(byte[] accessUnit) {
        int lengthBytes = accessUnit.length / 255 + 1;
        byte[] out = new byte[lengthBytes + accessUnit.length];
        for (int i = 0; i < lengthBytes - 1; i++) {
            out[i] = (byte) 255;
        }
        out[lengthBytes - 1] = (byte) (accessUnit.length % 255);
        System.arraycopy(accessUnit, 0, out, lengthBytes, accessUnit.length);
        return out;
    }

    /**
     * Extracts the access unit of an element.
     *
     * @param audioMuxElement the element
     * @return the raw access unit
     * @throws RtpCodecException if the length information exceeds the element
     */
    public static byte[] unwrap(byte[] audioMuxElement) throws RtpCodecException {
        int pos = 0;
        int length = 0;
        while (true) {
            if (pos >= audioMuxElement.length) {
                throw RtpCodecException.malformed("LATM PayloadLengthInfo exceeds the element");
            }
            int b = audioMuxElement[pos++] & 0xFF;
            length += b;
            if (b != 255) {
                break;
            }
        }
        if (length > audioMuxElement.length - pos) {
            throw RtpCodecException.malformed("LATM payload of " + length + " bytes exceeds the element ("
                    + (audioMuxElement.length - pos) + " bytes left)");
        }
        byte[] au = new byte[length];
        System.arraycopy(audioMuxElement, pos, au, 0, length);
        return au;
    }
}
