package io.rtsp4j.rtp.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rtsp4j.rtp.RtpPacket;
import io.rtsp4j.rtp.rtcp.ReceiverReport;
import io.rtsp4j.rtp.rtcp.ReceptionReport;
import io.rtsp4j.rtp.rtcp.RtcpPacket;
import io.rtsp4j.rtp.rtcp.SenderReport;
import io.rtsp4j.rtp.time.NtpTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RtcpSenderTest {

    private long now = nanos("2017-08-10T12:22:00Z");

    /**
     * The reference server test (gortsplib TestServerPlayRTCPReport): a packet with timestamp 240000 at NTP
     * 2017-08-10 12:22:00 gives SR{NTP, 240000, 1, 1}; 30 s later SR{NTP + 30 s, 240000 + 90000 * 30}.
     */
    @Test
    void firstReportRightAwayThenPeriodic() {
        RtcpSender sender = new RtcpSender(90000, () -> now);
        assertThat(sender.buildReport()).isNull();
        assertThat(sender.period()).isEqualTo(Duration.ofSeconds(10));
        // a packet that is not a random access point does not start the reports
        assertThat(sender.onPacketSent(packet(1, 230000, 1), now - 1_000_000_000L, false)).isFalse();
        assertThat(sender.buildReport()).isNull();
        assertThat(sender.onPacketSent(packet(2, 240000, 1), now, true)).isTrue();
        long ntp = NtpTime.fromInstant(Instant.parse("2017-08-10T12:22:00Z"));
        assertThat(sender.buildReport()).isEqualTo(new SenderReport(0x11223344L, ntp, 240000, 2, 2, List.of()));
        now += 30_000_000_000L;
        assertThat(sender.onPacketSent(packet(3, 240000 + 90000, 5), now - 29_000_000_000L, false)).isFalse();
        assertThat(sender.buildReport()).isEqualTo(new SenderReport(0x11223344L,
                NtpTime.fromInstant(Instant.parse("2017-08-10T12:22:30Z")), 240000 + 90000 * 30, 3, 7, List.of()));
    }

    @Test
    void rtpTimeWrapsAndCountsWrap() {
        RtcpSender sender = new RtcpSender(90000, () -> now);
        sender.onPacketSent(1, 0xFFFFFFF0L, 0x11223344L, 10, now, true);
        now += 1_000_000_000L;
        SenderReport sr = sender.buildReport();
        assertThat(sr.rtpTime()).isEqualTo((0xFFFFFFF0L + 90000) & 0xFFFFFFFFL);
    }

    @Test
    void compoundReportCarriesTheCname() {
        RtcpSender sender = new RtcpSender(90000, () -> now);
        assertThat(sender.buildCompoundReport(1, "x")).isEmpty();
        sender.onPacketSent(packet(1, 1, 1), now, true);
        List<RtcpPacket> compound = sender.buildCompoundReport(0x11223344L, "rtsp4j@test");
        assertThat(compound).hasSize(2);
        assertThat(compound.get(0)).isInstanceOf(SenderReport.class);
        assertThat(compound.get(1)).isEqualTo(io.rtsp4j.rtp.rtcp.SourceDescription.cname(0x11223344L,
                "rtsp4j@test"));
    }

    @Test
    void zeroClockRateDisablesReports() {
        RtcpSender sender = new RtcpSender(0, () -> now);
        assertThat(sender.onPacketSent(packet(1, 1, 1), now, true)).isFalse();
        assertThat(sender.buildReport()).isNull();
        assertThat(sender.stats().packetsSent()).isEqualTo(1);
    }

    @Test
    void reportedLossOnlyFromBlocksAboutThisStream() {
        RtcpSender sender = new RtcpSender(90000, () -> now);
        sender.onPacketSent(packet(1, 1, 1), now, true);
        sender.onRtcpPacket(new ReceiverReport(5, List.of(new ReceptionReport(0x11223344L, 0, 12, 0, 0, 0, 0),
                new ReceptionReport(99, 0, 100, 0, 0, 0, 0))));
        assertThat(sender.stats().packetsReportedLost()).isEqualTo(12);
        sender.onRtcpPacket(new SenderReport(5, 0, 0, 0, 0, List.of(new ReceptionReport(0x11223344L, 0, 13, 0, 0,
                0, 0))));
        assertThat(sender.stats().packetsReportedLost()).isEqualTo(13);
    }

    @Test
    void invalidSettings() {
        assertThatThrownBy(() -> new RtcpSender(90000, Duration.ZERO, () -> now))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("invalid period");
        assertThatThrownBy(() -> new RtcpSender(-1, () -> now)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void schedulerEmitsReportsOnTheExecutor() throws Exception {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
        try {
            RtcpSender sender = new RtcpSender(90000, () -> now);
            executor.submit(() -> sender.onPacketSent(packet(1, 1, 1), now, true)).get();
            List<RtcpPacket> sent = new CopyOnWriteArrayList<>();
            CountDownLatch two = new CountDownLatch(2);
            try (RtcpReportScheduler scheduler = RtcpReportScheduler.start(executor, Duration.ofMillis(5),
                    sender::buildReport, p -> {
                        sent.add(p);
                        two.countDown();
                    })) {
                assertThat(two.await(30, TimeUnit.SECONDS)).isTrue();
                assertThat(scheduler.future().isDone()).isFalse();
            }
            assertThat(sent.get(0)).isInstanceOf(SenderReport.class);
        } finally {
            executor.shutdownNow();
        }
    }

    private static RtpPacket packet(int seq, long ts, int payloadSize) {
        return RtpPacket.builder().payloadType(96).sequenceNumber(seq).timestamp(ts).ssrc(0x11223344L)
                .payload(new byte[payloadSize]).build();
    }

    private static long nanos(String iso) {
        return NtpTime.toUnixNanos(Instant.parse(iso));
    }
}
