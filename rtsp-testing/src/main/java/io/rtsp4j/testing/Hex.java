package io.rtsp4j.testing;

import java.util.HexFormat;

/** Hex helpers for test vectors (lowercase, no separators, as the corpus writes them). */
public final class Hex {

    private Hex() {
    }

    /**
     * Decodes hex text; whitespace is ignored.
     *
     * @param hex the text
     * @return the bytes
     */
    public static byte[] decode(String hex) {
        return HexFormat.of().parseHex(hex.replaceAll("\\s+", ""));
    }

    /**
     * Encodes bytes as lowercase hex.
     *
     * @param bytes the bytes
     * @return the text
     */
    public static String encode(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
