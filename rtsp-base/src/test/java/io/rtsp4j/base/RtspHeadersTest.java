package io.rtsp4j.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class RtspHeadersTest {

    static Stream<Arguments> canonicalNames() {
        return Stream.of(
                Arguments.of("cseq", "CSeq"),
                Arguments.of("CSEQ", "CSeq"),
                Arguments.of("content-length", "Content-Length"),
                Arguments.of("CONTENT-TYPE", "Content-Type"),
                Arguments.of("rtp-info", "RTP-Info"),
                Arguments.of("www-authenticate", "WWW-Authenticate"),
                Arguments.of("keymgmt", "KeyMgmt"),
                Arguments.of("etag", "ETag"),
                Arguments.of("x-dynamic-rate", "X-Dynamic-Rate"),
                Arguments.of("Session", "Session"),
                Arguments.of("we(ird", "we(ird"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("canonicalNames")
    void canonicalName(String in, String expected) {
        assertThat(RtspHeaders.canonicalName(in)).isEqualTo(expected);
    }

    @Test
    void alreadyCanonicalNameIsSameInstance() {
        String name = "Content-Length";
        assertThat(RtspHeaders.canonicalName(name)).isSameAs(name);
    }

    @Test
    void caseInsensitiveMultiValueInsertionOrder() {
        RtspHeaders h = new RtspHeaders()
                .add("cseq", "1")
                .add("WWW-AUTHENTICATE", "Digest realm=\"a\"")
                .add("Session", "abc")
                .add("www-authenticate", "Basic realm=\"a\"");
        assertThat(h.get("CSEQ")).isEqualTo("1");
        assertThat(h.getAll("WWW-Authenticate")).containsExactly("Digest realm=\"a\"", "Basic realm=\"a\"");
        assertThat(h.names()).containsExactly("CSeq", "WWW-Authenticate", "Session");
        assertThat(h.size()).isEqualTo(4);
        List<String> seen = new ArrayList<>();
        h.forEach((n, v) -> seen.add(n + "=" + v));
        assertThat(seen).containsExactly("CSeq=1", "WWW-Authenticate=Digest realm=\"a\"", "Session=abc",
                "WWW-Authenticate=Basic realm=\"a\"");
        assertThat(h.get("missing")).isNull();
        assertThat(h.getAll("missing")).isEmpty();
    }

    @Test
    void setKeepsFirstPositionAndDropsOthers() {
        RtspHeaders h = new RtspHeaders().add("A", "1").add("B", "2").add("a", "3").set("a", "x");
        assertThat(h.toString()).isEqualTo("[A: x, B: 2]");
        h.set("C", "y");
        assertThat(h.toString()).isEqualTo("[A: x, B: 2, C: y]");
        assertThat(h.remove("b")).isTrue();
        assertThat(h.remove("b")).isFalse();
        assertThat(h.toString()).isEqualTo("[A: x, C: y]");
    }

    @Test
    void copyIsIndependentAndEqual() {
        RtspHeaders h = new RtspHeaders().add("CSeq", "1");
        RtspHeaders c = h.copy();
        assertThat(c).isEqualTo(h).hasSameHashCodeAs(h);
        c.add("Session", "x");
        assertThat(h.size()).isEqualTo(1);
        assertThat(c).isNotEqualTo(h);
    }

    static Stream<Arguments> injections() {
        return Stream.of(
                Arguments.of("CSeq", "1\r\nX-Evil: 1"),
                Arguments.of("CSeq", "1\n"),
                Arguments.of("CSeq", "1\0"),
                Arguments.of("Bad Name", "v"),
                Arguments.of("Bad:Name", "v"),
                Arguments.of("", "v"),
                Arguments.of("Bad\r\nName", "v"));
    }

    @ParameterizedTest(name = "[{index}] name=''{0}''")
    @MethodSource("injections")
    void rejectsHeaderInjection(String name, String value) {
        assertThatThrownBy(() -> new RtspHeaders().add(name, value)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RtspHeaders().set(name, value)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void messageHeadersAreReadOnly() {
        RtspRequest req = RtspRequest.builder(RtspMethod.OPTIONS, "*").header("CSeq", "1").build();
        assertThat(req.headers().isReadOnly()).isTrue();
        assertThatThrownBy(() -> req.headers().add("A", "b")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> req.headers().remove("CSeq")).isInstanceOf(UnsupportedOperationException.class);
        RtspHeaders copy = req.headers().copy();
        copy.add("A", "b");
        assertThat(copy.isReadOnly()).isFalse();
    }
}
