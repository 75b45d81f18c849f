package io.rtsp4j.examples.file;

import io.rtsp4j.rtp.codec.AnnexB;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits an H.264 Annex-B byte stream into access units (one per frame), following the "first VCL NAL unit of a
 * new primary coded picture" rules of ITU-T H.264 section 7.4.1.2.3 that matter for encoder output: an access
 * unit delimiter, or SPS/PPS/SEI after a slice, or a slice whose {@code first_mb_in_slice} is 0 after a slice,
 * starts a new access unit.
 */
final class H264AccessUnits {

    static final int NAL_SEI = 6;
    static final int NAL_SPS = 7;
    static final int NAL_PPS = 8;
    static final int NAL_AUD = 9;

    private H264AccessUnits() {
    }

    /**
     * Splits a stream.
     *
     * @param annexB the stream; it must begin with a start code
     * @return the access units (NAL units without start codes), in stream order
     * @throws IllegalArgumentException if the stream holds no slice
     */
    static List<List<byte[]>> split(byte[] annexB) {
        List<List<byte[]>> units = new ArrayList<>();
        List<byte[]> current = new ArrayList<>();
        boolean hasSlice = false;
        for (byte[] nalu : AnnexB.split(annexB, Integer.MAX_VALUE)) {
            int type = nalu[0] & 0x1F;
            boolean slice = type >= 1 && type <= 5;
            boolean startsNew;
            if (!hasSlice) {
                startsNew = false; // everything before the first slice belongs to the access unit
            } else if (slice) {
                // first_mb_in_slice is ue(v) right after the 1-byte header: 0 is coded as a single '1' bit
                startsNew = nalu.length > 1 && (nalu[1] & 0x80) != 0;
            } else {
                startsNew = type == NAL_AUD || type == NAL_SEI || type == NAL_SPS || type == NAL_PPS
                        || (type >= 14 && type <= 18);
            }
            if (startsNew) {
                units.add(current);
                current = new ArrayList<>();
                hasSlice = false;
            }
            current.add(nalu);
            hasSlice |= slice;
        }
        if (hasSlice) {
            units.add(current);
        }
        if (units.isEmpty()) {
            throw new IllegalArgumentException("the stream holds no H.264 slice");
        }
        return units;
    }

    /** The first NAL unit of a type in the stream's access units, or null. */
    static byte[] first(List<List<byte[]>> units, int type) {
        for (List<byte[]> au : units) {
            for (byte[] nalu : au) {
                if ((nalu[0] & 0x1F) == type) {
                    return nalu;
                }
            }
        }
        return null;
    }
}
