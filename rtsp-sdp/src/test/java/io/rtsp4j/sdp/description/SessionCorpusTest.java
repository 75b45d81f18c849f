package io.rtsp4j.sdp.description;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.rtsp4j.sdp.SdpParseException;
import io.rtsp4j.sdp.SdpReader;
import io.rtsp4j.sdp.TestJson;
import io.rtsp4j.sdp.format.FormatFields;
import io.rtsp4j.sdp.format.GenericFormat;
import io.rtsp4j.sdp.format.MediaFormat;
import io.rtsp4j.testing.Corpus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@code sdp/session-*.sdp} of the shared corpus (gortsplib pkg/description/session_test.go): the
 * interpreted session, its exact canonical re-encoding, and the robustness seeds.
 */
class SessionCorpusTest {

    static Stream<Arguments> samples(String kind) {
        return Corpus.list("sdp", "session-*.sdp").stream()
                .filter(p -> json(p).path("kind").asText().equals(kind))
                .map(p -> Arguments.of(Named.of(p.getFileName().toString(), p)));
    }

    static Stream<Arguments> sessions() {
        return samples("session");
    }

    static Stream<Arguments> seeds() {
        return samples("robustness");
    }

    static JsonNode json(Path sdp) {
        return Corpus.json(sdp.resolveSibling(sdp.getFileName().toString().replace(".sdp", ".json")));
    }

    static String read(Path p) throws Exception {
        return new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sessions")
    void interpretsAsTheCorpusSays(Path file) throws Exception {
        JsonNode expected = json(file);
        Session s = Session.parse(read(file));
        JsonNode session = expected.path("session");
        Map<String, Object> plain = asMap(TestJson.plain(session));
        plain.remove("keyMgmtMikey");
        for (Object m : (List<?>) plain.get("medias")) {
            asMap(m).remove("keyMgmtMikey");
        }
        TestJson.assertLenient("session", plain, toJson(s));

        // MIKEY is not decoded here: check that the raw message is the one of the SDP
        String raw = read(file);
        if (session.has("keyMgmtMikey")) {
            assertThat(s.keyMgmt()).isEqualTo(mikeyOf(SdpReader.parse(raw).attribute("key-mgmt")));
        } else {
            assertThat(s.keyMgmt()).isNull();
        }
        for (int i = 0; i < s.medias().size(); i++) {
            if (session.path("medias").get(i).has("keyMgmtMikey")) {
                assertThat(s.medias().get(i).keyMgmt())
                        .isEqualTo(mikeyOf(SdpReader.parse(raw).media().get(i).attribute("key-mgmt")));
            } else {
                assertThat(s.medias().get(i).keyMgmt()).isNull();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sessions")
    void marshalsExactlyAsTheCorpusSays(Path file) throws Exception {
        Session s = Session.parse(read(file));
        assertThat(s.toSdp()).isEqualTo(json(file).path("marshaled").asText());
        assertThat(Session.parse(s.toSdp()).toSdp()).isEqualTo(s.toSdp());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void robustnessSeedNeverFailsOtherwise(Path file) throws Exception {
        String sdp = read(file);
        try {
            Session s = Session.parse(sdp);
            assertThat(s.medias()).isNotEmpty();
            assertThat(Session.parse(s.toSdp()).toSdp()).isEqualTo(s.toSdp());
        } catch (SdpParseException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void knownSeedOutcomes(Path file) throws Exception {
        String name = file.getFileName().toString();
        String sdp = read(file);
        switch (name) {
            case "session-fuzz-seed-1.sdp" -> assertThatThrownBy(() -> Session.parse(sdp))
                    .isInstanceOf(SdpParseException.class).hasMessageContaining("line 8: media 2 is invalid")
                    .hasMessageContaining("config");
            case "session-fuzz-seed-2.sdp", "session-fuzz-seed-3.sdp" ->
                    assertThatThrownBy(() -> Session.parse(sdp)).isInstanceOf(SdpParseException.class)
                            .hasMessageContaining(name.endsWith("2.sdp") ? "media IDs sent partially"
                                    : "duplicate media IDs");
            default -> assertThat(Session.parse(sdp).fecGroups()).containsExactly(List.of("1", "2"), List.of("3", "4"));
        }
    }

    /**
     * The lenient parse a relay uses: the invalid AAC {@code config=zzz1210} of seed 1 becomes a generic
     * format that is relayed unchanged; the media id errors of seeds 2 and 3 are structural and still fail.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void knownLenientSeedOutcomes(Path file) throws Exception {
        String name = file.getFileName().toString();
        String sdp = read(file);
        switch (name) {
            case "session-fuzz-seed-1.sdp" -> {
                Session s = Session.parseLenient(sdp);
                assertThat(s.medias()).hasSize(2);
                assertThat(s.medias().get(0).formats().get(0).codec()).isEqualTo("H265");
                Media audio = s.medias().get(1);
                assertThat(audio.control()).isEqualTo("streamid=1");
                assertThat(audio.formats()).hasSize(1);
                GenericFormat aac = (GenericFormat) audio.formats().get(0);
                assertThat(aac.payloadType()).isEqualTo(97);
                assertThat(aac.clockRate()).isEqualTo(44100);
                assertThat(aac.rtpMap()).isEqualTo("mpeg4-generic/44100/2");
                assertThat(aac.fmtpValue()).isEqualTo("profile-level-id=1;mode=AAC-hbr;sizelength=13;indexlength=3;"
                        + "indexdeltalength=3;config=zzz1210");
                assertThat(aac.decodeProblem()).contains("invalid MPEG4Audio config 'zzz1210'");
                assertThat(Session.parseLenient(s.toSdp())).isEqualTo(s);
                assertThat(Session.parseLenient(s.toSdp()).toSdp()).isEqualTo(s.toSdp());
            }
            case "session-fuzz-seed-2.sdp", "session-fuzz-seed-3.sdp" ->
                    assertThatThrownBy(() -> Session.parseLenient(sdp)).isInstanceOf(SdpParseException.class)
                            .hasMessageContaining(name.endsWith("2.sdp") ? "media IDs sent partially"
                                    : "duplicate media IDs");
            default -> assertThat(Session.parseLenient(sdp)).isEqualTo(Session.parse(sdp));
        }
    }

    private static byte[] mikeyOf(String keyMgmt) {
        return Base64.getDecoder().decode(keyMgmt.substring("mikey ".length()));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object o) {
        return (Map<String, Object>) o;
    }

    static Map<String, Object> toJson(Session s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", s.title());
        m.put("fecGroups", s.fecGroups());
        List<Object> medias = new ArrayList<>();
        for (Media media : s.medias()) {
            Map<String, Object> mm = new LinkedHashMap<>();
            mm.put("type", media.type());
            mm.put("id", media.id());
            mm.put("control", media.control());
            mm.put("profile", media.profile().name());
            mm.put("backChannel", media.backChannel());
            List<Object> formats = new ArrayList<>();
            for (MediaFormat f : media.formats()) {
                formats.add(formatJson(f));
            }
            mm.put("formats", formats);
            medias.add(mm);
        }
        m.put("medias", medias);
        return m;
    }

    static Map<String, Object> formatJson(MediaFormat f) {
        Map<String, Object> fm = new LinkedHashMap<>();
        fm.put("payloadType", f.payloadType());
        fm.put("codec", f.codec());
        // the corpus gives the clock rate of the written rtpmap, or the generic clock rate
        boolean clockShown = f.rtpMap() != null || f.codec().equals("Generic");
        fm.put("clockRate", clockShown ? f.clockRate() : 0);
        fm.put("rtpMap", f.rtpMap());
        fm.put("params", f.fmtp().isEmpty() ? null : f.fmtp());
        fm.put("fields", FormatFields.of(f));
        return fm;
    }
}
