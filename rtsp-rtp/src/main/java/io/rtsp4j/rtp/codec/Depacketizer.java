package io.rtsp4j.rtp.codec;

import io.rtsp4j.rtp.RtpPacket;

/**
 * Reassembles media units from RTP packets of one stream, in sequence order (reorder UDP streams first, e.g. with
 * {@link io.rtsp4j.rtp.report.RtcpReceiver}).
 *
 * <p>Every depacketizer bounds the memory it holds (unit size, number of parts) and discards a partial unit on
 * the first inconsistency, so malformed or endless input cannot make it grow without limit. A fragment that
 * arrives before any starting fragment (normal when joining a running stream) is dropped silently. Not
 * thread-safe.
 *
 * @param <T> the media unit type (e.g. a list of NAL units for H.264)
 */
public interface Depacketizer<T> {

    /**
     * Consumes one packet. Does not retain or release the packet; the returned unit is a copy independent of it.
     *
     * @param packet the next packet of the stream
     * @return a completed unit, or null when more packets are needed
     * @throws RtpCodecException if the packet is malformed, a packet was lost, a limit is exceeded or a feature
     *         is not supported; the partial unit is discarded
     */
    T depacketize(RtpPacket packet) throws RtpCodecException;

    /** Discards any partial unit, e.g. after a stream restart. */
    void reset();
}
