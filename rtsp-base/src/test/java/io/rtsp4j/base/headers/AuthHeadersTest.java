package io.rtsp4j.base.headers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.rtsp4j.testing.Corpus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** WWW-Authenticate, Authorization and the key=value list, against headers/*.jsonl and the fuzz corpus. */
class AuthHeadersTest {

    static Stream<Arguments> records(String file) {
        return Corpus.jsonLines("headers/" + file).stream()
                .map(r -> Arguments.of(Named.of(r.path("name").asText() + " [" + r.path("source").asText() + "]", r)));
    }

    static Stream<Arguments> keyval() {
        return records("keyval.jsonl");
    }

    static Stream<Arguments> wwwAuthenticate() {
        return records("www-authenticate.jsonl");
    }

    static Stream<Arguments> authorization() {
        return records("authorization.jsonl");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keyval")
    void keyvalCorpus(JsonNode rec) throws Exception {
        Map<String, String> expected = new LinkedHashMap<>();
        rec.path("expected").fields().forEachRemaining(e -> expected.put(e.getKey(), e.getValue().asText()));
        assertThat(AuthParams.parse(rec.path("input").asText())).containsExactlyEntriesOf(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wwwAuthenticate")
    void wwwAuthenticateCorpus(JsonNode rec) throws Exception {
        if (rec.has("inputValues")) {
            List<String> values = HeaderProperties.valuesOf(rec.path("inputValues"));
            assertThatThrownBy(() -> Authenticate.parse(values)).isInstanceOf(HeaderParseException.class)
                    .hasMessageStartingWith("invalid WWW-Authenticate header: ");
            return;
        }
        Authenticate a = Authenticate.parse(rec.path("input").asText());
        JsonNode exp = rec.path("expected");
        assertThat(a.method().token()).isEqualTo(exp.path("method").asText());
        assertThat(Objects.toString(a.realm(), "")).isEqualTo(HeaderProperties.text(exp.path("realm")));
        assertThat(Objects.toString(a.nonce(), "")).isEqualTo(HeaderProperties.text(exp.path("nonce")));
        assertThat(a.opaque()).isEqualTo(exp.path("opaque").isNull() ? null : exp.path("opaque").asText());
        assertThat(a.stale()).isEqualTo(exp.path("stale").isNull() ? null : exp.path("stale").asText());
        assertThat(a.algorithm()).isEqualTo(exp.path("algorithm").isNull() ? null : exp.path("algorithm").asText());
        assertThat(a.format()).isEqualTo(rec.path("marshaled").asText());
        assertThat(Authenticate.parse(List.of(rec.path("input").asText()))).isEqualTo(a);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("authorization")
    void authorizationCorpus(JsonNode rec) throws Exception {
        if (rec.has("inputValues")) {
            List<String> values = HeaderProperties.valuesOf(rec.path("inputValues"));
            assertThatThrownBy(() -> Authorization.parse(values)).isInstanceOf(HeaderParseException.class)
                    .hasMessageStartingWith("invalid Authorization header: ");
            return;
        }
        Authorization a = Authorization.parse(rec.path("input").asText());
        JsonNode exp = rec.path("expected");
        assertThat(a.method().token()).isEqualTo(exp.path("method").asText());
        assertThat(Objects.toString(a.username(), "")).isEqualTo(HeaderProperties.text(exp.path("username")));
        assertThat(Objects.toString(a.password(), "")).isEqualTo(HeaderProperties.text(exp.path("basicPass")));
        assertThat(Objects.toString(a.realm(), "")).isEqualTo(HeaderProperties.text(exp.path("realm")));
        assertThat(Objects.toString(a.nonce(), "")).isEqualTo(HeaderProperties.text(exp.path("nonce")));
        assertThat(Objects.toString(a.uri(), "")).isEqualTo(HeaderProperties.text(exp.path("uri")));
        assertThat(Objects.toString(a.response(), "")).isEqualTo(HeaderProperties.text(exp.path("response")));
        assertThat(a.opaque()).isEqualTo(exp.path("opaque").isNull() ? null : exp.path("opaque").asText());
        assertThat(a.algorithm()).isEqualTo(exp.path("algorithm").isNull() ? null : exp.path("algorithm").asText());
        assertThat(a.format()).isEqualTo(rec.path("marshaled").asText());
    }

    static Stream<Arguments> lenientAuthenticate() {
        return Stream.of(
                Arguments.of("lower-case scheme", "digest realm=\"r\", nonce=\"n\"", "Digest realm=\"r\", nonce=\"n\""),
                Arguments.of("space separated params (old cameras)", "Digest realm=\"r\" nonce=\"n\"",
                        "Digest realm=\"r\", nonce=\"n\""),
                Arguments.of("upper-case keys", "Digest REALM=\"r\", Nonce=n", "Digest realm=\"r\", nonce=\"n\""),
                Arguments.of("escaped quote", "Basic realm=\"a\\\"b\"", "Basic realm=\"a\\\"b\""),
                Arguments.of("qop and opaque", "Digest realm=\"r\", qop=\"auth\", nonce=\"n\", opaque=\"o\"",
                        "Digest realm=\"r\", nonce=\"n\", opaque=\"o\", qop=\"auth\""),
                Arguments.of("leading whitespace", "  Basic realm=ipcam", "Basic realm=\"ipcam\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lenientAuthenticate")
    void authenticateLenientIn(String name, String in, String out) throws Exception {
        assertThat(Authenticate.parse(in).format()).isEqualTo(out);
    }

    static Stream<Arguments> badAuthenticate() {
        return Stream.of(
                Arguments.of("unknown scheme", "Bearer realm=\"x\"", "unsupported authentication method 'Bearer'"),
                Arguments.of("digest without nonce", "Digest realm=\"x\"", "nonce is missing"),
                Arguments.of("no realm", "Basic ", "realm is missing"),
                Arguments.of("unterminated quote", "Digest realm=\"x", "unterminated quoted value of 'realm'"),
                Arguments.of("repeated key", "Digest realm=a, nonce=b, nonce=c", "key 'nonce' repeated"),
                Arguments.of("empty key", "Basic =\"", "empty key at index 0"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badAuthenticate")
    void authenticateRejects(String name, String in, String problem) {
        assertThatThrownBy(() -> Authenticate.parse(in)).isInstanceOf(HeaderParseException.class)
                .hasMessage("invalid WWW-Authenticate header: " + problem);
    }

    static Stream<Arguments> basicCredentials() {
        return Stream.of(
                Arguments.of("password with colon (gortsplib rejects it)", "dXNlcjpwYTpzcw==", "user", "pa:ss"),
                Arguments.of("empty password", "dXNlcjo=", "user", ""),
                Arguments.of("missing padding", "dXNlcjo", "user", ""),
                Arguments.of("utf-8 password", "dXNlcjpww6Rzcw==", "user", "p\u00e4ss"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("basicCredentials")
    void basicCredentials(String name, String b64, String user, String pass) throws Exception {
        Authorization a = Authorization.parse("Basic " + b64);
        assertThat(a.username()).isEqualTo(user);
        assertThat(a.password()).isEqualTo(pass);
        assertThat(Authorization.parse(a.format())).isEqualTo(a);
    }

    static Stream<Arguments> badAuthorization() {
        return Stream.of(
                Arguments.of("basic not base64", "Basic ***", "Basic credentials are not valid base64 ('***')"),
                Arguments.of("basic without colon", "Basic dXNlcg==",
                        "Basic credentials lack the ':' between user and password"),
                Arguments.of("basic empty", "Basic ", "Basic credentials are missing"),
                Arguments.of("digest without response", "Digest username=\"u\", realm=\"r\", nonce=\"n\", uri=\"/\"",
                        "response is missing"),
                Arguments.of("bare token", "0", "unsupported authentication method '0'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badAuthorization")
    void authorizationRejects(String name, String in, String problem) {
        assertThatThrownBy(() -> Authorization.parse(in)).isInstanceOf(HeaderParseException.class)
                .hasMessage("invalid Authorization header: " + problem);
    }

    @Test
    void digestWithQopRoundTrips() throws Exception {
        // RFC 7616 §3.9.1 field values
        String in = "Digest username=\"Mufasa\", realm=\"http-auth@example.org\", uri=\"/dir/index.html\", "
                + "algorithm=MD5, nonce=\"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v\", nc=00000001, "
                + "cnonce=\"f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ\", qop=auth, "
                + "response=\"8ca523f5e9506fed4657c9700eebdbec\", opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"";
        Authorization a = Authorization.parse(in);
        assertThat(a.qop()).isEqualTo("auth");
        assertThat(a.nc()).isEqualTo("00000001");
        assertThat(a.cnonce()).startsWith("f2/wE4q7");
        assertThat(a.format()).contains("qop=auth, nc=00000001, cnonce=\"f2/");
        assertThat(Authorization.parse(a.format())).isEqualTo(a);
        assertThat(a.toString()).doesNotContain("8ca523f5");
    }

    @Test
    void fuzzCorpusNeverThrowsAnythingElse() {
        assertThat(HeaderProperties.replayFuzz("FuzzAuthenticateUnmarshal", Authenticate::parse, Authenticate::format))
                .isPositive();
        assertThat(HeaderProperties.replayFuzz("FuzzAuthorizationUnmarshal", Authorization::parse, Authorization::format))
                .isPositive();
        assertThat(HeaderProperties.replayFuzz("FuzzKeyValParse", AuthParams::parse, AuthHeadersTest::formatParams))
                .isPositive();
    }

    @Test
    void randomMutationsOfValidValues() {
        List<String> authenticate = Corpus.jsonLines("headers/www-authenticate.jsonl").stream()
                .filter(r -> r.has("input")).map(r -> r.path("input").asText()).toList();
        HeaderProperties.mutate(0x5eed_0001L, authenticate, 20_000, Authenticate::parse, Authenticate::format);
        List<String> authorization = Corpus.jsonLines("headers/authorization.jsonl").stream()
                .filter(r -> r.has("input")).map(r -> r.path("input").asText()).toList();
        HeaderProperties.mutate(0x5eed_0002L, authorization, 20_000, Authorization::parse, Authorization::format);
        List<String> keyval = Corpus.jsonLines("headers/keyval.jsonl").stream()
                .map(r -> r.path("input").asText()).toList();
        HeaderProperties.mutate(0x5eed_0003L, keyval, 20_000, AuthParams::parse, AuthHeadersTest::formatParams);
    }

    static String formatParams(Map<String, String> params) {
        StringBuilder sb = new StringBuilder();
        params.forEach((k, v) -> {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(k).append('=').append(AuthParams.quote(v));
        });
        return sb.toString();
    }
}
