package io.rtsp4j.srtp;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * Chooses the HMAC-SHA1 implementation once per JVM.
 *
 * <p>The JDK's {@code HmacSHA1} is fast only where HotSpot compiles SHA-1 to the x86 SHA extensions
 * ({@code -XX:+UseSHA1Intrinsics}, on by default when the CPU has them); elsewhere {@link HmacSha1} is about
 * 1.4 times faster. The choice asks HotSpot for that flag, and falls back to {@link HmacSha1} when it cannot
 * ask (no {@code jdk.management} module, another JVM). The system property {@value #PROPERTY} forces one:
 * {@code jdk} or {@code builtin} ({@code auto} is the default).
 */
final class PacketMacs {

    /** System property choosing the HMAC-SHA1 implementation: {@code auto}, {@code jdk} or {@code builtin}. */
    static final String PROPERTY = "io.rtsp4j.srtp.hmac";

    private static final boolean USE_JDK = chooseJdk(System.getProperty(PROPERTY, "auto"));

    private PacketMacs() {
    }

    /**
     * A new HMAC-SHA1 computation for a key.
     *
     * @param key the session authentication key
     * @return the computation
     */
    static PacketMac hmacSha1(byte[] key) {
        return USE_JDK ? new JdkHmacSha1(key) : new HmacSha1(key);
    }

    /**
     * Which implementation {@link #hmacSha1(byte[])} returns.
     *
     * @return {@code "jdk"} or {@code "builtin"}
     */
    static String implementation() {
        return USE_JDK ? "jdk" : "builtin";
    }

    static boolean chooseJdk(String setting) {
        switch (setting.trim().toLowerCase(Locale.ROOT)) {
            case "jdk":
                return true;
            case "builtin":
                return false;
            default:
                return sha1IntrinsicEnabled();
        }
    }

    private static boolean sha1IntrinsicEnabled() {
        try {
            return HotSpotFlags.sha1Intrinsics();
        } catch (RuntimeException | LinkageError e) {
            // Not HotSpot, or jdk.management is not in the module graph: keep the portable implementation.
            return false;
        }
    }

    /** Isolated so that a missing jdk.management module only fails loading this class. */
    private static final class HotSpotFlags {
        static boolean sha1Intrinsics() {
            com.sun.management.HotSpotDiagnosticMXBean bean =
                    ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
            return bean != null && Boolean.parseBoolean(bean.getVMOption("UseSHA1Intrinsics").getValue());
        }
    }
}
