package io.rtsp4j.benchmarks.base;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.util.ReferenceCountUtil;
import io.rtsp4j.base.codec.RtspDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * {@link RtspDecoder} on its two hot paths: a typical SETUP request (as FFmpeg 6 sends it) and a stream of
 * interleaved RTP frames of 1,400-byte payload (RTP over TCP at full MTU). The decoder is driven directly
 * (without a pipeline), as ByteToMessageDecoder does for a read holding whole messages; the frame payloads
 * are retained slices of the read buffer, released after each invocation like a consumer would.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RtspDecoderBenchmark {

    static final String SETUP = "SETUP rtsp://192.168.1.20:8554/cam1/trackID=0 RTSP/1.0\r\n"
            + "Transport: RTP/AVP/UDP;unicast;client_port=52346-52347\r\n"
            + "CSeq: 4\r\n"
            + "User-Agent: Lavf60.16.100\r\n"
            + "Session: 4a7a0f2b9ce24b4fa6e0d3a1c5b7e9f0\r\n"
            + "\r\n";

    /** Frames per invocation: one read of 32 × 1,404 bytes ≈ 44 KiB. */
    static final int FRAMES = 32;
    static final int PAYLOAD = 1400;

    @Param({"heap", "direct"})
    public String buffer;

    private BenchDecoder decoder;
    private ByteBuf setup;
    private ByteBuf frames;
    private final List<Object> out = new ArrayList<>(FRAMES);

    /** Exposes the protected decode step; ctx is not used by RtspDecoder. */
    static final class BenchDecoder extends RtspDecoder {
        void run(ByteBuf in, List<Object> out) {
            decode(null, in, out);
        }
    }

    /** Builds the input buffers once. */
    @Setup(Level.Trial)
    public void setUp() {
        ByteBufAllocator alloc = PooledByteBufAllocator.DEFAULT;
        boolean direct = buffer.equals("direct");
        decoder = new BenchDecoder();
        byte[] setupBytes = SETUP.getBytes(StandardCharsets.US_ASCII);
        setup = (direct ? alloc.directBuffer() : alloc.heapBuffer()).writeBytes(setupBytes);
        frames = direct ? alloc.directBuffer(FRAMES * (PAYLOAD + 4)) : alloc.heapBuffer(FRAMES * (PAYLOAD + 4));
        byte[] payload = new byte[PAYLOAD];
        payload[0] = (byte) 0x80;
        payload[1] = 96;
        for (int i = 0; i < FRAMES; i++) {
            frames.writeByte('$').writeByte(0).writeShort(PAYLOAD).writeBytes(payload);
        }
    }

    /** Releases the input buffers. */
    @TearDown(Level.Trial)
    public void tearDown() {
        setup.release();
        frames.release();
    }

    /**
     * Decodes one SETUP request into an RtspRequest.
     *
     * @param bh sink
     */
    @Benchmark
    public void decodeSetupRequest(Blackhole bh) {
        setup.readerIndex(0);
        decoder.run(setup, out);
        bh.consume(out.get(0));
        out.clear();
    }

    /**
     * Decodes 32 interleaved frames (figures are per frame).
     *
     * @param bh sink
     */
    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public void decodeInterleavedFrames(Blackhole bh) {
        frames.readerIndex(0);
        decoder.run(frames, out);
        for (int i = 0, n = out.size(); i < n; i++) {
            Object frame = out.get(i);
            bh.consume(frame);
            ReferenceCountUtil.release(frame);
        }
        out.clear();
    }
}
