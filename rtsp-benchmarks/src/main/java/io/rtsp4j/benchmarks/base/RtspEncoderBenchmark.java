package io.rtsp4j.benchmarks.base;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.embedded.EmbeddedChannel;
import io.rtsp4j.base.InterleavedFrame;
import io.rtsp4j.base.RtspHeaderNames;
import io.rtsp4j.base.RtspResponse;
import io.rtsp4j.base.RtspStatus;
import io.rtsp4j.base.codec.RtspEncoder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * {@link RtspEncoder}'s encode step, called directly with the context of an EmbeddedChannel (pooled
 * allocator), without the pipeline hop: a SETUP response, and an interleaved frame of 1,400 bytes (header
 * buffer + shared payload, no copy).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RtspEncoderBenchmark {

    private EmbeddedChannel channel;
    private BenchEncoder encoder;
    private ChannelHandlerContext ctx;
    private final List<Object> out = new ArrayList<>(2);

    /** Exposes the protected encode step. */
    static final class BenchEncoder extends RtspEncoder {
        void run(ChannelHandlerContext ctx, Object msg, List<Object> out) {
            encode(ctx, msg, out);
        }
    }
    private RtspResponse setupResponse;
    private InterleavedFrame frame;

    /** Builds the channel and the messages once. */
    @Setup(Level.Trial)
    public void setUp() {
        encoder = new BenchEncoder();
        channel = new EmbeddedChannel(encoder);
        channel.config().setAllocator(PooledByteBufAllocator.DEFAULT);
        ctx = channel.pipeline().context(encoder);
        setupResponse = RtspResponse.builder(RtspStatus.OK)
                .header(RtspHeaderNames.CSEQ, "4")
                .header(RtspHeaderNames.SERVER, "rtsp4j")
                .header(RtspHeaderNames.SESSION, "4a7a0f2b9ce24b4fa6e0d3a1c5b7e9f0;timeout=55")
                .header(RtspHeaderNames.TRANSPORT,
                        "RTP/AVP;unicast;client_port=52346-52347;server_port=8000-8001;ssrc=0A1B2C3D")
                .build();
        ByteBuf payload = PooledByteBufAllocator.DEFAULT.directBuffer(1400).writeZero(1400);
        frame = new InterleavedFrame(0, payload);
    }

    /** Releases what the trial holds. */
    @TearDown(Level.Trial)
    public void tearDown() {
        frame.release();
        channel.finishAndReleaseAll();
    }

    /**
     * Encodes a SETUP response (4 headers).
     *
     * @param bh sink
     */
    @Benchmark
    public void encodeSetupResponse(Blackhole bh) {
        encoder.run(ctx, setupResponse, out);
        ByteBuf b = (ByteBuf) out.get(0);
        bh.consume(b.readableBytes());
        b.release();
        out.clear();
    }

    /**
     * Encodes one interleaved frame of 1,400 bytes.
     *
     * @param bh sink
     */
    @Benchmark
    public void encodeInterleavedFrame(Blackhole bh) {
        encoder.run(ctx, frame, out);
        ByteBuf header = (ByteBuf) out.get(0);
        ByteBuf payload = (ByteBuf) out.get(1);
        bh.consume(header.readableBytes() + payload.readableBytes());
        header.release();
        payload.release();
        out.clear();
    }
}
