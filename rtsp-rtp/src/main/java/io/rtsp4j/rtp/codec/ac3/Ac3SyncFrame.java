package io.rtsp4j.rtp.codec.ac3;

/**
 * The frame size of an AC-3 sync frame from its syncinfo (ATSC A/52 section 5.4.1 and table 5.18).
 */
public final class Ac3SyncFrame {

    /** Samples per AC-3 frame and channel. */
    public static final int SAMPLES_PER_FRAME = 1536;

    /** Nominal bit rates in kbit/s, indexed by frmsizecod / 2. */
    private static final int[] BIT_RATES = {32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384, 448,
        512, 576, 640};
    /** Words per frame at 44.1 kHz, indexed by frmsizecod / 2 (odd codes add one word). */
    private static final int[] WORDS_44100 = {69, 87, 104, 121, 139, 174, 208, 243, 278, 348, 417, 487, 557, 696, 835,
        975, 1114, 1253, 1393};

    private Ac3SyncFrame() {
    }

    /**
     * The size of the sync frame starting at {@code offset}.
     *
     * @param data the bytes
     * @param offset where the frame starts
     * @param length bytes available from {@code offset}
     * @return the frame size in bytes, or -1 if the bytes are not a valid syncinfo
     */
    public static int frameSize(byte[] data, int offset, int length) {
        if (length < 5 || (data[offset] & 0xFF) != 0x0B || (data[offset + 1] & 0xFF) != 0x77) {
            return -1;
        }
        int fscod = (data[offset + 4] & 0xFF) >>> 6;
        int frmsizecod = data[offset + 4] & 0x3F;
        if (frmsizecod > 37) {
            return -1;
        }
        int words;
        switch (fscod) {
            case 0:
                words = BIT_RATES[frmsizecod / 2] * 2;
                break;
            case 1:
                words = WORDS_44100[frmsizecod / 2] + (frmsizecod & 1);
                break;
            case 2:
                words = BIT_RATES[frmsizecod / 2] * 3;
                break;
            default:
                return -1;
        }
        return words * 2;
    }
}
