package io.rtsp4j.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.rtsp4j.server.TlsConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The relay CLI's RTSPS options: off without files, errors named, the provider chosen. */
class ServerCommandTlsTest {

    private static String tls(String name) {
        try {
            return Path.of(ServerCommandTlsTest.class.getResource("/tls/" + name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static java.util.Map<String, String> opts(String... kv) {
        java.util.Map<String, String> m = new java.util.LinkedHashMap<>(ServerCommand.DEFAULTS);
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void offWithoutCertificateAndKey() {
        assertThat(ServerCommand.tls(opts())).isNull();
    }

    @Test
    void providerFromTheCommandLine() {
        TlsConfig c = ServerCommand.tls(opts("tls-cert", tls("server.crt"), "tls-key", tls("server.key"),
                "tls-provider", "jdk"));
        assertThat(c.provider()).isEqualTo(TlsConfig.Provider.JDK);
    }

    static Stream<Arguments> errors() {
        return Stream.of(
                Arguments.of("certificate only", new String[] {"--tls-cert", tls("server.crt")},
                        "rtsp4j server: RTSPS needs both --tls-cert and --tls-key (PEM files)"),
                Arguments.of("unknown provider", new String[] {"--tls-cert", tls("server.crt"), "--tls-key",
                    tls("server.key"), "--tls-provider", "gnutls"}, "rtsp4j server: --tls-provider: unknown provider"),
                Arguments.of("missing key file", new String[] {"--tls-cert", tls("server.crt"), "--tls-key",
                    "/nonexistent/k.pem"}, "rtsp4j server: tls privateKey (/nonexistent/k.pem): file not found"));
    }

    // Bad TLS options end the command with status 2 and one clear line, before anything is bound.
    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    void errorsAreUsageErrors(String name, String[] args, String message) throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new ServerCommand().run(args, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith(message);
    }
}
