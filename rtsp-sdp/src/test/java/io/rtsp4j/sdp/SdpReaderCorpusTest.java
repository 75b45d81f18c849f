package io.rtsp4j.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rtsp4j.testing.Corpus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every {@code sdp/unmarshal-*.sdp} of the shared corpus must read to the raw facts of its JSON. */
class SdpReaderCorpusTest {

    static Stream<Arguments> samples() {
        return Corpus.list("sdp", "unmarshal-*.sdp").stream()
                .map(p -> Arguments.of(Named.of(p.getFileName().toString(), p)));
    }

    static String read(Path p) throws Exception {
        return new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
    }

    static JsonNode json(Path sdp) {
        return Corpus.json(sdp.resolveSibling(sdp.getFileName().toString().replace(".sdp", ".json")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void readsToTheCorpusFacts(Path file) throws Exception {
        JsonNode expected = json(file);
        assertThat(expected.path("kind").asText()).isEqualTo("raw-sdp");
        SessionDescription sd = SdpReader.parse(read(file));
        assertThat(TestJson.norm(toJson(sd))).isEqualTo(TestJson.plain(expected.path("sdp")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void writesWhatItReads(Path file) throws Exception {
        SessionDescription sd = SdpReader.parse(read(file));
        String written = SdpWriter.write(sd);
        assertThat(written).endsWith("\r\n").doesNotContain("\r\r").doesNotContain("\n\n");
        assertThat(SdpReader.parse(written)).isEqualTo(sd);
        assertThat(SdpWriter.write(SdpReader.parse(written))).isEqualTo(written);
    }

    /** The corpus schema of a raw description (absent origin: all-empty fields; absent strings: null). */
    static Map<String, Object> toJson(SessionDescription sd) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", sd.version());
        Origin o = sd.origin() != null ? sd.origin() : new Origin("", 0, 0, "", "", "");
        Map<String, Object> origin = new LinkedHashMap<>();
        origin.put("username", o.username());
        origin.put("sessionId", TestJson.unsigned(o.sessionId()));
        origin.put("sessionVersion", TestJson.unsigned(o.sessionVersion()));
        origin.put("networkType", o.networkType());
        origin.put("addressType", o.addressType());
        origin.put("unicastAddress", o.unicastAddress());
        m.put("origin", origin);
        m.put("sessionName", sd.sessionName() == null ? "" : sd.sessionName());
        m.put("sessionInformation", sd.sessionInformation());
        m.put("uri", sd.uri());
        m.put("emailAddress", sd.emailAddress());
        m.put("phoneNumber", sd.phoneNumber());
        m.put("connection", connection(sd.connection()));
        m.put("bandwidth", bandwidths(sd.bandwidths()));
        List<Object> timings = new ArrayList<>();
        for (Timing t : sd.timings()) {
            List<Object> repeats = new ArrayList<>();
            for (RepeatTime r : t.repeatTimes()) {
                repeats.add(Map.of("interval", r.interval(), "duration", r.duration(), "offsets", r.offsets()));
            }
            timings.add(Map.of("startTime", TestJson.unsigned(t.startTime()),
                    "stopTime", TestJson.unsigned(t.stopTime()), "repeatTimes", repeats));
        }
        m.put("timing", timings);
        List<Object> zones = new ArrayList<>();
        for (TimeZoneAdjustment z : sd.timeZones()) {
            zones.add(Map.of("adjustmentTime", TestJson.unsigned(z.adjustmentTime()), "offset", z.offset()));
        }
        m.put("timeZones", zones);
        m.put("encryptionKey", sd.encryptionKey());
        m.put("attributes", attributes(sd.attributes()));
        List<Object> media = new ArrayList<>();
        for (MediaDescription md : sd.media()) {
            Map<String, Object> mm = new LinkedHashMap<>();
            mm.put("type", md.type());
            mm.put("port", md.port());
            mm.put("protos", md.protos());
            mm.put("formats", md.formats());
            mm.put("title", md.title());
            mm.put("connection", connection(md.connection()));
            mm.put("bandwidth", bandwidths(md.bandwidths()));
            mm.put("encryptionKey", md.encryptionKey());
            mm.put("attributes", attributes(md.attributes()));
            media.add(mm);
        }
        m.put("media", media);
        return m;
    }

    private static Object connection(Connection c) {
        if (c == null) {
            return null;
        }
        return Map.of("networkType", c.networkType(), "addressType", c.addressType(), "address", c.address());
    }

    private static List<Object> bandwidths(List<Bandwidth> bws) {
        List<Object> out = new ArrayList<>();
        for (Bandwidth b : bws) {
            out.add(Map.of("experimental", b.experimental(), "type", b.type(), "bandwidth",
                    TestJson.unsigned(b.bandwidth())));
        }
        return out;
    }

    private static List<Object> attributes(List<Attribute> attrs) {
        List<Object> out = new ArrayList<>();
        for (Attribute a : attrs) {
            out.add(Map.of("key", a.key(), "value", a.value()));
        }
        return out;
    }
}
