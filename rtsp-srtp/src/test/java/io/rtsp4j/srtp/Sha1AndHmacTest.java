package io.rtsp4j.srtp;

import static org.assertj.core.api.Assertions.assertThat;

import io.rtsp4j.testing.Hex;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The SHA-1 / HMAC-SHA1 of this module against published vectors and against the JDK. */
class Sha1AndHmacTest {

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] repeat(int value, int count) {
        byte[] b = new byte[count];
        Arrays.fill(b, (byte) value);
        return b;
    }

    static Stream<Arguments> sha1Vectors() {
        // FIPS 180-2 Appendix A examples and the empty string.
        return Stream.of(
                Arguments.of("FIPS 180-2 A.1 abc", ascii("abc"), "a9993e364706816aba3e25717850c26c9cd0d89d"),
                Arguments.of("FIPS 180-2 A.2 two blocks",
                        ascii("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
                        "84983e441c3bd26ebaae4aa1f95129e5e54670f1"),
                Arguments.of("empty string", new byte[0], "da39a3ee5e6b4b0d3255bfef95601890afd80709"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sha1Vectors")
    void sha1MatchesPublishedDigest(String name, byte[] message, String digest) {
        assertThat(Hex.encode(HmacSha1.sha1(message))).isEqualTo(digest);
    }

    static Stream<Arguments> rfc2202() {
        return Stream.of(
                Arguments.of("RFC 2202 test case 1", repeat(0x0b, 20), ascii("Hi There"),
                        "b617318655057264e28bc0b6fb378c8ef146be00"),
                Arguments.of("RFC 2202 test case 2", ascii("Jefe"), ascii("what do ya want for nothing?"),
                        "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79"),
                Arguments.of("RFC 2202 test case 3", repeat(0xaa, 20), repeat(0xdd, 50),
                        "125d7342b9ac11cd91a39af48aa17b4f63f175d3"),
                Arguments.of("RFC 2202 test case 6", repeat(0xaa, 80),
                        ascii("Test Using Larger Than Block-Size Key - Hash Key First"),
                        "aa4ae5e15272d00e95705637ce8a3b55ed402112"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rfc2202")
    void hmacMatchesRfc2202(String name, byte[] key, byte[] data, String mac) {
        for (PacketMac impl : new PacketMac[] {new HmacSha1(key), new JdkHmacSha1(key)}) {
            byte[] out = new byte[20];
            impl.update(data, 0, data.length);
            impl.doFinal(out, 0);
            assertThat(Hex.encode(out)).as(impl.getClass().getSimpleName()).isEqualTo(mac);
            // A second message on the same object starts afresh.
            impl.update(data, 0, data.length);
            impl.doFinal(out, 0);
            assertThat(Hex.encode(out)).isEqualTo(mac);
        }
    }

    @Test
    void sha1AgreesWithJdkForEveryLengthUpTo300() throws Exception {
        Random random = new Random(1);
        for (int length = 0; length <= 300; length++) {
            byte[] data = new byte[length];
            random.nextBytes(data);
            assertThat(HmacSha1.sha1(data)).as("length %d", length)
                    .isEqualTo(MessageDigest.getInstance("SHA-1").digest(data));
        }
    }

    @Test
    void hmacAgreesWithJdkForRandomSplitsAndRocWords() throws Exception {
        Random random = new Random(2);
        for (int round = 0; round < 500; round++) {
            byte[] key = new byte[1 + random.nextInt(100)];
            random.nextBytes(key);
            byte[] data = new byte[random.nextInt(1500)];
            random.nextBytes(data);
            int roc = random.nextInt();
            Mac jdk = Mac.getInstance("HmacSHA1");
            jdk.init(new SecretKeySpec(key, "HmacSHA1"));
            jdk.update(data);
            jdk.update(new byte[] {(byte) (roc >>> 24), (byte) (roc >>> 16), (byte) (roc >>> 8), (byte) roc});
            byte[] expected = jdk.doFinal();

            HmacSha1 ours = new HmacSha1(key);
            int split = data.length == 0 ? 0 : random.nextInt(data.length + 1);
            ours.update(data, 0, split);
            ours.update(data, split, data.length - split);
            ours.updateInt(roc);
            byte[] out = new byte[24];
            ours.doFinal(out, 4);
            assertThat(Arrays.copyOfRange(out, 4, 24)).as("round %d", round).isEqualTo(expected);
        }
    }

    @Test
    void implementationChoiceFollowsTheSystemPropertyValue() {
        assertThat(PacketMacs.chooseBuiltin("jdk", false)).isFalse();
        assertThat(PacketMacs.chooseBuiltin(" BUILTIN ", true)).isTrue();
        assertThat(PacketMacs.chooseBuiltin("auto", true)).as("auto with a SHA-1 intrinsic").isFalse();
        assertThat(PacketMacs.chooseBuiltin("auto", false)).as("auto without one").isTrue();
        assertThat(PacketMacs.chooseBuiltin("something else", false)).as("unknown = auto").isTrue();
        // This JVM: the choice matches what HotSpot says about its intrinsic.
        assertThat(PacketMacs.implementation()).isEqualTo(PacketMacs.sha1Intrinsic() ? "jdk" : "builtin");
    }
}
