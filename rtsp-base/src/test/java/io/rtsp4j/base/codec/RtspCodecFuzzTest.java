package io.rtsp4j.base.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.ReferenceCountUtil;
import io.rtsp4j.base.InterleavedFrame;
import io.rtsp4j.base.RtspMethod;
import io.rtsp4j.base.RtspRequest;
import io.rtsp4j.base.RtspResponse;
import io.rtsp4j.base.RtspStatus;
import io.rtsp4j.testing.Corpus;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Robustness of the codec: the upstream fuzz corpus (fuzz/base) and seeded random streams. The decoder may
 * only emit its four value types, never throw, never leak, and whatever it decodes must encode and decode
 * back to the same value.
 */
class RtspCodecFuzzTest {

    static Stream<Arguments> fuzzInputs() {
        List<Arguments> out = new ArrayList<>();
        for (String target : List.of("FuzzRequestUnmarshal", "FuzzResponseUnmarshal", "FuzzInterleavedFrameUnmarshal")) {
            for (Corpus.FuzzInput in : Corpus.fuzzInputs("base", target)) {
                out.add(Arguments.of(Named.of(in.file(), in.first())));
            }
        }
        for (Corpus.FuzzInput in : Corpus.fuzzInputs("base", "FuzzHeaderUnmarshal")) {
            // a header block: put a start line before it
            out.add(Arguments.of(Named.of(in.file(), concat("OPTIONS * RTSP/1.0\r\n", in.first()))));
        }
        for (Corpus.FuzzInput in : Corpus.fuzzInputs("base", "FuzzBodyUnmarshal")) {
            // (Content-Length value, body)
            byte[] head = concat("ANNOUNCE rtsp://h/s RTSP/1.0\r\nContent-Length: ", in.args().get(0));
            out.add(Arguments.of(Named.of(in.file(), concat(concat(head, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII)),
                    in.args().get(1)))));
        }
        return out.stream();
    }

    static byte[] concat(String a, byte[] b) {
        return concat(a.getBytes(StandardCharsets.US_ASCII), b);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fuzzInputs")
    void upstreamFuzzCorpus(byte[] input) {
        checkStream(input, new Random(input.length));
        DecoderHarness.assertSplitInvariant(RtspDecoderConfig.DEFAULT, input);
    }

    /**
     * Decodes the input in random chunks; checks the output types, re-encodes every decoded message and
     * decodes it again, and releases everything.
     */
    static void checkStream(byte[] input, Random rnd) {
        EmbeddedChannel ch = new EmbeddedChannel(new RtspDecoder(RtspDecoderConfig.builder().maxBodyLength(4096)
                .maxHeaderValueLength(512).maxUriLength(512).maxHeaderCount(32).build()));
        int pos = 0;
        while (pos < input.length) {
            int n = 1 + rnd.nextInt(Math.min(64, input.length - pos));
            ch.writeInbound(Unpooled.wrappedBuffer(input, pos, n));
            pos += n;
        }
        ch.finish();
        for (Object o; (o = ch.readInbound()) != null; ) {
            try {
                assertThat(o).isInstanceOfAny(RtspRequest.class, RtspResponse.class, InterleavedFrame.class,
                        RtspDecodeFailure.class);
                if (!(o instanceof RtspDecodeFailure)) {
                    assertReencodes(o);
                } else {
                    RtspDecodeFailure f = (RtspDecodeFailure) o;
                    assertThat(f.cause().getMessage()).isNotBlank();
                    assertThat(f.suggestedStatus()).isNotNull();
                }
            } finally {
                ReferenceCountUtil.release(o);
            }
        }
    }

    static void assertReencodes(Object msg) {
        EmbeddedChannel enc = new EmbeddedChannel(new RtspEncoder(RtspEncoder.HeaderOrder.INSERTION));
        enc.writeOutbound(ReferenceCountUtil.retain(msg));
        ByteBuf all = Unpooled.buffer();
        for (ByteBuf b; (b = enc.readOutbound()) != null; ) {
            all.writeBytes(b);
            b.release();
        }
        enc.finish();
        EmbeddedChannel dec = new EmbeddedChannel(new RtspDecoder());
        dec.writeInbound(all);
        dec.finish();
        Object again = dec.readInbound();
        try {
            if (msg instanceof io.rtsp4j.base.RtspMessage) {
                // same wire text (an empty reason phrase is written as the standard one) and same headers in order
                assertThat(again).isInstanceOf(msg.getClass());
                assertThat(again.toString()).isEqualTo(msg.toString());
                assertThat(((io.rtsp4j.base.RtspMessage) again).headers())
                        .isEqualTo(((io.rtsp4j.base.RtspMessage) msg).headers());
            } else {
                assertThat(again).as("re-decoded form of %s", msg).isEqualTo(msg);
            }
            assertThat((Object) dec.readInbound()).isNull();
        } finally {
            ReferenceCountUtil.release(again);
        }
    }

    /** Random valid messages and frames, encoded, concatenated and decoded in random chunks. */
    @Test
    void randomValidStreamsRoundTrip() {
        Random rnd = new Random(0x5eed_c0deL);
        for (int round = 0; round < 300; round++) {
            List<Object> sent = new ArrayList<>();
            ByteBuf wire = Unpooled.buffer();
            int count = 1 + rnd.nextInt(8);
            for (int i = 0; i < count; i++) {
                Object m = randomMessage(rnd);
                sent.add(m);
                EmbeddedChannel enc = new EmbeddedChannel(new RtspEncoder(rnd.nextBoolean()
                        ? RtspEncoder.HeaderOrder.SORTED : RtspEncoder.HeaderOrder.INSERTION));
                enc.writeOutbound(ReferenceCountUtil.retain(m));
                for (ByteBuf b; (b = enc.readOutbound()) != null; ) {
                    wire.writeBytes(b);
                    b.release();
                }
                enc.finish();
                if (rnd.nextInt(5) == 0) {
                    wire.writeBytes(new byte[] {'\r', '\n'}); // keep-alive CRLF between messages
                }
            }
            byte[] bytes = new byte[wire.readableBytes()];
            wire.readBytes(bytes);
            wire.release();
            int cut1 = rnd.nextInt(bytes.length + 1);
            int cut2 = cut1 + rnd.nextInt(bytes.length - cut1 + 1);
            List<Object> got = DecoderHarness.decode(Arrays.copyOfRange(bytes, 0, cut1),
                    Arrays.copyOfRange(bytes, cut1, cut2), Arrays.copyOfRange(bytes, cut2, bytes.length));
            try {
                assertThat(got).hasSameSizeAs(sent);
                for (int i = 0; i < sent.size(); i++) {
                    Object expected = sent.get(i);
                    if (expected instanceof RtspRequest || expected instanceof RtspResponse) {
                        // the encoder may have reordered headers: compare as sorted
                        assertThat(got.get(i).toString()).isEqualTo(expected.toString());
                    } else {
                        assertThat(got.get(i)).isEqualTo(expected);
                    }
                }
            } finally {
                got.forEach(ReferenceCountUtil::release);
                sent.forEach(ReferenceCountUtil::release);
            }
        }
    }

    /** Mutated (bit flips, insertions, deletions, truncations) valid streams: only value types come out. */
    @Test
    void randomMutationsNeverThrow() {
        Random rnd = new Random(0xbadc0deL);
        List<byte[]> seeds = new ArrayList<>();
        for (java.nio.file.Path p : Corpus.list("messages", "*.bin")) {
            seeds.add(Corpus.bytes("messages/" + p.getFileName()));
        }
        seeds.add("SETUP rtsp://h/s/trackID=0 RTSP/1.0\r\nCSeq: 3\r\nTransport: RTP/AVP/TCP;interleaved=0-1\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII));
        seeds.add("OPTIONS * RTSP/2.0\r\nCSeq: 1\r\nContent-Length: 2\r\n\r\nab".getBytes(StandardCharsets.US_ASCII));
        for (int round = 0; round < 4000; round++) {
            byte[] a = seeds.get(rnd.nextInt(seeds.size()));
            byte[] b = seeds.get(rnd.nextInt(seeds.size()));
            byte[] input = mutate(rnd, concat(a, b));
            checkStream(input, rnd);
        }
    }

    static byte[] mutate(Random rnd, byte[] in) {
        byte[] b = in;
        int edits = 1 + rnd.nextInt(6);
        byte[] specials = {'\r', '\n', ' ', ':', '$', 0, '0', '9', '-', (byte) 0xff, 'R', 'T', 'S', 'P', '/'};
        for (int e = 0; e < edits && b.length > 0; e++) {
            int pos = rnd.nextInt(b.length);
            switch (rnd.nextInt(5)) {
                case 0:
                    b[pos] ^= (byte) (1 << rnd.nextInt(8));
                    break;
                case 1:
                    b[pos] = specials[rnd.nextInt(specials.length)];
                    break;
                case 2: {
                    byte[] c = new byte[b.length + 1];
                    System.arraycopy(b, 0, c, 0, pos);
                    c[pos] = specials[rnd.nextInt(specials.length)];
                    System.arraycopy(b, pos, c, pos + 1, b.length - pos);
                    b = c;
                    break;
                }
                case 3: {
                    byte[] c = new byte[b.length - 1];
                    System.arraycopy(b, 0, c, 0, pos);
                    System.arraycopy(b, pos + 1, c, pos, b.length - pos - 1);
                    b = c;
                    break;
                }
                default:
                    b = Arrays.copyOf(b, pos);
                    break;
            }
        }
        return b;
    }

    static Object randomMessage(Random rnd) {
        switch (rnd.nextInt(3)) {
            case 0: {
                byte[] payload = new byte[rnd.nextInt(3) == 0 ? rnd.nextInt(2000) : rnd.nextInt(20)];
                rnd.nextBytes(payload);
                return new InterleavedFrame(rnd.nextInt(256), Unpooled.wrappedBuffer(payload));
            }
            case 1: {
                RtspMethod[] methods = {RtspMethod.OPTIONS, RtspMethod.DESCRIBE, RtspMethod.SETUP, RtspMethod.PLAY,
                    RtspMethod.TEARDOWN, RtspMethod.GET_PARAMETER, RtspMethod.valueOf("X_VENDOR")};
                RtspRequest.Builder b = RtspRequest.builder(methods[rnd.nextInt(methods.length)],
                        rnd.nextInt(5) == 0 ? "*" : "rtsp://10.0.0." + rnd.nextInt(255) + ":8554/p" + rnd.nextInt(99)
                                + "?q=" + rnd.nextInt(9) + "/trackID=" + rnd.nextInt(3));
                addHeaders(rnd, b::header);
                if (rnd.nextBoolean()) {
                    b.body(randomText(rnd, rnd.nextInt(300)));
                }
                return b.build();
            }
            default: {
                int[] codes = {200, 400, 401, 404, 454, 461, 505, 299};
                RtspResponse.Builder b = RtspResponse.builder(RtspStatus.valueOf(codes[rnd.nextInt(codes.length)]));
                if (rnd.nextInt(4) == 0) {
                    b.reasonPhrase(rnd.nextBoolean() ? "" : "Custom Reason " + rnd.nextInt(100));
                }
                addHeaders(rnd, b::header);
                if (rnd.nextBoolean()) {
                    b.body(randomText(rnd, rnd.nextInt(300)));
                }
                return b.build();
            }
        }
    }

    interface HeaderSink {
        void add(String name, String value);
    }

    static void addHeaders(Random rnd, HeaderSink sink) {
        String[] names = {"CSeq", "Session", "Transport", "User-Agent", "x-custom", "WWW-Authenticate", "Date",
            "RTP-Info", "Range"};
        int n = rnd.nextInt(8);
        for (int i = 0; i < n; i++) {
            sink.add(names[rnd.nextInt(names.length)], rnd.nextInt(6) == 0 ? "" : "v" + rnd.nextInt(1000)
                    + (rnd.nextBoolean() ? ";timeout=60" : " \u00e9t\u00e9"));
        }
    }

    static byte[] randomText(Random rnd, int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (rnd.nextInt(10) == 0 ? '\n' : 'a' + rnd.nextInt(26));
        }
        return b;
    }
}
