package io.rtsp4j.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.security.KeyFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * PEM reading of {@link TlsConfig}: PKCS#1 RSA and SEC1 EC keys wrapped into PKCS#8 (RFC 5208, RFC 5915), checked
 * against the certificate; mutated inputs fail with IllegalArgumentException only (seeded random property test).
 */
class PemKeysTest {

    static Stream<Arguments> keys() {
        return Stream.of(
                Arguments.of("RSA PKCS#1", "server-pkcs1.key", "server.crt", "RSA"),
                Arguments.of("RSA PKCS#8", "server.key", "server.crt", "RSA"),
                Arguments.of("EC SEC1", "ec-sec1.key", "ec.crt", "EC"),
                Arguments.of("EC PKCS#8", "ec.key", "ec.crt", "EC"));
    }

    // The wrapped key is a valid PKCS#8 key of the JDK, equal to OpenSSL's own PKCS#8 form, and it matches.
    @ParameterizedTest(name = "{0}")
    @MethodSource("keys")
    void wrapsToPkcs8(String name, String keyFile, String certFile, String algorithm) throws Exception {
        String pem = PemKeys.toPkcs8Pem(Files.readString(ServerTlsTest.tlsFile(keyFile)));
        byte[] der = PemKeys.firstBlock(pem, "PRIVATE KEY").der();
        assertThat(KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der))).isNotNull();
        var cert = PemKeys.certificates(Files.readString(ServerTlsTest.tlsFile(certFile))).get(0);
        assertThat(PemKeys.matches(pem, cert)).isTrue();
        String other = algorithm.equals("RSA") ? "ec.crt" : "server.crt";
        assertThat(PemKeys.matches(pem, PemKeys.certificates(Files.readString(ServerTlsTest.tlsFile(other))).get(0)))
                .isFalse();
        if (keyFile.startsWith("server")) {
            byte[] openssl = PemKeys.firstBlock(Files.readString(ServerTlsTest.tlsFile("server.key")), "PRIVATE KEY")
                    .der();
            assertThat(der).isEqualTo(openssl);
        }
    }

    @ParameterizedTest(name = "bad key {index}")
    @ValueSource(strings = {"", "no pem here", "-----BEGIN RSA PRIVATE KEY-----\nAAAA",
        "-----BEGIN RSA PRIVATE KEY-----\n!!!\n-----END RSA PRIVATE KEY-----\n",
        "-----BEGIN EC PRIVATE KEY-----\nMAA=\n-----END EC PRIVATE KEY-----\n",
        "-----BEGIN DSA PRIVATE KEY-----\nMAA=\n-----END DSA PRIVATE KEY-----\n",
        "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00\n\nAAAA\n"
            + "-----END RSA PRIVATE KEY-----\n"})
    void badKeys(String pem) {
        assertThatThrownBy(() -> PemKeys.toPkcs8Pem(pem)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("Index");
    }

    // Seeded random mutations of the SEC1 DER (the only binary parsing here) and of the PEM text: never anything
    // but IllegalArgumentException; what parses is a PEM PKCS#8 block.
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void mutationsFailCleanly(long seed) throws Exception {
        Random random = new Random(seed);
        String sec1 = Files.readString(ServerTlsTest.tlsFile("ec-sec1.key"));
        byte[] der = PemKeys.firstBlock(sec1, "PRIVATE KEY").der();
        for (int i = 0; i < 500; i++) {
            byte[] m = der.clone();
            int edits = 1 + random.nextInt(4);
            for (int e = 0; e < edits; e++) {
                m[random.nextInt(m.length)] = (byte) random.nextInt(256);
            }
            if (random.nextInt(4) == 0) {
                m = java.util.Arrays.copyOf(m, random.nextInt(m.length));
            }
            String pem = "-----BEGIN EC PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(m)
                    + "\n-----END EC PRIVATE KEY-----\n";
            try {
                String out = PemKeys.toPkcs8Pem(pem);
                assertThat(out).startsWith("-----BEGIN PRIVATE KEY-----");
            } catch (IllegalArgumentException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            }
            String text = sec1;
            int at = random.nextInt(text.length());
            text = text.substring(0, at) + (char) random.nextInt(128) + text.substring(Math.min(text.length(),
                    at + random.nextInt(3)));
            try {
                PemKeys.toPkcs8Pem(text);
            } catch (IllegalArgumentException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            }
        }
    }
}
