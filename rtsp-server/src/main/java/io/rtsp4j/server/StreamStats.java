package io.rtsp4j.server;

import java.util.List;

/**
 * Counters of a {@link ServerStream}. Packets are counted once per reader they were sent to (a multicast group
 * counts as one reader).
 *
 * @param outboundBytes bytes sent to readers
 * @param outboundRtpPackets RTP packets sent to readers
 * @param outboundRtcpPackets RTCP packets sent to readers
 * @param medias per media, in description order
 */
public record StreamStats(long outboundBytes, long outboundRtpPackets, long outboundRtcpPackets,
        List<MediaStats> medias) {

    /**
     * Counters of one media of a stream.
     *
     * @param outboundBytes bytes sent to readers
     * @param outboundRtpPackets RTP packets sent to readers
     * @param outboundRtcpPackets RTCP packets sent to readers
     * @param droppedPackets packets dropped because a reader's queue was full
     * @param formats per format
     */
    public record MediaStats(long outboundBytes, long outboundRtpPackets, long outboundRtcpPackets,
            long droppedPackets, List<FormatStats> formats) {
    }

    /**
     * Counters of one format of a stream media.
     *
     * @param payloadType the RTP payload type
     * @param localSsrc the SSRC the stream sends this format with
     * @param rtpPacketsWritten packets written to the stream (before fan-out)
     */
    public record FormatStats(int payloadType, long localSsrc, long rtpPacketsWritten) {
    }
}
