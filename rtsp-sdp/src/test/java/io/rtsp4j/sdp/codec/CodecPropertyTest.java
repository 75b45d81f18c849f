package io.rtsp4j.sdp.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded property tests of the bitstream parsers: random bytes and mutations (bit flips, truncations,
 * insertions) of real configurations never make a parser throw anything but {@link CodecConfigException},
 * and what the AudioSpecificConfig and StreamMuxConfig parsers accept encodes and parses back equal.
 */
class CodecPropertyTest {

    private static final int RUNS = 20_000;

    record Parser(String name, Function<byte[], Object> parse, List<byte[]> seeds) {
    }

    static byte[] b64(String s) {
        return Base64.getDecoder().decode(s);
    }

    static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }

    static Stream<Arguments> parsers() {
        return Stream.of(
                new Parser("H264Sps", H264Sps::parse, List.of(b64("Z2QAH6zZQFAFuwEQAAADABAAAAMDIPGDGWA="),
                        b64("Z/QAHpDZZAKAv+JwFqDAwMgAAAMACAAAAwHkeLFyQA=="), b64("Z0IAHqtAUB7I"),
                        b64("Z01AKI2NQDwBE/LgLcBAQFAAAD6AAARlDoYAUVAABfXgu8uNDACioAAL68F3lwo="))),
                new Parser("H265Sps", H265Sps::parse, List.of(
                        b64("QgEBAWAAAAMAkAAAAwAAAwB4oAPAgBDlllZpJMrwFoCAAAADAIAAAA8E"),
                        b64("QgEBBAgAAAMAmAgAAAMAAF2QAFAQBaIpSys0kmV/+AAIAAtQEBAQQAAAAwBAAAAHgg=="))),
                new Parser("AudioSpecificConfig", data -> {
                    AudioSpecificConfig c = AudioSpecificConfig.parse(data);
                    assertThat(AudioSpecificConfig.parse(c.encode())).isEqualTo(c);
                    return c;
                }, List.of(hex("1190"), hex("eb098800"), hex("119056e500"), hex("1388"),
                        hex("131056e598"), hex("130856e59d4880"))),
                new Parser("StreamMuxConfig", data -> {
                    StreamMuxConfig c = StreamMuxConfig.parse(data);
                    assertThat(StreamMuxConfig.parse(c.encode())).isEqualTo(c);
                    return c;
                }, List.of(hex("400026203fc0"), hex("4001d613101fe0"), hex("40005623101fe0"), hex("40002310"),
                        hex("40002320adca00"), hex("40002610adcb3a911fe0"))))
                .map(p -> Arguments.of(Named.of(p.name(), p)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("parsers")
    void onlyCodecConfigExceptionEscapes(Parser parser) {
        Random random = new Random(0x5d9L ^ parser.name().hashCode());
        int accepted = 0;
        for (int i = 0; i < RUNS; i++) {
            byte[] input = i % 4 == 0 ? randomBytes(random)
                    : mutate(random, parser.seeds().get(random.nextInt(parser.seeds().size())));
            try {
                parser.parse().apply(input);
                accepted++;
            } catch (CodecConfigException e) {
                if (e.getMessage() == null || e.getMessage().isBlank()) {
                    throw new AssertionError("exception without message for " + HexFormat.of().formatHex(input), e);
                }
            }
        }
        assertThat(accepted).as("some mutations must still parse").isPositive();
    }

    static byte[] randomBytes(Random r) {
        byte[] b = new byte[r.nextInt(40)];
        r.nextBytes(b);
        if (b.length > 0 && r.nextBoolean()) {
            b[0] = (byte) (r.nextBoolean() ? 0x67 : 0x42); // often a plausible NAL header
        }
        return b;
    }

    static byte[] mutate(Random r, byte[] seed) {
        byte[] b = seed.clone();
        int ops = 1 + r.nextInt(3);
        for (int k = 0; k < ops && b.length > 0; k++) {
            switch (r.nextInt(4)) {
                case 0 -> {
                    int bit = r.nextInt(b.length * 8);
                    b[bit / 8] ^= (byte) (0x80 >>> (bit % 8));
                }
                case 1 -> b = java.util.Arrays.copyOf(b, r.nextInt(b.length + 1));
                case 2 -> b[r.nextInt(b.length)] = (byte) r.nextInt(256);
                default -> {
                    byte[] longer = java.util.Arrays.copyOf(b, b.length + 1 + r.nextInt(4));
                    for (int i = b.length; i < longer.length; i++) {
                        longer[i] = (byte) r.nextInt(256);
                    }
                    b = longer;
                }
            }
        }
        return b;
    }
}
