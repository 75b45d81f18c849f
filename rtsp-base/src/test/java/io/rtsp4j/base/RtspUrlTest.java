package io.rtsp4j.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.rtsp4j.testing.Corpus;
import java.util.Objects;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** messages/urls.jsonl, the URL records of messages/invalid.jsonl, and more forms. */
class RtspUrlTest {

    static Stream<Arguments> urls() {
        return Corpus.jsonLines("messages/urls.jsonl").stream()
                .map(r -> Arguments.of(Named.of(r.path("name").asText() + " [" + r.path("source").asText() + "]", r)));
    }

    static Stream<Arguments> invalid() {
        return Corpus.jsonLines("messages/invalid.jsonl").stream()
                .filter(r -> r.path("file").asText().equals("urls.jsonl"))
                .map(r -> Arguments.of(Named.of(r.path("name").asText() + " [" + r.path("source").asText() + "]", r)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("urls")
    void corpus(JsonNode rec) throws Exception {
        String input = rec.path("input").asText();
        if (!rec.path("valid").asBoolean()) {
            assertThatThrownBy(() -> RtspUrl.parse(input)).isInstanceOf(RtspUrlException.class)
                    .hasMessage(rec.path("error").asText());
            return;
        }
        RtspUrl url = RtspUrl.parse(input);
        JsonNode exp = rec.path("expected");
        if (rec.path("kind").asText().equals("request-uri")) {
            assertThat(url.requestUri()).isEqualTo(exp.path("requestUri").asText());
            return;
        }
        assertThat(url.scheme()).isEqualTo(exp.path("scheme").asText());
        assertThat(url.authority()).isEqualTo(exp.path("host").asText());
        assertThat(url.path()).isEqualTo(exp.path("path").asText());
        assertThat(url.user()).isEqualTo(exp.path("user").asText());
        assertThat(url.password()).isEqualTo(exp.path("password").asText());
        assertThat(url.toString()).isEqualTo(input);
        assertThat(RtspUrl.parse(url.toString())).isEqualTo(url);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void invalidCorpus(JsonNode rec) {
        assertThatThrownBy(() -> RtspUrl.parse(rec.path("input").asText())).isInstanceOf(RtspUrlException.class)
                .hasMessage(rec.path("error").asText());
    }

    static Stream<Arguments> forms() {
        return Stream.of(
                Arguments.of("rtsps with default port", "rtsps://cam/live", "cam", -1, "/live", null, 322),
                Arguments.of("upper-case scheme (some NVRs)", "RTSP://10.0.0.1:554/h264", "10.0.0.1", 554, "/h264",
                        null, 554),
                Arguments.of("unescaped @ in the password", "rtsp://admin:p@ss@10.0.0.1/s", "10.0.0.1", -1, "/s",
                        null, 554),
                Arguments.of("IPv6 without port", "rtsp://[::1]/s?x=1", "::1", -1, "/s", "x=1", 554),
                Arguments.of("empty query", "rtsp://h/s?", "h", -1, "/s", "", 554),
                Arguments.of("FFmpeg SETUP with query", "rtsp://h:8554/s?q=1/trackID=0", "h", 8554, "/s",
                        "q=1/trackID=0", 8554),
                Arguments.of("UTF-8 path", "rtsp://h/caf%C3%A9", "h", -1, "/caf\u00e9", null, 554),
                Arguments.of("stray percent kept", "rtsp://h/100%", "h", -1, "/100%", null, 554),
                Arguments.of("empty port", "rtsp://h:/s", "h", -1, "/s", null, 554));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forms")
    void form(String name, String in, String host, int port, String path, String query, int portOrDefault)
            throws Exception {
        RtspUrl u = RtspUrl.parse(in);
        assertThat(u.host()).isEqualTo(host);
        assertThat(u.port()).isEqualTo(port);
        assertThat(u.path()).isEqualTo(path);
        assertThat(u.query()).isEqualTo(query);
        assertThat(u.portOrDefault()).isEqualTo(portOrDefault);
        assertThat(RtspUrl.parse(u.toString())).isEqualTo(u);
    }

    @Test
    void credentials() throws Exception {
        RtspUrl u = RtspUrl.parse("rtsp://admin:p@ss@10.0.0.1/s");
        assertThat(u.user()).isEqualTo("admin");
        assertThat(u.password()).isEqualTo("p@ss");
        assertThat(u.toString()).isEqualTo("rtsp://admin:p%40ss@10.0.0.1/s");
        assertThat(u.withoutCredentials().toString()).isEqualTo("rtsp://10.0.0.1/s");
        RtspUrl plain = RtspUrl.parse("rtsp://h/s");
        assertThat(plain.withoutCredentials()).isSameAs(plain);
        assertThat(plain.user()).isNull();
        assertThat(plain.isSecure()).isFalse();
    }

    static Stream<Arguments> bad() {
        return Stream.of(
                Arguments.of("relative", "/path", "parse \"/path\": missing protocol scheme"),
                Arguments.of("port too big", "rtsp://h:70000/s", "invalid port '70000'"),
                Arguments.of("port not a number", "rtsp://h:ab/s", "invalid port 'ab'"),
                Arguments.of("no host", "rtsp:///s", "missing host"),
                Arguments.of("unclosed IPv6", "rtsp://[::1/s", "missing ']' in host"),
                Arguments.of("space", "rtsp://h/a b", "invalid character 0x20 at index 10 of URL"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bad")
    void rejects(String name, String in, String message) {
        assertThatThrownBy(() -> RtspUrl.parse(in)).isInstanceOf(RtspUrlException.class).hasMessage(message);
    }

    /** Random mutations of valid URLs: only RtspUrlException, and parse(toString()) is stable. */
    @Test
    void randomMutations() {
        String[] seeds = {"rtsp://user:pa%23ss@[fe80::a8f4:3219:f33e:a072%wl0]:8554/prox%23ied",
            "rtsp://localhost:8554/test/stream?key=val", "rtsps://a:b@h/p/trackID=1?q=1/"};
        String alphabet = "rtsp:/@[]%?#:;=&0123456789abcdefXYZ \t\u00e9";
        Random rnd = new Random(42);
        for (int i = 0; i < 50_000; i++) {
            StringBuilder sb = new StringBuilder(seeds[rnd.nextInt(seeds.length)]);
            for (int e = 0, n = 1 + rnd.nextInt(4); e < n; e++) {
                int pos = rnd.nextInt(sb.length() + 1);
                switch (rnd.nextInt(3)) {
                    case 0:
                        sb.insert(pos, alphabet.charAt(rnd.nextInt(alphabet.length())));
                        break;
                    case 1:
                        if (pos < sb.length()) {
                            sb.deleteCharAt(pos);
                        }
                        break;
                    default:
                        if (pos < sb.length()) {
                            sb.setCharAt(pos, alphabet.charAt(rnd.nextInt(alphabet.length())));
                        }
                        break;
                }
            }
            String in = sb.toString();
            RtspUrl u;
            try {
                u = RtspUrl.parse(in);
            } catch (RtspUrlException e) {
                assertThat(e.getMessage()).isNotBlank();
                continue;
            } catch (RuntimeException e) {
                throw new AssertionError("parse threw " + e + " for " + in, e);
            }
            RtspUrl again;
            try {
                again = RtspUrl.parse(u.toString());
            } catch (RtspUrlException e) {
                throw new AssertionError("canonical form " + u + " of " + in + " does not parse: " + e.getMessage());
            }
            assertThat(again).as("reparse of %s", in).isEqualTo(u);
            assertThat(Objects.equals(again.user(), u.user()) && Objects.equals(again.password(), u.password())
                    && again.path().equals(u.path())).isTrue();
        }
    }
}
