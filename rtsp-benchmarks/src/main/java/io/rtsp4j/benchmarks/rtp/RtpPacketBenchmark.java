package io.rtsp4j.benchmarks.rtp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.rtsp4j.rtp.RtpDecodeException;
import io.rtsp4j.rtp.RtpHeaders;
import io.rtsp4j.rtp.RtpPacket;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * RTP header decode and encode on pooled direct buffers, as a relay does per packet: decode (the packet retains
 * the datagram, no copy), re-encode into an output buffer (whole packet, or header only), release; and the raw
 * accessors that rewrite the SSRC in place.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RtpPacketBenchmark {

    /** Payload size in bytes (the header cost does not depend on it, the copy in encode does). */
    @Param({"160", "1400"})
    public int payloadSize;

    private ByteBuf in;
    private ByteBuf out;

    /** Allocates one datagram and one output buffer. */
    @Setup(Level.Trial)
    public void setUp() {
        RtpPacket p = RtpPacket.builder().marker(true).payloadType(96).sequenceNumber(1234).timestamp(0xafb45733L)
                .ssrc(0xba9da416L).payload(new byte[payloadSize]).build();
        in = PooledByteBufAllocator.DEFAULT.directBuffer(p.encodedSize());
        p.encodeTo(in);
        out = PooledByteBufAllocator.DEFAULT.directBuffer(2048);
    }

    /** Releases the buffers. */
    @TearDown(Level.Trial)
    public void tearDown() {
        in.release();
        out.release();
    }

    /**
     * Decode into an {@link RtpPacket} and encode it again.
     *
     * @return the output buffer (consumed by JMH)
     * @throws RtpDecodeException never
     */
    @Benchmark
    public ByteBuf decodeEncode() throws RtpDecodeException {
        RtpPacket p = RtpPacket.decode(in);
        out.clear();
        p.encodeTo(out);
        p.release();
        return out;
    }

    /**
     * Decode, then encode only the header (a relay that sends header and payload as two buffers).
     *
     * @return the output buffer (consumed by JMH)
     * @throws RtpDecodeException never
     */
    @Benchmark
    public ByteBuf decodeEncodeHeader() throws RtpDecodeException {
        RtpPacket p = RtpPacket.decode(in);
        out.clear();
        p.encodeHeaderTo(out);
        p.release();
        return out;
    }

    /**
     * Decode only (header parse, one retain of the datagram).
     *
     * @return the sequence number (consumed by JMH)
     * @throws RtpDecodeException never
     */
    @Benchmark
    public int decode() throws RtpDecodeException {
        RtpPacket p = RtpPacket.decode(in);
        int seq = p.sequenceNumber();
        p.release();
        return seq;
    }

    /**
     * What a relay does without materializing a packet: validate, read the sequence number, rewrite the SSRC.
     *
     * @return the sequence number (consumed by JMH)
     * @throws RtpDecodeException never
     */
    @Benchmark
    public int rawValidateAndRewriteSsrc() throws RtpDecodeException {
        int off = in.readerIndex();
        RtpHeaders.validate(in, off, in.readableBytes());
        RtpHeaders.setSsrc(in, off, 0x11223344L);
        return RtpHeaders.sequenceNumber(in, off);
    }
}
