package io.rtsp4j.rtp.report;

import io.rtsp4j.rtp.rtcp.RtcpPacket;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Optional helper for standalone users: asks a report source (such as {@link RtcpSender#buildReport()} or
 * {@link RtcpReceiver#buildReport()}) for a report every period on a {@link ScheduledExecutorService} and hands
 * non-null reports to a sink.
 *
 * <p>The report source runs on the executor's thread. {@link RtcpSender} and {@link RtcpReceiver} are not
 * thread-safe, so feed them packets on the same single-threaded executor (a Netty {@code EventLoop} is one), or
 * synchronize the source yourself. An exception thrown by the source or the sink stops the schedule, as for any
 * periodic task; it can be read from {@link #future()}.
 *
 * <pre>{@code
 * RtcpReportScheduler scheduler = RtcpReportScheduler.start(eventLoop, receiver.period(),
 *         receiver::buildReport, report -> channel.writeAndFlush(encode(report)));
 * ...
 * scheduler.close();
 * }</pre>
 */
public final class RtcpReportScheduler implements AutoCloseable {

    private final ScheduledFuture<?> future;

    private RtcpReportScheduler(ScheduledFuture<?> future) {
        this.future = future;
    }

    /**
     * Starts emitting reports every {@code period}, the first one after one period.
     *
     * @param executor the executor running the report source and the sink
     * @param period the report period
     * @param reportSource builds a report, or returns null when there is nothing to report yet
     * @param sink receives each report
     * @return the running scheduler; close it to stop
     */
    public static RtcpReportScheduler start(ScheduledExecutorService executor, Duration period,
            Supplier<? extends RtcpPacket> reportSource, Consumer<? super RtcpPacket> sink) {
        Objects.requireNonNull(reportSource, "reportSource");
        Objects.requireNonNull(sink, "sink");
        long nanos = period.toNanos();
        if (nanos <= 0) {
            throw new IllegalArgumentException("invalid period " + period + ", must be positive");
        }
        ScheduledFuture<?> f = executor.scheduleAtFixedRate(() -> {
            RtcpPacket report = reportSource.get();
            if (report != null) {
                sink.accept(report);
            }
        }, nanos, nanos, TimeUnit.NANOSECONDS);
        return new RtcpReportScheduler(f);
    }

    /**
     * The periodic task, e.g. to inspect an exception that stopped it.
     *
     * @return the scheduled future
     */
    public ScheduledFuture<?> future() {
        return future;
    }

    /** Stops emitting reports (a report being built is not interrupted). */
    @Override
    public void close() {
        future.cancel(false);
    }
}
