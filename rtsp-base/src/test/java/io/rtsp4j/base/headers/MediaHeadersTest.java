package io.rtsp4j.base.headers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.rtsp4j.testing.Corpus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Transport, Session, RTP-Info, Range and KeyMgmt against headers/*.jsonl and the fuzz corpus. */
class MediaHeadersTest {

    static Stream<Arguments> records(String file) {
        return Corpus.jsonLines("headers/" + file).stream()
                .map(r -> Arguments.of(Named.of(r.path("name").asText() + " [" + r.path("source").asText() + "]", r)));
    }

    static Stream<Arguments> transport() {
        return records("transport.jsonl");
    }

    static Stream<Arguments> transports() {
        return records("transports.jsonl");
    }

    static Stream<Arguments> session() {
        return records("session.jsonl");
    }

    static Stream<Arguments> rtpInfo() {
        return records("rtp-info.jsonl");
    }

    static Stream<Arguments> range() {
        return records("range.jsonl");
    }

    static Stream<Arguments> keyMgmt() {
        return records("key-mgmt.jsonl");
    }

    /**
     * Runs one corpus record: multi-value inputs must be rejected; robustness records must parse or be
     * rejected cleanly (and re-format when parsed); valid ones must give the expected fields and format.
     */
    static <T> void run(JsonNode rec, HeaderProperties.Parser<T> parser, ListParser<T> listParser,
            java.util.function.Function<T, String> formatter, java.util.function.BiConsumer<T, JsonNode> expect)
            throws HeaderParseException {
        if (rec.has("inputValues")) {
            List<String> values = HeaderProperties.valuesOf(rec.path("inputValues"));
            assertThatThrownBy(() -> listParser.parse(values)).isInstanceOf(HeaderParseException.class);
            return;
        }
        String input = rec.path("input").asText();
        if (rec.path("valid").isNull()) {
            HeaderProperties.check(input, parser, formatter);
            return;
        }
        T value = parser.parse(input);
        expect.accept(value, rec.path("expected"));
        assertThat(formatter.apply(value)).isEqualTo(rec.path("marshaled").asText());
        assertThat(listParser.parse(List.of(input))).isEqualTo(value);
        HeaderProperties.check(input, parser, formatter);
    }

    interface ListParser<T> {
        T parse(List<String> values) throws HeaderParseException;
    }

    static PortPair pair(JsonNode n) {
        return n.isNull() || n.isMissingNode() ? null : new PortPair(n.get(0).asInt(), n.get(1).asInt());
    }

    static String textOrNull(JsonNode n) {
        return n.isNull() || n.isMissingNode() ? null : n.asText();
    }

    static void expectTransport(Transport t, JsonNode e) {
        assertThat(t.protocol().name()).isEqualTo(e.path("protocol").asText());
        assertThat(t.profile().name()).isEqualTo(e.path("profile").asText());
        assertThat(t.delivery() == null ? null : t.delivery().name().toLowerCase(Locale.ROOT))
                .isEqualTo(textOrNull(e.path("delivery")));
        assertThat(t.source()).isEqualTo(textOrNull(e.path("source")));
        assertThat(t.destination()).isEqualTo(textOrNull(e.path("destination")));
        assertThat(t.interleaved()).isEqualTo(pair(e.path("interleavedIds")));
        assertThat(t.ttl()).isEqualTo(e.path("ttl").isNull() ? null : e.path("ttl").asInt());
        assertThat(t.ports()).isEqualTo(pair(e.path("ports")));
        assertThat(t.clientPorts()).isEqualTo(pair(e.path("clientPorts")));
        assertThat(t.serverPorts()).isEqualTo(pair(e.path("serverPorts")));
        assertThat(t.ssrc()).isEqualTo(e.path("ssrc").isNull() ? null : e.path("ssrc").asLong());
        assertThat(t.mode() == null ? null : t.mode().name().toLowerCase(Locale.ROOT))
                .isEqualTo(textOrNull(e.path("mode")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transport")
    void transportCorpus(JsonNode rec) throws Exception {
        run(rec, Transport::parse, Transport::parse, Transport::format, MediaHeadersTest::expectTransport);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transports")
    void transportsCorpus(JsonNode rec) throws Exception {
        run(rec, Transports::parse, Transports::parse, Transports::format, (ts, e) -> {
            assertThat(ts.list()).hasSize(e.size());
            for (int i = 0; i < e.size(); i++) {
                expectTransport(ts.list().get(i), e.get(i));
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("session")
    void sessionCorpus(JsonNode rec) throws Exception {
        run(rec, SessionHeader::parse, SessionHeader::parse, SessionHeader::format, (s, e) -> {
            assertThat(s.id()).isEqualTo(e.path("session").asText());
            assertThat(s.timeout()).isEqualTo(e.path("timeout").isNull() ? null : e.path("timeout").asInt());
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rtpInfo")
    void rtpInfoCorpus(JsonNode rec) throws Exception {
        run(rec, RtpInfo::parse, RtpInfo::parse, RtpInfo::format, (r, e) -> {
            assertThat(r.entries()).hasSize(e.size());
            for (int i = 0; i < e.size(); i++) {
                RtpInfo.Entry got = r.entries().get(i);
                JsonNode exp = e.get(i);
                assertThat(got.url()).isEqualTo(exp.path("url").asText());
                assertThat(got.sequenceNumber()).isEqualTo(exp.path("sequenceNumber").isNull() ? null
                        : exp.path("sequenceNumber").asInt());
                assertThat(got.timestamp()).isEqualTo(exp.path("timestamp").isNull() ? null
                        : exp.path("timestamp").asLong());
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("range")
    void rangeCorpus(JsonNode rec) throws Exception {
        run(rec, Range::parse, Range::parse, Range::format, (r, e) -> {
            assertThat(r.time()).isEqualTo(e.path("time").isNull() ? null : Instant.parse(e.path("time").asText()));
            switch (e.path("unit").asText()) {
                case "npt": {
                    Range.Npt npt = (Range.Npt) r;
                    assertThat(npt.start().offset()).isEqualTo(Duration.ofNanos(e.path("startNanos").asLong()));
                    assertThat(npt.end() == null ? null : npt.end().offset())
                            .isEqualTo(e.path("endNanos").isNull() ? null : Duration.ofNanos(e.path("endNanos").asLong()));
                    break;
                }
                case "smpte": {
                    Range.Smpte s = (Range.Smpte) r;
                    assertThat(s.start()).isEqualTo(smpte(e.path("start")));
                    assertThat(s.end()).isEqualTo(e.path("end").isNull() ? null : smpte(e.path("end")));
                    break;
                }
                case "clock": {
                    Range.Clock c = (Range.Clock) r;
                    assertThat(c.start()).isEqualTo(Instant.parse(e.path("start").asText()));
                    assertThat(c.end()).isEqualTo(e.path("end").isNull() ? null : Instant.parse(e.path("end").asText()));
                    break;
                }
                default:
                    throw new AssertionError(e);
            }
        });
    }

    static Range.SmpteTime smpte(JsonNode n) {
        return new Range.SmpteTime(Duration.ofNanos(n.path("timeNanos").asLong()), n.path("frame").asInt(),
                n.path("subframe").asInt());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keyMgmt")
    void keyMgmtCorpus(JsonNode rec) throws Exception {
        run(rec, KeyMgmt::parse, KeyMgmt::parse, KeyMgmt::format, (k, e) -> {
            assertThat(k.protocol()).isEqualTo(KeyMgmt.MIKEY);
            assertThat(k.uri()).isEqualTo(e.path("url").asText());
            byte[] mikey = k.data();
            JsonNode header = e.path("mikeyMessage").path("header");
            // the MIKEY decoder lives in rtsp-srtp; the fixed header fields show the bytes are intact
            assertThat(mikey[0]).isEqualTo((byte) header.path("version").asInt());
            long csbId = ((mikey[4] & 0xffL) << 24) | ((mikey[5] & 0xff) << 16) | ((mikey[6] & 0xff) << 8) | (mikey[7] & 0xff);
            assertThat(csbId).isEqualTo(header.path("csbId").asLong());
        });
    }

    // ---------------------------------------------------------------- beyond the corpus

    static Stream<Arguments> transportDialects() {
        return Stream.of(
                Arguments.of("VLC UDP request", "RTP/AVP;unicast;client_port=61234-61235",
                        "RTP/AVP;unicast;client_port=61234-61235"),
                Arguments.of("FFmpeg TCP request", "RTP/AVP/TCP;unicast;interleaved=0-1",
                        "RTP/AVP/TCP;unicast;interleaved=0-1"),
                Arguments.of("FFmpeg record", "RTP/AVP/UDP;unicast;client_port=22000-22001;mode=record",
                        "RTP/AVP;unicast;client_port=22000-22001;mode=record"),
                Arguments.of("Darwin/old FFmpeg receive", "RTP/AVP/TCP;unicast;interleaved=2-3;mode=receive",
                        "RTP/AVP/TCP;unicast;interleaved=2-3;mode=record"),
                Arguments.of("multicast response", "RTP/AVP;multicast;destination=224.1.0.1;port=8002-8003;ttl=127",
                        "RTP/AVP;multicast;destination=224.1.0.1;port=8002-8003;ttl=127"),
                Arguments.of("lower-case profile and trailing semicolon", "rtp/avp/tcp;interleaved=0-1;",
                        "RTP/AVP/TCP;interleaved=0-1"),
                Arguments.of("quoted ssrc and spaces", " RTP/AVP ; unicast ; client_port = 5000 ; ssrc=\"1A2B\"",
                        "RTP/AVP;unicast;client_port=5000-5001;ssrc=00001A2B"),
                Arguments.of("invalid ssrc is ignored (gortsplib)", "RTP/AVP;unicast;client_port=5000-5001;ssrc=zzzz",
                        "RTP/AVP;unicast;client_port=5000-5001"),
                Arguments.of("too long ssrc is ignored", "RTP/AVP;unicast;ssrc=123456789",
                        "RTP/AVP;unicast"),
                Arguments.of("append, layers and source", "RTP/AVP;multicast;source=10.0.0.1;append;layers=2",
                        "RTP/AVP;multicast;source=10.0.0.1;append;layers=2"),
                Arguments.of("unknown parameters are dropped", "RTP/AVP;unicast;x-dynamic-rate=1;client_port=5000-5001",
                        "RTP/AVP;unicast;client_port=5000-5001"),
                Arguments.of("odd interleaved first channel (gortsplib#304)", "RTP/AVP/TCP;interleaved=1-2",
                        "RTP/AVP/TCP;interleaved=1-2"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transportDialects")
    void transportDialect(String name, String in, String out) throws Exception {
        assertThat(Transport.parse(in).format()).isEqualTo(out);
    }

    static Stream<Arguments> badTransports() {
        return Stream.of(
                Arguments.of("no profile", "unicast;client_port=5000-5001", "profile is missing"),
                Arguments.of("two profiles", "RTP/AVP;RTP/AVP/TCP", "more than one profile"),
                Arguments.of("unsupported profile", "RTP/AVPF;unicast", "unsupported profile 'RTP/AVPF'"),
                Arguments.of("bad mode", "RTP/AVP;mode=teardown", "invalid mode 'teardown'"),
                Arguments.of("port out of range", "RTP/AVP;client_port=70000-70001", "client ports 70000 out of range"),
                Arguments.of("single port 65535", "RTP/AVP;client_port=65535", "invalid client ports '65535'"),
                Arguments.of("interleaved above 255", "RTP/AVP/TCP;interleaved=256-257",
                        "interleaved channels 256 out of range"),
                Arguments.of("dash only", "RTP/AVP;port=-", "invalid ports ''"),
                Arguments.of("space in destination", "RTP/AVP;destination=\"a b\"", "invalid destination 'a b'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTransports")
    void transportRejects(String name, String in, String problem) {
        assertThatThrownBy(() -> Transport.parse(in)).isInstanceOf(HeaderParseException.class)
                .hasMessageStartingWith("invalid Transport header: " + problem);
    }

    @Test
    void transportBuilderForServerResponses() {
        Transport t = Transport.builder(Transport.Protocol.UDP, Transport.Profile.AVP)
                .delivery(Transport.Delivery.UNICAST).clientPorts(PortPair.of(35466)).serverPorts(PortPair.of(8000))
                .ssrc(0xD42CC60CL).build();
        assertThat(t.format()).isEqualTo("RTP/AVP;unicast;client_port=35466-35467;server_port=8000-8001;ssrc=D42CC60C");
        Transport tcp = Transport.builder(Transport.Protocol.TCP, Transport.Profile.SAVP).interleaved(PortPair.of(2))
                .build();
        assertThat(tcp.format()).isEqualTo("RTP/SAVP/TCP;interleaved=2-3");
        assertThat(tcp.toBuilder().mode(Transport.Mode.PLAY).build().format()).isEqualTo("RTP/SAVP/TCP;interleaved=2-3;mode=play");
        assertThatThrownBy(() -> Transport.builder(Transport.Protocol.TCP, Transport.Profile.AVP)
                .interleaved(new PortPair(300, 301))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Transport.builder(Transport.Protocol.TCP, Transport.Profile.AVP)
                .destination("a;b")).isInstanceOf(IllegalArgumentException.class);
    }

    static Stream<Arguments> sessionDialects() {
        return Stream.of(
                Arguments.of("timeout with space (gortsplib 'timeout with space')", "A3eqwsafq3rFASqew; timeout=47",
                        "A3eqwsafq3rFASqew", 47),
                Arguments.of("Larix echoes the server's timeout (mediamtx#815)", "a519ce4790444;timeout=60",
                        "a519ce4790444", 60),
                Arguments.of("unknown parameter", "abc;foo=bar", "abc", null),
                Arguments.of("spaces around", "  abc  ", "abc", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sessionDialects")
    void sessionDialect(String name, String in, String id, Integer timeout) throws Exception {
        SessionHeader s = SessionHeader.parse(in);
        assertThat(s.id()).isEqualTo(id);
        assertThat(s.timeout()).isEqualTo(timeout);
    }

    @Test
    void sessionRejects() {
        assertThatThrownBy(() -> SessionHeader.parse(";timeout=5")).isInstanceOf(HeaderParseException.class)
                .hasMessage("invalid Session header: invalid session id ''");
        assertThatThrownBy(() -> SessionHeader.parse("abc;timeout=x")).isInstanceOf(HeaderParseException.class)
                .hasMessage("invalid Session header: invalid timeout 'x'");
        assertThat(SessionHeader.of("abc", 55).format()).isEqualTo("abc;timeout=55");
    }

    static Stream<Arguments> rangeDialects() {
        return Stream.of(
                Arguments.of("live from now", "npt=now-", "npt=now-"),
                Arguments.of("open from zero", "npt=0-", "npt=0-"),
                Arguments.of("open from zero with decimals (VLC)", "npt=0.000-", "npt=0-"),
                Arguments.of("hh:mm:ss form", "npt=1:02:03.5-", "npt=3723.5-"),
                Arguments.of("end only", "npt=-30", "npt=-30"),
                Arguments.of("with time parameter", "clock=19961108T142300Z-;time=19970123T143720Z",
                        "clock=19961108T142300Z-;time=19970123T143720Z"),
                Arguments.of("clock with fraction", "clock=19961108T142300.25Z-", "clock=19961108T142300.25Z-"),
                Arguments.of("smpte-25", "smpte-25=10:07:00-10:07:33:05", "smpte-25=10:07:00-10:07:33:05"),
                Arguments.of("upper-case unit", "NPT=1-2", "npt=1-2"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rangeDialects")
    void rangeDialect(String name, String in, String out) throws Exception {
        assertThat(Range.parse(in).format()).isEqualTo(out);
    }

    @Test
    void rangeRejects() {
        for (String bad : List.of("npt=", "npt=-", "npt=::-", "npt=0-A", "smpte=0::-", "clock=-", "time", "foo=1-2",
                "clock=20001301T000000Z-", "npt=1:60:00-", "smpte=0:0:0-0:0:0:0.")) {
            assertThatThrownBy(() -> Range.parse(bad)).as(bad).isInstanceOf(HeaderParseException.class)
                    .hasMessageStartingWith("invalid Range header: ");
        }
        Range.Npt npt = new Range.Npt(Range.NptTime.of(Duration.ofMillis(1500)), null, null);
        assertThat(npt.format()).isEqualTo("npt=1.5-");
    }

    @Test
    void keyMgmtRejects() {
        assertThatThrownBy(() -> KeyMgmt.parse("prot=mikey")).isInstanceOf(HeaderParseException.class)
                .hasMessage("invalid KeyMgmt header: data is missing");
        assertThatThrownBy(() -> KeyMgmt.parse("uri=\"x\";data=AQ==")).isInstanceOf(HeaderParseException.class)
                .hasMessage("invalid KeyMgmt header: prot is missing");
        assertThatThrownBy(() -> KeyMgmt.parse("prot=mikey;data=\"**\"")).isInstanceOf(HeaderParseException.class)
                .hasMessage("invalid KeyMgmt header: data is not valid base64 ('**')");
        KeyMgmt k = KeyMgmt.of(KeyMgmt.MIKEY, null, new byte[] {1, 2, 3});
        assertThat(k.format()).isEqualTo("prot=mikey;data=\"AQID\"");
    }

    @Test
    void rtpInfoRejects() {
        assertThatThrownBy(() -> RtpInfo.parse("seq=1;rtptime=2")).isInstanceOf(HeaderParseException.class)
                .hasMessage("invalid RTP-Info header: url is missing in 'seq=1;rtptime=2'");
        assertThatThrownBy(() -> RtpInfo.parse("url=a;seq=65536")).isInstanceOf(HeaderParseException.class)
                .hasMessage("invalid RTP-Info header: seq 65536 out of range (max 65535)");
        RtpInfo quoted = assertParses(() -> RtpInfo.parse("url=\"rtsp://h/a,b\";seq=1"));
        assertThat(quoted.entries().get(0).url()).isEqualTo("rtsp://h/a,b");
    }

    interface Call<T> {
        T call() throws HeaderParseException;
    }

    static <T> T assertParses(Call<T> call) {
        try {
            return call.call();
        } catch (HeaderParseException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void fuzzCorpusNeverThrowsAnythingElse() {
        assertThat(HeaderProperties.replayFuzz("FuzzTransportsUnmarshal", Transports::parse, Transports::format)).isPositive();
        assertThat(HeaderProperties.replayFuzz("FuzzSessionUnmarshal", SessionHeader::parse, SessionHeader::format)).isPositive();
        assertThat(HeaderProperties.replayFuzz("FuzzRTPInfoUnmarshal", RtpInfo::parse, RtpInfo::format)).isPositive();
        assertThat(HeaderProperties.replayFuzz("FuzzRangeUnmarshal", Range::parse, Range::format)).isPositive();
        assertThat(HeaderProperties.replayFuzz("FuzzKeyMgmtUnmarshal", KeyMgmt::parse, KeyMgmt::format)).isPositive();
    }

    static List<String> inputs(String file) {
        return Corpus.jsonLines("headers/" + file).stream().filter(r -> r.has("input"))
                .map(r -> r.path("input").asText()).toList();
    }

    @Test
    void randomMutationsOfValidValues() {
        HeaderProperties.mutate(0x7a_0001L, inputs("transports.jsonl"), 20_000, Transports::parse, Transports::format);
        HeaderProperties.mutate(0x7a_0002L, inputs("transport.jsonl"), 20_000, Transport::parse, Transport::format);
        HeaderProperties.mutate(0x7a_0003L, inputs("session.jsonl"), 20_000, SessionHeader::parse, SessionHeader::format);
        HeaderProperties.mutate(0x7a_0004L, inputs("rtp-info.jsonl"), 20_000, RtpInfo::parse, RtpInfo::format);
        List<String> ranges = new java.util.ArrayList<>(inputs("range.jsonl"));
        ranges.add("clock=19961108T142300.25Z-;time=19970123T143720Z");
        ranges.add("npt=now-");
        HeaderProperties.mutate(0x7a_0005L, ranges, 20_000, Range::parse, Range::format);
        HeaderProperties.mutate(0x7a_0006L, inputs("key-mgmt.jsonl"), 20_000, KeyMgmt::parse, KeyMgmt::format);
    }
}
