package io.rtsp4j.rtp.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.buffer.PooledByteBufAllocator;
import io.rtsp4j.rtp.RtpPacket;
import io.rtsp4j.rtp.rtcp.ReceiverReport;
import io.rtsp4j.rtp.rtcp.RtcpJson;
import io.rtsp4j.rtp.rtcp.SenderReport;
import io.rtsp4j.rtp.time.NtpTime;
import io.rtsp4j.testing.Corpus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Exact receiver reports for the situations of gortsplib pkg/rtpreceiver/receiver_test.go whose reports are in
 * rtp/rtcp.jsonl (kind "report"), plus reordering, loss bursts and restarts.
 */
class RtcpReceiverTest {

    private static final long REMOTE = 0xba9da416L;
    private static final long LOCAL = 0x65f83afbL;
    private static final long TS = 0xafb45733L;

    private long now = nanos("2008-05-20T22:15:22Z");
    private final Collector sink = new Collector();

    private RtcpReceiver reliable() {
        return RtcpReceiver.builder(90000).localSsrc(LOCAL).clock(() -> now).build();
    }

    private RtcpReceiver unreliable(int bufferSize) {
        return RtcpReceiver.builder(90000).localSsrc(LOCAL).unreliableTransport(true).reorderBufferSize(bufferSize)
                .clock(() -> now).build();
    }

    private static ReceiverReport corpusReport(String name) {
        for (JsonNode rec : Corpus.jsonLines("rtp/rtcp.jsonl")) {
            if (rec.path("name").asText().equals(name)) {
                return (ReceiverReport) RtcpJson.packet(rec.path("packets").path(0));
            }
        }
        throw new AssertionError(name);
    }

    @Test
    void jitterFromArrivalAndTimestampDifferences() {
        RtcpReceiver rr = reliable();
        rr.onSenderReport(new SenderReport(REMOTE, 0xe363887a17ced916L, TS, 714, 859127, List.of()),
                nanos("2008-05-20T22:15:20Z"));
        rr.onPacket(packet(946, TS), nanos("2008-05-20T22:15:20Z"), true, sink);
        rr.onPacket(packet(947, TS + 45000), nanos("2008-05-20T22:15:21Z"), true, sink);
        rr.onPacket(packet(948, TS), nanos("2008-05-20T22:15:22Z"), false, sink); // B-frame: not used
        // D = 1 s * 90000 - 45000 = 45000, J = 45000 / 16
        assertThat(rr.buildReport()).isEqualTo(corpusReport("TestJitter RR #1"));
        assertThat(rr.stats().jitter()).isEqualTo(2812.5);
    }

    @Test
    void reliableGapAcrossTheSequenceWrap() {
        now = nanos("2008-05-20T22:15:21Z");
        RtcpReceiver rr = reliable();
        rr.onSenderReport(new SenderReport(REMOTE, 0xe363887a17ced916L, 1287981738, 714, 859127, List.of()),
                nanos("2008-05-20T22:15:20Z"));
        rr.onPacket(packet(0xffff, TS), nanos("2008-05-20T22:15:20Z"), true, sink);
        rr.onPacket(packet(2, TS), nanos("2008-05-20T22:15:20Z"), true, sink);
        assertThat(sink.lost).containsExactly(2L);
        assertThat(rr.buildReport()).isEqualTo(corpusReport("TestReliableOverflowAndPacketsLost RR #1"));
        assertThat(rr.stats().lastNtp()).isEqualTo(Instant.parse("2020-11-21T17:44:36.869277776Z"));
        assertThat(rr.stats().extendedSequenceNumber()).isEqualTo(0x10002);
        // a new interval starts after each report
        rr.onPacket(packet(3, TS), nanos("2008-05-20T22:15:20Z"), true, sink);
        assertThat(rr.buildReport().reports().get(0).fractionLost()).isZero();
    }

    @Test
    void bufferFullGivesUpTheGap() {
        RtcpReceiver rr = unreliable(64);
        rr.onPacket(packet(1564, 0), 0, true, sink);
        int toMiss = 34;
        for (int sn = 1565; sn < 1565 + 64 - toMiss; sn++) {
            rr.onPacket(packet(sn + toMiss, 0), 0, true, sink);
        }
        assertThat(sink.sequenceNumbers()).containsExactly(1564);
        rr.onPacket(packet(1565 + 64 - toMiss + toMiss, 0), 0, true, sink);
        assertThat(sink.lost).containsExactly(34L);
        assertThat(sink.sequenceNumbers()).containsExactlyElementsOf(
                concat(List.of(1564), IntStream.rangeClosed(1599, 1629).boxed().toList()));
        ReceiverReport expected = corpusReport("TestUnrealiableBufferFull RR #1");
        assertThat(rr.buildReport()).isEqualTo(new ReceiverReport(LOCAL, List.of(
                withSsrc(expected.reports().get(0), 0xba9da416L))));
        assertThat(rr.stats().packetsReceived()).isEqualTo(32);
        assertThat(rr.stats().packetsLost()).isEqualTo(34);
        sink.releaseAll();
    }

    @Test
    void restartAfterMoreOldPacketsThanTheBuffer() {
        RtcpReceiver rr = unreliable(64);
        rr.onPacket(packet(50000, 0), 0, true, sink);
        for (int sn = 40000; sn < 40064; sn++) {
            rr.onPacket(packet(sn, 0), 0, true, sink);
        }
        assertThat(sink.sequenceNumbers()).containsExactly(50000);
        rr.onPacket(packet(40064, 0), 0, true, sink);
        assertThat(sink.sequenceNumbers()).containsExactly(50000, 40064);
        assertThat(sink.lost).isEmpty();
        ReceiverReport expected = corpusReport("TestUnrealiableReset RR #1");
        assertThat(rr.buildReport()).isEqualTo(new ReceiverReport(LOCAL, List.of(
                withSsrc(expected.reports().get(0), REMOTE))));
        // the new sequence continues normally
        rr.onPacket(packet(40065, 0), 0, true, sink);
        assertThat(sink.sequenceNumbers()).endsWith(40065);
        sink.releaseAll();
    }

    @Test
    void reorderingAcrossTheWrapWithDuplicatesAndOwnership() {
        PooledByteBufAllocator alloc = PooledByteBufAllocator.DEFAULT;
        try (RtcpReceiver rr = unreliable(8)) {
            int[] arrivals = {65534, 65535, 1, 1, 0, 3, 2, 65535, 2, 6, 5};
            for (int sn : arrivals) {
                RtpPacket p = RtpPacket.builder().sequenceNumber(sn).ssrc(REMOTE)
                        .payload(alloc.buffer(4).writeInt(sn)).build();
                rr.onPacket(p, 0, true, sink);
            }
            assertThat(sink.sequenceNumbers()).containsExactly(65534, 65535, 0, 1, 2, 3);
            assertThat(sink.lost).isEmpty();
            assertThat(rr.stats().extendedSequenceNumber()).isEqualTo(0x10003);
            // 4 is missing, 5 and 6 wait in the buffer; close() releases them
        }
        sink.releaseAll();
    }

    @Test
    void lossBurstLongerThanTheBufferWithBufferedPacketsInside() {
        RtcpReceiver rr = unreliable(4);
        rr.onPacket(packet(10, 0), 0, true, sink);
        rr.onPacket(packet(12, 0), 0, true, sink); // 11 missing
        rr.onPacket(packet(14, 0), 0, true, sink); // 13 missing
        assertThat(sink.sequenceNumbers()).containsExactly(10);
        rr.onPacket(packet(30, 0), 0, true, sink); // does not fit: give up 11, 13, 15..29
        assertThat(sink.sequenceNumbers()).containsExactly(10, 12, 14, 30);
        assertThat(sink.lost).containsExactly(17L);
        rr.onPacket(packet(31, 0), 0, true, sink);
        assertThat(sink.sequenceNumbers()).endsWith(31);
        ReceiverReport report = rr.buildReport();
        assertThat(report.reports().get(0).totalLost()).isEqualTo(17);
        assertThat(report.reports().get(0).fractionLost()).isEqualTo(17 * 256 / (5 + 17));
        assertThat(report.reports().get(0).lastSequenceNumber()).isEqualTo(31);
        sink.releaseAll();
    }

    @Test
    void noReportBeforeDataOrWithoutClockRate() {
        assertThat(reliable().buildReport()).isNull();
        assertThat(reliable().stats()).isNull();
        RtcpReceiver noClock = RtcpReceiver.builder(0).clock(() -> now).build();
        noClock.onPacket(packet(1, 1), 0, true, sink);
        assertThat(noClock.buildReport()).isNull();
        assertThat(noClock.packetNtp(1)).isNull();
        assertThat(noClock.stats().packetsReceived()).isEqualTo(1);
    }

    private static io.rtsp4j.rtp.rtcp.ReceptionReport withSsrc(io.rtsp4j.rtp.rtcp.ReceptionReport r, long ssrc) {
        // upstream sends packets without SSRC (0); these tests use a real one
        return new io.rtsp4j.rtp.rtcp.ReceptionReport(ssrc, r.fractionLost(), r.totalLost(), r.lastSequenceNumber(),
                r.jitter(), r.lastSenderReport(), r.delay());
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static RtpPacket packet(int seq, long ts) {
        return RtpPacket.builder().marker(true).payloadType(96).sequenceNumber(seq).timestamp(ts).ssrc(REMOTE)
                .payload(new byte[] {0, 0}).build();
    }

    private static long nanos(String iso) {
        return NtpTime.toUnixNanos(Instant.parse(iso));
    }

    private static final class Collector implements RtcpReceiver.PacketSink {
        final List<RtpPacket> packets = new ArrayList<>();
        final List<Long> lost = new ArrayList<>();

        @Override
        public void onPacket(RtpPacket packet) {
            packets.add(packet);
        }

        @Override
        public void onPacketsLost(long count) {
            lost.add(count);
        }

        List<Integer> sequenceNumbers() {
            return packets.stream().map(RtpPacket::sequenceNumber).toList();
        }

        void releaseAll() {
            packets.forEach(RtpPacket::release);
        }
    }
}
