package io.rtsp4j.rtp.codec.mpeg1audio;

/**
 * The 4-byte header of an MPEG-1/2/2.5 audio frame (ISO/IEC 11172-3 section 2.4.1.3): enough to know a frame's
 * length and sample count. Free-format frames are not supported.
 *
 * @param version 1 (MPEG-1), 2 (MPEG-2) or 25 (MPEG-2.5)
 * @param layer 1, 2 or 3
 * @param bitRate bits per second
 * @param sampleRate samples per second
 * @param padding whether the padding slot is present
 */
public record Mpeg1AudioFrameHeader(int version, int layer, int bitRate, int sampleRate, boolean padding) {

    private static final int[][] BIT_RATES_V1 = {
        {32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448},
        {32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384},
        {32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320},
    };
    private static final int[][] BIT_RATES_V2 = {
        {32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256},
        {8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160},
        {8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160},
    };
    private static final int[] SAMPLE_RATES_V1 = {44100, 48000, 32000};

    /**
     * Parses the header at {@code offset}.
     *
     * @param data the bytes
     * @param offset where the frame starts
     * @param length bytes available from {@code offset}
     * @return the header, or null if the bytes are not a supported frame header
     */
    public static Mpeg1AudioFrameHeader parse(byte[] data, int offset, int length) {
        if (length < 4) {
            return null;
        }
        int b1 = data[offset + 1] & 0xFF;
        int b2 = data[offset + 2] & 0xFF;
        if ((data[offset] & 0xFF) != 0xFF || (b1 & 0xE0) != 0xE0) {
            return null;
        }
        int versionBits = (b1 >>> 3) & 0x03;
        int layerBits = (b1 >>> 1) & 0x03;
        int bitRateIndex = b2 >>> 4;
        int sampleRateIndex = (b2 >>> 2) & 0x03;
        if (versionBits == 1 || layerBits == 0 || bitRateIndex == 0 || bitRateIndex == 15 || sampleRateIndex == 3) {
            return null;
        }
        int version = versionBits == 3 ? 1 : versionBits == 2 ? 2 : 25;
        int layer = 4 - layerBits;
        int[][] table = version == 1 ? BIT_RATES_V1 : BIT_RATES_V2;
        int bitRate = table[layer - 1][bitRateIndex - 1] * 1000;
        int sampleRate = SAMPLE_RATES_V1[sampleRateIndex] / (version == 1 ? 1 : version == 2 ? 2 : 4);
        return new Mpeg1AudioFrameHeader(version, layer, bitRate, sampleRate, (b2 & 0x02) != 0);
    }

    /**
     * The frame length including the header.
     *
     * @return bytes
     */
    public int frameLength() {
        int pad = padding ? 1 : 0;
        if (layer == 1) {
            return (12 * bitRate / sampleRate + pad) * 4;
        }
        if (layer == 3 && version != 1) {
            return 72 * bitRate / sampleRate + pad;
        }
        return 144 * bitRate / sampleRate + pad;
    }

    /**
     * The number of samples per channel in the frame.
     *
     * @return 384, 576 or 1152
     */
    public int sampleCount() {
        if (layer == 1) {
            return 384;
        }
        return layer == 3 && version != 1 ? 576 : 1152;
    }
}
