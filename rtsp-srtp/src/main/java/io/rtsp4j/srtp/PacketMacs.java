package io.rtsp4j.srtp;

import java.util.Locale;

/**
 * Chooses the HMAC-SHA1 implementation once per JVM: the JDK's {@code HmacSHA1} by default, or {@link HmacSha1}
 * (this module's unrolled SHA-1 with precomputed key blocks) when the system property {@value #PROPERTY} is
 * {@code builtin}.
 *
 * <p>Why both: without the x86 SHA extensions HotSpot has no SHA-1 intrinsic and HMAC-SHA1 dominates the cost
 * of an AES-CM packet. On the reference machine (no SHA-NI) the built-in one protected 1,200-byte packets
 * about 5-10 % faster end to end (JMH, 142-146 k vs 127-144 k packets/s), within the run-to-run noise of a
 * shared machine, so the JDK stays the default; where the CPU has SHA-NI the JDK's intrinsic is far faster.
 */
final class PacketMacs {

    /** System property choosing the HMAC-SHA1 implementation: {@code jdk} (default) or {@code builtin}. */
    static final String PROPERTY = "io.rtsp4j.srtp.hmac";

    private static final boolean BUILTIN = chooseBuiltin(System.getProperty(PROPERTY, "jdk"));

    private PacketMacs() {
    }

    /**
     * A new HMAC-SHA1 computation for a key.
     *
     * @param key the session authentication key
     * @return the computation
     */
    static PacketMac hmacSha1(byte[] key) {
        return BUILTIN ? new HmacSha1(key) : new JdkHmacSha1(key);
    }

    /**
     * Which implementation {@link #hmacSha1(byte[])} returns.
     *
     * @return {@code "jdk"} or {@code "builtin"}
     */
    static String implementation() {
        return BUILTIN ? "builtin" : "jdk";
    }

    static boolean chooseBuiltin(String setting) {
        return "builtin".equals(setting.trim().toLowerCase(Locale.ROOT));
    }
}
