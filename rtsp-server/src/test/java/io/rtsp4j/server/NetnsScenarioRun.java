package io.rtsp4j.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs a scenario class (a {@code main} printing {@code RESULT <name> <OK|reason>} lines) in a child JVM inside a
 * network namespace created for it ({@code ip netns add}, {@code lo} up with multicast, route 224.0.0.0/4 on
 * {@code lo}), so that multicast never leaves on the host's interfaces. Without root or {@code ip netns} the
 * calling test class is skipped. Shared by {@link MulticastNetnsTest} and {@link SrtpMulticastNetnsTest}.
 */
final class NetnsScenarioRun {

    private final String namespace;
    private final Map<String, String> results = new HashMap<>();
    private String output = "";

    private NetnsScenarioRun(String namespace) {
        this.namespace = namespace;
    }

    /** Creates the namespace (or skips the test class) and runs {@code scenarios} in it to the end. */
    static NetnsScenarioRun start(String namespacePrefix, Class<?> scenarios) throws Exception {
        NetnsScenarioRun run = new NetnsScenarioRun(namespacePrefix + ProcessHandle.current().pid());
        Assumptions.assumeTrue(exec("ip", "netns", "add", run.namespace) == 0,
                "multicast tests need root and 'ip netns' (they also run in the rtsp-examples interop tests)");
        try {
            run.runIn(scenarios);
        } catch (Exception | AssertionError e) {
            delete(run); // the caller never gets the run to delete
            throw e;
        }
        return run;
    }

    private void runIn(Class<?> scenarios) throws Exception {
        assertThat(exec("ip", "-n", namespace, "link", "set", "lo", "up", "multicast", "on")).isZero();
        assertThat(exec("ip", "-n", namespace, "route", "add", "224.0.0.0/4", "dev", "lo", "src", "127.0.0.1"))
                .isZero();
        String java = ProcessHandle.current().info().command().orElse("java");
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = List.of("ip", "netns", "exec", namespace, java,
                "-Dio.netty.leakDetection.level=paranoid", "-Drtsp4j.noEpoll=false", "-cp", classPath,
                scenarios.getName());
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
                results.put(parts[1], parts[2]);
            }
        }
    }

    /** Deletes the namespace; {@code run} may be null (nothing was created). */
    static void delete(NetnsScenarioRun run) throws Exception {
        if (run != null) {
            exec("ip", "netns", "del", run.namespace);
        }
    }

    /** Asserts that scenario {@code name} ran and passed. */
    void assertPassed(String name) {
        String result = results.get(name);
        assertThat(result).as("scenario %s did not run; output:%n%s", name, output).isNotNull();
        assertThat(result.replace('|', '\n')).isEqualTo("OK");
    }

    /** One scenario, by name. */
    interface Scenario {
        void run(String name) throws Exception;
    }

    /**
     * The child JVM's side: runs the scenarios named in {@code args} (none: all of {@code names}) and prints one
     * {@code RESULT <name> OK} or {@code RESULT <name> FAIL <stack trace on one line>} each, then exits.
     */
    static void runAndReport(String[] args, List<String> names, Scenario scenario) {
        for (String name : args.length == 0 ? names : List.of(args)) {
            String result;
            try {
                scenario.run(name);
                result = "OK";
            } catch (Throwable t) {
                java.io.StringWriter w = new java.io.StringWriter();
                t.printStackTrace(new java.io.PrintWriter(w));
                result = "FAIL " + w.toString().replace('\n', '|');
            }
            System.out.println("RESULT " + name + " " + result);
        }
        System.exit(0);
    }

    private static int exec(String... cmd) throws InterruptedException {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(20, TimeUnit.SECONDS) ? p.exitValue() : -1;
        } catch (IOException e) {
            return -1;
        }
    }
}
