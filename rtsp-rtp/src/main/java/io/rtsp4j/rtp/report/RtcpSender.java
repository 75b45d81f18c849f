package io.rtsp4j.rtp.report;

import io.rtsp4j.rtp.RtpPacket;
import io.rtsp4j.rtp.rtcp.ReceiverReport;
import io.rtsp4j.rtp.rtcp.ReceptionReport;
import io.rtsp4j.rtp.rtcp.RtcpPacket;
import io.rtsp4j.rtp.rtcp.SenderReport;
import io.rtsp4j.rtp.rtcp.SourceDescription;
import io.rtsp4j.rtp.time.NtpTime;
import io.rtsp4j.rtp.time.WallClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * RTCP sender-side bookkeeping for one outgoing RTP stream: counts packets and octets, remembers the NTP/RTP
 * time pair of the last packet whose PTS equals its DTS, builds sender reports and reads the loss reported back.
 *
 * <h2>Timing of reports</h2>
 * RFC 6051 section 3.2 recommends sending the first SR as soon as possible so that receivers can synchronize
 * tracks: {@link #onPacketSent} returns {@code true} for the first packet whose PTS equals its DTS (a key frame
 * for video, any audio packet), and the caller then sends {@link #buildReport()} right away. After that the caller
 * sends a report every {@link #period()} (default 10 s), e.g. with an event-loop timer or
 * {@link RtcpReportScheduler}.
 *
 * <h2>What a report contains</h2>
 * {@code NTP = lastNtp + (now - lastSent)} and {@code RTP = lastRtp + (now - lastSent) * clockRate}, where
 * {@code lastNtp}/{@code lastRtp} come from the last PTS==DTS packet (so B-frame reordering does not corrupt the
 * mapping) and {@code now} is read from the injected {@link WallClock} when the report is built. The SSRC is the
 * SSRC of the packets sent.
 *
 * <h2>Thread safety</h2>
 * Not thread-safe: call all methods from one thread (the stream's event loop), or synchronize externally.
 */
public final class RtcpSender {

    /** Default report period. */
    public static final Duration DEFAULT_PERIOD = Duration.ofSeconds(10);

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final int clockRate;
    private final Duration period;
    private final WallClock clock;

    private boolean anyPacketSent;
    private boolean timeInitialized;
    private boolean initialReportRequested;
    private long ssrc;
    private int lastSequenceNumber;
    private long lastRtp;
    private long lastNtpNanos;
    private long lastSentNanos;
    private long packetCount;
    private long octetCount;
    private long reportedLost;

    /**
     * Creates a sender with the default period.
     *
     * @param clockRate the RTP clock rate of the stream in Hz; 0 disables reports
     * @param clock the wall clock read when reports are built and packets sent
     */
    public RtcpSender(int clockRate, WallClock clock) {
        this(clockRate, DEFAULT_PERIOD, clock);
    }

    /**
     * Creates a sender.
     *
     * @param clockRate the RTP clock rate of the stream in Hz; 0 disables reports
     * @param period the period between reports the caller should use (informative, see {@link #period()})
     * @param clock the wall clock read when reports are built and packets sent
     * @throws IllegalArgumentException if the clock rate is negative or the period is not positive
     */
    public RtcpSender(int clockRate, Duration period, WallClock clock) {
        if (clockRate < 0) {
            throw new IllegalArgumentException("clock rate must not be negative, got " + clockRate);
        }
        if (period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("invalid period " + period + ", must be positive");
        }
        this.clockRate = clockRate;
        this.period = period;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The stream's clock rate.
     *
     * @return Hz, 0 when reports are disabled
     */
    public int clockRate() {
        return clockRate;
    }

    /**
     * The period between two reports that the caller should schedule.
     *
     * @return the period
     */
    public Duration period() {
        return period;
    }

    /**
     * Records a sent packet. Does not retain or release the packet.
     *
     * @param packet the packet as sent (its SSRC, sequence number, timestamp and payload size are used)
     * @param ntpNanos the packet's wall-clock (NTP) time in nanoseconds since the Unix epoch: when its content was
     *        captured, or simply the current time
     * @param ptsEqualsDts whether the packet's PTS equals its DTS
     * @return true if the caller should send {@link #buildReport()} now (the first PTS==DTS packet)
     */
    public boolean onPacketSent(RtpPacket packet, long ntpNanos, boolean ptsEqualsDts) {
        return onPacketSent(packet.sequenceNumber(), packet.timestamp(), packet.ssrc(), packet.payloadSize(),
                ntpNanos, ptsEqualsDts);
    }

    /**
     * Records a sent packet given by its fields, for callers that forward raw buffers
     * (see {@link io.rtsp4j.rtp.RtpHeaders}).
     *
     * @param sequenceNumber the packet's sequence number
     * @param rtpTimestamp the packet's RTP timestamp
     * @param ssrc the packet's SSRC
     * @param payloadSize the payload size in bytes (octet count of RFC 3550)
     * @param ntpNanos the packet's wall-clock time in nanoseconds since the Unix epoch
     * @param ptsEqualsDts whether the packet's PTS equals its DTS
     * @return true if the caller should send {@link #buildReport()} now (the first PTS==DTS packet)
     */
    public boolean onPacketSent(int sequenceNumber, long rtpTimestamp, long ssrc, int payloadSize, long ntpNanos,
            boolean ptsEqualsDts) {
        anyPacketSent = true;
        this.ssrc = ssrc & 0xFFFFFFFFL;
        lastSequenceNumber = sequenceNumber & 0xFFFF;
        packetCount = (packetCount + 1) & 0xFFFFFFFFL;
        octetCount = (octetCount + payloadSize) & 0xFFFFFFFFL;
        if (ptsEqualsDts) {
            timeInitialized = true;
            lastRtp = rtpTimestamp & 0xFFFFFFFFL;
            lastNtpNanos = ntpNanos;
            lastSentNanos = clock.nowNanos();
            if (!initialReportRequested && clockRate != 0) {
                initialReportRequested = true;
                return true;
            }
        }
        return false;
    }

    /**
     * Builds a sender report for the current time.
     *
     * @return the report, or null before the first PTS==DTS packet or when the clock rate is 0
     */
    public SenderReport buildReport() {
        return buildReport(clock.nowNanos());
    }

    /**
     * Builds a sender report for a given time, for callers that drive time themselves.
     *
     * @param nowNanos the current wall-clock time in nanoseconds since the Unix epoch
     * @return the report, or null before the first PTS==DTS packet or when the clock rate is 0
     */
    public SenderReport buildReport(long nowNanos) {
        if (!timeInitialized || clockRate == 0) {
            return null;
        }
        long elapsed = nowNanos - lastSentNanos;
        long ntp = NtpTime.fromUnixNanos(lastNtpNanos + elapsed);
        long rtp = (lastRtp + Math.floorDiv(elapsed, NANOS_PER_SECOND) * clockRate
                + Math.floorMod(elapsed, NANOS_PER_SECOND) * clockRate / NANOS_PER_SECOND) & 0xFFFFFFFFL;
        return new SenderReport(ssrc, ntp, rtp, packetCount, octetCount, List.of());
    }

    /**
     * Builds the report as an RFC 3550 compound packet: the report followed by an SDES packet with the CNAME
     * of the given source (RFC 3550 section 6.1 requires the CNAME in every compound packet).
     *
     * @param cnameSsrc the SSRC the CNAME describes (usually the report's SSRC)
     * @param cname the canonical name, e.g. {@code "rtsp4j@host"}
     * @return the two packets, or an empty list when {@link #buildReport()} returns null
     */
    public List<RtcpPacket> buildCompoundReport(long cnameSsrc, String cname) {
        RtcpPacket report = buildReport();
        if (report == null) {
            return List.of();
        }
        return List.of(report, SourceDescription.cname(cnameSsrc, cname));
    }

    /**
     * Reads a reception report block received from a receiver of this stream. Blocks about other sources are
     * ignored.
     *
     * @param report the block
     */
    public void onReceptionReport(ReceptionReport report) {
        if (anyPacketSent && report.ssrc() == ssrc) {
            reportedLost = report.totalLost();
        }
    }

    /**
     * Reads the reception report blocks of a received RTCP packet (RR or SR); other packets are ignored.
     *
     * @param packet a received RTCP packet
     */
    public void onRtcpPacket(RtcpPacket packet) {
        List<ReceptionReport> blocks;
        if (packet instanceof ReceiverReport rr) {
            blocks = rr.reports();
        } else if (packet instanceof SenderReport sr) {
            blocks = sr.reports();
        } else {
            return;
        }
        for (ReceptionReport block : blocks) {
            onReceptionReport(block);
        }
    }

    /**
     * The statistics of the stream.
     *
     * @return a snapshot, or null before the first packet
     */
    public Stats stats() {
        if (!anyPacketSent) {
            return null;
        }
        return new Stats(ssrc, packetCount, octetCount, reportedLost, lastSequenceNumber,
                timeInitialized ? lastRtp : -1, timeInitialized ? NtpTime.ofUnixNanos(lastNtpNanos) : null);
    }

    /**
     * Statistics of an outgoing stream.
     *
     * @param ssrc the SSRC of the last packet sent
     * @param packetsSent packets sent, modulo 2^32 (the SR packet count)
     * @param octetsSent payload octets sent, modulo 2^32 (the SR octet count)
     * @param packetsReportedLost the cumulative loss last reported by a receiver
     * @param lastSequenceNumber the sequence number of the last packet sent
     * @param lastRtpTimestamp the RTP timestamp of the last PTS==DTS packet, -1 if none yet
     * @param lastNtp the NTP time of the last PTS==DTS packet, null if none yet
     */
    public record Stats(long ssrc, long packetsSent, long octetsSent, long packetsReportedLost,
            int lastSequenceNumber, long lastRtpTimestamp, Instant lastNtp) {
    }
}
