package io.rtsp4j.srtp;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * Chooses the HMAC-SHA1 implementation once per JVM, from the system property {@value #PROPERTY}:
 * {@code auto} (default), {@code jdk} (the JDK's {@code HmacSHA1}) or {@code builtin} ({@link HmacSha1}, this
 * module's unrolled SHA-1 with precomputed key blocks).
 *
 * <p>Why both: HMAC-SHA1 is most of the cost of an AES-CM packet. Where HotSpot has a SHA-1 intrinsic (x86 with
 * the SHA extensions, ARMv8 with its crypto extension) the JDK's HmacSHA1 runs it and nothing written in Java comes
 * close; without one the JDK's SHA-1 is a plain Java loop, and the built-in one protected 1,200-byte packets about
 * 20% faster end to end (about 200 k against 165 k packets per CPU-second on the 2.5 GHz Xeon without SHA-NI of our
 * benchmarks, {@code SrtpCpuTimeProbe}). {@code auto} asks HotSpot whether the intrinsic is on
 * ({@code UseSHA1Intrinsics}) and takes the JDK's then, the built-in one otherwise (also when it cannot ask: the
 * {@code jdk.management} module absent, or another VM).
 */
final class PacketMacs {

    /** System property choosing the HMAC-SHA1 implementation: {@code auto} (default), {@code jdk} or {@code builtin}. */
    static final String PROPERTY = "io.rtsp4j.srtp.hmac";

    private static final boolean BUILTIN = chooseBuiltin(System.getProperty(PROPERTY, "auto"), sha1Intrinsic());

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

    /**
     * Whether a setting of {@value #PROPERTY} selects the built-in implementation.
     *
     * @param setting {@code jdk}, {@code builtin}, or anything else for {@code auto}
     * @param sha1Intrinsic whether HotSpot compiles the JDK's SHA-1 to the CPU's SHA instructions
     */
    static boolean chooseBuiltin(String setting, boolean sha1Intrinsic) {
        switch (setting.trim().toLowerCase(Locale.ROOT)) {
            case "builtin":
                return true;
            case "jdk":
                return false;
            default:
                return !sha1Intrinsic;
        }
    }

    /** HotSpot's {@code UseSHA1Intrinsics} flag; false when it cannot be read. */
    static boolean sha1Intrinsic() {
        try {
            com.sun.management.HotSpotDiagnosticMXBean vm =
                    ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
            return vm != null && Boolean.parseBoolean(vm.getVMOption("UseSHA1Intrinsics").getValue());
        } catch (RuntimeException | LinkageError e) {
            // Not HotSpot, flag renamed, or jdk.management not in the module graph: assume no intrinsic.
            return false;
        }
    }
}
