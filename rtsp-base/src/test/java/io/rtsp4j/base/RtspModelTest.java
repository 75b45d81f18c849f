package io.rtsp4j.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RtspModelTest {

    /** Codes and phrases from RFC 2326 §7.1.1 / §11, RFC 7826 §17 and RFC 4567 §7.2.2. */
    static Stream<Arguments> statuses() {
        return Stream.of(
                Arguments.of(200, RtspStatus.OK, "OK"),
                Arguments.of(400, RtspStatus.BAD_REQUEST, "Bad Request"),
                Arguments.of(401, RtspStatus.UNAUTHORIZED, "Unauthorized"),
                Arguments.of(404, RtspStatus.NOT_FOUND, "Not Found"),
                Arguments.of(405, RtspStatus.METHOD_NOT_ALLOWED, "Method Not Allowed"),
                Arguments.of(415, RtspStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported Media Type"),
                Arguments.of(454, RtspStatus.SESSION_NOT_FOUND, "Session Not Found"),
                Arguments.of(455, RtspStatus.METHOD_NOT_VALID_IN_THIS_STATE, "Method Not Valid in This State"),
                Arguments.of(461, RtspStatus.UNSUPPORTED_TRANSPORT, "Unsupported transport"),
                Arguments.of(463, RtspStatus.KEY_MANAGEMENT_FAILURE, "Key Management Failure"),
                Arguments.of(466, RtspStatus.KEY_MANAGEMENT_ERROR, "Key Management Error"),
                Arguments.of(501, RtspStatus.NOT_IMPLEMENTED, "Not Implemented"),
                Arguments.of(503, RtspStatus.SERVICE_UNAVAILABLE, "Service Unavailable"),
                Arguments.of(505, RtspStatus.RTSP_VERSION_NOT_SUPPORTED, "RTSP Version not supported"),
                Arguments.of(551, RtspStatus.OPTION_NOT_SUPPORTED, "Option not supported"),
                Arguments.of(553, RtspStatus.PROXY_UNAVAILABLE, "Proxy Unavailable"));
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("statuses")
    void statusTable(int code, RtspStatus constant, String phrase) {
        assertThat(RtspStatus.valueOf(code)).isSameAs(constant);
        assertThat(constant.code()).isEqualTo(code);
        assertThat(constant.reasonPhrase()).isEqualTo(phrase);
    }

    @Test
    void unknownStatusAndCustomPhrase() {
        assertThat(RtspStatus.valueOf(499).reasonPhrase()).isEqualTo("Client Error");
        assertThat(RtspStatus.valueOf(299)).isEqualTo(RtspStatus.valueOf(299));
        assertThat(RtspStatus.of(200, "Fine")).isEqualTo(RtspStatus.OK);
        assertThat(RtspStatus.FOUND).isEqualTo(RtspStatus.MOVED_TEMPORARILY);
        assertThat(RtspStatus.DESTINATION_PROHIBITED).isEqualTo(RtspStatus.KEY_MANAGEMENT_FAILURE);
        assertThatThrownBy(() -> RtspStatus.valueOf(99)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RtspStatus.valueOf(1000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RtspStatus.of(400, "a\r\nb")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void methods() {
        assertThat(RtspMethod.valueOf("SETUP")).isSameAs(RtspMethod.SETUP);
        assertThat(RtspMethod.valueOf("GET_PARAMETER")).isSameAs(RtspMethod.GET_PARAMETER);
        RtspMethod ext = RtspMethod.valueOf("PLAY_NOTIFY");
        assertThat(ext.isStandard()).isFalse();
        assertThat(ext).isEqualTo(RtspMethod.valueOf("PLAY_NOTIFY"));
        assertThat(RtspMethod.valueOf("setup")).isNotEqualTo(RtspMethod.SETUP);
        assertThatThrownBy(() -> RtspMethod.valueOf("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RtspMethod.valueOf("A B")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void versions() {
        assertThat(RtspVersion.fromText("RTSP/1.0")).isSameAs(RtspVersion.RTSP_1_0);
        assertThat(RtspVersion.fromText("RTSP/2.0")).isSameAs(RtspVersion.RTSP_2_0);
        assertThat(RtspVersion.fromText("rtsp/1.0")).isNull();
        assertThat(RtspVersion.RTSP_1_0.text()).isEqualTo("RTSP/1.0");
    }

    @Test
    void requestBuilderAndContentLength() {
        RtspRequest req = RtspRequest.builder(RtspMethod.ANNOUNCE, "rtsp://h/p")
                .header("CSeq", "3")
                .header("Content-Type", "application/sdp")
                .body("v=0\n".getBytes(StandardCharsets.UTF_8))
                .build();
        assertThat(req.cseq()).isEqualTo("3");
        assertThat(req.headers().get("content-length")).isEqualTo("4");
        assertThat(req.bodyLength()).isEqualTo(4);
        byte[] body = req.body();
        body[0] = 'x';
        assertThat(req.body()[0]).isEqualTo((byte) 'v');
        assertThat(req.toString()).isEqualTo("ANNOUNCE rtsp://h/p RTSP/1.0\r\nCSeq: 3\r\nContent-Length: 4\r\n"
                + "Content-Type: application/sdp\r\n\r\nv=0\n");
        RtspRequest changed = req.toBuilder().body(null).build();
        assertThat(changed.headers().get("Content-Length")).isEqualTo("0");
        assertThat(changed.body()).isEmpty();
        assertThat(req.toBuilder().build()).isEqualTo(req).hasSameHashCodeAs(req);
        assertThatThrownBy(() -> RtspRequest.builder(RtspMethod.OPTIONS, "a b"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RtspRequest.builder(RtspMethod.OPTIONS, ""))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void responseBuilder() {
        RtspResponse res = RtspResponse.builder(RtspStatus.SESSION_NOT_FOUND).header("CSeq", "9").build();
        assertThat(res.status()).isEqualTo(RtspStatus.SESSION_NOT_FOUND);
        assertThat(res.reasonPhrase()).isEqualTo("Session Not Found");
        assertThat(res.body()).isEmpty();
        assertThat(res.toString()).isEqualTo("RTSP/1.0 454 Session Not Found\r\nCSeq: 9\r\n\r\n");
        RtspResponse empty = res.toBuilder().reasonPhrase("").build();
        assertThat(empty.reasonPhrase()).isEmpty();
        assertThat(empty.toString()).startsWith("RTSP/1.0 454 Session Not Found\r\n");
        assertThat(res.toBuilder().status(RtspStatus.OK).build().reasonPhrase()).isEqualTo("OK");
    }

    @Test
    void interleavedFrame() {
        InterleavedFrame f = new InterleavedFrame(1, Unpooled.wrappedBuffer(new byte[] {1, 2}));
        try {
            assertThat(f.channel()).isEqualTo(1);
            assertThat(f).isEqualTo(new InterleavedFrame(1, Unpooled.wrappedBuffer(new byte[] {1, 2})));
            InterleavedFrame dup = f.retainedDuplicate();
            assertThat(dup.channel()).isEqualTo(1);
            dup.release();
            assertThat(f.toString()).isEqualTo("InterleavedFrame(channel=1, length=2)");
        } finally {
            f.release();
        }
        assertThatThrownBy(() -> new InterleavedFrame(256, Unpooled.EMPTY_BUFFER))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new InterleavedFrame(0, Unpooled.wrappedBuffer(new byte[65536])))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
