package io.rtsp4j.examples.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The relay ({@code rtsp4j server}) in a child JVM inside a {@link NetSandbox}: the same code as
 * {@code java -jar rtsp4j.jar server}, started from the test class path so that the tests also run before the
 * shaded jar is packaged (surefire runs before the package phase). Netty leak detection runs in the child at the
 * {@code advanced} level (sampled, with access records; paranoid tracks every packet buffer and slows the relay so
 * much on a loaded 2-core machine that UDP datagrams are lost; {@code -Drtsp4j.interop.leakDetection=paranoid}
 * brings it back); its log is scanned for leak reports when it stops.
 */
final class RelayProcess implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final String name;
    private final NetSandbox sandbox;
    private final ManagedProcess process;
    private final int rtspPort;
    /** The RTSPS port from the ready line ({@code rtsps=host:port}), 0 when the relay serves no RTSPS. */
    private int rtspsPort;
    private volatile String stopProblem;

    private RelayProcess(String name, NetSandbox sandbox, ManagedProcess process, int rtspPort) {
        this.name = name;
        this.sandbox = sandbox;
        this.process = process;
        this.rtspPort = rtspPort;
    }

    /**
     * Starts a relay and waits until it prints its ready line.
     *
     * @param extraArgs options beyond the addresses (e.g. {@code --user})
     * @param udp whether to enable the UDP listeners
     * @param multicast whether to enable multicast (only one relay per sandbox may: the ports are fixed)
     */
    static RelayProcess start(String name, NetSandbox sandbox, Path dir, int preferredRtspPort, boolean udp,
            boolean multicast, List<String> extraArgs) {
        return start(name, sandbox, dir, preferredRtspPort, udp ? 8000 : 0, multicast, extraArgs);
    }

    /**
     * As {@link #start(String, NetSandbox, Path, int, boolean, boolean, List)} with the preferred UDP port pair
     * ({@code preferredUdpPort}, +1; 0 disables UDP), for a second relay with UDP in one namespace.
     */
    static RelayProcess start(String name, NetSandbox sandbox, Path dir, int preferredRtspPort, int preferredUdpPort,
            boolean multicast, List<String> extraArgs) {
        boolean udp = preferredUdpPort > 0;
        int rtsp = sandbox.tcpPort(preferredRtspPort);
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dio.netty.leakDetection.level=" + System.getProperty("rtsp4j.interop.leakDetection", "advanced"),
                "-Dio.netty.leakDetection.targetRecords=10",
                "-cp", classPath(dir), "io.rtsp4j.examples.cli.Rtsp4jCli", "server"));
        cmd.addAll(List.of("--rtsp-address", (sandbox.isNamespace() ? "" : "127.0.0.1") + ":" + rtsp));
        if (udp) {
            int rtp = sandbox.udpPortPair(preferredUdpPort);
            String host = sandbox.isNamespace() ? "" : "127.0.0.1";
            cmd.addAll(List.of("--udp-rtp-address", host + ":" + rtp, "--udp-rtcp-address", host + ":" + (rtp + 1)));
        } else {
            cmd.addAll(List.of("--udp-rtp-address", "", "--udp-rtcp-address", ""));
        }
        if (!sandbox.supportsMulticast() || !multicast) {
            cmd.addAll(List.of("--multicast-ip-range", ""));
        }
        cmd.addAll(extraArgs);
        ManagedProcess p = ManagedProcess.start(name, sandbox.wrap(cmd), dir, Map.of(), true);
        RelayProcess relay = new RelayProcess(name, sandbox, p, rtsp);
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (!p.stdoutText().contains("rtsp4j relay ready")) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                String why = p.isAlive() ? "not ready after " + READY_TIMEOUT.toSeconds() + " s" : "exited "
                        + p.exitCode();
                p.close();
                throw new IllegalStateException("relay " + name + " " + why + ": " + p.tail(5));
            }
            sleep(50);
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("rtsp4j relay ready .*rtsps=\\S*:(\\d+)")
                .matcher(p.stdoutText());
        if (m.find()) {
            relay.rtspsPort = Integer.parseInt(m.group(1));
        }
        return relay;
    }

    private static String snapshot;

    /**
     * The relay's class path: a private copy of the test class path (without test classes). Other builds on the
     * machine rewrite the jars in {@code ~/.m2} and the module's {@code target/classes} in place while the relay
     * runs, and a JVM loading classes lazily from a half-written jar fails in odd ways.
     */
    static synchronized String classPath(Path dir) {
        if (snapshot != null) {
            return snapshot;
        }
        String cp = System.getProperty("surefire.test.class.path");
        if (cp == null || cp.isBlank()) {
            cp = System.getProperty("java.class.path");
        }
        Path target = dir.getParent().resolve("relay-classpath");
        List<String> out = new ArrayList<>();
        try {
            deleteTree(target);
            Files.createDirectories(target);
            int i = 0;
            for (String entry : cp.split(java.io.File.pathSeparator)) {
                Path p = Path.of(entry);
                if (entry.isBlank() || !Files.exists(p) || p.endsWith("test-classes")) {
                    continue;
                }
                Path copy = target.resolve((i++) + "-" + p.getFileName());
                if (Files.isDirectory(p)) {
                    try (java.util.stream.Stream<Path> files = Files.walk(p)) {
                        for (Path f : (Iterable<Path>) files::iterator) {
                            Path to = copy.resolve(p.relativize(f).toString());
                            if (Files.isDirectory(f)) {
                                Files.createDirectories(to);
                            } else {
                                Files.copy(f, to);
                            }
                        }
                    }
                } else {
                    Files.copy(p, copy);
                }
                out.add(copy.toString());
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot copy the relay's class path", e);
        }
        snapshot = String.join(java.io.File.pathSeparator, out);
        return snapshot;
    }

    private static void deleteTree(Path root) throws java.io.IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (java.util.stream.Stream<Path> files = Files.walk(root)) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    String name() {
        return name;
    }

    NetSandbox sandbox() {
        return sandbox;
    }

    /** {@code rtsp://[user:pass@]127.0.0.1:port/path}, or {@code rtsps://...} for a relay serving RTSPS. */
    String url(String path, String userInfo) {
        if (rtspsPort > 0) {
            return "rtsps://" + (userInfo == null ? "" : userInfo + "@") + "127.0.0.1:" + rtspsPort + path;
        }
        return "rtsp://" + (userInfo == null ? "" : userInfo + "@") + "127.0.0.1:" + rtspPort + path;
    }

    /** Waits until a publisher announced {@code path} (the relay logs it); false on timeout. */
    boolean awaitPublisher(String path, Duration timeout, ManagedProcess publisher) {
        String needle = "path '" + path + "': publisher";
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (log().contains(needle)) {
                return true;
            }
            if (!publisher.isAlive() || !process.isAlive()) {
                return log().contains(needle);
            }
            sleep(50);
        }
        return false;
    }

    /** Whether the relay logged that {@code path} got a publisher (used to prove refused publishers). */
    boolean sawPublisher(String path) {
        return log().contains("path '" + path + "': publisher");
    }

    String log() {
        return process.stdoutText();
    }

    /** Problems seen when the relay stopped (no clean SIGTERM exit, leak reports), or null. */
    String stopProblem() {
        return stopProblem;
    }

    /** Leak reports of the relay's Netty (paranoid level), or null. */
    String leakReport() {
        String log = log();
        int i = log.indexOf("LEAK:");
        return i < 0 ? null : log.substring(i, Math.min(log.length(), i + 1500));
    }

    /**
     * Checks that the relay closed the publisher's session of {@code path} after the publisher left; if it did
     * not, the relay is probably stuck, so its threads are dumped into its log (SIGQUIT) for the bug report.
     *
     * @return a problem description, or null
     */
    String checkPublisherSessionClosed(String path, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String needle = "on '" + path + "' closed:";
        while (System.nanoTime() < deadline) {
            if (log().contains(needle)) {
                return null;
            }
            sleep(100);
        }
        dumpThreads();
        return "no session of '" + path + "' was closed after its publisher left (relay stuck? thread dump in "
                + process.stdoutFile() + ")";
    }

    /** Asks the JVM for a thread dump (printed to its stdout, i.e. the relay log). */
    void dumpThreads() {
        if (process.isAlive()) {
            E2eTools.exitCode(List.of("kill", "-QUIT", Long.toString(process.pid())));
            sleep(1000);
        }
    }

    @Override
    public void close() {
        boolean clean = process.terminate(Duration.ofSeconds(15));
        List<String> problems = new ArrayList<>();
        if (!clean) {
            dumpThreads();
            problems.add("did not exit within 15 s of SIGTERM (thread dump in " + process.stdoutFile() + ")");
        }
        process.close();
        if (leakReport() != null) {
            problems.add("Netty reported a leak: " + leakReport());
        }
        stopProblem = problems.isEmpty() ? null : String.join("; ", problems);
    }
}
