package io.rtsp4j.rtp.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.rtsp4j.rtp.RtpPacket;
import io.rtsp4j.rtp.TestPackets;
import io.rtsp4j.testing.Corpus;
import io.rtsp4j.testing.Hex;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every record of the codec files of rtp/ (see the corpus README): encode+decode vectors, decode-only captures of
 * real cameras, decode sequences with expected errors and generated inputs that must hit a limit.
 */
class CodecCorpusTest {

    static Stream<Arguments> records() {
        List<Arguments> out = new ArrayList<>();
        for (CodecAdapter codec : Codecs.BY_FILE.values()) {
            for (JsonNode rec : Corpus.jsonLines("rtp/" + codec.file() + ".jsonl")) {
                if (rec.path("mode").asText().equals("payload-header")) {
                    continue; // MJPEG header records are tested by the MJPEG tests
                }
                out.add(Arguments.of(Named.of(codec.file() + ".jsonl " + rec.path("name").asText(), codec), rec));
            }
        }
        return out.stream();
    }

    @ParameterizedTest
    @MethodSource("records")
    void record(CodecAdapter codec, JsonNode rec) throws Exception {
        switch (rec.path("mode").asText()) {
            case "encode+decode" -> {
                encode(codec, rec);
                decode(codec, rec, rec.path("decodeCheck").asText());
            }
            case "decode" -> decode(codec, rec, "last-only");
            case "decode-sequence" -> decodeSequence(codec, rec);
            case "decode-generated" -> decodeGenerated(codec, rec);
            default -> fail("unknown mode " + rec.path("mode"));
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void encode(CodecAdapter codec, JsonNode rec) {
        JsonNode e = rec.path("encoder");
        PacketizerConfig.Builder b = PacketizerConfig.builder()
                .ssrc(e.path("ssrc").asLong())
                .initialSequenceNumber(e.path("initialSequenceNumber").asInt())
                .maxPayloadSize(e.path("payloadMaxSize").asInt());
        if (e.has("payloadType")) {
            b.payloadType(e.path("payloadType").asInt());
        }
        Packetizer packetizer = codec.packetizer().apply(b.build(), e);
        List<RtpPacket> packets = packetizer.packetize(codec.unit(rec), 0);
        List<String> actual = packets.stream().map(TestPackets::hex).toList();
        List<String> expected = new ArrayList<>();
        rec.path("packets").forEach(p -> expected.add(p.path("packet").asText()));
        assertThat(actual).isEqualTo(expected);
        for (RtpPacket p : packets) {
            assertThat(p.payloadSize()).isLessThanOrEqualTo(e.path("payloadMaxSize").asInt());
            p.release();
        }
    }

    private static void decode(CodecAdapter codec, JsonNode rec, String check) throws RtpCodecException {
        Depacketizer<?> d = codec.depacketizer().apply(rec.path("decoder"));
        List<Object> outputs = new ArrayList<>();
        List<JsonNode> packets = new ArrayList<>();
        rec.path("packets").forEach(packets::add);
        Object last = null;
        for (int i = 0; i < packets.size(); i++) {
            Object out = d.depacketize(TestPackets.fromJson(packets.get(i)));
            if (check.equals("last-only") && i < packets.size() - 1) {
                assertThat(out).as("packet %d needs more packets", i).isNull();
            }
            if (out != null) {
                outputs.add(out);
            }
            last = out;
        }
        Object expected = CodecAdapter.comparable(codec.unit(rec));
        switch (check) {
            case "accumulate" -> assertThat(CodecAdapter.comparable(codec.accumulate(outputs))).isEqualTo(expected);
            case "last", "last-only" -> {
                assertThat(last).as("output of the last packet").isNotNull();
                assertThat(CodecAdapter.comparable(last)).isEqualTo(expected);
            }
            case "each" -> {
                assertThat(outputs).isNotEmpty();
                outputs.forEach(o -> assertThat(CodecAdapter.comparable(o)).isEqualTo(expected));
            }
            case "single" -> {
                assertThat(outputs).hasSize(1);
                assertThat(CodecAdapter.comparable(outputs.get(0))).isEqualTo(expected);
            }
            default -> fail("unknown decodeCheck " + check);
        }
    }

    private static void decodeSequence(CodecAdapter codec, JsonNode rec) throws RtpCodecException {
        Depacketizer<?> d = codec.depacketizer().apply(rec.path("decoder"));
        for (JsonNode step : rec.path("steps")) {
            RtpPacket packet = TestPackets.fromJson(step.path("packet"));
            switch (step.path("expect").asText()) {
                case "ok" -> {
                    Object out = d.depacketize(packet);
                    assertThat(out).isNotNull();
                    assertThat(CodecAdapter.comparable(out))
                            .isEqualTo(CodecAdapter.comparable(codec.fromJson(step.path("output"))));
                }
                case "more-packets-needed" -> assertThat(d.depacketize(packet)).isNull();
                case "error" -> assertThatThrownBy(() -> d.depacketize(packet)).isInstanceOf(RtpCodecException.class)
                        .hasMessage(step.path("error").asText());
                case "unchecked" -> {
                    try {
                        d.depacketize(packet);
                    } catch (RtpCodecException e) {
                        // not asserted upstream
                    }
                }
                default -> fail("unknown expectation " + step);
            }
        }
    }

    private static void decodeGenerated(CodecAdapter codec, JsonNode rec) {
        Depacketizer<?> d = codec.depacketizer().apply(rec.path("decoder"));
        JsonNode g = rec.path("generator");
        JsonNode h = g.path("header");
        int count = g.path("packetCount").asInt();
        RtpCodecException last = null;
        for (int i = 0; i < count; i++) {
            RtpPacket p = RtpPacket.builder().version(h.path("version").asInt()).marker(h.path("marker").asBoolean())
                    .payloadType(h.path("payloadType").asInt())
                    .sequenceNumber((h.path("sequenceNumberStart").asInt()
                            + i * h.path("sequenceNumberIncrement").asInt()) & 0xFFFF)
                    .timestamp(h.path("timestamp").asLong()).ssrc(h.path("ssrc").asLong())
                    .payload(Hex.decode(g.path(i == 0 ? "payloadFirst" : "payloadOther").asText()))
                    .build();
            try {
                d.depacketize(p);
                last = null;
            } catch (RtpCodecException e) {
                last = e;
            }
        }
        assertThat(last).as("error after the last packet").isNotNull();
        assertThat(last.getMessage()).isEqualTo(rec.path("error").asText());
        assertThat(last.reason()).isEqualTo(RtpCodecException.Reason.TOO_LARGE);
    }
}
