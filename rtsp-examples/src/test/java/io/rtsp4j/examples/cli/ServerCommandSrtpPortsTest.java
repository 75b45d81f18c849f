package io.rtsp4j.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.rtsp4j.server.RtspServerConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The relay CLI's SRTP port options (issue 9, named like mediamtx's): {@code --srtp-rtp-address},
 * {@code --srtp-rtcp-address}, {@code --multicast-srtp-rtp-port}, {@code --multicast-srtp-rtcp-port}.
 */
class ServerCommandSrtpPortsTest {

    private static Map<String, String> opts(String... kv) {
        Map<String, String> m = new LinkedHashMap<>(ServerCommand.DEFAULTS);
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    private static RtspServerConfig config(Map<String, String> opts) {
        RtspServerConfig.Builder b = RtspServerConfig.builder().rtspAddress(":8554");
        ServerCommand.udpOptions(b, opts);
        return b.build();
    }

    // By default SRTP shares the plain UDP ports and multicast ports, as before the options existed.
    @Test
    void sharedByDefault() {
        RtspServerConfig c = config(opts());
        assertThat(c.srtpUdpRtpAddress()).isNull();
        assertThat(c.srtpUdpRtcpAddress()).isNull();
        assertThat(c.multicastSrtpRtpPort()).isZero();
        assertThat(c.multicastSrtpRtcpPort()).isZero();
        assertThat(c.udpRtpAddress().getPort()).isEqualTo(8000);
        assertThat(c.multicastRtpPort()).isEqualTo(8002);
    }

    // mediamtx's layout: 8000/8001 plain, 8004/8005 SRTP, 8002/8003 multicast, 8006/8007 SRTP multicast.
    @Test
    void mediamtxLayout() {
        RtspServerConfig c = config(opts("srtp-rtp-address", ":8004", "srtp-rtcp-address", ":8005",
                "multicast-srtp-rtp-port", "8006", "multicast-srtp-rtcp-port", "8007"));
        assertThat(c.srtpUdpRtpAddress()).isEqualTo(new InetSocketAddress(8004));
        assertThat(c.srtpUdpRtcpAddress()).isEqualTo(new InetSocketAddress(8005));
        assertThat(c.multicastSrtpRtpPort()).isEqualTo(8006);
        assertThat(c.multicastSrtpRtcpPort()).isEqualTo(8007);
    }

    static Stream<Arguments> errors() {
        return Stream.of(
                Arguments.of("srtp rtp without rtcp", new String[] {"--srtp-rtp-address", ":8004"},
                        "rtsp4j server: srtpUdpRtpAddress and srtpUdpRtcpAddress must be used together"),
                Arguments.of("odd srtp rtp port", new String[] {"--srtp-rtp-address", ":8005",
                    "--srtp-rtcp-address", ":8006"}, "rtsp4j server: srtpUdpRtpAddress: RTP port (8005) must be even"),
                Arguments.of("bad srtp address", new String[] {"--srtp-rtp-address", "nohost",
                    "--srtp-rtcp-address", ":8005"}, "rtsp4j server: srtpUdpRtpAddress (nohost)"),
                Arguments.of("srtp multicast ports not consecutive", new String[] {"--multicast-srtp-rtp-port", "8006",
                    "--multicast-srtp-rtcp-port", "8008"}, "rtsp4j server: multicastSrtpRtcpPort: multicast SRTP RTP "
                        + "(8006) and RTCP (8008) ports must be consecutive"),
                Arguments.of("srtp multicast port not a number", new String[] {"--multicast-srtp-rtp-port", "x"},
                        "rtsp4j server: --multicast-srtp-rtp-port: not a number: 'x'"),
                Arguments.of("srtp multicast ports without multicast", new String[] {"--multicast-ip-range", "",
                    "--multicast-srtp-rtp-port", "8006", "--multicast-srtp-rtcp-port", "8007"},
                        "rtsp4j server: multicastSrtpRtpPort needs multicast enabled"));
    }

    // Bad SRTP port options end the command with status 2 and one clear line naming the field, before binding.
    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    void errorsAreUsageErrors(String name, String[] args, String message) throws Exception {
        String[] all = new String[args.length + 2];
        all[0] = "--rtsp-address";
        all[1] = "127.0.0.1:0";
        System.arraycopy(args, 0, all, 2, args.length);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new ServerCommand().run(all, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith(message);
    }

    // The four flags are listed in --help.
    @Test
    void helpListsTheFlags() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(new ServerCommand().run(new String[] {"--help"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream()))).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--srtp-rtp-address", "--srtp-rtcp-address",
                "--multicast-srtp-rtp-port", "--multicast-srtp-rtcp-port");
    }
}
