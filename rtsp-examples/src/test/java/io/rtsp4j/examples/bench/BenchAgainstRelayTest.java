package io.rtsp4j.examples.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rtsp4j.examples.cli.Rtsp4jCli;
import io.rtsp4j.examples.relay.RelayHandler;
import io.rtsp4j.server.RtspServer;
import io.rtsp4j.server.RtspServerConfig;
import io.rtsp4j.server.TlsConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Runs {@code rtsp4j bench} against the relay in this JVM, with small numbers (the figures are not asserted). */
class BenchAgainstRelayTest {

    private static RtspServer server;
    private static String url;
    private static String rtspsUrl;

    @BeforeAll
    static void startRelay() {
        AtomicReference<RtspServer> ref = new AtomicReference<>();
        server = new RtspServer(RtspServerConfig.builder()
                .rtspAddress("127.0.0.1:0")
                .udpAddresses("127.0.0.1:0", "127.0.0.1:0")
                .ioThreads(2)
                .rtspsAddress("127.0.0.1:0")
                .tls(TlsConfig.fromPem(resource("/tls/server.crt"), resource("/tls/server.key")))
                .handler(new RelayHandler(ref::get, false, null, null))
                .build());
        ref.set(server);
        server.start();
        InetSocketAddress a = server.rtspAddress();
        url = "rtsp://127.0.0.1:" + a.getPort() + "/bench";
        rtspsUrl = "rtsps://127.0.0.1:" + server.rtspsAddress().getPort() + "/bench-tls";
    }

    private static java.nio.file.Path resource(String name) {
        try {
            return java.nio.file.Path.of(BenchAgainstRelayTest.class.getResource(name).toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void stopRelay() {
        server.close();
    }

    private record Run(int status, JsonNode json, String err) {
    }

    private static Run bench(String... extra) throws Exception {
        return benchUrl(url, extra);
    }

    private static Run benchUrl(String url, String... extra) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] args = Stream.concat(Stream.of("bench", "--url", url), Stream.of(extra)).toArray(String[]::new);
        int status = Rtsp4jCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String text = out.toString(StandardCharsets.UTF_8).trim();
        JsonNode json = text.isEmpty() ? null : new ObjectMapper().readTree(text);
        return new Run(status, json, err.toString(StandardCharsets.UTF_8));
    }

    static Stream<Arguments> transports() {
        return Stream.of(
                Arguments.of(Named.of("tcp readers, tcp publisher", "tcp"), "tcp"),
                Arguments.of(Named.of("udp readers, udp publisher", "udp"), "udp"),
                Arguments.of(Named.of("udp readers, tcp publisher", "udp"), "tcp"),
                Arguments.of(Named.of("tcp readers, udp publisher", "tcp"), "udp"));
    }

    // rtsps://: TLS readers and publisher over TCP (plain RTP inside TLS), every packet of the window counted.
    @Test
    void rtspsReadersAndPublisher() throws Exception {
        Run r = benchUrl(rtspsUrl, "--readers", "3", "--rate", "200", "--payload", "1000", "--duration", "1s",
                "--warmup", "500ms", "--drain", "3s");
        assertThat(r.status()).as(r.err()).isZero();
        JsonNode j = r.json();
        assertThat(j.get("url").asText()).startsWith("rtsps://");
        assertThat(j.get("readers_connected").asInt()).isEqualTo(3);
        // A starved publisher sends fewer packets in the window on a loaded machine (it reports itself as the
        // bottleneck then): the counting is what is exact.
        long sent = j.get("sent").asLong();
        assertThat(sent).as(j + "\n" + r.err()).isBetween(100L, 200L);
        assertThat(j.get("expected_deliveries").asLong()).isEqualTo(3 * sent);
        long received = j.get("received").asLong();
        assertThat(received).as(j + "\n" + r.err()).isBetween(3 * sent / 2, 3 * sent);
        assertThat(received + j.get("lost").asLong()).isEqualTo(3 * sent);
        assertThat(j.get("foreign_packets").asLong()).isZero();
    }

    // rtsps:// with SRTP readers over UDP and TCP (keys from the SETUP answer's KeyMgmt, unprotected before counting).
    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"udp", "tcp"})
    void srtpReaders(String transport) throws Exception {
        Run r = benchUrl(rtspsUrl + "-srtp-" + transport, "--readers", "3", "--reader-transport", transport,
                "--reader-profile", "savp", "--rate", "200", "--payload", "1000", "--duration", "1s",
                "--warmup", "500ms", "--drain", "3s");
        JsonNode j = r.json();
        assertThat(j).as(r.err()).isNotNull();
        assertThat(j.get("reader_profile").asText()).isEqualTo("savp");
        assertThat(j.get("readers_connected").asInt()).isEqualTo(3);
        // What SRTP changes is tested here: packets are unprotected and counted. How many arrive depends on the
        // machine's load (a starved publisher sends fewer in the window), so only the bookkeeping is exact.
        long received = j.get("received").asLong();
        assertThat(received).as(j + "\n" + r.err()).isPositive();
        assertThat(received + j.get("lost").asLong()).isEqualTo(j.get("expected_deliveries").asLong());
        // foreign_packets includes packets that failed SRTP authentication.
        assertThat(j.get("foreign_packets").asLong()).isZero();
    }

    @ParameterizedTest
    @MethodSource("transports")
    void countsEveryPacketOfTheWindow(String readerTransport, String publishTransport) throws Exception {
        long pid = ProcessHandle.current().pid();
        Run r = bench("--readers", "3", "--reader-transport", readerTransport, "--publish-transport",
                publishTransport, "--rate", "200", "--payload", "1000", "--duration", "1s", "--warmup", "500ms",
                "--server-pid", Long.toString(pid), "--drain", "3s");
        assertThat(r.status()).as(r.err()).isZero();
        JsonNode j = r.json();
        assertThat(j.get("readers").asInt()).isEqualTo(3);
        assertThat(j.get("readers_connected").asInt()).isEqualTo(3);
        assertThat(j.get("rate").asInt()).isEqualTo(200);
        assertThat(j.get("payload").asInt()).isEqualTo(1000);
        // A starved publisher sends fewer packets in the window on a loaded machine (it reports itself as the
        // bottleneck then), so "sent" is a range; every figure derived from it is exact.
        long sent = j.get("sent").asLong();
        assertThat(sent).as(j + "\n" + r.err()).isBetween(100L, 200L);
        long expected = 3 * sent;
        assertThat(j.get("expected_deliveries").asLong()).isEqualTo(expected);
        assertThat(j.get("foreign_packets").asLong()).isZero();
        // the relay may drop on a busy machine (its write queue per reader is bounded, UDP is UDP): what is
        // tested here is the counting, so received + lost must add up and most packets must arrive
        long received = j.get("received").asLong();
        assertThat(received).as(j + "\n" + r.err()).isBetween(expected / 2, expected);
        assertThat(received + j.get("lost").asLong()).isEqualTo(expected);
        assertThat(j.get("loss_pct").asDouble()).isCloseTo(100.0 * (expected - received) / expected, within(1e-3));
        for (String f : new String[] {"p50", "p99", "p999", "max"}) {
            assertThat(j.get("latency_us").get(f).asLong()).as(f).isNotNegative();
        }
        for (String f : new String[] {"delivered_pps", "delivered_mbps", "server_cpu_s", "server_rss_mb",
                "server_cpu_s_per_million_packets", "tool_cpu_s", "load1_start"}) {
            assertThat(j.get(f).isNumber()).as(f).isTrue();
        }
        assertThat(j.get("tool_bottleneck").isBoolean()).isTrue();
        assertThat(r.err()).contains("bench: t=");
    }

    @Test
    void idleStreamMeasuresSessionsOnly() throws Exception {
        Run r = bench("--readers", "4", "--rate", "0", "--duration", "1s", "--warmup", "0s",
                "--server-pid", Long.toString(ProcessHandle.current().pid()));
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.json().get("sent").asLong()).isZero();
        assertThat(r.json().get("readers_connected").asInt()).isEqualTo(4);
        assertThat(r.json().get("server_rss_kb_per_reader").isNumber()).isTrue();
        assertThat(r.json().get("server_cpu_s_per_million_packets").isNull()).isTrue();
    }

    @Test
    void noServerIsAFailureNotAUsageError() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Rtsp4jCli.run(new String[] {"bench", "--url", "rtsp://127.0.0.1:" + port + "/x",
            "--duration", "1s"}, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err));
        assertThat(status).isEqualTo(1);
        assertThat(err.toString()).contains("publisher");
    }

    @Test
    void badOptionIsAUsageError() throws Exception {
        Run r = bench("--reader-transport", "carrier-pigeon");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("--reader-transport").contains("usage: rtsp4j bench");
    }
}
