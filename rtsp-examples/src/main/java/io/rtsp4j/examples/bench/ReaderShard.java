package io.rtsp4j.examples.bench;

import io.netty.channel.EventLoop;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The statistics of the readers of one event loop: only that loop writes them, so no locks or atomics on the
 * packet path; the main thread reads them through {@link #snapshot}, which runs on the loop.
 *
 * <p>Also probes the loop itself: a task scheduled every {@value #PROBE_MILLIS} ms records how late it runs; a
 * late loop means the tool (or the CPU it shares) delays packets, which then shows as relay latency.
 */
final class ReaderShard {

    static final long PROBE_MILLIS = 20;

    final EventLoop loop;
    private final List<ReaderStats> readers = new ArrayList<>();
    private final LatencyHistogram latency = new LatencyHistogram();
    private final LatencyHistogram loopLag = new LatencyHistogram();
    private long intervalMaxLatency = -1;
    private long nextProbeNanos;
    private ScheduledFuture<?> probe;

    ReaderShard(EventLoop loop) {
        this.loop = loop;
    }

    /** Adds a reader; call on the loop. */
    void add(ReaderStats stats) {
        readers.add(stats);
    }

    void recordLatency(long micros) {
        latency.record(micros);
        if (micros > intervalMaxLatency) {
            intervalMaxLatency = micros;
        }
    }

    /** Starts the loop-lag probe. */
    void startProbe() {
        loop.execute(() -> {
            nextProbeNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(PROBE_MILLIS);
            probe = loop.scheduleAtFixedRate(this::probe, PROBE_MILLIS, PROBE_MILLIS, TimeUnit.MILLISECONDS);
        });
    }

    private void probe() {
        long now = System.nanoTime();
        loopLag.record((now - nextProbeNanos) / 1000);
        nextProbeNanos += TimeUnit.MILLISECONDS.toNanos(PROBE_MILLIS);
        if (now - nextProbeNanos > TimeUnit.SECONDS.toNanos(1)) {
            nextProbeNanos = now + TimeUnit.MILLISECONDS.toNanos(PROBE_MILLIS);
        }
    }

    /** Stops the probe and forgets the loop lag so far (call when the window starts). */
    void resetProbe() {
        loop.execute(loopLag::reset);
    }

    void stopProbe() {
        loop.execute(() -> {
            if (probe != null) {
                probe.cancel(false);
            }
        });
    }

    /**
     * Sums the readers of this loop, on the loop.
     *
     * @param withHistograms whether to copy the histograms (final snapshot)
     * @return the snapshot
     */
    CompletableFuture<Snapshot> snapshot(boolean withHistograms) {
        CompletableFuture<Snapshot> f = new CompletableFuture<>();
        loop.execute(() -> {
            Snapshot s = new Snapshot();
            for (ReaderStats r : readers) {
                s.add(r);
            }
            s.intervalMaxLatency = intervalMaxLatency;
            intervalMaxLatency = -1;
            if (withHistograms) {
                s.latency = latency.copy();
                s.loopLag = loopLag.copy();
            }
            f.complete(s);
        });
        return f;
    }

    /** Sums over readers (and shards, with {@link #merge}). */
    static final class Snapshot {
        long readers;
        long completeReaders;
        long received;
        long gaps;
        long missingInGaps;
        long late;
        long duplicates;
        long rtp;
        long rtcp;
        long foreign;
        long invalid;
        long intervalMaxLatency = -1;
        LatencyHistogram latency;
        LatencyHistogram loopLag;

        void add(ReaderStats r) {
            readers++;
            completeReaders += r.tracker.complete() ? 1 : 0;
            received += r.tracker.received();
            gaps += r.tracker.gaps();
            missingInGaps += r.tracker.missingInGaps();
            late += r.tracker.late();
            duplicates += r.tracker.duplicates();
            rtp += r.rtpPackets;
            rtcp += r.rtcpPackets;
            foreign += r.foreign;
            invalid += r.invalid;
        }

        void merge(Snapshot o) {
            readers += o.readers;
            completeReaders += o.completeReaders;
            received += o.received;
            gaps += o.gaps;
            missingInGaps += o.missingInGaps;
            late += o.late;
            duplicates += o.duplicates;
            rtp += o.rtp;
            rtcp += o.rtcp;
            foreign += o.foreign;
            invalid += o.invalid;
            intervalMaxLatency = Math.max(intervalMaxLatency, o.intervalMaxLatency);
            if (o.latency != null) {
                if (latency == null) {
                    latency = new LatencyHistogram();
                }
                latency.add(o.latency);
            }
            if (o.loopLag != null) {
                if (loopLag == null) {
                    loopLag = new LatencyHistogram();
                }
                loopLag.add(o.loopLag);
            }
        }
    }
}
