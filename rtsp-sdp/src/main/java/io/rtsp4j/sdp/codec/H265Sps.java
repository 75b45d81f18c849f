package io.rtsp4j.sdp.codec;

import java.util.Objects;

/**
 * The facts an RTSP server needs from an H.265 sequence parameter set (ITU-T H.265 §7.3.2.2): general
 * profile, tier and level, chroma format, bit depth and the picture size after the conformance window.
 *
 * @param profileSpace {@code general_profile_space}
 * @param tier {@code general_tier_flag} (0 Main tier, 1 High tier)
 * @param profileIdc {@code general_profile_idc} (1 Main, 2 Main 10, ...)
 * @param levelIdc {@code general_level_idc} (30 times the level: 120 = level 4)
 * @param id {@code sps_seq_parameter_set_id}
 * @param chromaFormatIdc {@code chroma_format_idc} (1 = 4:2:0)
 * @param width picture width in pixels, after the conformance window
 * @param height picture height in pixels, after the conformance window
 * @param bitDepthLuma luma bit depth
 * @param bitDepthChroma chroma bit depth
 */
public record H265Sps(int profileSpace, int tier, int profileIdc, int levelIdc, int id, int chromaFormatIdc,
                      int width, int height, int bitDepthLuma, int bitDepthChroma) {

    private static final int NALU_TYPE_SPS = 33;

    /**
     * Parses an SPS NAL unit (with its two-byte NAL header, without start code).
     *
     * @param nalu the NAL unit
     * @return the parsed facts
     * @throws CodecConfigException if the bytes are not a valid SPS
     */
    public static H265Sps parse(byte[] nalu) {
        Objects.requireNonNull(nalu, "nalu");
        if (nalu.length < 3) {
            throw new CodecConfigException("H265 SPS is truncated");
        }
        int type = (nalu[0] >> 1) & 0x3f;
        if (type != NALU_TYPE_SPS) {
            throw new CodecConfigException("not an H265 SPS: NAL unit type " + type);
        }
        BitReader r = new BitReader(NalUnits.unescape(nalu), 2, "H265 SPS");
        r.skip(4); // sps_video_parameter_set_id
        int maxSubLayersMinus1 = r.bits(3);
        if (maxSubLayersMinus1 > 6) {
            throw new CodecConfigException("H265 SPS: sps_max_sub_layers_minus1 out of range");
        }
        r.skip(1); // sps_temporal_id_nesting_flag

        // profile_tier_level(1, sps_max_sub_layers_minus1)
        int profileSpace = r.bits(2);
        int tier = r.bits(1);
        int profileIdc = r.bits(5);
        r.skip(32); // general_profile_compatibility_flag[32]
        r.skip(4); // progressive, interlaced, non_packed, frame_only
        r.skip(44); // constraint flags and reserved bits
        int levelIdc = r.bits(8);
        boolean[] profilePresent = new boolean[maxSubLayersMinus1];
        boolean[] levelPresent = new boolean[maxSubLayersMinus1];
        for (int i = 0; i < maxSubLayersMinus1; i++) {
            profilePresent[i] = r.flag();
            levelPresent[i] = r.flag();
        }
        if (maxSubLayersMinus1 > 0) {
            r.skip(2 * (8 - maxSubLayersMinus1)); // reserved_zero_2bits
        }
        for (int i = 0; i < maxSubLayersMinus1; i++) {
            if (profilePresent[i]) {
                r.skip(88);
            }
            if (levelPresent[i]) {
                r.skip(8);
            }
        }

        int id = r.ue(15, "sps_seq_parameter_set_id");
        int chromaFormatIdc = r.ue(3, "chroma_format_idc");
        boolean separateColourPlane = chromaFormatIdc == 3 && r.flag();
        int width = r.ue(65535, "pic_width_in_luma_samples");
        int height = r.ue(65535, "pic_height_in_luma_samples");
        if (width == 0 || height == 0) {
            throw new CodecConfigException("H265 SPS: empty picture");
        }
        if (r.flag()) { // conformance_window_flag
            long left = r.ue();
            long right = r.ue();
            long top = r.ue();
            long bottom = r.ue();
            int chromaArrayType = separateColourPlane ? 0 : chromaFormatIdc;
            int subWidthC = chromaArrayType == 1 || chromaArrayType == 2 ? 2 : 1;
            int subHeightC = chromaArrayType == 1 ? 2 : 1;
            long w = width - subWidthC * (left + right);
            long h = height - subHeightC * (top + bottom);
            if (w <= 0 || h <= 0) {
                throw new CodecConfigException("H265 SPS: conformance window larger than the picture");
            }
            width = (int) w;
            height = (int) h;
        }
        int bitDepthLuma = 8 + r.ue(8, "bit_depth_luma_minus8");
        int bitDepthChroma = 8 + r.ue(8, "bit_depth_chroma_minus8");
        return new H265Sps(profileSpace, tier, profileIdc, levelIdc, id, chromaFormatIdc, width, height,
                bitDepthLuma, bitDepthChroma);
    }
}
