package io.rtsp4j.rtp.codec;

import java.util.ArrayList;
import java.util.List;

/**
 * The Annex-B byte stream format of H.264 and H.265 (ITU-T H.264 Annex B): NAL units separated by start codes
 * {@code 00 00 01} or {@code 00 00 00 01}.
 */
public final class AnnexB {

    private static final byte[] START_CODE = {0, 0, 0, 1};

    private AnnexB() {
    }

    /**
     * Splits an Annex-B byte stream into NAL units. Zero bytes before a start code belong to the start code;
     * empty NAL units (consecutive start codes) are skipped.
     *
     * @param stream the stream; it must begin with a start code
     * @param maxNalUnits the maximum number of NAL units accepted
     * @return the NAL units (copies), at least one
     * @throws IllegalArgumentException if the stream does not begin with a start code, holds no NAL unit or more
     *         than {@code maxNalUnits}
     */
    public static List<byte[]> split(byte[] stream, int maxNalUnits) {
        int i = 0;
        while (i < stream.length && i < 4 && stream[i] == 0) {
            i++;
        }
        if (i < 2 || i >= stream.length || stream[i] != 1) {
            throw new IllegalArgumentException("Annex-B stream does not begin with a start code");
        }
        List<byte[]> out = new ArrayList<>();
        int start = i + 1;
        int zeros = 0;
        for (i = start; i < stream.length; i++) {
            int b = stream[i];
            if (b == 0) {
                zeros++;
                continue;
            }
            if (b == 1 && zeros >= 2) {
                add(out, stream, start, i - zeros, maxNalUnits);
                start = i + 1;
            }
            zeros = 0;
        }
        add(out, stream, start, stream.length, maxNalUnits);
        if (out.isEmpty()) {
            throw new IllegalArgumentException("Annex-B stream holds no NAL unit");
        }
        return out;
    }

    private static void add(List<byte[]> out, byte[] stream, int from, int to, int max) {
        if (to <= from) {
            return;
        }
        if (out.size() == max) {
            throw new IllegalArgumentException("NALU count exceeds maximum allowed (" + max + ")");
        }
        byte[] nalu = new byte[to - from];
        System.arraycopy(stream, from, nalu, 0, nalu.length);
        out.add(nalu);
    }

    /**
     * Joins NAL units into an Annex-B byte stream with 4-byte start codes.
     *
     * @param nalUnits the NAL units
     * @return the stream
     */
    public static byte[] join(List<byte[]> nalUnits) {
        int n = 0;
        for (byte[] nalu : nalUnits) {
            n += 4 + nalu.length;
        }
        byte[] out = new byte[n];
        int pos = 0;
        for (byte[] nalu : nalUnits) {
            System.arraycopy(START_CODE, 0, out, pos, 4);
            System.arraycopy(nalu, 0, out, pos + 4, nalu.length);
            pos += 4 + nalu.length;
        }
        return out;
    }
}
