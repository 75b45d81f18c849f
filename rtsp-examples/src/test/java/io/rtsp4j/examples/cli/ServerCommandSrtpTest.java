package io.rtsp4j.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The relay CLI's {@code --srtp-profile}: unknown names and AES-GCM (no MIKEY policy) are usage errors. */
class ServerCommandSrtpTest {

    static Stream<Arguments> errors() {
        return Stream.of(
                Arguments.of("unknown profile", "bogus",
                        "rtsp4j server: --srtp-profile: unknown profile 'bogus'"),
                Arguments.of("AES-GCM", "aead_aes_128_gcm",
                        "rtsp4j server: srtpProfile must be AES_CM_128_HMAC_SHA1_80 or AES_CM_128_HMAC_SHA1_32"));
    }

    // Bad SRTP options end the command with status 2 and one clear line, before anything is bound.
    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    void errorsAreUsageErrors(String name, String profile, String message) throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new ServerCommand().run(new String[] {"--rtsp-address", "127.0.0.1:0", "--srtp-profile",
            profile}, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith(message);
    }
}
