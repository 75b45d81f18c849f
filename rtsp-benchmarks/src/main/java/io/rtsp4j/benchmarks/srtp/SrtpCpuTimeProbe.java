package io.rtsp4j.benchmarks.srtp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.rtsp4j.srtp.SrtpContext;
import io.rtsp4j.srtp.SrtpKeyMaterial;
import io.rtsp4j.srtp.SrtpOptions;
import io.rtsp4j.srtp.SrtpProfile;
import io.rtsp4j.srtp.SrtpResult;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Random;

/**
 * Companion to {@link SrtpBenchmark} for a shared, loaded machine: the same protect/unprotect loop, measured
 * in packets per second of this thread's CPU time rather than wall time. {@code openssl speed} divides by CPU
 * user time too (unless given {@code -elapsed}), so these figures compare with it even when other processes
 * take most of the cores. Run:
 * {@code java -cp rtsp-benchmarks/target/benchmarks.jar io.rtsp4j.benchmarks.srtp.SrtpCpuTimeProbe}.
 */
public final class SrtpCpuTimeProbe {

    private static final int PACKET_LENGTH = 1200;

    private SrtpCpuTimeProbe() {
    }

    /**
     * Runs the probe.
     *
     * @param args optional: seconds of CPU time to measure per case (default 3)
     */
    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        System.out.println("HMAC-SHA1 implementation: " + System.getProperty("io.rtsp4j.srtp.hmac", "auto"));
        for (SrtpProfile profile : new SrtpProfile[] {SrtpProfile.AES_CM_128_HMAC_SHA1_80,
                SrtpProfile.AEAD_AES_128_GCM}) {
            for (boolean unprotect : new boolean[] {false, true}) {
                Case c = new Case(profile);
                run(c, unprotect, threads, 2.0);            // warm-up
                double rate = run(c, unprotect, threads, seconds);
                System.out.printf("%-24s %-9s %,12.0f packets/CPU-s %6.2f Gbit/s%n", profile,
                        unprotect ? "unprotect" : "protect", rate, rate * PACKET_LENGTH * 8 / 1e9);
                c.packet.release();
            }
        }
    }

    private static double run(Case c, boolean unprotect, ThreadMXBean threads, double cpuSeconds) {
        long budget = (long) (cpuSeconds * 1e9);
        long start = threads.getCurrentThreadCpuTime();
        long ops = 0;
        long used;
        do {
            for (int i = 0; i < 1000; i++) {
                SrtpResult r = unprotect ? c.unprotect() : c.protect();
                if (r != SrtpResult.OK) {
                    throw new IllegalStateException(r.toString());
                }
            }
            ops += 1000;
            used = threads.getCurrentThreadCpuTime() - start;
        } while (used < budget);
        return ops * 1e9 / used;
    }

    /** One context pair and buffer, as in SrtpBenchmark (heap buffer). */
    private static final class Case {
        final SrtpContext sender;
        final SrtpContext receiver;
        final ByteBuf packet;
        final byte[] protectedTemplate;
        int seq;

        Case(SrtpProfile profile) {
            Random random = new Random(1);
            byte[] key = new byte[profile.masterKeyLength()];
            byte[] salt = new byte[profile.masterSaltLength()];
            random.nextBytes(key);
            random.nextBytes(salt);
            SrtpKeyMaterial material = SrtpKeyMaterial.of(profile, key, salt);
            sender = SrtpContext.create(material);
            receiver = SrtpContext.create(material, SrtpOptions.builder().replayWindow(0).build());
            int capacity = PACKET_LENGTH + SrtpProfile.MAX_RTP_OVERHEAD;
            packet = Unpooled.buffer(capacity, capacity);
            byte[] plain = new byte[PACKET_LENGTH];
            random.nextBytes(plain);
            plain[0] = (byte) 0x80;
            packet.writeBytes(plain);
            ByteBuf template = Unpooled.buffer(capacity).writeBytes(plain);
            SrtpContext.create(material).protectRtp(template);
            protectedTemplate = new byte[template.readableBytes()];
            template.readBytes(protectedTemplate);
            template.release();
        }

        SrtpResult protect() {
            packet.setIndex(0, PACKET_LENGTH);
            packet.setShort(2, seq++);
            return sender.protectRtp(packet);
        }

        SrtpResult unprotect() {
            packet.setIndex(0, 0);
            packet.writeBytes(protectedTemplate);
            return receiver.unprotectRtp(packet);
        }
    }
}
