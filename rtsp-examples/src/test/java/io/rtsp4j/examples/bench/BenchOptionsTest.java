package io.rtsp4j.examples.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BenchOptionsTest {

    private static final String URL = "rtsp://127.0.0.1:8554/bench";

    @Test
    void defaults() {
        BenchOptions o = BenchOptions.parse("--url", URL);
        assertThat(o.readers()).isEqualTo(1);
        assertThat(o.readerTransport()).isEqualTo(BenchOptions.ReaderTransport.TCP);
        assertThat(o.publishTransport()).isEqualTo(BenchOptions.PublishTransport.TCP);
        assertThat(o.rate()).isEqualTo(500);
        assertThat(o.payload()).isEqualTo(1200);
        assertThat(o.duration()).isEqualTo(Duration.ofSeconds(10));
        assertThat(o.warmup()).isEqualTo(Duration.ofSeconds(2));
        assertThat(o.serverPid()).isEqualTo(-1);
        assertThat(o.keyframeInterval()).isEqualTo(500);
        assertThat(o.port()).isEqualTo(8554);
        assertThat(o.user()).isNull();
    }

    @Test
    void everyOptionOfTheIssue() {
        BenchOptions o = BenchOptions.parse("--url", URL, "--readers", "200", "--reader-transport", "multicast",
                "--publish-transport=udp", "--rate", "50000", "--payload", "1400", "--duration", "30s",
                "--warmup", "500ms", "--server-pid", "1234", "--threads", "2");
        assertThat(o.readers()).isEqualTo(200);
        assertThat(o.readerTransport()).isEqualTo(BenchOptions.ReaderTransport.MULTICAST);
        assertThat(o.publishTransport()).isEqualTo(BenchOptions.PublishTransport.UDP);
        assertThat(o.rate()).isEqualTo(50_000);
        assertThat(o.payload()).isEqualTo(1400);
        assertThat(o.duration()).isEqualTo(Duration.ofSeconds(30));
        assertThat(o.warmup()).isEqualTo(Duration.ofMillis(500));
        assertThat(o.serverPid()).isEqualTo(1234);
        assertThat(o.threads()).isEqualTo(2);
    }

    @Test
    void credentialsComeFromTheUrlAndStayOutOfRequests() {
        BenchOptions o = BenchOptions.parse("--url", "rtsp://myuser:my%3Apass@localhost/live/cam?x=1");
        assertThat(o.user()).isEqualTo("myuser");
        assertThat(o.password()).isEqualTo("my:pass");
        assertThat(o.requestUrl()).isEqualTo("rtsp://localhost/live/cam?x=1");
        assertThat(o.port()).isEqualTo(554);
    }

    @Test
    void rtspsUrl() {
        BenchOptions o = BenchOptions.parse("--url", "rtsps://localhost/live");
        assertThat(o.tls()).isTrue();
        assertThat(o.port()).isEqualTo(322);
        assertThat(o.requestUrl()).isEqualTo("rtsps://localhost/live");
        assertThat(BenchOptions.parse("--url", URL).tls()).isFalse();
    }

    // --reader-profile auto: SRTP for UDP and multicast readers of rtsps:// (they must), plain RTP otherwise.
    @Test
    void readerProfile() {
        assertThat(BenchOptions.parse("--url", "rtsps://h/x", "--reader-transport", "udp").readerSrtp()).isTrue();
        assertThat(BenchOptions.parse("--url", "rtsps://h/x", "--reader-transport", "multicast").readerSrtp())
                .isTrue();
        assertThat(BenchOptions.parse("--url", "rtsps://h/x").readerSrtp()).isFalse();
        assertThat(BenchOptions.parse("--url", "rtsps://h/x", "--reader-profile", "savp").readerSrtp()).isTrue();
        assertThat(BenchOptions.parse("--url", URL, "--reader-transport", "udp").readerSrtp()).isFalse();
    }

    static Stream<Arguments> durations() {
        return Stream.of(
                Arguments.of(Named.of("milliseconds", "250ms"), Duration.ofMillis(250)),
                Arguments.of(Named.of("seconds", "10s"), Duration.ofSeconds(10)),
                Arguments.of(Named.of("fractional seconds", "1.5s"), Duration.ofMillis(1500)),
                Arguments.of(Named.of("minutes", "2m"), Duration.ofMinutes(2)),
                Arguments.of(Named.of("plain number is seconds", "3"), Duration.ofSeconds(3)));
    }

    @ParameterizedTest
    @MethodSource("durations")
    void parsesDurations(String text, Duration expected) {
        assertThat(BenchOptions.parse("--url", URL, "--duration", text).duration()).isEqualTo(expected);
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of(Named.of("no url", new String[] {"--readers", "2"}), "--url"),
                Arguments.of(Named.of("http url", new String[] {"--url", "http://h/x"}), "scheme"),
                Arguments.of(Named.of("url without host", new String[] {"--url", "rtsp:///x"}), "host"),
                Arguments.of(Named.of("rtsps with plain udp readers", new String[] {"--url", "rtsps://h/x",
                    "--reader-transport", "udp", "--reader-profile", "avp"}), "need savp (SRTP)"),
                Arguments.of(Named.of("savp without rtsps", new String[] {"--url", "rtsp://h/x",
                    "--reader-profile", "savp"}), "--reader-profile savp needs an rtsps://"),
                Arguments.of(Named.of("bad reader profile", new String[] {"--url", "rtsps://h/x",
                    "--reader-profile", "zrtp"}), "--reader-profile"),
                Arguments.of(Named.of("rtsps with a udp publisher", new String[] {"--url", "rtsps://h/x",
                    "--publish-transport", "udp"}), "UDP over RTSPS needs SRTP"),
                Arguments.of(Named.of("malformed url", new String[] {"--url", "rtsp://h /x"}), "--url"),
                Arguments.of(Named.of("unknown option", new String[] {"--url", URL, "--speed", "3"}), "--speed"),
                Arguments.of(Named.of("missing value", new String[] {"--url", URL, "--readers"}), "--readers"),
                Arguments.of(Named.of("readers not a number", new String[] {"--url", URL, "--readers", "x"}),
                        "--readers"),
                Arguments.of(Named.of("negative readers", new String[] {"--url", URL, "--readers", "-1"}),
                        "--readers"),
                Arguments.of(Named.of("bad reader transport",
                        new String[] {"--url", URL, "--reader-transport", "sctp"}), "tcp|udp|multicast"),
                Arguments.of(Named.of("multicast publisher",
                        new String[] {"--url", URL, "--publish-transport", "multicast"}), "tcp|udp"),
                Arguments.of(Named.of("payload too small", new String[] {"--url", URL, "--payload", "10"}),
                        "--payload"),
                Arguments.of(Named.of("payload beyond a frame", new String[] {"--url", URL, "--payload", "65530"}),
                        "--payload"),
                Arguments.of(Named.of("zero duration", new String[] {"--url", URL, "--duration", "0s"}),
                        "--duration"),
                Arguments.of(Named.of("duration garbage", new String[] {"--url", URL, "--duration", "soon"}),
                        "--duration"),
                Arguments.of(Named.of("negative warmup", new String[] {"--url", URL, "--warmup", "-1s"}),
                        "--warmup"),
                Arguments.of(Named.of("pid zero", new String[] {"--url", URL, "--server-pid", "0"}),
                        "--server-pid"),
                Arguments.of(Named.of("bare argument", new String[] {"--url", URL, "extra"}), "extra"),
                Arguments.of(Named.of("huge number", new String[] {"--url", URL, "--rate", "99999999999999999999"}),
                        "--rate"));
    }

    @ParameterizedTest
    @MethodSource("invalid")
    void rejectsNamingTheOption(String[] args, String mentioned) {
        assertThatThrownBy(() -> BenchOptions.parse(args))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(mentioned);
    }

    @Test
    void randomArgumentsFailOnlyWithIllegalArgument() {
        java.util.Random random = new java.util.Random(8);
        String[] words = {"--url", URL, "--readers", "--rate", "--payload", "--duration", "--warmup", "1", "-5",
                "1e9", "10s", "x", "--reader-transport", "udp", "", "--", "--threads", "0", "=", "--url=rtsp://[::1]/"};
        for (int i = 0; i < 5000; i++) {
            String[] args = new String[random.nextInt(7)];
            for (int k = 0; k < args.length; k++) {
                args[k] = words[random.nextInt(words.length)];
            }
            try {
                BenchOptions.parse(args);
            } catch (IllegalArgumentException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            }
        }
    }
}
