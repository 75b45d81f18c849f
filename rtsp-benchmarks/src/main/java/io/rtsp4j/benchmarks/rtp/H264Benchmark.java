package io.rtsp4j.benchmarks.rtp;

import io.rtsp4j.rtp.RtpPacket;
import io.rtsp4j.rtp.codec.PacketizerConfig;
import io.rtsp4j.rtp.codec.RtpCodecException;
import io.rtsp4j.rtp.codec.h264.H264Depacketizer;
import io.rtsp4j.rtp.codec.h264.H264Packetizer;
import java.util.List;
import java.util.Random;
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
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** H.264 FU-A packetization and depacketization of a 100 KB IDR frame (70 packets of 1450 bytes). */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class H264Benchmark {

    private List<byte[]> accessUnit;
    private H264Packetizer packetizer;
    private H264Depacketizer depacketizer;
    private List<RtpPacket> packets;

    /** Builds the frame and one packetized copy of it. */
    @Setup(Level.Trial)
    public void setUp() {
        byte[] idr = new byte[100 * 1024];
        new Random(1).nextBytes(idr);
        for (int i = 0; i < idr.length; i++) {
            if (idr[i] == 0) {
                idr[i] = 1; // no start code emulation
            }
        }
        idr[0] = 0x65;
        accessUnit = List.of(idr);
        packetizer = new H264Packetizer(PacketizerConfig.builder().payloadType(96).build());
        depacketizer = new H264Depacketizer();
        packets = new H264Packetizer(PacketizerConfig.builder().payloadType(96).initialSequenceNumber(0).build())
                .packetize(accessUnit, 0);
    }

    /**
     * Packetize the frame into FU-A packets.
     *
     * @return the packets (consumed by JMH)
     */
    @Benchmark
    public List<RtpPacket> packetize() {
        return packetizer.packetize(accessUnit, 0);
    }

    /**
     * Reassemble the frame from its FU-A packets.
     *
     * @return the access unit (consumed by JMH)
     * @throws RtpCodecException never
     */
    @Benchmark
    public List<byte[]> depacketize() throws RtpCodecException {
        List<byte[]> au = null;
        for (RtpPacket p : packets) {
            au = depacketizer.depacketize(p);
        }
        return au;
    }
}
