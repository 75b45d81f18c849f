package io.rtsp4j.benchmarks.rtp;

import io.rtsp4j.rtp.RtpPacket;
import io.rtsp4j.rtp.report.RtcpReceiver;
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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Receiver statistics update per packet (loss, jitter, extended sequence number), with and without the reorder
 * buffer; every 8th pair of packets arrives swapped in the unreliable case. The packets are created once (all
 * 65536 sequence numbers, empty payloads), so the loop itself allocates nothing.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RtcpReceiverBenchmark {

    /** Whether the reorder buffer is on (UDP). */
    @Param({"false", "true"})
    public boolean unreliable;

    private final RtpPacket[] packets = new RtpPacket[65536];
    private RtcpReceiver receiver;
    private int next;
    private long arrival;
    private Blackhole blackhole;

    /**
     * Creates the packets and the receiver.
     *
     * @param bh the blackhole that consumes delivered packets
     */
    @Setup(Level.Trial)
    public void setUp(Blackhole bh) {
        for (int i = 0; i < packets.length; i++) {
            // swap every 8th pair of packets to exercise the reorder buffer
            int seq = i % 8 == 6 ? i + 1 : i % 8 == 7 ? i - 1 : i;
            packets[i] = RtpPacket.builder().payloadType(96).sequenceNumber(seq & 0xFFFF).timestamp(seq * 3000L)
                    .ssrc(1).build();
        }
        receiver = RtcpReceiver.builder(90000).unreliableTransport(unreliable).localSsrc(2).build();
        blackhole = bh;
    }

    /** Delivered packets go to the blackhole (their empty payloads need no release). */
    private final RtcpReceiver.PacketSink sink = new RtcpReceiver.PacketSink() {
        @Override
        public void onPacket(RtpPacket packet) {
            blackhole.consume(packet);
        }
    };

    /** One packet through the receiver. */
    @Benchmark
    public void onPacket() {
        RtpPacket p = packets[next];
        next = (next + 1) & 0xFFFF;
        arrival += 33_333_333L;
        receiver.onPacket(p, arrival, true, sink);
    }
}
