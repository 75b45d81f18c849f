package io.rtsp4j.server;

import java.time.Instant;
import java.util.List;

/**
 * Counters of a {@link ServerSession}, readable at any time (also after close).
 *
 * @param inboundBytes media bytes received from the client
 * @param inboundRtpPackets RTP packets received
 * @param inboundRtpPacketsLost RTP packets lost (gaps in sequence numbers)
 * @param inboundRtpPacketsInError RTP packets that could not be decoded
 * @param inboundRtcpPackets RTCP packets received
 * @param inboundRtcpPacketsInError RTCP packets that could not be decoded
 * @param outboundBytes media bytes sent to the client
 * @param outboundRtpPackets RTP packets sent
 * @param outboundRtpPacketsDropped RTP packets dropped because the client was too slow
 * @param outboundRtpPacketsReportedLost RTP packets the client reported lost in its receiver reports
 * @param outboundRtcpPackets RTCP packets sent
 * @param inboundRtpPacketsJitter the mean interarrival jitter of the received formats, in clock units
 * @param medias per set-up media, in setup order
 */
public record SessionStats(
        long inboundBytes,
        long inboundRtpPackets,
        long inboundRtpPacketsLost,
        long inboundRtpPacketsInError,
        long inboundRtcpPackets,
        long inboundRtcpPacketsInError,
        long outboundBytes,
        long outboundRtpPackets,
        long outboundRtpPacketsDropped,
        long outboundRtpPacketsReportedLost,
        long outboundRtcpPackets,
        double inboundRtpPacketsJitter,
        List<MediaStats> medias) {

    /**
     * Counters of one set-up media.
     *
     * @param index the media's position in its description
     * @param inboundBytes bytes received
     * @param inboundRtpPackets RTP packets received
     * @param inboundRtcpPackets RTCP packets received
     * @param outboundBytes bytes sent
     * @param outboundRtpPackets RTP packets sent
     * @param outboundRtcpPackets RTCP packets sent
     * @param formats per format
     */
    public record MediaStats(int index, long inboundBytes, long inboundRtpPackets, long inboundRtcpPackets,
            long outboundBytes, long outboundRtpPackets, long outboundRtcpPackets, List<FormatStats> formats) {
    }

    /**
     * Counters of one format of a set-up media.
     *
     * @param payloadType the payload type
     * @param localSsrc the SSRC the server sends this format with (readers: the stream's) or reports with
     *     (publishers)
     * @param remoteSsrc the client's SSRC, or -1 when nothing was received
     * @param packetsReceived RTP packets received (in order; duplicates and late packets excluded)
     * @param packetsLost RTP packets lost
     * @param jitter the interarrival jitter, in clock units
     * @param lastSequenceNumber the last sequence number received
     * @param lastRtpTimestamp the RTP timestamp of the last random-access packet received, -1 if none
     * @param lastNtp the absolute time of that packet from the publisher's sender reports, or {@code null}
     * @param outboundLastSequenceNumber the sequence number of the last packet sent for this format, -1 if none
     *     (for a stream's readers: the last one written to the stream)
     * @param outboundLastRtpTimestamp the RTP timestamp of the last random-access packet sent, -1 if none
     * @param outboundLastNtp the absolute time of that packet, or {@code null}
     */
    public record FormatStats(int payloadType, long localSsrc, long remoteSsrc, long packetsReceived,
            long packetsLost, double jitter, int lastSequenceNumber, long lastRtpTimestamp, Instant lastNtp,
            int outboundLastSequenceNumber, long outboundLastRtpTimestamp, Instant outboundLastNtp) {
    }
}
