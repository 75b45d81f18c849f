package io.rtsp4j.rtp.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.rtsp4j.rtp.RtpPacket;
import io.rtsp4j.rtp.TestPackets;
import io.rtsp4j.rtp.rtcp.RtcpJson;
import io.rtsp4j.rtp.rtcp.RtcpPacket;
import io.rtsp4j.rtp.rtcp.SenderReport;
import io.rtsp4j.rtp.time.NtpTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import io.rtsp4j.testing.Corpus;

/** Replays every record of rtp/rtcp-scenarios.jsonl against RtcpReceiver / RtcpSender with a controlled clock. */
class ScenarioTest {

    static Stream<Arguments> scenarios() {
        return Corpus.jsonLines("rtp/rtcp-scenarios.jsonl").stream()
                .map(r -> Arguments.of(Named.of("rtcp-scenarios.jsonl " + r.path("name").asText(), r)));
    }

    private long now;

    @ParameterizedTest
    @MethodSource("scenarios")
    void scenario(JsonNode rec) {
        JsonNode config = rec.path("config");
        if (rec.path("now").isTextual() && !rec.path("now").asText().startsWith("controlled")) {
            now = nanos(rec.path("now").asText());
        }
        if (rec.path("component").asText().equals("Receiver")) {
            runReceiver(rec, config);
        } else {
            runSender(rec, config);
        }
    }

    private void runReceiver(JsonNode rec, JsonNode config) {
        RtcpReceiver.Builder builder = RtcpReceiver.builder(config.path("clockRate").asInt())
                .localSsrc(config.path("localSsrc").asLong())
                .unreliableTransport(config.path("unrealiableTransport").asBoolean())
                .clock(() -> now);
        if (config.has("bufferSize")) {
            builder.reorderBufferSize(config.path("bufferSize").asInt());
        }
        JsonNode first = rec.path("steps").path(0);
        if (first.path("op").asText().equals("expect-initialize-error")) {
            // upstream: Period 0 is "invalid Period"; here the period is a Duration that must be positive
            assertThat(config.has("periodMs")).isFalse();
            assertThatThrownBy(() -> builder.period(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("invalid period");
            return;
        }
        builder.period(Duration.ofMillis(config.path("periodMs").asLong()));
        try (RtcpReceiver receiver = builder.build()) {
            for (JsonNode step : rec.path("steps")) {
                switch (step.path("op").asText()) {
                    case "rtp" -> {
                        List<RtpPacket> out = new ArrayList<>();
                        long[] lost = new long[1];
                        receiver.onPacket(TestPackets.fromJson(step.path("packet")), ntp(step), step.path(
                                "ptsEqualsDTS").asBoolean(), new RtcpReceiver.PacketSink() {
                                    @Override
                                    public void onPacket(RtpPacket packet) {
                                        out.add(packet);
                                    }

                                    @Override
                                    public void onPacketsLost(long count) {
                                        lost[0] += count;
                                    }
                                });
                        if (step.has("expectOutput")) {
                            List<RtpPacket> expected = new ArrayList<>();
                            step.path("expectOutput").forEach(p -> expected.add(TestPackets.fromJson(p)));
                            assertThat(out).as("packets released at %s", step).isEqualTo(expected);
                        }
                        if (step.has("expectLost")) {
                            assertThat(lost[0]).as("lost at %s", step).isEqualTo(step.path("expectLost").asLong());
                        }
                        out.forEach(RtpPacket::release);
                    }
                    case "sender-report" -> receiver.onSenderReport(
                            (SenderReport) RtcpJson.packet(step.path("report")), ntp(step));
                    case "expect-stats" -> checkReceiverStats(receiver.stats(), step.path("stats"));
                    case "wait-report" -> {
                        RtcpPacket report = receiver.buildReport();
                        assertThat(report).as("a report is emitted").isNotNull();
                        JsonNode expected = step.has("expect") ? step.path("expect") : rec.path("expectedReportWhenFired");
                        if (!expected.isNull() && !expected.isMissingNode()) {
                            assertThat(report).isEqualTo(RtcpJson.packet(expected));
                        }
                    }
                    case "expect-no-report" -> assertThat(receiver.buildReport()).isNull();
                    case "sleep" -> { }
                    default -> throw new AssertionError("unknown step " + step);
                }
            }
        }
    }

    private void runSender(JsonNode rec, JsonNode config) {
        RtcpSender sender = new RtcpSender(config.path("clockRate").asInt(),
                Duration.ofMillis(config.path("periodMs").asLong()), () -> now);
        Deque<RtcpPacket> immediate = new ArrayDeque<>();
        for (JsonNode step : rec.path("steps")) {
            switch (step.path("op").asText()) {
                case "set-now" -> now = nanos(step.path("now").asText());
                case "rtp" -> {
                    RtpPacket p = TestPackets.fromJson(step.path("packet"));
                    if (sender.onPacketSent(p, ntp(step), step.path("ptsEqualsDTS").asBoolean())) {
                        immediate.add(sender.buildReport());
                    }
                }
                case "wait-report" -> {
                    RtcpPacket report = immediate.isEmpty() ? sender.buildReport() : immediate.poll();
                    assertThat(report).isNotNull();
                    if (step.has("expect")) {
                        assertThat(report).isEqualTo(RtcpJson.packet(step.path("expect")));
                    }
                    if (step.has("expectType")) {
                        assertThat(report).isInstanceOf(SenderReport.class);
                        SenderReport sr = (SenderReport) report;
                        assertThat(sr.ssrc()).isEqualTo(step.path("expectFields").path("ssrc").asLong());
                        assertThat(sr.ntpTime()).isNotZero();
                    }
                }
                case "reception-report" -> sender.onReceptionReport(RtcpJson.report(step.path("report")));
                case "expect-stats" -> {
                    RtcpSender.Stats stats = sender.stats();
                    JsonNode e = step.path("stats");
                    if (e.isNull()) {
                        assertThat(stats).isNull();
                        continue;
                    }
                    assertThat(stats.packetsSent()).isEqualTo(e.path("sent").asLong())
                            .isEqualTo(e.path("totalSent").asLong());
                    assertThat(stats.packetsReportedLost()).isEqualTo(e.path("reportedLost").asLong());
                    assertThat(stats.lastSequenceNumber()).isEqualTo(e.path("lastSequenceNumber").asInt());
                    assertThat(stats.lastRtpTimestamp()).isEqualTo(e.path("lastRtp").asLong());
                    assertThat(stats.lastNtp()).isEqualTo(Instant.parse(e.path("lastNTP").asText()));
                }
                default -> throw new AssertionError("unknown step " + step);
            }
        }
    }

    private static void checkReceiverStats(RtcpReceiver.Stats stats, JsonNode e) {
        if (e.isNull()) {
            assertThat(stats).isNull();
            return;
        }
        assertThat(stats).isNotNull();
        assertThat(stats.packetsReceived()).isEqualTo(e.path("received").asLong())
                .isEqualTo(e.path("totalReceived").asLong());
        assertThat(stats.packetsLost()).isEqualTo(e.path("lost").asLong()).isEqualTo(e.path("totalLost").asLong());
        assertThat(stats.lastSequenceNumber()).isEqualTo(e.path("lastSequenceNumber").asInt());
        assertThat(stats.lastRtpTimestamp()).isEqualTo(e.path("lastRtp").asLong());
        assertThat(stats.remoteSsrc()).isEqualTo(e.path("remoteSsrc").asLong());
        assertThat(stats.jitter()).isEqualTo(e.path("jitter").asDouble());
        if (e.has("lastNTP")) {
            assertThat(stats.lastNtp()).isEqualTo(Instant.parse(e.path("lastNTP").asText()));
        } else {
            assertThat(stats.lastNtp()).isNull();
        }
    }

    private static long ntp(JsonNode step) {
        return step.path("ntp").isTextual() ? nanos(step.path("ntp").asText()) : 0;
    }

    private static long nanos(String iso) {
        return NtpTime.toUnixNanos(Instant.parse(iso));
    }
}
