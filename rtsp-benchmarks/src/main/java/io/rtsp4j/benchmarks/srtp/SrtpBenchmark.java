package io.rtsp4j.benchmarks.srtp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.rtsp4j.srtp.SrtpContext;
import io.rtsp4j.srtp.SrtpKeyMaterial;
import io.rtsp4j.srtp.SrtpOptions;
import io.rtsp4j.srtp.SrtpProfile;
import io.rtsp4j.srtp.SrtpResult;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * SRTP protect and unprotect of one 1,200-byte RTP packet (12-byte header, 1,188-byte payload) on one thread,
 * in packets per second. Gbit/s = ops/s * 1200 * 8 / 1e9.
 *
 * <p>Protect re-uses one buffer and advances the sequence number each time (protecting the same index twice is
 * refused); the payload is whatever the previous call left, which does not change the cost. Unprotect restores
 * one protected packet into the buffer before each call (a 1,210-byte copy, included in the figure) and uses a
 * context without replay window so the same index may pass again; the window costs a few bit operations.
 *
 * <p>Run with {@code -jvmArgs -Dio.rtsp4j.srtp.hmac=jdk} or {@code =builtin} to force the JDK's HMAC-SHA1 or
 * rtsp-srtp's own (the default, {@code auto}, picks the JDK's only where HotSpot has a SHA-1 intrinsic).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SrtpBenchmark {

    private static final int PACKET_LENGTH = 1200;
    private static final long SSRC = 0x11223344L;

    /** The protection profile. */
    @Param({"AES_CM_128_HMAC_SHA1_80", "AEAD_AES_128_GCM"})
    public String profile;

    /** Heap buffers are transformed in their array; direct ones go through the context's scratch array. */
    @Param({"heap", "direct"})
    public String buffer;

    private SrtpContext sender;
    private SrtpContext receiver;
    private ByteBuf packet;
    private byte[] protectedTemplate;
    private int seq;

    /** Creates the contexts and one protected packet for the unprotect benchmark. */
    @Setup(Level.Trial)
    public void setUp() {
        SrtpProfile p = SrtpProfile.valueOf(profile);
        Random random = new Random(1);
        byte[] key = new byte[p.masterKeyLength()];
        byte[] salt = new byte[p.masterSaltLength()];
        random.nextBytes(key);
        random.nextBytes(salt);
        SrtpKeyMaterial material = SrtpKeyMaterial.of(p, key, salt);
        sender = SrtpContext.create(material);
        receiver = SrtpContext.create(material, SrtpOptions.builder().replayWindow(0).build());
        int capacity = PACKET_LENGTH + SrtpProfile.MAX_RTP_OVERHEAD;
        packet = "direct".equals(buffer) ? Unpooled.directBuffer(capacity, capacity) : Unpooled.buffer(capacity, capacity);
        byte[] plain = new byte[PACKET_LENGTH];
        random.nextBytes(plain);
        plain[0] = (byte) 0x80;
        plain[1] = 96;
        plain[8] = (byte) (SSRC >>> 24);
        plain[9] = (byte) (SSRC >>> 16);
        plain[10] = (byte) (SSRC >>> 8);
        plain[11] = (byte) SSRC;
        packet.writeBytes(plain);
        SrtpContext templateSender = SrtpContext.create(material);
        ByteBuf template = Unpooled.buffer(capacity).writeBytes(plain);
        if (templateSender.protectRtp(template) != SrtpResult.OK) {
            throw new IllegalStateException("cannot protect the template packet");
        }
        protectedTemplate = new byte[template.readableBytes()];
        template.readBytes(protectedTemplate);
        template.release();
    }

    /** Frees the buffer. */
    @TearDown(Level.Trial)
    public void tearDown() {
        packet.release();
    }

    /**
     * Protects one 1,200-byte packet.
     *
     * @return the result, consumed by JMH
     */
    @Benchmark
    public SrtpResult protect() {
        ByteBuf buf = packet;
        buf.setIndex(0, PACKET_LENGTH);
        buf.setShort(2, seq++);
        return sender.protectRtp(buf);
    }

    /**
     * Unprotects one 1,200-byte packet (after copying it into the buffer).
     *
     * @return the result, consumed by JMH
     */
    @Benchmark
    public SrtpResult unprotect() {
        ByteBuf buf = packet;
        buf.setIndex(0, 0);
        buf.writeBytes(protectedTemplate);
        return receiver.unprotectRtp(buf);
    }
}
