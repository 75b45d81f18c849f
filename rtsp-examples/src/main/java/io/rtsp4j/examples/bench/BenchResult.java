package io.rtsp4j.examples.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The figures of one run and the JSON object printed on stdout. Also decides whether the tool itself limited the
 * run ({@link #judge}).
 */
final class BenchResult {

    /** The publisher is a bottleneck when a packet left this late (ms) behind its schedule. */
    static final double PUBLISHER_LAG_LIMIT_MS = 20;
    /** The readers' loops are a bottleneck when their p99 lag exceeds this (ms): latency then includes the tool. */
    static final double LOOP_LAG_P99_LIMIT_MS = 5;
    /** The tool is saturated when it used this share of its event loop threads. */
    static final double TOOL_SATURATION = 0.9;

    final BenchOptions options;
    long windowPackets;
    long sent;
    int readersConnected;
    double connectSeconds;
    double drainSeconds;
    long windowStartNanos;
    long windowEndNanos;
    double serverCpuStart = -1;
    double serverCpuEnd = -1;
    double toolCpuStart = -1;
    double toolCpuEnd = -1;
    long serverRssBaselineKb = -1;
    long serverRssPeakKb = -1;
    long serverRssEndKb = -1;
    long serverThreads = -1;
    double load1Start = -1;
    double load1End = -1;
    long[] machineTicksStart;
    long[] machineTicksEnd;
    long publisherLagMaxNanos;
    long publisherDropped;
    ReaderShard.Snapshot totals = new ReaderShard.Snapshot();
    LatencyHistogram latency = new LatencyHistogram();
    LatencyHistogram loopLag = new LatencyHistogram();
    final List<String> errors = new ArrayList<>();
    boolean toolBottleneck;
    String toolBottleneckReason;

    BenchResult(BenchOptions options) {
        this.options = options;
    }

    void fill(ReaderShard.Snapshot s) {
        totals = s;
        if (s.latency != null) {
            latency = s.latency;
        }
        if (s.loopLag != null) {
            loopLag = s.loopLag;
        }
    }

    double windowSeconds() {
        return (windowEndNanos - windowStartNanos) / 1e9;
    }

    long expected() {
        return sent * readersConnected;
    }

    long received() {
        return totals.received;
    }

    double lossPct() {
        long expected = expected();
        return expected == 0 ? 0 : 100.0 * Math.max(0, expected - received()) / expected;
    }

    Double serverCpu() {
        return serverCpuStart < 0 || serverCpuEnd < 0 ? null : serverCpuEnd - serverCpuStart;
    }

    double toolCpu() {
        return toolCpuStart < 0 || toolCpuEnd < 0 ? -1 : toolCpuEnd - toolCpuStart;
    }

    /** Machine CPU time stolen by the hypervisor over the window, in %, or -1 when unknown. */
    double stealPct() {
        return ProcStats.stealPercent(machineTicksStart, machineTicksEnd);
    }

    /** Decides whether the tool limited the run, and why. */
    void judge() {
        List<String> reasons = new ArrayList<>();
        double lagMs = publisherLagMaxNanos / 1e6;
        if (lagMs > PUBLISHER_LAG_LIMIT_MS) {
            reasons.add(String.format(Locale.ROOT, "the publisher fell %.1f ms behind its schedule", lagMs));
        }
        if (sent < windowPackets) {
            reasons.add("the publisher sent " + sent + " of " + windowPackets + " packets in the window");
        }
        long p99 = loopLag.percentile(99);
        if (p99 / 1000.0 > LOOP_LAG_P99_LIMIT_MS) {
            reasons.add(String.format(Locale.ROOT, "the readers' event loops ran %.1f ms late (p99): latency "
                    + "figures include the tool's own delay (busy tool or CPU shared with the server)", p99 / 1000.0));
        }
        double window = windowSeconds();
        double tool = toolCpu();
        if (window > 0 && tool > TOOL_SATURATION * (options.threads() + 1) * window) {
            reasons.add(String.format(Locale.ROOT, "the tool used %.2f cores of its %d event loop threads",
                    tool / window, options.threads() + 1));
        }
        Double server = serverCpu();
        if (server != null && tool > server && options.readers() > 0) {
            reasons.add(String.format(Locale.ROOT, "the tool used more CPU (%.2f s) than the server (%.2f s)", tool,
                    server));
        }
        toolBottleneck = !reasons.isEmpty();
        toolBottleneckReason = reasons.isEmpty() ? null : String.join("; ", reasons);
    }

    String toJson() {
        double window = windowSeconds();
        long received = received();
        Double server = serverCpu();
        double tool = toolCpu();
        long pid = options.serverPid();
        JsonWriter lat = new JsonWriter()
                .field("p50", latency.percentile(50))
                .field("p99", latency.percentile(99))
                .field("p999", latency.percentile(99.9))
                .field("max", latency.max())
                .field("mean", latency.mean(), 1);
        JsonWriter j = new JsonWriter()
                .field("tool", "rtsp4j bench")
                .field("url", options.requestUrl())
                .field("readers", options.readers())
                .field("readers_connected", readersConnected)
                .field("reader_transport", options.readerTransport().name().toLowerCase(Locale.ROOT))
                .field("reader_profile", options.readerSrtp() ? "savp" : "avp")
                .field("publish_transport", options.publishTransport().name().toLowerCase(Locale.ROOT))
                .field("rate", options.rate())
                .field("payload", options.payload())
                .field("duration_s", window, 3)
                .field("warmup_s", options.warmup().toMillis() / 1000.0, 3)
                .field("sent", sent)
                .field("expected_deliveries", expected())
                .field("received", received)
                .field("lost", Math.max(0, expected() - received))
                .field("loss_pct", lossPct(), 4)
                .field("gaps", totals.gaps)
                .field("late", totals.late)
                .field("duplicates", totals.duplicates)
                .field("foreign_packets", totals.foreign + totals.invalid)
                .field("latency_us", lat)
                .field("delivered_pps", window > 0 ? received / window : null, 1)
                .field("delivered_mbps", window > 0 ? received * (double) options.payload() * 8 / window / 1e6
                        : null, 3)
                .field("server_pid", pid > 0 ? Long.valueOf(pid).toString() : null)
                .field("server_cpu_s", server, 3)
                .field("server_cores", server == null || window <= 0 ? null : server / window, 3)
                .field("server_rss_mb", serverRssPeakKb < 0 ? null : serverRssPeakKb / 1024.0, 1)
                .field("server_rss_baseline_mb", serverRssBaselineKb < 0 ? null : serverRssBaselineKb / 1024.0, 1)
                .field("server_rss_end_mb", serverRssEndKb < 0 ? null : serverRssEndKb / 1024.0, 1)
                .field("server_rss_kb_per_reader", serverRssEndKb < 0 || serverRssBaselineKb < 0
                        || readersConnected == 0 ? null
                        : (serverRssEndKb - serverRssBaselineKb) / (double) readersConnected, 2)
                .field("server_threads", serverThreads < 0 ? null : (double) serverThreads, 0)
                .field("server_cpu_s_per_million_packets", server == null || received == 0 ? null
                        : server / (received / 1e6), 3)
                .field("tool_cpu_s", tool < 0 ? null : tool, 3)
                .field("tool_cores", tool < 0 || window <= 0 ? null : tool / window, 3)
                .field("tool_threads", options.threads() + 1)
                .field("publisher_lag_max_ms", publisherLagMaxNanos / 1e6, 3)
                .field("publisher_dropped", publisherDropped)
                .field("tool_loop_lag_ms", new JsonWriter()
                        .field("p99", loopLag.count() == 0 ? null : loopLag.percentile(99) / 1000.0, 3)
                        .field("max", loopLag.count() == 0 ? null : loopLag.max() / 1000.0, 3))
                .field("tool_bottleneck", toolBottleneck)
                .field("tool_bottleneck_reason", toolBottleneckReason)
                .field("load1_start", load1Start < 0 ? null : load1Start, 2)
                .field("load1_end", load1End < 0 ? null : load1End, 2)
                .field("host_steal_pct", stealPct() < 0 ? null : stealPct(), 2)
                .field("connect_s", connectSeconds, 3)
                .field("drain_s", drainSeconds, 3)
                .field("errors", errors);
        return j.toString();
    }
}
