package io.rtsp4j.examples.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * An external process started by an end-to-end test: its output goes to files, it has a name for messages, and it
 * is always killed (explicitly by {@link #close()}, or by a JVM shutdown hook if the test run is aborted), so a
 * failing test never leaves an FFmpeg or a relay behind.
 */
final class ManagedProcess implements AutoCloseable {

    private static final Set<ManagedProcess> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(ManagedProcess::kill),
                "e2e-process-reaper"));
    }

    private final String name;
    private final Process process;
    private final Path stdout;
    private final Path stderr;
    private final long startNanos = System.nanoTime();
    private volatile boolean stoppedByUs;
    private volatile long endNanos;

    private ManagedProcess(String name, Process process, Path stdout, Path stderr) {
        this.name = name;
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
        process.onExit().thenRun(() -> endNanos = System.nanoTime());
    }

    /**
     * Starts a process whose stdout and stderr go to {@code <dir>/<name>.out} and {@code <dir>/<name>.err}
     * ({@code stderr == stdout} when {@code mergeStderr}).
     */
    static ManagedProcess start(String name, List<String> command, Path dir, Map<String, String> env,
            boolean mergeStderr) {
        try {
            Files.createDirectories(dir);
            Path out = dir.resolve(name + ".out");
            Path err = mergeStderr ? out : dir.resolve(name + ".err");
            Files.writeString(dir.resolve(name + ".cmd"), String.join(" ", command) + "\n");
            ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(out.toFile());
            if (mergeStderr) {
                pb.redirectErrorStream(true);
            } else {
                pb.redirectError(err.toFile());
            }
            pb.environment().putAll(env);
            ManagedProcess p = new ManagedProcess(name, pb.start(), out, err);
            LIVE.add(p);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + command, e);
        }
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Waits for the process to end by itself; true if it did within {@code timeout}. */
    boolean waitFor(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Exit status, or -1 while running. */
    int exitCode() {
        return process.isAlive() ? -1 : process.exitValue();
    }

    /** True when {@link #stop} or {@link #close} had to end the process. */
    boolean stoppedByUs() {
        return stoppedByUs;
    }

    /** How long the process ran (until now while it runs). */
    Duration elapsed() {
        long end = endNanos;
        return Duration.ofNanos((end != 0 ? end : System.nanoTime()) - startNanos);
    }

    Path stdoutFile() {
        return stdout;
    }

    String stdoutText() {
        return read(stdout);
    }

    String stderrText() {
        return read(stderr);
    }

    /** The last lines of stderr (or stdout when merged), for failure messages. */
    String tail(int lines) {
        String[] all = stderrText().strip().split("\n");
        StringBuilder sb = new StringBuilder();
        for (int i = Math.max(0, all.length - lines); i < all.length; i++) {
            if (sb.length() > 0) {
                sb.append(" | ");
            }
            sb.append(all[i].strip());
        }
        return sb.toString();
    }

    private static String read(Path p) {
        try {
            return Files.exists(p) ? Files.readString(p, StandardCharsets.ISO_8859_1) : "";
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * Ends the process the polite way first so that it writes its trailers (FFmpeg on SIGINT/SIGTERM, gst-launch
     * with {@code -e} on SIGINT), then forcibly.
     */
    void stop(Duration grace) {
        if (!process.isAlive()) {
            return;
        }
        stoppedByUs = true;
        signal("INT");
        if (waitFor(grace)) {
            return;
        }
        process.destroy();
        if (waitFor(Duration.ofSeconds(2))) {
            return;
        }
        kill();
    }

    /** Sends SIGTERM and waits; true if the process ended within {@code timeout}. */
    boolean terminate(Duration timeout) {
        if (!process.isAlive()) {
            return true;
        }
        stoppedByUs = true;
        process.destroy();
        return waitFor(timeout);
    }

    private void signal(String sig) {
        try {
            new ProcessBuilder("kill", "-" + sig, Long.toString(process.pid())).start().waitFor(2, TimeUnit.SECONDS);
        } catch (IOException e) {
            process.destroy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        waitFor(Duration.ofSeconds(2));
        LIVE.remove(this);
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            stoppedByUs = true;
            process.destroy();
            if (!waitFor(Duration.ofSeconds(3))) {
                kill();
            }
        }
        LIVE.remove(this);
    }

    @Override
    public String toString() {
        return name + "(pid " + process.pid() + ")";
    }
}
