package io.rtsp4j.examples.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import io.rtsp4j.base.RtspResponse;
import io.rtsp4j.base.codec.RtspDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class InterleavedSplitterTest {

    private static final String SETUP_REPLY = "RTSP/1.0 200 OK\r\nCSeq: 3\r\nSession: 12345678;timeout=60\r\n"
            + "Transport: RTP/AVP/TCP;unicast;interleaved=0-1\r\n\r\n";
    private static final String DESCRIBE_REPLY = "RTSP/1.0 200 OK\r\ncontent-length : 7\r\nCSeq: 2\r\n\r\nv=0\r\n\r\n";

    private static byte[] frame(int channel, int length, int fill) {
        byte[] f = new byte[4 + length];
        f[0] = '$';
        f[1] = (byte) channel;
        f[2] = (byte) (length >> 8);
        f[3] = (byte) length;
        java.util.Arrays.fill(f, 4, f.length, (byte) fill);
        return f;
    }

    private static byte[] stream() {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.writeBytes(DESCRIBE_REPLY.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(SETUP_REPLY.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(frame(0, 1200, 1));
        out.writeBytes(frame(1, 28, 2));
        out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(frame(0, 0, 0));
        out.writeBytes("RTSP/1.0 200 OK\nCSeq: 4\n\n".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(frame(0, 3, 3));
        return out.toByteArray();
    }

    static Stream<Arguments> chunkings() {
        return Stream.of(
                Arguments.of(Named.of("all at once", 1 << 20)),
                Arguments.of(Named.of("one byte at a time", 1)),
                Arguments.of(Named.of("3 bytes", 3)),
                Arguments.of(Named.of("1000 bytes", 1000)));
    }

    @ParameterizedTest
    @MethodSource("chunkings")
    void framesGoToTheSinkMessagesToTheDecoder(int chunk) {
        List<String> frames = new ArrayList<>();
        EmbeddedChannel ch = new EmbeddedChannel(new InterleavedSplitter((channel, buf, offset, length) ->
                frames.add(channel + ":" + length + ":" + (length == 0 ? "-" : buf.getByte(offset)))),
                new RtspDecoder());
        byte[] all = stream();
        for (int i = 0; i < all.length; i += chunk) {
            ch.writeInbound(Unpooled.wrappedBuffer(all, i, Math.min(chunk, all.length - i)));
        }
        List<RtspResponse> responses = new ArrayList<>();
        for (Object o; (o = ch.readInbound()) != null; ) {
            responses.add((RtspResponse) o);
        }
        assertThat(frames).containsExactly("0:1200:1", "1:28:2", "0:0:-", "0:3:3");
        assertThat(responses).extracting(r -> r.headers().get("CSeq")).containsExactly("2", "3", "4");
        assertThat(new String(responses.get(0).body(), StandardCharsets.US_ASCII)).isEqualTo("v=0\r\n\r\n");
        assertThat(ch.finishAndReleaseAll()).isFalse();
    }

    @Test
    void messageEndNeedsTheWholeBody() {
        ByteBuf b = Unpooled.copiedBuffer(DESCRIBE_REPLY, StandardCharsets.US_ASCII);
        try {
            assertThat(InterleavedSplitter.messageEnd(b, 0, b.writerIndex())).isEqualTo(b.writerIndex());
            assertThat(InterleavedSplitter.messageEnd(b, 0, b.writerIndex() - 1)).isEqualTo(-1);
        } finally {
            b.release();
        }
    }

    @Test
    void endlessHeaderBlockFails() {
        EmbeddedChannel ch = new EmbeddedChannel(new InterleavedSplitter((c, b, o, l) -> { }));
        ByteBuf junk = Unpooled.buffer();
        junk.writeCharSequence("RTSP/1.0 200 OK\r\n", StandardCharsets.US_ASCII);
        while (junk.readableBytes() < InterleavedSplitter.MAX_HEADER_BLOCK + 10) {
            junk.writeCharSequence("X-Pad: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n", StandardCharsets.US_ASCII);
        }
        assertThatThrownBy(() -> ch.writeInbound(junk)).isInstanceOf(DecoderException.class)
                .hasMessageContaining("header block");
        finish(ch);
    }

    @Test
    void hugeContentLengthFails() {
        EmbeddedChannel ch = new EmbeddedChannel(new InterleavedSplitter((c, b, o, l) -> { }));
        ByteBuf msg = Unpooled.copiedBuffer("RTSP/1.0 200 OK\r\nContent-Length: 99999999999\r\n\r\n",
                StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> ch.writeInbound(msg)).isInstanceOf(DecoderException.class)
                .hasMessageContaining("body");
        finish(ch);
    }

    /** Property: random bytes and mutated streams only ever produce frames, slices or a DecoderException. */
    @Test
    void randomInputNeverBreaksTheSplitter() {
        java.util.Random random = new java.util.Random(31);
        byte[] valid = stream();
        for (int i = 0; i < 2000; i++) {
            byte[] input = valid.clone();
            for (int m = random.nextInt(6); m > 0; m--) {
                input[random.nextInt(input.length)] = (byte) random.nextInt(256);
            }
            EmbeddedChannel ch = new EmbeddedChannel(new InterleavedSplitter((c, b, o, l) -> {
                assertThat(o + l).isLessThanOrEqualTo(b.writerIndex());
            }));
            try {
                ch.writeInbound(Unpooled.wrappedBuffer(input));
            } catch (DecoderException expected) {
                // a limit hit: the connection would close
            }
            finish(ch);
        }
    }

    /** Closes the channel; the decoder may report the same failure again on close. */
    private static void finish(EmbeddedChannel ch) {
        try {
            ch.finishAndReleaseAll();
        } catch (DecoderException again) {
            ch.releaseInbound();
        }
    }
}
