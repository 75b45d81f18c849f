package io.rtsp4j.sdp.codec;

import java.util.HexFormat;
import java.util.Objects;

/**
 * The facts an RTSP server needs from an H.264 sequence parameter set (ITU-T H.264 §7.3.2.1.1):
 * profile, level, chroma format, bit depth, picture size after cropping and, when the VUI carries
 * timing information, the frame rate.
 *
 * @param profileIdc {@code profile_idc} (66 Baseline, 77 Main, 100 High, ...)
 * @param constraintFlags the byte of {@code constraint_set0..5_flag} and reserved bits
 * @param levelIdc {@code level_idc} (31 = level 3.1)
 * @param id {@code seq_parameter_set_id}
 * @param chromaFormatIdc {@code chroma_format_idc} (1 = 4:2:0)
 * @param bitDepthLuma luma bit depth
 * @param bitDepthChroma chroma bit depth
 * @param width picture width in pixels, after the cropping window
 * @param height picture height in pixels, after the cropping window
 * @param frameMbsOnly {@code frame_mbs_only_flag} ({@code false}: the stream may be interlaced)
 * @param numUnitsInTick VUI {@code num_units_in_tick}, 0 when absent
 * @param timeScale VUI {@code time_scale}, 0 when absent
 */
public record H264Sps(int profileIdc, int constraintFlags, int levelIdc, int id, int chromaFormatIdc,
                      int bitDepthLuma, int bitDepthChroma, int width, int height, boolean frameMbsOnly,
                      long numUnitsInTick, long timeScale) {

    private static final int NALU_TYPE_SPS = 7;

    /**
     * Parses an SPS NAL unit (with its one-byte NAL header, without start code).
     *
     * @param nalu the NAL unit
     * @return the parsed facts
     * @throws CodecConfigException if the bytes are not a valid SPS
     */
    public static H264Sps parse(byte[] nalu) {
        Objects.requireNonNull(nalu, "nalu");
        if (nalu.length < 4) {
            throw new CodecConfigException("H264 SPS is truncated");
        }
        if ((nalu[0] & 0x1f) != NALU_TYPE_SPS) {
            throw new CodecConfigException("not an H264 SPS: NAL unit type " + (nalu[0] & 0x1f));
        }
        BitReader r = new BitReader(NalUnits.unescape(nalu), 1, "H264 SPS");
        int profileIdc = r.bits(8);
        int constraintFlags = r.bits(8);
        int levelIdc = r.bits(8);
        int id = r.ue(31, "seq_parameter_set_id");
        int chromaFormatIdc = 1;
        int bitDepthLuma = 8;
        int bitDepthChroma = 8;
        boolean separateColourPlane = false;
        if (hasChromaInfo(profileIdc)) {
            chromaFormatIdc = r.ue(3, "chroma_format_idc");
            if (chromaFormatIdc == 3) {
                separateColourPlane = r.flag();
            }
            bitDepthLuma = 8 + r.ue(6, "bit_depth_luma_minus8");
            bitDepthChroma = 8 + r.ue(6, "bit_depth_chroma_minus8");
            r.skip(1); // qpprime_y_zero_transform_bypass_flag
            if (r.flag()) { // seq_scaling_matrix_present_flag
                int lists = chromaFormatIdc != 3 ? 8 : 12;
                for (int i = 0; i < lists; i++) {
                    if (r.flag()) {
                        skipScalingList(r, i < 6 ? 16 : 64);
                    }
                }
            }
        }
        r.ue(12, "log2_max_frame_num_minus4");
        int pocType = r.ue(2, "pic_order_cnt_type");
        if (pocType == 0) {
            r.ue(12, "log2_max_pic_order_cnt_lsb_minus4");
        } else if (pocType == 1) {
            r.skip(1); // delta_pic_order_always_zero_flag
            r.se(); // offset_for_non_ref_pic
            r.se(); // offset_for_top_to_bottom_field
            int cycle = r.ue(255, "num_ref_frames_in_pic_order_cnt_cycle");
            for (int i = 0; i < cycle; i++) {
                r.se();
            }
        }
        r.ue(); // max_num_ref_frames
        r.skip(1); // gaps_in_frame_num_value_allowed_flag
        int widthInMbs = r.ue(16383, "pic_width_in_mbs_minus1") + 1;
        int heightInMapUnits = r.ue(16383, "pic_height_in_map_units_minus1") + 1;
        boolean frameMbsOnly = r.flag();
        if (!frameMbsOnly) {
            r.skip(1); // mb_adaptive_frame_field_flag
        }
        r.skip(1); // direct_8x8_inference_flag
        int cropLeft = 0;
        int cropRight = 0;
        int cropTop = 0;
        int cropBottom = 0;
        if (r.flag()) { // frame_cropping_flag
            cropLeft = r.ue();
            cropRight = r.ue();
            cropTop = r.ue();
            cropBottom = r.ue();
        }
        long numUnitsInTick = 0;
        long timeScale = 0;
        if (r.remaining() > 0 && r.flag()) { // vui_parameters_present_flag
            long[] timing = readVuiTiming(r);
            numUnitsInTick = timing[0];
            timeScale = timing[1];
        }

        int chromaArrayType = separateColourPlane ? 0 : chromaFormatIdc;
        int cropUnitX;
        int cropUnitY;
        int frameHeightFactor = frameMbsOnly ? 1 : 2;
        if (chromaArrayType == 0) {
            cropUnitX = 1;
            cropUnitY = frameHeightFactor;
        } else {
            int subWidthC = chromaArrayType == 3 ? 1 : 2;
            int subHeightC = chromaArrayType == 1 ? 2 : 1;
            cropUnitX = subWidthC;
            cropUnitY = subHeightC * frameHeightFactor;
        }
        long width = widthInMbs * 16L - (long) cropUnitX * ((long) cropLeft + cropRight);
        long height = frameHeightFactor * heightInMapUnits * 16L - (long) cropUnitY * ((long) cropTop + cropBottom);
        if (width <= 0 || height <= 0) {
            throw new CodecConfigException("H264 SPS: cropping window larger than the picture");
        }
        return new H264Sps(profileIdc, constraintFlags, levelIdc, id, chromaFormatIdc, bitDepthLuma,
                bitDepthChroma, (int) width, (int) height, frameMbsOnly, numUnitsInTick, timeScale);
    }

    private static boolean hasChromaInfo(int profileIdc) {
        return switch (profileIdc) {
            case 100, 110, 122, 244, 44, 83, 86, 118, 128, 138, 139, 134, 135 -> true;
            default -> false;
        };
    }

    private static void skipScalingList(BitReader r, int size) {
        int last = 8;
        int next = 8;
        for (int j = 0; j < size; j++) {
            if (next != 0) {
                int delta = r.se();
                if (delta < -128 || delta > 127) {
                    throw new CodecConfigException("H264 SPS: delta_scale out of range");
                }
                next = (last + delta + 256) % 256;
            }
            last = next == 0 ? last : next;
        }
    }

    /** VUI up to timing_info (E.1.1); returns {num_units_in_tick, time_scale}, zeros when absent. */
    private static long[] readVuiTiming(BitReader r) {
        if (r.flag()) { // aspect_ratio_info_present_flag
            int idc = r.bits(8);
            if (idc == 255) { // Extended_SAR
                r.skip(32);
            }
        }
        if (r.flag()) { // overscan_info_present_flag
            r.skip(1);
        }
        if (r.flag()) { // video_signal_type_present_flag
            r.skip(4);
            if (r.flag()) { // colour_description_present_flag
                r.skip(24);
            }
        }
        if (r.flag()) { // chroma_loc_info_present_flag
            r.ue();
            r.ue();
        }
        if (r.flag()) { // timing_info_present_flag
            long units = r.bitsLong(32);
            long scale = r.bitsLong(32);
            return new long[] {units, scale};
        }
        return new long[] {0, 0};
    }

    /**
     * The frame rate from the VUI timing information ({@code time_scale / (2 * num_units_in_tick)}).
     *
     * @return frames per second, or 0 when the SPS carries no timing information
     */
    public double frameRate() {
        return numUnitsInTick == 0 ? 0 : timeScale / (2.0 * numUnitsInTick);
    }

    /**
     * The {@code profile-level-id} of RFC 6184: profile, constraint flags and level as six hex digits.
     *
     * @return for example {@code "64001F"}
     */
    public String profileLevelId() {
        return HexFormat.of().withUpperCase().formatHex(new byte[] {(byte) profileIdc, (byte) constraintFlags,
            (byte) levelIdc});
    }
}
