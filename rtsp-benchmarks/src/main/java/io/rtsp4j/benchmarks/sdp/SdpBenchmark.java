package io.rtsp4j.benchmarks.sdp;

import io.rtsp4j.sdp.SdpReader;
import io.rtsp4j.sdp.SdpWriter;
import io.rtsp4j.sdp.SessionDescription;
import io.rtsp4j.sdp.description.Session;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading and writing a typical camera SDP (a Samsung camera's DESCRIBE answer: H.264 with parameter
 * sets, G.711, ONVIF metadata; shared corpus session-one-format-for-each-media-absolute.sdp), at both
 * layers: the raw line model and the interpreted session (formats decoded, SPS parsed).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class SdpBenchmark {

    static final String CAMERA_SDP = "v=0\r\n"
            + "o=- 0 0 IN IP4 10.0.0.131\r\n"
            + "s=Media Presentation\r\n"
            + "i=samsung\r\n"
            + "c=IN IP4 0.0.0.0\r\n"
            + "b=AS:2632\r\n"
            + "t=0 0\r\n"
            + "a=control:rtsp://10.0.100.50/profile5/media.smp\r\n"
            + "a=range:npt=now-\r\n"
            + "m=video 42504 RTP/AVP 97\r\n"
            + "b=AS:2560\r\n"
            + "a=rtpmap:97 H264/90000\r\n"
            + "a=control:rtsp://10.0.100.50/profile5/media.smp/trackID=v\r\n"
            + "a=cliprect:0,0,1080,1920\r\n"
            + "a=framesize:97 1920-1080\r\n"
            + "a=framerate:30.0\r\n"
            + "a=fmtp:97 packetization-mode=1;profile-level-id=640028;sprop-parameter-sets=Z2QAKKy0A8ARPyo=,aO4Bniw=\r\n"
            + "m=audio 42506 RTP/AVP 0\r\n"
            + "b=AS:64\r\n"
            + "a=rtpmap:0 PCMU/8000\r\n"
            + "a=control:rtsp://10.0.100.50/profile5/media.smp/trackID=a\r\n"
            + "a=recvonly\r\n"
            + "m=application 42508 RTP/AVP 107\r\n"
            + "b=AS:8\r\n";

    private SessionDescription raw;
    private Session session;

    /** Parses the SDP once for the write benchmarks. */
    @Setup
    public void setup() {
        raw = SdpReader.parse(CAMERA_SDP);
        session = Session.parse(CAMERA_SDP).withTrackIdControls();
    }

    /**
     * Tolerant reading into the raw line model.
     *
     * @return the description
     */
    @Benchmark
    public SessionDescription readRaw() {
        return SdpReader.parse(CAMERA_SDP);
    }

    /**
     * Writing the raw line model.
     *
     * @return the SDP text
     */
    @Benchmark
    public String writeRaw() {
        return SdpWriter.write(raw);
    }

    /**
     * Reading and interpreting: medias, formats, H.264 SPS.
     *
     * @return the session
     */
    @Benchmark
    public Session parseSession() {
        return Session.parse(CAMERA_SDP);
    }

    /**
     * Writing the canonical SDP a server announces.
     *
     * @return the SDP text
     */
    @Benchmark
    public String writeSession() {
        return session.toSdp();
    }
}
