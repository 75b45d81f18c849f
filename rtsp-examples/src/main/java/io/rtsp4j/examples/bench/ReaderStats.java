package io.rtsp4j.examples.bench;

import io.netty.buffer.ByteBuf;
import io.rtsp4j.rtp.RtpDecodeException;
import io.rtsp4j.rtp.RtpHeaders;

/**
 * What one reader received. Fed on the reader's event loop ({@link #onRtp}); read by the {@link ReaderShard} of
 * that loop. No allocation per packet.
 */
final class ReaderStats {

    private final ReaderShard shard;
    private final int runId;
    private final long epochNanos;
    final SequenceTracker tracker;
    long rtpPackets;
    long rtcpPackets;
    long foreign;
    long invalid;

    ReaderStats(ReaderShard shard, int runId, long epochNanos, long windowStart, long windowEnd) {
        this.shard = shard;
        this.runId = runId;
        this.epochNanos = epochNanos;
        this.tracker = new SequenceTracker(windowStart, windowEnd);
    }

    /**
     * One RTP packet.
     *
     * @param buf the buffer (does not retain)
     * @param offset absolute index of the packet
     * @param length packet length
     * @param nowNanos {@link System#nanoTime()} at reception
     */
    void onRtp(ByteBuf buf, int offset, int length, long nowNanos) {
        rtpPackets++;
        int header;
        try {
            header = RtpHeaders.validate(buf, offset, length);
        } catch (RtpDecodeException e) {
            invalid++;
            return;
        }
        int payloadLength = length - header;
        if ((buf.getByte(offset) & 0x20) != 0) {
            payloadLength -= buf.getUnsignedByte(offset + length - 1);
        }
        int base = BenchPayload.locate(buf, offset + header, payloadLength, runId);
        if (base < 0) {
            foreign++;
            return;
        }
        long seq = BenchPayload.sequence(buf, base);
        long sent = BenchPayload.sendNanos(buf, base);
        if (seq < 0 || sent < 0) {
            invalid++;
            return;
        }
        if (tracker.onPacket(seq)) {
            shard.recordLatency((nowNanos - epochNanos - sent) / 1000);
        }
    }

    /** One RTP packet that could not be used (e.g. SRTP authentication failed): counted as invalid. */
    void onInvalidRtp() {
        rtpPackets++;
        invalid++;
    }

    /** One RTCP packet (counted only). */
    void onRtcp() {
        rtcpPackets++;
    }
}
