package io.rtsp4j.rtp.report;

import io.rtsp4j.rtp.RtpPacket;
import io.rtsp4j.rtp.rtcp.ReceiverReport;
import io.rtsp4j.rtp.rtcp.ReceptionReport;
import io.rtsp4j.rtp.rtcp.RtcpPacket;
import io.rtsp4j.rtp.rtcp.SenderReport;
import io.rtsp4j.rtp.rtcp.SourceDescription;
import io.rtsp4j.rtp.time.NtpTime;
import io.rtsp4j.rtp.time.WallClock;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * RTCP receiver-side logic for one incoming RTP stream: restores packet order over unreliable transports, drops
 * duplicates, counts lost packets, computes the RFC 3550 interarrival jitter and the extended highest sequence
 * number, remembers the sender's reports and builds receiver reports.
 *
 * <h2>Reordering (unreliable transport)</h2>
 * Packets are delivered in sequence order to a {@link PacketSink}. A packet after a gap waits in a ring buffer
 * (default {@value #DEFAULT_REORDER_BUFFER_SIZE} packets) until the gap is filled. When a packet arrives that does
 * not fit the buffer any more, the gap is given up: the buffered packets and the new one are delivered and the
 * missing ones counted as lost. Packets older than the last delivered one, and duplicates, are dropped. More than
 * {@code bufferSize} consecutive old packets mean the sender restarted its sequence: the buffer is cleared and
 * delivery continues from the new sequence (the extended sequence number then counts one more cycle, so it stays
 * monotonic for the sender). Over a reliable transport (TCP) every packet is delivered at once and forward gaps
 * count as lost.
 *
 * <h2>Ownership</h2>
 * {@link #onPacket} takes ownership of the packet: it is either handed over to the sink (which then owns it) or
 * released (duplicates, late packets). {@link #close()} releases packets still waiting in the buffer.
 *
 * <h2>Time</h2>
 * The caller passes the arrival time of each packet and sender report; the injected {@link WallClock} is read only
 * when a report is built (for the DLSR field). Jitter is computed on packets whose PTS equals their DTS, because
 * the RTP timestamps of reordered B-frames do not follow sampling time.
 *
 * <h2>Thread safety</h2>
 * Not thread-safe: call all methods from one thread (the stream's event loop), or synchronize externally.
 */
public final class RtcpReceiver implements AutoCloseable {

    /** Default size of the reorder buffer. */
    public static final int DEFAULT_REORDER_BUFFER_SIZE = 64;
    /** Default report period. */
    public static final Duration DEFAULT_PERIOD = Duration.ofSeconds(10);
    /** Returned by {@link #packetNtpNanos(long)} when no mapping is known. */
    public static final long NO_TIME = Long.MIN_VALUE;

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    /** Receives the packets of {@link RtcpReceiver#onPacket} in sequence order. */
    public interface PacketSink {
        /**
         * A packet in sequence order; the sink owns it and must release it.
         *
         * @param packet the packet
         */
        void onPacket(RtpPacket packet);

        /**
         * Packets were given up as lost; called before the packets that follow the gap are delivered.
         *
         * @param count the number of lost packets, at least 1
         */
        default void onPacketsLost(long count) {
        }
    }

    private final int clockRate;
    private final long localSsrc;
    private final boolean reorder;
    private final Duration period;
    private final WallClock clock;

    // reorder buffer: slot (head + i) & mask holds the packet with sequence number lastSequenceNumber + 1 + i
    private final RtpPacket[] slots;
    private final long[] slotArrival;
    private final boolean[] slotPtsEqualsDts;
    private final int mask;
    private int head;
    private int negativeCount;

    private boolean firstPacketReceived;
    private long remoteSsrc;
    private int lastSequenceNumber;
    private int sequenceCycles;
    private long packetsReceived;
    private long packetsLost;
    private long receivedSinceReport;
    private long lostSinceReport;

    private boolean timeInitialized;
    private long lastRtp;
    private long lastArrivalNanos;
    private double jitter;

    private boolean senderReportReceived;
    private long senderReportNtp;
    private long senderReportRtp;
    private long senderReportArrivalNanos;

    private RtcpReceiver(Builder b) {
        this.clockRate = b.clockRate;
        this.localSsrc = b.localSsrc;
        this.reorder = b.unreliableTransport;
        this.period = b.period;
        this.clock = b.clock;
        int size = reorder ? b.bufferSize : 0;
        this.slots = new RtpPacket[size];
        this.slotArrival = new long[size];
        this.slotPtsEqualsDts = new boolean[size];
        this.mask = size - 1;
    }

    /**
     * Starts configuring a receiver.
     *
     * @param clockRate the RTP clock rate of the stream in Hz; 0 disables reports and time mapping
     * @return a builder
     */
    public static Builder builder(int clockRate) {
        return new Builder(clockRate);
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
     * The SSRC written into receiver reports.
     *
     * @return 0..0xFFFFFFFF
     */
    public long localSsrc() {
        return localSsrc;
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
     * Processes an incoming packet. Takes ownership of {@code packet}; packets are handed to {@code sink} in
     * sequence order (possibly none, or several when a gap is filled).
     *
     * @param packet the received packet
     * @param arrivalNanos its arrival time in nanoseconds since the Unix epoch
     * @param ptsEqualsDts whether its PTS equals its DTS (see the payload format's key frame detection)
     * @param sink receives the packets in order and the loss counts
     */
    public void onPacket(RtpPacket packet, long arrivalNanos, boolean ptsEqualsDts, PacketSink sink) {
        if (!firstPacketReceived) {
            firstPacketReceived = true;
            remoteSsrc = packet.ssrc();
            lastSequenceNumber = packet.sequenceNumber();
            packetsReceived = 1;
            receivedSinceReport = 1;
            if (ptsEqualsDts) {
                timeInitialized = true;
                lastRtp = packet.timestamp();
                lastArrivalNanos = arrivalNanos;
            }
            sink.onPacket(packet);
            return;
        }
        if (!reorder) {
            int diff = (short) (packet.sequenceNumber() - lastSequenceNumber);
            if (diff > 1) {
                countLost(diff - 1, sink);
            }
            deliver(packet, arrivalNanos, ptsEqualsDts, sink);
            return;
        }
        int relPos = (short) (packet.sequenceNumber() - lastSequenceNumber - 1);
        if (relPos < 0) {
            // a duplicate or a packet older than the last delivered one
            negativeCount++;
            if (negativeCount > slots.length) {
                // the sender restarted its sequence numbers: forget the old sequence
                negativeCount = 0;
                clearBuffer();
                deliver(packet, arrivalNanos, ptsEqualsDts, sink);
            } else {
                packet.release();
            }
            return;
        }
        negativeCount = 0;
        if (relPos >= slots.length) {
            // the gap does not fit the buffer: give it up, deliver what is buffered and the new packet
            int buffered = 0;
            for (RtpPacket p : slots) {
                if (p != null) {
                    buffered++;
                }
            }
            countLost(relPos - buffered, sink);
            for (int i = 0; i < slots.length; i++) {
                int s = (head + i) & mask;
                RtpPacket p = slots[s];
                if (p != null) {
                    slots[s] = null;
                    deliver(p, slotArrival[s], slotPtsEqualsDts[s], sink);
                }
            }
            deliver(packet, arrivalNanos, ptsEqualsDts, sink);
            return;
        }
        if (relPos > 0) {
            int s = (head + relPos) & mask;
            if (slots[s] != null) {
                packet.release(); // duplicate of a buffered packet
            } else {
                slots[s] = packet;
                slotArrival[s] = arrivalNanos;
                slotPtsEqualsDts[s] = ptsEqualsDts;
            }
            return;
        }
        // the expected packet: deliver it and everything buffered right after it
        head = (head + 1) & mask;
        deliver(packet, arrivalNanos, ptsEqualsDts, sink);
        while (slots[head] != null) {
            RtpPacket p = slots[head];
            slots[head] = null;
            int s = head;
            head = (head + 1) & mask;
            deliver(p, slotArrival[s], slotPtsEqualsDts[s], sink);
        }
    }

    private void countLost(long lost, PacketSink sink) {
        if (lost <= 0) {
            return;
        }
        packetsLost = Math.min(packetsLost + lost, 0xFFFFFF);
        lostSinceReport = Math.min(lostSinceReport + lost, 0xFFFFFF);
        sink.onPacketsLost(lost);
    }

    private void deliver(RtpPacket packet, long arrivalNanos, boolean ptsEqualsDts, PacketSink sink) {
        int seq = packet.sequenceNumber();
        if (seq - lastSequenceNumber < -0x0FFF) {
            sequenceCycles = (sequenceCycles + 1) & 0xFFFF;
        }
        lastSequenceNumber = seq;
        packetsReceived++;
        receivedSinceReport++;
        if (ptsEqualsDts) {
            long ts = packet.timestamp();
            if (timeInitialized && clockRate != 0) {
                // RFC 3550 section 6.4.1 / A.8: D = (Rj - Ri) - (Sj - Si) in timestamp units
                double d = (arrivalNanos - lastArrivalNanos) / (double) NANOS_PER_SECOND * clockRate
                        - (int) (ts - lastRtp);
                jitter += (Math.abs(d) - jitter) / 16;
            }
            timeInitialized = true;
            lastRtp = ts;
            lastArrivalNanos = arrivalNanos;
        }
        sink.onPacket(packet);
    }

    private void clearBuffer() {
        for (int i = 0; i < slots.length; i++) {
            if (slots[i] != null) {
                slots[i].release();
                slots[i] = null;
            }
        }
    }

    /**
     * Reads a sender report received from the stream's sender: it feeds the LSR/DLSR fields of the next receiver
     * reports and the RTP to NTP mapping.
     *
     * @param report the sender report
     * @param arrivalNanos its arrival time in nanoseconds since the Unix epoch
     */
    public void onSenderReport(SenderReport report, long arrivalNanos) {
        senderReportReceived = true;
        senderReportNtp = report.ntpTime();
        senderReportRtp = report.rtpTime();
        senderReportArrivalNanos = arrivalNanos;
    }

    /**
     * Builds a receiver report for the current time and starts a new reporting interval.
     *
     * @return the report, or null before the first packet or when the clock rate is 0
     */
    public ReceiverReport buildReport() {
        return buildReport(clock.nowNanos());
    }

    /**
     * Builds a receiver report for a given time (for the DLSR field) and starts a new reporting interval.
     *
     * @param nowNanos the current wall-clock time in nanoseconds since the Unix epoch
     * @return the report, or null before the first packet or when the clock rate is 0
     */
    public ReceiverReport buildReport(long nowNanos) {
        if (!firstPacketReceived || clockRate == 0) {
            return null;
        }
        long total = receivedSinceReport + lostSinceReport;
        int fractionLost = total == 0 ? 0 : (int) Math.min(255, lostSinceReport * 256 / total);
        long lsr = 0;
        long dlsr = 0;
        if (senderReportReceived) {
            lsr = NtpTime.middle32(senderReportNtp);
            long elapsed = Math.max(0, nowNanos - senderReportArrivalNanos);
            dlsr = Math.min(0xFFFFFFFFL,
                    elapsed / NANOS_PER_SECOND * 65536 + elapsed % NANOS_PER_SECOND * 65536 / NANOS_PER_SECOND);
        }
        ReceptionReport block = new ReceptionReport(remoteSsrc, fractionLost, (int) packetsLost,
                (long) sequenceCycles << 16 | lastSequenceNumber, Math.min((long) jitter, 0xFFFFFFFFL), lsr, dlsr);
        receivedSinceReport = 0;
        lostSinceReport = 0;
        return new ReceiverReport(localSsrc, List.of(block));
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
     * Maps an RTP timestamp of this stream to wall-clock time using the last sender report.
     *
     * @param rtpTimestamp the RTP timestamp
     * @return nanoseconds since the Unix epoch, or {@link #NO_TIME} before the first sender report or when the
     *         clock rate is 0
     */
    public long packetNtpNanos(long rtpTimestamp) {
        if (!senderReportReceived || clockRate == 0) {
            return NO_TIME;
        }
        long diff = (int) (rtpTimestamp - senderReportRtp); // signed 32-bit distance to the report
        return NtpTime.toUnixNanos(senderReportNtp) + diff * NANOS_PER_SECOND / clockRate;
    }

    /**
     * Maps an RTP timestamp of this stream to wall-clock time using the last sender report.
     *
     * @param rtpTimestamp the RTP timestamp
     * @return the time, or null when unknown (see {@link #packetNtpNanos(long)})
     */
    public Instant packetNtp(long rtpTimestamp) {
        long nanos = packetNtpNanos(rtpTimestamp);
        return nanos == NO_TIME ? null : NtpTime.ofUnixNanos(nanos);
    }

    /**
     * The statistics of the stream.
     *
     * @return a snapshot, or null before the first packet
     */
    public Stats stats() {
        if (!firstPacketReceived) {
            return null;
        }
        return new Stats(remoteSsrc, packetsReceived, packetsLost, lastSequenceNumber,
                (long) sequenceCycles << 16 | lastSequenceNumber, timeInitialized ? lastRtp : -1,
                timeInitialized ? packetNtp(lastRtp) : null, jitter);
    }

    /** Releases the packets waiting in the reorder buffer. */
    @Override
    public void close() {
        clearBuffer();
    }

    /**
     * Statistics of an incoming stream.
     *
     * @param remoteSsrc the SSRC of the first packet received
     * @param packetsReceived packets delivered in order (duplicates and late packets excluded)
     * @param packetsLost packets counted as lost (capped at 0xFFFFFF as in reports)
     * @param lastSequenceNumber the sequence number of the last packet delivered
     * @param extendedSequenceNumber the extended highest sequence number (cycles in the high 16 bits)
     * @param lastRtpTimestamp the RTP timestamp of the last PTS==DTS packet, -1 if none yet
     * @param lastNtp the wall-clock time of that packet from the sender reports, null if unknown
     * @param jitter the interarrival jitter in timestamp units
     */
    public record Stats(long remoteSsrc, long packetsReceived, long packetsLost, int lastSequenceNumber,
            long extendedSequenceNumber, long lastRtpTimestamp, Instant lastNtp, double jitter) {
    }

    /** Configures an {@link RtcpReceiver}. */
    public static final class Builder {
        private final int clockRate;
        private long localSsrc = new SecureRandom().nextInt() & 0xFFFFFFFFL;
        private boolean unreliableTransport;
        private int bufferSize = DEFAULT_REORDER_BUFFER_SIZE;
        private Duration period = DEFAULT_PERIOD;
        private WallClock clock = WallClock.system();

        private Builder(int clockRate) {
            if (clockRate < 0) {
                throw new IllegalArgumentException("clock rate must not be negative, got " + clockRate);
            }
            this.clockRate = clockRate;
        }

        /**
         * Sets the SSRC written into receiver reports (default: random).
         *
         * @param localSsrc 0..0xFFFFFFFF
         * @return this builder
         */
        public Builder localSsrc(long localSsrc) {
            if (localSsrc < 0 || localSsrc > 0xFFFFFFFFL) {
                throw new IllegalArgumentException("SSRC must be 0..0xFFFFFFFF, got " + localSsrc);
            }
            this.localSsrc = localSsrc;
            return this;
        }

        /**
         * Whether packets can arrive out of order or twice (UDP): turns the reorder buffer on (default false).
         *
         * @param unreliableTransport true for UDP
         * @return this builder
         */
        public Builder unreliableTransport(boolean unreliableTransport) {
            this.unreliableTransport = unreliableTransport;
            return this;
        }

        /**
         * Sets the size of the reorder buffer (default {@value #DEFAULT_REORDER_BUFFER_SIZE}).
         *
         * @param bufferSize a power of two, 1..16384
         * @return this builder
         */
        public Builder reorderBufferSize(int bufferSize) {
            if (bufferSize < 1 || bufferSize > 16384 || Integer.bitCount(bufferSize) != 1) {
                throw new IllegalArgumentException("reorder buffer size must be a power of two in 1..16384, got "
                        + bufferSize);
            }
            this.bufferSize = bufferSize;
            return this;
        }

        /**
         * Sets the report period the caller should use (default 10 s).
         *
         * @param period a positive duration
         * @return this builder
         */
        public Builder period(Duration period) {
            if (period.isZero() || period.isNegative()) {
                throw new IllegalArgumentException("invalid period " + period + ", must be positive");
            }
            this.period = period;
            return this;
        }

        /**
         * Sets the wall clock read when reports are built (default: system clock).
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(WallClock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Creates the receiver.
         *
         * @return a new receiver
         */
        public RtcpReceiver build() {
            return new RtcpReceiver(this);
        }
    }
}
