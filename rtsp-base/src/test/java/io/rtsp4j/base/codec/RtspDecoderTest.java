package io.rtsp4j.base.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.ReferenceCountUtil;
import io.rtsp4j.base.InterleavedFrame;
import io.rtsp4j.base.RtspMethod;
import io.rtsp4j.base.RtspRequest;
import io.rtsp4j.base.RtspResponse;
import io.rtsp4j.base.RtspStatus;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Behaviour of the decoder beyond the corpus: leniency, failures, resynchronisation, limits. */
class RtspDecoderTest {

    private static final String OPTIONS_2 = "OPTIONS rtsp://h/s RTSP/1.0\r\nCSeq: 2\r\n\r\n";

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    static RtspRequest onlyRequest(String wire) {
        List<Object> out = DecoderHarness.decode(ascii(wire));
        assertThat(out).hasSize(1);
        assertThat(out.get(0)).as("%s", out.get(0)).isInstanceOf(RtspRequest.class);
        return (RtspRequest) out.get(0);
    }

    /** The client is named where a quirk comes from a known device or program. */
    static Stream<Arguments> lenientRequests() {
        return Stream.of(
                Arguments.of("LF line endings (hand-written tests, netcat)",
                        "OPTIONS rtsp://h/s RTSP/1.0\nCSeq: 1\n\n", "OPTIONS", "rtsp://h/s", "1"),
                Arguments.of("spaces around the colon",
                        "OPTIONS rtsp://h/s RTSP/1.0\r\nCSeq :   1  \r\n\r\n", "OPTIONS", "rtsp://h/s", "1"),
                Arguments.of("lower-case header name",
                        "OPTIONS rtsp://h/s RTSP/1.0\r\ncseq: 1\r\n\r\n", "OPTIONS", "rtsp://h/s", "1"),
                Arguments.of("unescaped space in the URI (some NVR clients)",
                        "DESCRIBE rtsp://h/my stream RTSP/1.0\r\nCSeq: 1\r\n\r\n", "DESCRIBE", "rtsp://h/my%20stream", "1"),
                Arguments.of("several spaces between fields",
                        "PLAY  rtsp://h/s   RTSP/1.0\r\nCSeq: 1\r\n\r\n", "PLAY", "rtsp://h/s", "1"),
                Arguments.of("server-wide OPTIONS",
                        "OPTIONS * RTSP/1.0\r\nCSeq: 1\r\n\r\n", "OPTIONS", "*", "1"),
                Arguments.of("extension method",
                        "PLAY_NOTIFY rtsp://h/s RTSP/1.0\r\nCSeq: 1\r\n\r\n", "PLAY_NOTIFY", "rtsp://h/s", "1"),
                Arguments.of("CRLF keep-alives before the request (some players)",
                        "\r\n\r\nOPTIONS rtsp://h/s RTSP/1.0\r\nCSeq: 1\r\n\r\n", "OPTIONS", "rtsp://h/s", "1"),
                Arguments.of("UTF-8 in the URI",
                        "DESCRIBE rtsp://h/caf\u00c3\u00a9 RTSP/1.0\r\nCSeq: 1\r\n\r\n", "DESCRIBE", "rtsp://h/caf\u00e9", "1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lenientRequests")
    void lenientRequest(String name, String wire, String method, String uri, String cseq) {
        RtspRequest req = onlyRequest(wire);
        assertThat(req.method()).isEqualTo(RtspMethod.valueOf(method));
        assertThat(req.uri()).isEqualTo(uri);
        assertThat(req.cseq()).isEqualTo(cseq);
        DecoderHarness.assertSplitInvariant(RtspDecoderConfig.DEFAULT, ascii(wire));
    }

    @Test
    void foldedHeaderIsJoined() {
        RtspRequest req = onlyRequest("SETUP rtsp://h/s/trackID=0 RTSP/1.0\r\nCSeq: 3\r\n"
                + "Transport: RTP/AVP;unicast;\r\n  client_port=5000-5001\r\n\r\n");
        assertThat(req.headers().get("Transport")).isEqualTo("RTP/AVP;unicast; client_port=5000-5001");
    }

    @Test
    void repeatedIdenticalContentLengthIsAccepted() {
        RtspRequest req = onlyRequest("ANNOUNCE rtsp://h/s RTSP/1.0\r\nCSeq: 1\r\nContent-Length: 3\r\n"
                + "Content-Length: 3\r\n\r\nv=0");
        assertThat(req.body()).containsExactly('v', '=', '0');
        assertThat(req.headers().getAll("Content-Length")).containsExactly("3");
    }

    @Test
    void responseWithoutReasonPhrase() {
        List<Object> out = DecoderHarness.decode(ascii("RTSP/1.0 200\r\nCSeq: 1\r\n\r\n"));
        RtspResponse res = (RtspResponse) out.get(0);
        assertThat(res.status()).isEqualTo(RtspStatus.OK);
        assertThat(res.reasonPhrase()).isEmpty();
    }

    /** A failure, then OPTIONS with CSeq 2 that must still be decoded (framing kept). */
    static Stream<Arguments> recoverableFailures() {
        return Stream.of(
                Arguments.of("RTSP/2.0 request (RFC 7826 client)",
                        "OPTIONS rtsp://h/s RTSP/2.0\r\nCSeq: 1\r\n\r\n",
                        UnsupportedVersionException.class, RtspStatus.RTSP_VERSION_NOT_SUPPORTED, true),
                Arguments.of("RTSP/2.0 request with a body",
                        "SET_PARAMETER rtsp://h/s RTSP/2.0\r\nCSeq: 1\r\nContent-Length: 5\r\n\r\nx: 1\n",
                        UnsupportedVersionException.class, RtspStatus.RTSP_VERSION_NOT_SUPPORTED, true),
                Arguments.of("HTTP request on the RTSP port",
                        "GET / HTTP/1.1\r\nCSeq: 1\r\nHost: h\r\n\r\n",
                        UnsupportedVersionException.class, RtspStatus.RTSP_VERSION_NOT_SUPPORTED, true),
                Arguments.of("bad header line with a valid Content-Length",
                        "ANNOUNCE rtsp://h/s RTSP/1.0\r\nCSeq: 1\r\nno colon here\r\nContent-Length: 4\r\n\r\nv=0\n",
                        MalformedHeaderException.class, RtspStatus.BAD_REQUEST, true),
                Arguments.of("invalid header name",
                        "OPTIONS rtsp://h/s RTSP/1.0\r\nCSeq: 1\r\nBad Name: x\r\n\r\n",
                        MalformedHeaderException.class, RtspStatus.BAD_REQUEST, true),
                Arguments.of("NUL in a header value",
                        "OPTIONS rtsp://h/s RTSP/1.0\r\nCSeq: 1\r\nX-A: a\0b\r\n\r\n",
                        MalformedHeaderException.class, RtspStatus.BAD_REQUEST, true),
                Arguments.of("continuation line first",
                        "OPTIONS rtsp://h/s RTSP/1.0\r\n folded\r\nCSeq: 1\r\n\r\n",
                        MalformedHeaderException.class, RtspStatus.BAD_REQUEST, true),
                Arguments.of("missing protocol version",
                        "OPTIONS rtsp://h/s\r\nCSeq: 1\r\n\r\n",
                        MalformedStartLineException.class, RtspStatus.BAD_REQUEST, true),
                Arguments.of("missing request-URI",
                        "OPTIONS RTSP/1.0\r\nCSeq: 1\r\n\r\n",
                        MalformedStartLineException.class, RtspStatus.BAD_REQUEST, true),
                Arguments.of("body over the limit is skipped",
                        "ANNOUNCE rtsp://h/s RTSP/1.0\r\nCSeq: 1\r\nContent-Length: 200000\r\n\r\n"
                                + "v".repeat(200000),
                        TooLongException.class, RtspStatus.REQUEST_ENTITY_TOO_LARGE, true),
                Arguments.of("URI over the limit",
                        "DESCRIBE rtsp://h/" + "a".repeat(2100) + " RTSP/1.0\r\nCSeq: 1\r\n\r\n",
                        TooLongException.class, RtspStatus.REQUEST_URI_TOO_LARGE, true),
                Arguments.of("URI longer than any start line",
                        "DESCRIBE rtsp://h/" + "a".repeat(5000) + " RTSP/1.0\r\nCSeq: 1\r\n\r\n",
                        TooLongException.class, RtspStatus.REQUEST_URI_TOO_LARGE, false),
                Arguments.of("header value over the limit",
                        "OPTIONS rtsp://h/s RTSP/1.0\r\nCSeq: 1\r\nX-Long: " + "b".repeat(2049) + "\r\n\r\n",
                        TooLongException.class, RtspStatus.BAD_REQUEST, true),
                Arguments.of("header line longer than any limit",
                        "OPTIONS rtsp://h/s RTSP/1.0\r\nCSeq: 1\r\nX-Long: " + "b".repeat(5000) + "\r\n\r\n",
                        TooLongException.class, RtspStatus.BAD_REQUEST, true),
                Arguments.of("method over the limit",
                        "M".repeat(70) + " rtsp://h/s RTSP/1.0\r\nCSeq: 1\r\n\r\n",
                        TooLongException.class, RtspStatus.BAD_REQUEST, true),
                Arguments.of("response with an invalid status code",
                        "RTSP/1.0 2000 OK\r\nCSeq: 1\r\n\r\n",
                        MalformedStartLineException.class, RtspStatus.BAD_REQUEST, true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recoverableFailures")
    void recoverableFailure(String name, String wire, Class<?> cause, RtspStatus status, boolean checkCseq) {
        byte[] input = ascii(wire + OPTIONS_2);
        List<Object> out = DecoderHarness.decode(input);
        assertThat(out).hasSize(2);
        RtspDecodeFailure f = (RtspDecodeFailure) out.get(0);
        assertThat(f.cause()).isInstanceOf(cause);
        assertThat(f.cause().getMessage()).isNotBlank();
        assertThat(f.framingLost()).isFalse();
        assertThat(f.suggestedStatus()).isEqualTo(status);
        if (checkCseq) {
            assertThat(f.cseq()).isEqualTo("1");
        }
        assertThat(f.isRequest()).isEqualTo(!wire.startsWith("RTSP/"));
        assertThat(((RtspRequest) out.get(1)).cseq()).isEqualTo("2");
        if (input.length < 2500) {
            DecoderHarness.assertSplitInvariant(RtspDecoderConfig.DEFAULT, input);
            assertThat(DecoderHarness.describeBytewise(RtspDecoderConfig.DEFAULT, input))
                    .isEqualTo(DecoderHarness.describeAll(input));
        }
    }

    @Test
    void unsupportedVersionKeepsTheVersionText() {
        List<Object> out = DecoderHarness.decode(ascii("OPTIONS * RTSP/2.0\r\nCSeq: 7\r\n\r\n"));
        RtspDecodeFailure f = (RtspDecodeFailure) out.get(0);
        assertThat(((UnsupportedVersionException) f.cause()).versionText()).isEqualTo("RTSP/2.0");
        assertThat(f.startLine()).isEqualTo("OPTIONS * RTSP/2.0");
        assertThat(f.isRequest()).isTrue();
    }

    @Test
    void tooLongNamesTheLimit() {
        List<Object> out = DecoderHarness.decode(ascii("ANNOUNCE rtsp://h/s RTSP/1.0\r\nCSeq: 1\r\n"
                + "Content-Length: 131073\r\n\r\n"));
        TooLongException e = (TooLongException) ((RtspDecodeFailure) out.get(0)).cause();
        assertThat(e.limit()).isEqualTo(TooLongException.Limit.BODY);
        assertThat(e.maximum()).isEqualTo(131072);
        assertThat(e.getMessage()).isEqualTo("Content-Length 131073 exceeds the body limit of 131072");
    }

    /** Failures after which the end of the message is unknown: the rest of the input is ignored. */
    static Stream<Arguments> fatalFailures() {
        return Stream.of(
                Arguments.of("non-numeric Content-Length", "ANNOUNCE rtsp://h/s RTSP/1.0\r\nCSeq: 1\r\n"
                        + "Content-Length: A\r\n\r\n", BadContentLengthException.class),
                Arguments.of("negative Content-Length", "ANNOUNCE rtsp://h/s RTSP/1.0\r\nCSeq: 1\r\n"
                        + "Content-Length: -1\r\n\r\n", BadContentLengthException.class),
                Arguments.of("conflicting Content-Length", "ANNOUNCE rtsp://h/s RTSP/1.0\r\nCSeq: 1\r\n"
                        + "Content-Length: 1\r\nContent-Length: 2\r\n\r\n", BadContentLengthException.class),
                Arguments.of("Content-Length with NUL", "ANNOUNCE rtsp://h/s RTSP/1.0\r\nCSeq: 1\r\n"
                        + "Content-Length: 1\0\r\n\r\n", BadContentLengthException.class),
                Arguments.of("too many header lines", "OPTIONS rtsp://h/s RTSP/1.0\r\nCSeq: 1\r\n"
                        + "X:y\r\n".repeat(255) + "\r\n", TooLongException.class));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fatalFailures")
    void fatalFailure(String name, String wire, Class<?> cause) {
        byte[] input = ascii(wire + OPTIONS_2);
        List<Object> out = DecoderHarness.decode(input);
        assertThat(out).hasSize(1);
        RtspDecodeFailure f = (RtspDecodeFailure) out.get(0);
        assertThat(f.cause()).isInstanceOf(cause);
        assertThat(f.framingLost()).isTrue();
        assertThat(f.cseq()).isEqualTo("1");
        assertThat(f.suggestedStatus()).isEqualTo(RtspStatus.BAD_REQUEST);
        DecoderHarness.assertSplitInvariant(RtspDecoderConfig.DEFAULT, input);
    }

    @Test
    void junkIsSkippedBetweenMessages() {
        byte[] input = ascii("\0\0\u0080v=0\r\no=- 0 0 IN IP4 127.0.0.1\r\n" + OPTIONS_2 + "\r\n$\1\0\2ab");
        EmbeddedChannel ch = new EmbeddedChannel(new RtspDecoder());
        ch.writeInbound(Unpooled.wrappedBuffer(input));
        RtspRequest req = ch.readInbound();
        assertThat(req.cseq()).isEqualTo("2");
        InterleavedFrame f = ch.readInbound();
        assertThat(f.channel()).isEqualTo(1);
        f.release();
        assertThat(ch.finish()).isFalse();
        RtspDecoder decoder = new RtspDecoder();
        EmbeddedChannel ch2 = new EmbeddedChannel(decoder);
        ch2.writeInbound(Unpooled.wrappedBuffer(ascii("\0\0IN IP4 127.0.0.1\r\n")));
        assertThat(decoder.skippedBytes()).isEqualTo(20);
        assertThat(ch2.finish()).isFalse();
    }

    @Test
    void interleavedPayloadOverTheConfiguredLimitIsSkipped() {
        RtspDecoderConfig config = RtspDecoderConfig.builder().maxInterleavedPayloadLength(4).build();
        byte[] input = new byte[] {'$', 0, 0, 5, 1, 2, 3, 4, 5, '$', 1, 0, 1, 9};
        List<String> out = DecoderHarness.assertSplitInvariant(config, input);
        assertThat(out).hasSize(2);
        assertThat(out.get(0)).startsWith("failure:TooLongException:interleaved payload of 5 bytes on channel 0");
        assertThat(out.get(1)).isEqualTo("frame:1:09");
    }

    @Test
    void frameOfEmptyAndMaximumPayload() {
        byte[] big = new byte[4 + 65535];
        big[0] = '$';
        big[1] = (byte) 255;
        big[2] = (byte) 0xff;
        big[3] = (byte) 0xff;
        byte[] input = RtspCorpusCodecTest.concat(new byte[] {'$', 3, 0, 0}, big);
        List<Object> out = DecoderHarness.decode(input);
        assertThat(out).hasSize(2);
        InterleavedFrame empty = (InterleavedFrame) out.get(0);
        InterleavedFrame full = (InterleavedFrame) out.get(1);
        assertThat(empty.content().readableBytes()).isZero();
        assertThat(full.channel()).isEqualTo(255);
        assertThat(full.content().readableBytes()).isEqualTo(65535);
        out.forEach(ReferenceCountUtil::release);
    }

    @Test
    void framePayloadIsASliceNotACopy() {
        io.netty.buffer.ByteBuf in = Unpooled.buffer().writeBytes(new byte[] {'$', 0, 0, 3, 7, 8, 9});
        EmbeddedChannel ch = new EmbeddedChannel(new RtspDecoder());
        ch.writeInbound(in.retain());
        InterleavedFrame f = ch.readInbound();
        assertThat(f.content().unwrap()).isSameAs(in);
        f.release();
        in.release();
        ch.finish();
        assertThat(in.refCnt()).isZero();
    }

    static Stream<Arguments> truncated() {
        return Stream.of(
                Arguments.of("inside the start line", "OPTIONS rtsp://h/s RT", false),
                Arguments.of("inside the headers", "OPTIONS rtsp://h/s RTSP/1.0\r\nCSeq: 1\r\n", true),
                Arguments.of("inside the body", "ANNOUNCE rtsp://h/s RTSP/1.0\r\nCSeq: 1\r\nContent-Length: 9\r\n\r\nv=", true),
                Arguments.of("inside a frame header", "$\0", false),
                Arguments.of("inside a frame payload", "$\0\0\5ab", false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("truncated")
    void connectionClosedMidMessage(String name, String wire, boolean request) {
        List<Object> out = DecoderHarness.decode(ascii(wire));
        assertThat(out).hasSize(1);
        RtspDecodeFailure f = (RtspDecodeFailure) out.get(0);
        assertThat(f.cause()).isInstanceOf(TruncatedMessageException.class);
        assertThat(f.framingLost()).isTrue();
        assertThat(f.isRequest()).isEqualTo(request);
    }

    @Test
    void nothingAfterCleanEnd() {
        assertThat(DecoderHarness.decode(ascii(OPTIONS_2 + "\r\n"))).hasSize(1);
        assertThat(DecoderHarness.decode(new byte[0])).isEmpty();
    }
}
