package io.rtsp4j.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The HTTP tunnel's streaming base64 decoder: RFC 4648 vectors, per-message padding, any cut, bad input. */
class Base64StreamDecoderTest {

    /** Decodes the pieces through the handler, as the tunnel does. */
    private static byte[] decode(String... pieces) {
        EmbeddedChannel ch = new EmbeddedChannel(new Base64StreamDecoder());
        try {
            for (String p : pieces) {
                ch.writeInbound(Unpooled.copiedBuffer(p, StandardCharsets.ISO_8859_1));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (ByteBuf b; (b = ch.readInbound()) != null; ) {
                out.writeBytes(ByteBufUtil.getBytes(b));
                b.release();
            }
            return out.toByteArray();
        } finally {
            ch.finishAndReleaseAll();
        }
    }

    // RFC 4648 §10 test vectors.
    static Stream<Arguments> rfc4648() {
        return Stream.of(Arguments.of("", ""), Arguments.of("f", "Zg=="), Arguments.of("fo", "Zm8="),
                Arguments.of("foo", "Zm9v"), Arguments.of("foob", "Zm9vYg=="), Arguments.of("fooba", "Zm9vYmE="),
                Arguments.of("foobar", "Zm9vYmFy"));
    }

    @ParameterizedTest(name = "RFC 4648: \"{0}\" = {1}")
    @MethodSource("rfc4648")
    void rfc4648Vectors(String plain, String encoded) {
        assertThat(new String(decode(encoded), StandardCharsets.ISO_8859_1)).isEqualTo(plain);
        // every cut into two pieces
        for (int i = 0; i <= encoded.length(); i++) {
            assertThat(new String(decode(encoded.substring(0, i), encoded.substring(i)), StandardCharsets.ISO_8859_1))
                    .isEqualTo(plain);
        }
    }

    // FFmpeg, GStreamer and QuickTime encode each RTSP message on its own: padding in the middle of the stream.
    @Test
    void paddingBetweenMessages() {
        String a = "OPTIONS * RTSP/1.0\r\nCSeq: 1\r\n\r\n";
        String b = "GET_PARAMETER * RTSP/1.0\r\nCSeq: 22\r\n\r\n";
        String text = enc(a) + enc(b) + enc("x") + enc("yz");
        assertThat(enc(a)).endsWith("=");
        assertThat(new String(decode(text), StandardCharsets.ISO_8859_1)).isEqualTo(a + b + "xyz");
        assertThat(new String(decode(enc(a) + "\r\n" + enc(b) + " \t"), StandardCharsets.ISO_8859_1))
                .isEqualTo(a + b);
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("character outside the alphabet", "Zm9v!", "at character 4: not a base64 character (0x21)"),
                Arguments.of("URL-safe alphabet", "Zm-_", "not a base64 character (0x2d)"),
                Arguments.of("padding first", "=Zm9", "padding after 0 characters of a group"),
                Arguments.of("padding after one character", "Zm9vZ===", "padding after 1 characters of a group"),
                Arguments.of("second padding missing", "Zg=A", "expected '=' (second padding character) (0x41)"),
                Arguments.of("NUL", "Zm\u00009v", "(0x00)"),
                Arguments.of("high byte", "Zm\u00ff9v", "(0xff)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void invalidInputIsRejected(String name, String text, String message) {
        assertThatThrownBy(() -> decode(text)).isInstanceOf(Base64StreamDecoder.Base64StreamException.class)
                .hasMessageContaining(message).hasMessageStartingWith("HTTP tunnel: invalid base64 in the POST body");
    }

    // Property: messages encoded one by one and cut anywhere decode to their concatenation.
    @Test
    void randomMessagesAndCuts() {
        Random r = new Random(20261121);
        for (int round = 0; round < 500; round++) {
            ByteArrayOutputStream plain = new ByteArrayOutputStream();
            StringBuilder text = new StringBuilder();
            int messages = 1 + r.nextInt(6);
            for (int m = 0; m < messages; m++) {
                byte[] msg = new byte[r.nextInt(40)];
                r.nextBytes(msg);
                plain.writeBytes(msg);
                text.append(Base64.getEncoder().encodeToString(msg));
            }
            String[] pieces = cut(text.toString(), r);
            assertThat(decode(pieces)).as("round %d: %s", round, String.join("|", pieces))
                    .isEqualTo(plain.toByteArray());
        }
    }

    // Property: mutated input either decodes or fails with Base64StreamException, never anything else (no leak).
    @Test
    void mutatedInputFailsCleanly() {
        Random r = new Random(7);
        for (int round = 0; round < 2000; round++) {
            byte[] msg = new byte[1 + r.nextInt(30)];
            r.nextBytes(msg);
            char[] text = Base64.getEncoder().encodeToString(msg).toCharArray();
            for (int k = 0; k < 1 + r.nextInt(3); k++) {
                text[r.nextInt(text.length)] = (char) r.nextInt(256);
            }
            String[] pieces = cut(new String(text), r);
            try {
                decode(pieces);
            } catch (Base64StreamDecoder.Base64StreamException e) {
                assertThat(e.getMessage()).startsWith("HTTP tunnel: invalid base64");
            }
        }
    }

    private static String[] cut(String s, Random r) {
        int n = 1 + r.nextInt(5);
        String[] out = new String[n];
        int start = 0;
        for (int i = 0; i < n - 1; i++) {
            int end = start + r.nextInt(s.length() - start + 1);
            out[i] = s.substring(start, end);
            start = end;
        }
        out[n - 1] = s.substring(start);
        return out;
    }

    private static String enc(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.ISO_8859_1));
    }
}
