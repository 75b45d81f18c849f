package io.rtsp4j.examples.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.rtsp4j.examples.e2e.InteropCell.Endpoint;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;

/**
 * The interop matrix of the relay ({@code rtsp4j server}) with the real tools: FFmpeg and GStreamer
 * ({@code rtspclientsink}) publish over TCP and UDP; FFmpeg, ffprobe and GStreamer ({@code rtspsrc}) read over
 * TCP, UDP and multicast; H.264 + AAC and H.264 + Opus; Basic and Digest authentication, right and wrong
 * passwords. Every reader decodes, and its decoded frames and audio must be exactly a contiguous piece of
 * decoding the published file (see {@link MediaCheck}).
 *
 * <p>{@code src/test/resources/e2e/interop-expected.txt} is the contract: one line per cell with its verdict; a
 * cell whose result differs from its line fails, and so does a file that does not list every cell exactly once.
 * Actual results and every process's output are written to {@code target/e2e/} (the actual file has the same
 * format, so accepting a change is a copy).
 *
 * <p>Layout: two workers run in parallel, each in its own network namespace (multicast stays inside it) with a
 * relay for the unauthenticated cells and one with credentials. A run is one publisher with all its readers
 * reading at the same time. Every process has a time limit and is always killed. Without the tools the class is
 * skipped (assumption naming what is missing); without root (no {@code ip netns}) the relays run on the host's
 * loopback and the multicast cells are skipped.
 */
@Tag("interop")
class RelayInteropTest {

    private static final Path WORK = Path.of("target", "e2e").toAbsolutePath();
    private static final String EXPECTED_RESOURCE = "/e2e/interop-expected.txt";
    private static final String EXPECTED_SOURCE = "src/test/resources/e2e/interop-expected.txt";

    /** A publisher must be accepted within this time. */
    private static final Duration ANNOUNCE_TIMEOUT = Duration.ofSeconds(30);
    /** Readers must end by themselves this long after the publisher left (the relay closes them). */
    private static final Duration READER_LINGER = Duration.ofSeconds(12);
    /** A publisher must have sent its clip and left within this many seconds after the clip's length. */
    private static final int PUBLISHER_GRACE = 8;
    /**
     * Runs with a failed cell are run again up to this many times (-Drtsp4j.interop.retries; default 1, or 2
     * when the machine is already loaded when the matrix starts).
     */
    private static int retries = 1;
    private static String loadNote = "";
    private static final int MIN_VIDEO_FRAMES = 2 * SourceClip.FPS;
    private static final int AUDIO_WARMUP = MediaCheck.PCM_BYTES_PER_SECOND * 3 / 2;
    private static final int MIN_AUDIO = MediaCheck.PCM_BYTES_PER_SECOND * 2;
    private static final int AUDIO_TAIL = 2 * 1024 * 8;

    private static final Map<String, Verdict> ACTUAL = new ConcurrentHashMap<>();
    private static final Map<String, String> DETAILS = new ConcurrentHashMap<>();
    /** Cells whose SKIP was checked here (the tool was run and refused), so they pass instead of being skipped. */
    private static final Map<String, Boolean> CHECKED_SKIPS = new ConcurrentHashMap<>();
    private static final List<String> RELAY_PROBLEMS = java.util.Collections.synchronizedList(new ArrayList<>());
    /** Things worth knowing about a run that are not verdicts (slow clients, stopped processes). */
    private static final List<String> NOTES = java.util.Collections.synchronizedList(new ArrayList<>());
    private static Map<String, Verdict> expected;
    private static String gstreamerMissing;
    private static String multicastMissing;

    /** One publisher and the cells it serves (readers, wrong-password attempts). */
    private record Run(String id, String auth, Endpoint publisher, String codecs, List<InteropCell> cells) {
    }

    @BeforeAll
    @Timeout(value = 12, unit = TimeUnit.MINUTES)
    static void runMatrix() throws Exception {
        expected = Verdict.parseFile(readResource());
        List<String> missing = E2eTools.missingFfmpeg();
        Assumptions.assumeTrue(missing.isEmpty(), () -> "interop tests need FFmpeg; missing: " + missing
                + " (install: apt-get install ffmpeg gstreamer1.0-tools gstreamer1.0-plugins-base "
                + "gstreamer1.0-plugins-good gstreamer1.0-plugins-bad gstreamer1.0-plugins-ugly gstreamer1.0-libav "
                + "gstreamer1.0-rtsp iproute2)");
        List<String> gst = E2eTools.missingGstreamer();
        gstreamerMissing = gst.isEmpty() ? null : "GStreamer is not usable: missing " + gst;
        String netns = NetSandbox.netnsUnavailableReason();
        multicastMissing = netns == null ? null : "multicast cells need a network namespace: " + netns;
        if (netns == null) {
            NetSandbox.deleteStale();
        }

        long t0 = System.nanoTime();
        Map<String, SourceClip> clips = new LinkedHashMap<>();
        for (String codecs : InteropCell.CODECS) {
            clips.put(codecs, SourceClip.create(codecs, WORK.resolve("clips")));
        }
        DETAILS.put("# clips", String.format(Locale.ROOT, "prepared in %.1f s", (System.nanoTime() - t0) / 1e9));

        List<Run> runs = plan();
        String only = System.getProperty("rtsp4j.interop.only", "");
        if (!only.isBlank()) {
            // -Drtsp4j.interop.only=<regex on run ids> runs a part of the matrix (while debugging one client)
            for (Run r : new ArrayList<>(runs)) {
                if (!r.id().matches(only)) {
                    runs.remove(r);
                    r.cells().forEach(c -> ACTUAL.put(c.key(), Verdict.skip("not selected by rtsp4j.interop.only")));
                }
            }
        }
        // Parallel workers where it is safe: two on an idle machine (FFmpeg publishers + Basic, GStreamer
        // publishers + Digest: similar lengths), one when the machine is already busy (a starved relay or client
        // loses UDP datagrams). -Drtsp4j.interop.workers=N overrides.
        int cpus = Runtime.getRuntime().availableProcessors();
        double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        int workerCount = Integer.getInteger("rtsp4j.interop.workers", load >= 0 && load < cpus ? 2 : 1);
        boolean loaded = load >= cpus;
        retries = Integer.getInteger("rtsp4j.interop.retries", loaded ? 2 : 1);
        loadNote = loaded ? String.format(Locale.ROOT, " (NB: the machine was loaded when the matrix started: load "
                + "average %.1f on %d CPUs; UDP cells may lose datagrams there)", load, cpus) : "";
        DETAILS.put("# workers", workerCount + ", retries " + retries + " (load average " + load + " on " + cpus
                + " cpus)");
        List<List<Run>> workers = new ArrayList<>();
        for (int w = 0; w < Math.max(1, Math.min(2, workerCount)); w++) {
            workers.add(new ArrayList<>());
        }
        for (Run r : runs) {
            boolean first = r.auth() == null ? r.publisher().tool().equals(InteropCell.FFMPEG)
                    : r.auth().equals("basic");
            workers.get(first || workers.size() == 1 ? 0 : 1).add(r);
        }
        ExecutorService pool = Executors.newFixedThreadPool(workers.size());
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < workers.size(); w++) {
                String name = "w" + (w + 1);
                List<Run> mine = workers.get(w);
                futures.add(pool.submit(() -> runWorker(name, mine, clips, netns == null)));
            }
            for (Future<?> f : futures) {
                f.get(11, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        DETAILS.put("# total", String.format(Locale.ROOT, "matrix ran in %.1f s", (System.nanoTime() - t0) / 1e9));
        writeActual();
    }

    /** Groups the cells into runs: one per (authentication, publisher, codecs). */
    private static List<Run> plan() {
        Map<String, Run> runs = new LinkedHashMap<>();
        for (InteropCell c : InteropCell.all()) {
            Endpoint pub = c.publish() != null ? c.publish() : InteropCell.AUTH_PUBLISHERS.get(0);
            String codecs = c.codecs() != null ? c.codecs() : InteropCell.AUTH_CODECS;
            String id = (c.auth() == null ? "" : c.auth() + "-") + pub.tool() + "-" + pub.transport() + "-"
                    + codecs.replace('+', '-');
            runs.computeIfAbsent(id, k -> new Run(k, c.auth(), pub, codecs, new ArrayList<>())).cells().add(c);
        }
        return new ArrayList<>(runs.values());
    }

    private static void runWorker(String name, List<Run> runs, Map<String, SourceClip> clips,
            boolean useNamespace) {
        if (runs.isEmpty()) {
            return;
        }
        Path dir = WORK.resolve(name);
        long t0 = System.nanoTime();
        try (NetSandbox box = useNamespace ? NetSandbox.namespace(name) : NetSandbox.host()) {
            // one relay per configuration the runs need: no credentials (UDP, multicast), Basic, Digest
            Map<String, RelayProcess> relays = new LinkedHashMap<>();
            try {
                if (runs.stream().anyMatch(r -> r.auth() == null)) {
                    relays.put("none", RelayProcess.start("relay", box, dir, 8554, true, true, List.of()));
                }
                if (runs.stream().anyMatch(r -> InteropCell.RTSPS.equals(r.auth()))) {
                    // RTSPS beside plain RTSP (the clients use rtsps://), with the test-only certificate; UDP for
                    // GStreamer's SRTP readers.
                    relays.put(InteropCell.RTSPS, RelayProcess.start("relay-rtsps", box, dir, 8954, 8100, false,
                            List.of("--rtsps-address", (box.isNamespace() ? "" : "127.0.0.1") + ":"
                                    + box.tcpPort(8922), "--tls-cert", testResource("/tls/server.crt"),
                                    "--tls-key", testResource("/tls/server.key"))));
                }
                if (runs.stream().anyMatch(r -> InteropCell.SRTP.equals(r.auth()))) {
                    // RTSPS with UDP and multicast for SRTP (own ports and multicast range beside the plain relay),
                    // SRTP on its own UDP pair and multicast ports like mediamtx's 8004-8007 (--srtp-rtp-address
                    // ...): the rtsps cells above cover SRTP sharing the plain UDP ports.
                    String host = box.isNamespace() ? "" : "127.0.0.1";
                    int srtpRtp = box.udpPortPair(9004);
                    List<String> args = new ArrayList<>(List.of("--rtsps-address", host + ":" + box.tcpPort(9022),
                            "--tls-cert", testResource("/tls/server.crt"), "--tls-key",
                            testResource("/tls/server.key"), "--srtp-rtp-address", host + ":" + srtpRtp,
                            "--srtp-rtcp-address", host + ":" + (srtpRtp + 1), "--multicast-ip-range",
                            box.supportsMulticast() ? "224.2.0.0/16" : "", "--multicast-rtp-port", "9002",
                            "--multicast-rtcp-port", "9003"));
                    if (box.supportsMulticast()) {
                        args.addAll(List.of("--multicast-srtp-rtp-port", "9006", "--multicast-srtp-rtcp-port", "9007"));
                    }
                    relays.put(InteropCell.SRTP, RelayProcess.start("relay-srtp", box, dir, 9054, 9000, true, args));
                }
                int port = 8654;
                int udpPort = 8200;
                for (String auth : InteropCell.AUTHS) {
                    if (runs.stream().anyMatch(r -> auth.equals(r.auth()))) {
                        // The auth relays also batch readers' writes (--write-batch-packets, off by default), so
                        // that real players read through held and grouped packets in every build: TCP readers one
                        // writev per batch, UDP readers segmented datagrams (UDP GSO) on their own UDP ports.
                        relays.put(auth, RelayProcess.start("relay-" + auth, box, dir, port, udpPort, false,
                                List.of("--user", Clients.USER, "--pass", Clients.PASS, "--auth-methods",
                                        auth.equals("basic") ? "basic" : "digest-md5",
                                        "--write-batch-packets", "4", "--write-batch-max-delay", "20ms")));
                        port += 100;
                        udpPort += 100;
                    }
                }
                for (Run run : runs) {
                    long r0 = System.nanoTime();
                    RelayProcess relay = relays.get(run.auth() == null ? "none" : run.auth());
                    execute(run, relay, clips.get(run.codecs()), dir.resolve(run.id()), "");
                    List<String> failed = run.cells().stream()
                            .filter(c -> ACTUAL.get(c.key()) != null
                                    && ACTUAL.get(c.key()).status() == Verdict.Status.FAIL)
                            .map(c -> c.key() + ": " + ACTUAL.get(c.key()).reason()).toList();
                    for (int attempt = 2; !failed.isEmpty() && attempt <= retries + 1; attempt++) {
                        // Another attempt for a run with a failed cell: on a loaded 2-core machine a starved
                        // client or relay loses UDP datagrams. A cell that fails every time is a real result;
                        // every earlier failure stays visible in interop-details.txt.
                        failed.forEach(f -> NOTES.add("retried after: " + f));
                        execute(run, relay, clips.get(run.codecs()), dir.resolve(run.id() + "-" + attempt),
                                "-" + attempt);
                        failed = run.cells().stream()
                                .filter(c -> ACTUAL.get(c.key()) != null
                                        && ACTUAL.get(c.key()).status() == Verdict.Status.FAIL)
                                .map(c -> c.key() + ": " + ACTUAL.get(c.key()).reason()).toList();
                    }
                    DETAILS.put("# run " + run.id(), String.format(Locale.ROOT, "%.1f s in %s", (System.nanoTime()
                            - r0) / 1e9, box));
                }
            } catch (RuntimeException e) {
                for (Run run : runs) {
                    for (InteropCell c : run.cells()) {
                        ACTUAL.putIfAbsent(c.key(), Verdict.fail("worker " + name + " failed: " + e.getMessage()));
                    }
                }
            } finally {
                for (RelayProcess relay : relays.values()) {
                    relay.close();
                    if (relay.stopProblem() != null) {
                        RELAY_PROBLEMS.add(name + "/" + relay.name() + ": " + relay.stopProblem());
                    }
                }
            }
        }
        DETAILS.put("# worker " + name, String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - t0) / 1e9));
    }

    private static void execute(Run run, RelayProcess relay, SourceClip clip, Path dir, String attempt) {
        List<InteropCell> readerCells = new ArrayList<>();
        List<InteropCell> wrongReaders = new ArrayList<>();
        List<InteropCell> wrongPublishers = new ArrayList<>();
        for (InteropCell c : run.cells()) {
            String skip = skipReason(c);
            if (skip != null) {
                ACTUAL.put(c.key(), Verdict.skip(skip));
            } else if (expected.containsKey(c.key()) && expected.get(c.key()).status() == Verdict.Status.SKIP) {
                ACTUAL.put(c.key(), checkSkip(c, expected.get(c.key()), dir));
            } else if (!c.wrongPassword()) {
                readerCells.add(c);
            } else if (c.read() != null) {
                wrongReaders.add(c);
            } else {
                wrongPublishers.add(c);
            }
        }
        if (readerCells.isEmpty() && wrongReaders.isEmpty() && wrongPublishers.isEmpty()) {
            return;
        }
        String path = "/" + run.id() + attempt;
        boolean anonymous = run.auth() == null || run.auth().equals(InteropCell.RTSPS)
                || run.auth().equals(InteropCell.SRTP);
        String user = anonymous ? null : Clients.USER;
        String pass = anonymous ? null : Clients.PASS;
        boolean needPublisher = !readerCells.isEmpty() || !wrongReaders.isEmpty();
        boolean publisherUsable = needPublisher && (run.publisher().tool().equals(InteropCell.FFMPEG)
                || gstreamerMissing == null);
        List<ManagedProcess> all = new ArrayList<>();
        try {
            ManagedProcess publisher = null;
            String publisherProblem = null;
            if (publisherUsable) {
                List<String> publishCmd = Clients.publisher(run.publisher(), clip, relay.url(path, null), user, pass);
                if (InteropCell.SRTP.equals(run.auth())) {
                    publishCmd = Clients.withSavp(publishCmd);
                }
                publisher = ManagedProcess.start("publish-" + run.publisher().tool() + "-" + run.publisher()
                        .transport(), relay.sandbox().wrap(Clients.acceptingSelfSigned(publishCmd)), dir,
                        Clients.GST_PUBLISHER_ENV, true);
                all.add(publisher);
                if (!relay.awaitPublisher(path, ANNOUNCE_TIMEOUT, publisher)) {
                    publisherProblem = "publisher not accepted: " + publisher.tail(3);
                }
            }
            Map<InteropCell, ManagedProcess> readers = new LinkedHashMap<>();
            if (publisherProblem == null) {
                // Known client quirks (docs/interop.md) when FFmpeg and GStreamer read the same multicast group on
                // one host: GStreamer, when it starts, sends five random "dummy" datagrams to the group's RTP port
                // and, a second or two later, an RTCP BYE for its own SSRC (it mistakes its looped-back RTCP for an
                // SSRC collision); FFmpeg takes a dummy datagram for RTP (no SSRC filter) and ends its stream on
                // any RTCP BYE. So the FFmpeg multicast reader joins once GStreamer has decoded four seconds.
                InteropCell late = null;
                ManagedProcess gstMulticast = null;
                for (InteropCell c : readerCells) {
                    if (c.read().equals(new Endpoint(InteropCell.FFMPEG, "multicast"))
                            && readerCells.stream().anyMatch(o -> o.read().equals(
                                    new Endpoint(InteropCell.GSTREAMER, "multicast")))) {
                        late = c;
                        continue;
                    }
                    ManagedProcess p = startReader(c, relay, path, dir, user, pass, "");
                    readers.put(c, p);
                    if (c.read().equals(new Endpoint(InteropCell.GSTREAMER, "multicast"))) {
                        gstMulticast = p;
                    }
                }
                if (late != null) {
                    // ...but no later than 6 s after the others, so that it still gets half of the clip
                    long deadline = System.nanoTime() + Duration.ofSeconds(6).toNanos();
                    while (gstMulticast != null && gstMulticast.isAlive() && System.nanoTime() < deadline
                            && MediaCheck.parseChecksumsink(gstMulticast.stdoutText()).size() < 4 * SourceClip.FPS) {
                        RelayProcess.sleep(100);
                    }
                    readers.put(late, startReader(late, relay, path, dir, user, pass, ""));
                }
                for (InteropCell c : wrongReaders) {
                    readers.put(c, startReader(c, relay, path, dir, Clients.USER, Clients.WRONG_PASS, "wrong-"));
                }
            } else {
                for (InteropCell c : readerCells) {
                    ACTUAL.put(c.key(), Verdict.fail(publisherProblem));
                }
                for (InteropCell c : wrongReaders) {
                    ACTUAL.put(c.key(), Verdict.fail(publisherProblem));
                }
            }
            all.addAll(readers.values());
            Map<InteropCell, ManagedProcess> wrongPubs = new LinkedHashMap<>();
            for (InteropCell c : wrongPublishers) {
                String p = path + "-wrong-" + c.publish().tool();
                ManagedProcess w = ManagedProcess.start("wrong-publish-" + c.publish().tool(),
                        relay.sandbox().wrap(Clients.publisher(c.publish(), clip, relay.url(p, null), Clients.USER,
                                Clients.WRONG_PASS)), dir, Clients.GST_ENV, true);
                wrongPubs.put(c, w);
                all.add(w);
            }

            ManagedProcess probe = readers.entrySet().stream()
                    .filter(e -> e.getKey().read().tool().equals(InteropCell.FFPROBE) && !e.getKey().wrongPassword())
                    .map(Map.Entry::getValue).findFirst().orElse(null);
            if (probe != null && !probe.waitFor(Duration.ofSeconds(8))) {
                // ffprobe needs a second or two; still waiting means the relay stalls its requests: keep evidence
                relay.dumpThreads();
                NOTES.add(relay.sandbox() + "/" + relay.name() + ": ffprobe of '" + path
                        + "' still running after 8 s (relay thread dump taken into its log)");
            }
            if (publisher != null && publisherProblem == null) {
                if (!publisher.waitFor(Duration.ofSeconds(SourceClip.SECONDS + PUBLISHER_GRACE))) {
                    publisher.stop(Duration.ofSeconds(3));
                    publisherProblem = "publisher still running " + (SourceClip.SECONDS + PUBLISHER_GRACE)
                            + " s after start";
                    NOTES.add(run.id() + ": " + publisherProblem + " (stopped; see " + publisher.name() + ".out)");
                } else if (publisher.exitCode() != 0) {
                    publisherProblem = "publisher exited " + publisher.exitCode() + ": " + publisher.tail(3);
                }
            }
            long lingerEnd = System.nanoTime() + READER_LINGER.toNanos();
            for (Map.Entry<InteropCell, ManagedProcess> e : readers.entrySet()) {
                ManagedProcess p = e.getValue();
                if (!p.waitFor(Duration.ofNanos(Math.max(0, lingerEnd - System.nanoTime())))) {
                    p.stop(Duration.ofSeconds(5));
                }
                InteropCell c = e.getKey();
                MediaCheck.Result r = c.wrongPassword() ? checkRefusedReader(p, dir.resolve(p.name()))
                        : checkReader(c, p, dir.resolve(p.name()), clip);
                DETAILS.put(c.key(), r.detail() + String.format(Locale.ROOT, " [%s exit %d after %.1f s]",
                        p.name(), p.exitCode(), p.elapsed().toMillis() / 1000.0));
                ACTUAL.put(c.key(), r.ok() ? Verdict.ok()
                        : Verdict.fail(r.detail() + (publisherProblem != null ? " (" + publisherProblem + ")" : "")));
            }
            if (publisher != null && publisherProblem == null) {
                String stuck = relay.checkPublisherSessionClosed(path, Duration.ofSeconds(5));
                if (stuck != null) {
                    RELAY_PROBLEMS.add(relay.sandbox() + "/" + relay.name() + ": " + stuck);
                }
            }
            for (Map.Entry<InteropCell, ManagedProcess> e : wrongPubs.entrySet()) {
                ManagedProcess p = e.getValue();
                if (!p.waitFor(Duration.ofSeconds(15))) {
                    p.stop(Duration.ofSeconds(5));
                }
                String p2 = path + "-wrong-" + e.getKey().publish().tool();
                MediaCheck.Result r = checkRefusedPublisher(p, relay.sawPublisher(p2));
                DETAILS.put(e.getKey().key(), r.detail());
                ACTUAL.put(e.getKey().key(), r.ok() ? Verdict.ok() : Verdict.fail(r.detail()));
            }
        } finally {
            for (ManagedProcess p : all) {
                p.close();
            }
        }
    }

    /**
     * A cell the verdict file marks SKIP because a tool cannot do it: the limitation is checked, so that the day the
     * tool can, the cell fails and gets enabled. FFmpeg publishing through the HTTP tunnel: FFmpeg refuses before
     * connecting ("Unsupported lower transport method, only UDP and TCP are supported for output").
     */
    private static Verdict checkSkip(InteropCell c, Verdict want, Path dir) {
        if (c.publish() == null || !c.publish().tool().equals(InteropCell.FFMPEG)
                || !c.publish().transport().equals("http")) {
            return want;
        }
        try {
            Files.createDirectories(dir);
            Path log = dir.resolve("ffmpeg-http-publish-check.txt");
            Process p = new ProcessBuilder("ffmpeg", "-hide_banner", "-nostdin", "-f", "lavfi", "-i",
                    "testsrc=size=64x64:rate=5", "-t", "1", "-c:v", "libx264", "-f", "rtsp", "-rtsp_transport",
                    "http", "rtsp://127.0.0.1:9/refused").redirectErrorStream(true).redirectOutput(log.toFile())
                    .start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Verdict.fail("the check of FFmpeg's HTTP publishing did not end");
            }
            String out = Files.readString(log, StandardCharsets.ISO_8859_1);
            if (p.exitValue() != 0 && out.contains("Unsupported lower transport method")) {
                CHECKED_SKIPS.put(c.key(), Boolean.TRUE);
                return want;
            }
            return Verdict.fail("FFmpeg no longer refuses to publish over HTTP (exit " + p.exitValue()
                    + "): enable this cell");
        } catch (IOException e) {
            return Verdict.fail("cannot run ffmpeg: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Verdict.fail("interrupted");
        }
    }

    private static String skipReason(InteropCell c) {
        if (gstreamerMissing != null && c.tools().contains(InteropCell.GSTREAMER)) {
            return gstreamerMissing;
        }
        if (multicastMissing != null && c.needsMulticast()) {
            return multicastMissing;
        }
        return null;
    }

    private static ManagedProcess startReader(InteropCell c, RelayProcess relay, String path, Path dir, String user,
            String pass, String prefix) {
        String name = prefix + "read-" + c.read().tool() + "-" + c.read().transport();
        return ManagedProcess.start(name, relay.sandbox().wrap(Clients.acceptingSelfSigned(Clients.reader(c.read(),
                relay.url(path, null), user, pass))), dir.resolve(name), Clients.GST_ENV, false);
    }

    private static MediaCheck.Result checkReader(InteropCell c, ManagedProcess p, Path dir, SourceClip clip) {
        try {
            if (c.read().tool().equals(InteropCell.FFPROBE)) {
                return checkFfprobe(p, clip);
            }
            List<String> frames = c.read().tool().equals(InteropCell.FFMPEG)
                    ? MediaCheck.parseFramemd5(readOrEmpty(dir.resolve("video.md5")))
                    : MediaCheck.parseChecksumsink(p.stdoutText());
            Path audioFile = dir.resolve("audio.f32");
            byte[] audio = Files.exists(audioFile) ? Files.readAllBytes(audioFile) : new byte[0];
            // A UDP publisher's last datagrams race its TEARDOWN (TCP): when the relay is behind (a loaded
            // machine), the TEARDOWN closes the stream before they are read, so up to two seconds may be cut.
            boolean udpPublisher = c.publish().transport().equals("udp");
            int videoCut = udpPublisher ? 2 * SourceClip.FPS : MediaCheck.MAX_TAIL;
            int audioCut = udpPublisher ? 2 * MediaCheck.PCM_BYTES_PER_SECOND : MediaCheck.MAX_AUDIO_TAIL;
            MediaCheck.Result v = MediaCheck.video(clip.videoMd5(), frames, SourceClip.GOP, MIN_VIDEO_FRAMES,
                    videoCut);
            MediaCheck.Result a = MediaCheck.audio(clip.audioPcm(), audio, AUDIO_WARMUP, MIN_AUDIO, AUDIO_TAIL,
                    audioCut);
            String both = v.detail() + "; " + a.detail();
            if (!v.ok() || !a.ok()) {
                return MediaCheck.Result.fail((v.ok() ? "" : v.detail() + "; ") + (a.ok() ? "" : a.detail())
                        + " [reader: " + p.tail(2) + "]");
            }
            if (p.stoppedByUs()) {
                return MediaCheck.Result.fail("reader did not stop within " + READER_LINGER.toSeconds()
                        + " s after the publisher left (" + both + ")");
            }
            return MediaCheck.Result.ok(both);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MediaCheck.Result checkFfprobe(ManagedProcess p, SourceClip clip) {
        String out = p.stdoutText();
        List<String> wanted = List.of("codec_name=h264|codec_type=video|width=" + SourceClip.WIDTH + "|height="
                + SourceClip.HEIGHT, "codec_name=" + clip.ffprobeAudioCodec() + "|codec_type=audio|sample_rate=48000"
                + "|channels=2");
        List<String> absent = new ArrayList<>();
        for (String w : wanted) {
            if (!out.contains(w)) {
                absent.add(w);
            }
        }
        if (p.exitCode() != 0 || !absent.isEmpty()) {
            return MediaCheck.Result.fail("ffprobe exit " + p.exitCode() + ", missing " + absent + ": "
                    + out.strip().replace('\n', ' ') + " " + p.tail(2));
        }
        return MediaCheck.Result.ok("ffprobe: " + out.strip().replace('\n', ' '));
    }

    private static MediaCheck.Result checkRefusedReader(ManagedProcess p, Path dir) {
        String out = p.stdoutText() + p.stderrText();
        boolean decoded = !MediaCheck.parseFramemd5(readOrEmpty(dir.resolve("video.md5"))).isEmpty()
                || !MediaCheck.parseChecksumsink(p.stdoutText()).isEmpty()
                || out.contains("codec_type=video");
        boolean refused = out.contains("401") || out.contains("Unauthorized");
        if (p.exitCode() != 0 && refused && !decoded) {
            return MediaCheck.Result.ok("refused with 401 (exit " + p.exitCode() + ")");
        }
        return MediaCheck.Result.fail("wrong password not refused: exit " + p.exitCode() + ", decoded " + decoded
                + ": " + p.tail(2));
    }

    private static MediaCheck.Result checkRefusedPublisher(ManagedProcess p, boolean relayAccepted) {
        String out = p.stdoutText();
        boolean refused = out.contains("401") || out.contains("Unauthorized");
        if (p.exitCode() != 0 && refused && !relayAccepted) {
            return MediaCheck.Result.ok("refused with 401 (exit " + p.exitCode() + ")");
        }
        return MediaCheck.Result.fail("wrong password not refused: exit " + p.exitCode() + ", relay accepted "
                + relayAccepted + ": " + p.tail(2));
    }

    private static String readOrEmpty(Path p) {
        try {
            return Files.exists(p) ? Files.readString(p, StandardCharsets.ISO_8859_1) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static String testResource(String name) {
        try {
            return Path.of(RelayInteropTest.class.getResource(name).toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String readResource() throws IOException {
        try (InputStream in = RelayInteropTest.class.getResourceAsStream(EXPECTED_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(EXPECTED_RESOURCE + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void writeActual() throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append("# actual interop results (same format as ").append(EXPECTED_SOURCE).append(")\n");
        StringBuilder details = new StringBuilder();
        for (InteropCell c : InteropCell.all()) {
            Verdict v = ACTUAL.getOrDefault(c.key(), Verdict.fail("not run"));
            sb.append(c.key()).append(' ').append(v).append('\n');
            details.append(c.key()).append(": ").append(DETAILS.getOrDefault(c.key(), v.toString())).append('\n');
        }
        DETAILS.entrySet().stream().filter(e -> e.getKey().startsWith("#")).sorted(Map.Entry.comparingByKey())
                .forEach(e -> details.append(e.getKey()).append(": ").append(e.getValue()).append('\n'));
        RELAY_PROBLEMS.forEach(p -> details.append("# relay problem: ").append(p).append('\n'));
        NOTES.forEach(p -> details.append("# note: ").append(p).append('\n'));
        Files.createDirectories(WORK);
        Files.writeString(WORK.resolve("interop-actual.txt"), sb.toString());
        Files.writeString(WORK.resolve("interop-details.txt"), details.toString());
    }

    @TestFactory
    Stream<DynamicTest> everyCellMatchesTheVerdictFile() {
        return InteropCell.all().stream().map(c -> DynamicTest.dynamicTest(c.key(), () -> {
            Verdict want = expected.get(c.key());
            Verdict got = ACTUAL.getOrDefault(c.key(), Verdict.fail("not run"));
            if (CHECKED_SKIPS.containsKey(c.key())) {
                // The tool's limitation was checked (it refused): a pass, not a skip.
                assertThat(got.status()).isEqualTo(Verdict.Status.SKIP);
                return;
            }
            // A SKIP of the verdict file that the run confirmed without checking it is skipped; one that the run
            // found runnable (or failed to confirm) is compared below like any cell.
            Assumptions.assumeTrue(want == null || want.status() != Verdict.Status.SKIP
                    || got.status() != Verdict.Status.SKIP, () -> "SKIP in the verdict file: " + want.reason());
            Assumptions.assumeTrue(got.status() != Verdict.Status.SKIP, () -> "skipped here: " + got.reason());
            assertThat(want).as("cell '%s' is not listed in %s (actual: %s)", c.key(), EXPECTED_SOURCE, got)
                    .isNotNull();
            assertThat(got.status())
                    .as("cell '%s': the verdict file says '%s' but the result is '%s'. If this change is intended, "
                            + "update %s (target/e2e/interop-actual.txt has every result, target/e2e/<worker>/<run>/ "
                            + "every process's output); details: %s%s", c.key(), want, got, EXPECTED_SOURCE,
                            DETAILS.getOrDefault(c.key(), ""), loadNote)
                    .isEqualTo(want.status());
        }));
    }

    @Test
    void verdictFileListsEveryCellExactlyOnce() {
        List<String> keys = InteropCell.all().stream().map(InteropCell::key).toList();
        assertThat(expected.keySet()).as("cells of %s", EXPECTED_SOURCE).containsExactlyInAnyOrderElementsOf(keys);
    }

    @Test
    void relaysExitOnSigtermWithoutLeaks() {
        assertThat(RELAY_PROBLEMS).as("relay problems (SIGTERM exit, Netty leak reports)").isEmpty();
    }
}
