package io.rtsp4j.sdp.codec;

import java.util.Arrays;

/** Small helpers for H.264/H.265 NAL units as they appear in {@code sprop-*} parameters. */
public final class NalUnits {

    private NalUnits() {
    }

    /**
     * Removes an Annex-B start code ({@code 00 00 01} or {@code 00 00 00 01}) in front of a NAL unit:
     * some cameras put parameter sets in SDP with their start code.
     *
     * @param nalu the NAL unit, possibly with a start code
     * @return the NAL unit without start code (the same array when there was none)
     */
    public static byte[] stripStartCode(byte[] nalu) {
        if (nalu.length >= 4 && nalu[0] == 0 && nalu[1] == 0 && nalu[2] == 0 && nalu[3] == 1) {
            return Arrays.copyOfRange(nalu, 4, nalu.length);
        }
        if (nalu.length >= 3 && nalu[0] == 0 && nalu[1] == 0 && nalu[2] == 1) {
            return Arrays.copyOfRange(nalu, 3, nalu.length);
        }
        return nalu;
    }

    /**
     * Removes the emulation prevention bytes ({@code 00 00 03} becomes {@code 00 00}) from a NAL unit,
     * giving its raw byte sequence payload.
     *
     * @param nalu the NAL unit
     * @return the unescaped bytes (a copy)
     */
    public static byte[] unescape(byte[] nalu) {
        byte[] out = new byte[nalu.length];
        int n = 0;
        int zeros = 0;
        for (byte b : nalu) {
            if (zeros >= 2 && b == 3) {
                zeros = 0;
                continue;
            }
            out[n++] = b;
            zeros = b == 0 ? zeros + 1 : 0;
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }
}
