package io.rtsp4j.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SRTP over multicast ({@code rtsps_multicast_secure} of gortsplib-server.md §12.2), run like
 * {@link MulticastNetnsTest}: inside a network namespace the test creates, whose only interface is {@code lo}
 * ({@link SrtpMulticastScenarios} in a child JVM). Skipped without root or {@code ip netns}.
 */
class SrtpMulticastNetnsTest {

    private static final String NAMESPACE = "rtsp4j-srtp-" + ProcessHandle.current().pid();
    private static final Map<String, String> RESULTS = new HashMap<>();
    private static String output = "";
    private static boolean namespaceCreated;

    @BeforeAll
    static void runScenariosInANamespace() throws Exception {
        namespaceCreated = run("ip", "netns", "add", NAMESPACE) == 0;
        Assumptions.assumeTrue(namespaceCreated,
                "multicast tests need root and 'ip netns' (they also run in the rtsp-examples interop tests)");
        assertThat(run("ip", "-n", NAMESPACE, "link", "set", "lo", "up", "multicast", "on")).isZero();
        assertThat(run("ip", "-n", NAMESPACE, "route", "add", "224.0.0.0/4", "dev", "lo", "src", "127.0.0.1")).isZero();
        String java = ProcessHandle.current().info().command().orElse("java");
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", NAMESPACE, java,
                "-Dio.netty.leakDetection.level=paranoid", "-Drtsp4j.noEpoll=false", "-cp", classPath,
                SrtpMulticastScenarios.class.getName()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out;
        try {
            out = p.getInputStream().readAllBytes();
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        } finally {
            p.destroyForcibly();
        }
        output = new String(out, StandardCharsets.UTF_8);
        for (String line : output.split("\n")) {
            if (line.startsWith("RESULT ")) {
                String[] parts = line.split(" ", 3);
                RESULTS.put(parts[1], parts[2]);
            }
        }
    }

    @AfterAll
    static void deleteNamespace() throws Exception {
        if (namespaceCreated) {
            run("ip", "netns", "del", NAMESPACE);
        }
    }

    private static int run(String... cmd) throws IOException, InterruptedException {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(20, TimeUnit.SECONDS) ? p.exitValue() : -1;
        } catch (IOException e) {
            return -1;
        }
    }

    static List<String> scenarios() {
        return SrtpMulticastScenarios.NAMES;
    }

    // Each scenario of SrtpMulticastScenarios (their reasons are in its comments) passed inside the namespace.
    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void scenario(String name) {
        String result = RESULTS.get(name);
        assertThat(result).as("scenario %s did not run; output:%n%s", name, output).isNotNull();
        assertThat(result.replace('|', '\n')).isEqualTo("OK");
    }
}
