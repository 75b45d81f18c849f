package io.rtsp4j.examples.bench;

import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.EventExecutor;
import io.rtsp4j.examples.bench.ReaderShard.Snapshot;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One bench run: publisher, readers, the measured window, the result.
 *
 * <p>Timeline: the publisher records; the readers connect ({@code --connect-concurrency} handshakes at a time);
 * the publisher starts sending; after {@code --warmup} the window opens (CPU and RSS samples, loop-lag reset);
 * packets {@code [rate*warmup, rate*(warmup+duration))} are the window's packets; the window closes when the
 * last of them is sent; the readers get {@code --drain} to receive the last ones; everything closes.
 */
final class BenchRun {

    static final long SAMPLE_MILLIS = 200;
    static final long MAX_DRAIN_SECONDS = 30;
    static final long PROGRESS_SNAPSHOT_SECONDS = 5;
    static final long FINAL_SNAPSHOT_SECONDS = 60;

    private final BenchOptions o;
    private final PrintStream err;
    private final Set<String> errors = Collections.synchronizedSet(new LinkedHashSet<>());
    private final AtomicInteger failedReaders = new AtomicInteger();

    BenchRun(BenchOptions options, PrintStream err) {
        this.o = options;
        this.err = err;
    }

    BenchResult run() throws IOException, InterruptedException {
        long epoch = System.nanoTime();
        int runId = ThreadLocalRandom.current().nextInt();
        long windowStart = Math.round(o.warmup().toNanos() / 1e9 * o.rate());
        long windowEnd = windowStart + Math.round(o.duration().toNanos() / 1e9 * o.rate());
        EventLoopGroup readerGroup = Transports.group(o.threads(), "bench-reader");
        EventLoopGroup publisherGroup = Transports.group(1, "bench-publisher");
        Map<EventLoop, ReaderShard> shards = new IdentityHashMap<>();
        for (EventExecutor e : readerGroup) {
            shards.put((EventLoop) e, new ReaderShard((EventLoop) e));
        }
        InetSocketAddress server = new InetSocketAddress(o.url().getHost(), o.port());
        if (server.isUnresolved()) {
            throw new IOException("cannot resolve " + o.url().getHost());
        }
        BenchContext ctx = new BenchContext(o, readerGroup, shards, server, runId, epoch, windowStart, windowEnd);
        BenchResult result = new BenchResult(o);
        result.windowPackets = windowEnd - windowStart;
        Publisher publisher = new Publisher(ctx, publisherGroup);
        List<Reader> readers = new ArrayList<>();
        try {
            await(publisher.connect(), "publisher");
            result.serverRssBaselineKb = o.serverPid() > 0 ? ProcStats.rssKb(o.serverPid()) : -1;
            long connectStart = System.nanoTime();
            connectReaders(ctx, readers);
            result.connectSeconds = (System.nanoTime() - connectStart) / 1e9;
            result.readersConnected = readers.size() - failedReaders.get();
            err.printf(Locale.ROOT, "bench: publisher recording, %d/%d readers playing (%.1fs), sending %d packets/s"
                    + " of %d bytes%n", result.readersConnected, o.readers(), result.connectSeconds, o.rate(),
                    o.payload());
            shards.values().forEach(ReaderShard::startProbe);
            long t0 = System.nanoTime();
            publisher.start(windowEnd);
            measure(result, publisher, shards, t0, windowStart, windowEnd);
            drain(shards, result);
            result.publisherDropped = publisher.dropped();
            Snapshot fin = snapshot(shards, true);
            result.fill(fin);
        } finally {
            for (Reader r : readers) {
                r.close();
            }
            publisher.close();
            shards.values().forEach(ReaderShard::stopProbe);
            readerGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            publisherGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            readerGroup.terminationFuture().await(5, TimeUnit.SECONDS);
            publisherGroup.terminationFuture().await(5, TimeUnit.SECONDS);
        }
        result.errors.addAll(errors);
        if (failedReaders.get() > 0) {
            result.errors.add(0, failedReaders.get() + " of " + o.readers() + " readers failed to start");
        }
        result.judge();
        return result;
    }

    private void connectReaders(BenchContext ctx, List<Reader> readers) throws InterruptedException {
        Semaphore inFlight = new Semaphore(o.connectConcurrency());
        List<CompletableFuture<Void>> all = new ArrayList<>();
        for (int i = 0; i < o.readers(); i++) {
            inFlight.acquire();
            if (i == 1) {
                // the first reader sets up the relay's per-stream state (e.g. a multicast group) alone: relays
                // are not obliged to handle a burst of first SETUPs concurrently
                try {
                    all.get(0).exceptionally(e -> null).get(RtspControl.REQUEST_TIMEOUT_SECONDS * 4, TimeUnit.SECONDS);
                } catch (ExecutionException | TimeoutException e) {
                    // reported by the reader itself
                }
            }
            Reader r = new Reader(ctx);
            readers.add(r);
            CompletableFuture<Void> f = r.start().whenComplete((v, e) -> {
                inFlight.release();
                if (e != null) {
                    failedReaders.incrementAndGet();
                    Throwable c = e.getCause() != null ? e.getCause() : e;
                    errors.add("reader: " + c.getMessage());
                    r.close();
                }
            });
            all.add(f);
        }
        try {
            CompletableFuture.allOf(all.toArray(new CompletableFuture<?>[0])).exceptionally(e -> null)
                    .get(RtspControl.REQUEST_TIMEOUT_SECONDS * 4 + 10, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            errors.add("readers did not start in time");
        }
        if (o.readers() > 0 && failedReaders.get() == o.readers()) {
            throw new IllegalStateException("no reader could start: " + String.join("; ", errors));
        }
    }

    private void measure(BenchResult result, Publisher publisher, Map<EventLoop, ReaderShard> shards, long t0,
            long windowStart, long windowEnd)
            throws InterruptedException {
        long windowOpen = t0 + o.warmup().toNanos();
        long windowClose = windowOpen + o.duration().toNanos();
        long nextProgress = t0 + TimeUnit.SECONDS.toNanos(1);
        boolean open = false;
        long lastReceived = 0;
        long lastProgressNanos = t0;
        while (true) {
            long now = System.nanoTime();
            if (!open && now >= windowOpen) {
                open = true;
                result.windowStartNanos = now;
                result.serverCpuStart = o.serverPid() > 0 ? ProcStats.cpuSeconds(o.serverPid()) : -1;
                result.toolCpuStart = ProcStats.cpuSeconds(0);
                result.load1Start = ProcStats.load1();
                result.machineTicksStart = ProcStats.machineTicks();
                shards.values().forEach(ReaderShard::resetProbe);
                publisher.resetLag();
            }
            boolean sentAll = publisher.finished().isDone();
            if (open && now >= windowClose && (o.rate() == 0 || sentAll)) {
                result.windowEndNanos = now;
                if (o.serverPid() > 0) {
                    result.serverRssEndKb = ProcStats.rssKb(o.serverPid());
                    result.serverRssPeakKb = Math.max(result.serverRssPeakKb, result.serverRssEndKb);
                }
                result.serverCpuEnd = o.serverPid() > 0 ? ProcStats.cpuSeconds(o.serverPid()) : -1;
                result.toolCpuEnd = ProcStats.cpuSeconds(0);
                result.load1End = ProcStats.load1();
                result.machineTicksEnd = ProcStats.machineTicks();
                result.publisherLagMaxNanos = publisher.maxLagNanos();
                result.sent = Math.max(0, Math.min(publisher.sent(), result.windowPackets));
                break;
            }
            if (open && now > windowClose + TimeUnit.SECONDS.toNanos(5) + o.duration().toNanos() / 2) {
                errors.add("the publisher fell behind: " + publisher.sent() + " of " + windowEnd
                        + " packets sent when the window should have closed; stopped there");
                result.publisherLagMaxNanos = Math.max(publisher.maxLagNanos(), now - windowClose);
                result.windowEndNanos = now;
                result.serverCpuEnd = o.serverPid() > 0 ? ProcStats.cpuSeconds(o.serverPid()) : -1;
                result.toolCpuEnd = ProcStats.cpuSeconds(0);
                result.load1End = ProcStats.load1();
                result.machineTicksEnd = ProcStats.machineTicks();
                long finalSent;
                try {
                    finalSent = publisher.stop().get(10, TimeUnit.SECONDS);
                } catch (ExecutionException | TimeoutException e) {
                    finalSent = publisher.sent();
                }
                // the window's packets that were sent: readers count only those, so received <= sent * readers
                result.sent = Math.max(0, Math.min(finalSent, windowEnd) - windowStart);
                break;
            }
            if (open && o.serverPid() > 0) {
                long rss = ProcStats.rssKb(o.serverPid());
                result.serverRssPeakKb = Math.max(result.serverRssPeakKb, rss);
                result.serverRssEndKb = rss;
                result.serverThreads = Math.max(result.serverThreads, ProcStats.threads(o.serverPid()));
            }
            if (now >= nextProgress) {
                Snapshot s = snapshot(shards, false);
                double dt = (now - lastProgressNanos) / 1e9;
                lastProgressNanos = now;
                double pps = (s.rtp - lastReceived) / dt;
                lastReceived = s.rtp;
                err.printf(Locale.ROOT, "bench: t=%3ds %-7s sent=%d rx=%.0f/s window_received=%d gaps=%d readers=%d"
                                + " max_latency=%s load=%.2f%n",
                        Math.round((now - t0) / 1e9), !open ? "warmup" : "measure", publisher.sent(), pps,
                        s.received, s.gaps, s.readers, s.intervalMaxLatency < 0 ? "-" : String.format(Locale.ROOT,
                                "%.1fms", s.intervalMaxLatency / 1000.0), ProcStats.load1());
                nextProgress += TimeUnit.SECONDS.toNanos(1);
            }
            long wake = Math.min(nextProgress, now + TimeUnit.MILLISECONDS.toNanos(SAMPLE_MILLIS));
            wake = Math.min(wake, open ? windowClose : windowOpen);
            long sleep = Math.max(1_000_000L, wake - System.nanoTime());
            Thread.sleep(sleep / 1_000_000L, (int) (sleep % 1_000_000L));
        }
    }

    /**
     * Waits for the window's last packets: until every reader has seen the last one, or no reader received
     * anything for {@code --drain}, or {@value #MAX_DRAIN_SECONDS} s.
     */
    private void drain(Map<EventLoop, ReaderShard> shards, BenchResult result) throws InterruptedException {
        long start = System.nanoTime();
        long lastProgress = start;
        long lastRtp = -1;
        while (true) {
            long now = System.nanoTime();
            Snapshot s = snapshot(shards, false);
            if (s.completeReaders == s.readers && s.readers >= result.readersConnected) {
                break;
            }
            if (s.rtp != lastRtp) {
                lastRtp = s.rtp;
                lastProgress = now;
            }
            if (now - lastProgress > o.drain().toNanos() || now - start > TimeUnit.SECONDS.toNanos(MAX_DRAIN_SECONDS)) {
                break;
            }
            Thread.sleep(20);
        }
        result.drainSeconds = (System.nanoTime() - start) / 1e9;
    }

    /**
     * Sums the shards. A progress snapshot waits {@value #PROGRESS_SNAPSHOT_SECONDS} s for a busy loop and then
     * shows what it has; the final one waits up to {@value #FINAL_SNAPSHOT_SECONDS} s.
     */
    Snapshot snapshot(Map<EventLoop, ReaderShard> shards, boolean histograms) throws InterruptedException {
        Snapshot total = new Snapshot();
        for (ReaderShard shard : shards.values()) {
            try {
                total.merge(shard.snapshot(histograms).get(histograms ? FINAL_SNAPSHOT_SECONDS
                        : PROGRESS_SNAPSHOT_SECONDS, TimeUnit.SECONDS));
            } catch (ExecutionException | TimeoutException e) {
                errors.add("a reader event loop did not answer in time (overloaded tool): "
                        + (histograms ? "its readers are missing from the result" : "progress incomplete"));
                if (histograms) {
                    throw new IllegalStateException("a reader event loop did not answer in "
                            + FINAL_SNAPSHOT_SECONDS + " s");
                }
            }
        }
        return total;
    }

    private static <T> T await(CompletableFuture<T> f, String what) throws IOException, InterruptedException {
        try {
            return f.get(RtspControl.REQUEST_TIMEOUT_SECONDS * 4 + 10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            while (c instanceof java.util.concurrent.CompletionException && c.getCause() != null) {
                c = c.getCause();
            }
            throw new IOException(what + ": " + c.getMessage(), c);
        } catch (TimeoutException e) {
            throw new IOException(what + ": no answer in time");
        }
    }
}
