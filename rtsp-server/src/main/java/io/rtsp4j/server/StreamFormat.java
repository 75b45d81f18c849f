package io.rtsp4j.server;

import io.rtsp4j.rtp.report.RtcpSender;
import io.rtsp4j.rtp.rtcp.SenderReport;
import io.rtsp4j.sdp.format.MediaFormat;

/**
 * One format of a stream media: its local SSRC, its sender-report state and what RTP-Info needs. Written by the
 * stream's writer thread, read by report timers and PLAY: guarded by its own monitor.
 */
final class StreamFormat {

    final int payloadType;
    final int clockRate;
    final long localSsrc;
    final RandomAccessDetector detector;
    private final RtcpSender sender;
    private boolean sentAny;
    private int lastSequenceNumber;
    private long lastRtpTime;
    private long lastNtpNanos;
    private long lastSystemNanos;
    volatile long written;

    StreamFormat(MediaFormat format, long localSsrc, RtspServer server) {
        this.payloadType = format.payloadType();
        this.clockRate = format.clockRate();
        this.localSsrc = localSsrc;
        this.detector = RandomAccessDetector.forCodec(format.codec());
        this.sender = new RtcpSender(clockRate, server.config().senderReportPeriod(), server.wallClock());
    }

    synchronized void onWritten(int seq, long rtpTime, int payloadSize, long ntpNanos, boolean randomAccess) {
        sender.onPacketSent(seq, rtpTime, localSsrc, payloadSize, ntpNanos, randomAccess);
        written++;
        lastSequenceNumber = seq;
        if (randomAccess || !sentAny) {
            lastRtpTime = rtpTime;
            lastNtpNanos = ntpNanos;
            lastSystemNanos = System.nanoTime();
        }
        sentAny = true;
    }

    synchronized SenderReport buildReport() {
        return sender.buildReport();
    }

    /**
     * The {@code seq;rtptime} part of an RTP-Info entry, or {@code null} before the first packet. The RTP time is
     * extrapolated to now and backed off by 100 ms so that a reader never sees a DTS ahead of the next PTS.
     */
    synchronized String rtpInfoParams() {
        if (!sentAny || clockRate == 0) {
            return null;
        }
        long elapsed = System.nanoTime() - lastSystemNanos;
        long ts = lastRtpTime + (elapsed * clockRate / 1_000_000_000L) - clockRate / 10;
        return "seq=" + ((lastSequenceNumber + 1) & 0xffff) + ";rtptime=" + (ts & 0xffffffffL);
    }

    synchronized RtcpSender.Stats senderStats() {
        return sender.stats();
    }

    synchronized void onReceptionReport(io.rtsp4j.rtp.rtcp.ReceptionReport report) {
        sender.onReceptionReport(report);
    }
}
