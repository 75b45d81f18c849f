package io.rtsp4j.base.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.ReferenceCountUtil;
import io.rtsp4j.base.InterleavedFrame;
import io.rtsp4j.base.RtspHeaders;
import io.rtsp4j.base.RtspMessage;
import io.rtsp4j.base.RtspRequest;
import io.rtsp4j.base.RtspResponse;
import io.rtsp4j.base.RtspStatus;
import io.rtsp4j.base.internal.MessageText;
import io.rtsp4j.testing.Corpus;
import io.rtsp4j.testing.Hex;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every record of the corpus folder {@code messages/} (except the URL records, see RtspUrlTest). */
class RtspCorpusCodecTest {

    static Stream<Arguments> records(String kind) {
        return Corpus.list("messages", "*.json").stream()
                .map(p -> Map.entry(p, Corpus.json(p)))
                .filter(e -> e.getValue().path("kind").asText().equals(kind))
                .map(e -> Arguments.of(Named.of(name(e.getKey()) + " [" + e.getValue().path("source").asText() + "]",
                        e.getKey())));
    }

    static String name(Path json) {
        String f = json.getFileName().toString();
        return f.substring(0, f.length() - ".json".length());
    }

    static byte[] sibling(Path json, String file) {
        return Corpus.bytes("messages/" + file);
    }

    static byte[] bin(Path json) {
        return Corpus.bytes("messages/" + name(json) + ".bin");
    }

    static Stream<Arguments> requests() {
        return records("request");
    }

    static Stream<Arguments> responses() {
        return records("response");
    }

    static Stream<Arguments> responseEncodes() {
        return records("response-encode");
    }

    static Stream<Arguments> headerBlocks() {
        return records("header-block");
    }

    static Stream<Arguments> frames() {
        return records("interleaved-frame");
    }

    static Stream<Arguments> bodies() {
        return records("body");
    }

    static Stream<Arguments> streams() {
        return records("stream");
    }

    /** name -> values, in canonical spelling, as the corpus gives them (order of names is irrelevant). */
    static Map<String, List<String>> headerMap(JsonNode headers) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        headers.fields().forEachRemaining(e -> {
            List<String> values = new ArrayList<>();
            e.getValue().forEach(v -> values.add(v.asText()));
            out.put(e.getKey(), values);
        });
        return out;
    }

    static Map<String, List<String>> headerMap(RtspHeaders headers) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String name : headers.names()) {
            out.put(name, headers.getAll(name));
        }
        return out;
    }

    static Object decodeOne(byte[] bytes) {
        List<Object> out = DecoderHarness.decode(bytes);
        assertThat(out).hasSize(1);
        return out.get(0);
    }

    static byte[] encode(Object msg) {
        EmbeddedChannel ch = new EmbeddedChannel(new RtspEncoder());
        ch.writeOutbound(msg);
        ch.finish();
        ByteBuf all = Unpooled.buffer();
        for (ByteBuf b; (b = ch.readOutbound()) != null; ) {
            all.writeBytes(b);
            b.release();
        }
        byte[] out = new byte[all.readableBytes()];
        all.readBytes(out);
        all.release();
        return out;
    }

    static void assertBody(RtspMessage m, JsonNode body) {
        if (body.isNull()) {
            assertThat(m.body()).isEmpty();
        } else {
            assertThat(new String(m.body(), StandardCharsets.UTF_8)).isEqualTo(body.asText());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    void request(Path json) {
        JsonNode rec = Corpus.json(json);
        byte[] bin = bin(json);
        RtspRequest req = (RtspRequest) decodeOne(bin);
        assertThat(req.method().name()).isEqualTo(rec.path("method").asText());
        assertThat(req.uri()).isEqualTo(rec.path("url").isNull() ? "*" : rec.path("url").asText());
        assertThat(headerMap(req.headers())).isEqualTo(headerMap(rec.path("headers")));
        assertBody(req, rec.path("body"));
        assertThat(encode(req)).asString(StandardCharsets.UTF_8).isEqualTo(new String(bin, StandardCharsets.UTF_8));
        assertThat(req.toString()).isEqualTo(new String(bin, StandardCharsets.UTF_8));
        DecoderHarness.assertSplitInvariant(RtspDecoderConfig.DEFAULT, bin);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("responses")
    void response(Path json) {
        JsonNode rec = Corpus.json(json);
        byte[] bin = bin(json);
        RtspResponse res = (RtspResponse) decodeOne(bin);
        assertThat(res.status().code()).isEqualTo(rec.path("statusCode").asInt());
        assertThat(res.reasonPhrase()).isEqualTo(rec.path("statusMessage").asText());
        assertThat(headerMap(res.headers())).isEqualTo(headerMap(rec.path("headers")));
        assertBody(res, rec.path("body"));
        byte[] expected = rec.path("roundTrip").asBoolean() ? bin : sibling(json, rec.path("marshaledFile").asText());
        assertThat(encode(res)).asString(StandardCharsets.UTF_8).isEqualTo(new String(expected, StandardCharsets.UTF_8));
        assertThat(res.toString()).isEqualTo(new String(expected, StandardCharsets.UTF_8));
        DecoderHarness.assertSplitInvariant(RtspDecoderConfig.DEFAULT, bin);
    }

    static Stream<Arguments> invalidStreams() {
        return Corpus.jsonLines("messages/invalid.jsonl").stream()
                .filter(r -> !r.path("file").asText().equals("urls.jsonl"))
                .map(r -> Arguments.of(Named.of(r.path("name").asText() + " [" + r.path("source").asText() + "]", r)));
    }

    /** The non-URL records of invalid.jsonl (URL records: RtspUrlTest): reading them yields no message. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidStreams")
    void invalidStream(JsonNode rec) {
        byte[] input = Corpus.bytes("messages/" + rec.path("file").asText());
        assertThat(input).asString(StandardCharsets.ISO_8859_1).isEqualTo(rec.path("input").asText());
        assertThat(DecoderHarness.decode(input)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("responseEncodes")
    void responseEncode(Path json) {
        JsonNode rec = Corpus.json(json);
        RtspResponse.Builder b = RtspResponse.builder(RtspStatus.valueOf(rec.path("statusCode").asInt()));
        if (rec.path("statusMessage").isNull()) {
            b.reasonPhrase("");
        }
        headerMap(rec.path("headers")).forEach((name, values) -> values.forEach(v -> b.header(name, v)));
        assertThat(encode(b.build())).asString(StandardCharsets.UTF_8)
                .isEqualTo(new String(sibling(json, rec.path("marshaledFile").asText()), StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("headerBlocks")
    void headerBlock(Path json) {
        JsonNode rec = Corpus.json(json);
        byte[] block = bin(json);
        String startLine = "OPTIONS * RTSP/1.0\r\n";
        byte[] message = concat(startLine.getBytes(StandardCharsets.US_ASCII), block);
        Object decoded = decodeOne(message);
        RtspHeaders headers;
        if (decoded instanceof RtspDecodeFailure) {
            // 'normalized keys' carries "Content-Length: value": as a message that is a framing error, and the
            // failure still reports every header read
            RtspDecodeFailure failure = (RtspDecodeFailure) decoded;
            assertThat(failure.cause()).isInstanceOf(BadContentLengthException.class);
            assertThat(failure.framingLost()).isTrue();
            headers = failure.headers();
        } else {
            headers = ((RtspRequest) decoded).headers();
        }
        assertThat(headerMap(headers)).isEqualTo(headerMap(rec.path("headers")));
        byte[] expected = rec.path("roundTrip").asBoolean() ? block : sibling(json, rec.path("marshaledFile").asText());
        ByteBuf out = Unpooled.buffer();
        MessageText.writeHeaders(headers, out, true);
        out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(new String(expected, StandardCharsets.UTF_8));
        out.release();
        DecoderHarness.assertSplitInvariant(RtspDecoderConfig.DEFAULT, message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("frames")
    void interleavedFrame(Path json) {
        JsonNode rec = Corpus.json(json);
        byte[] bin = bin(json);
        InterleavedFrame f = (InterleavedFrame) decodeOne(bin);
        try {
            assertThat(f.channel()).isEqualTo(rec.path("channel").asInt());
            assertThat(Hex.encode(payload(f))).isEqualTo(rec.path("payloadHex").asText());
            assertThat(encode(f.retain())).isEqualTo(bin);
        } finally {
            f.release();
        }
        assertThat(f.refCnt()).isZero();
        DecoderHarness.assertSplitInvariant(RtspDecoderConfig.DEFAULT, bin);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bodies")
    void body(Path json) {
        JsonNode rec = Corpus.json(json);
        StringBuilder head = new StringBuilder("ANNOUNCE rtsp://h/p RTSP/1.0\r\n");
        headerMap(rec.path("headers")).forEach((n, vs) -> vs.forEach(v -> head.append(n).append(": ").append(v)
                .append("\r\n")));
        head.append("\r\n");
        byte[] message = concat(head.toString().getBytes(StandardCharsets.US_ASCII), bin(json));
        RtspRequest req = (RtspRequest) decodeOne(message);
        assertThat(Hex.encode(req.body())).isEqualTo(rec.path("bodyHex").asText());
        DecoderHarness.assertSplitInvariant(RtspDecoderConfig.DEFAULT, message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("streams")
    void stream(Path json) {
        JsonNode rec = Corpus.json(json);
        byte[] bin = bin(json);
        List<Object> out = DecoderHarness.decode(bin);
        try {
            if (!rec.path("valid").asBoolean()) {
                // "reading from an empty stream fails": there is nothing to read
                assertThat(out).isEmpty();
                return;
            }
            JsonNode expected = rec.path("messages");
            assertThat(out).hasSize(expected.size());
            Iterator<JsonNode> it = expected.elements();
            for (Object o : out) {
                JsonNode exp = it.next();
                switch (exp.path("kind").asText()) {
                    case "interleaved-frame":
                        InterleavedFrame f = (InterleavedFrame) o;
                        assertThat(f.channel()).isEqualTo(exp.path("channel").asInt());
                        assertThat(Hex.encode(payload(f))).isEqualTo(exp.path("payloadHex").asText());
                        break;
                    case "request":
                        RtspRequest req = (RtspRequest) o;
                        assertThat(req.method().name()).isEqualTo(exp.path("method").asText());
                        assertThat(req.uri()).isEqualTo(exp.path("url").asText());
                        assertThat(headerMap(req.headers())).isEqualTo(headerMap(exp.path("headers")));
                        break;
                    case "response":
                        RtspResponse res = (RtspResponse) o;
                        assertThat(res.status().code()).isEqualTo(exp.path("statusCode").asInt());
                        assertThat(res.reasonPhrase()).isEqualTo(exp.path("statusMessage").asText());
                        assertThat(headerMap(res.headers())).isEqualTo(headerMap(exp.path("headers")));
                        break;
                    default:
                        throw new AssertionError("unknown kind " + exp);
                }
            }
        } finally {
            out.forEach(ReferenceCountUtil::release);
        }
        DecoderHarness.assertSplitInvariant(RtspDecoderConfig.DEFAULT, bin);
    }

    static byte[] payload(InterleavedFrame f) {
        byte[] b = new byte[f.content().readableBytes()];
        f.content().getBytes(f.content().readerIndex(), b);
        return b;
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
