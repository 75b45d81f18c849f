package io.rtsp4j.rtp.codec;

import io.rtsp4j.rtp.RtpPacket;
import java.util.List;

/**
 * Splits media units into RTP packets whose payload is at most {@link PacketizerConfig#maxPayloadSize()} bytes.
 *
 * <p>A packetizer owns the sequence numbering of its stream: every packet gets the next sequence number. The
 * returned packets own their payloads (fresh heap buffers); the caller releases them (or hands them on).
 * Packetizers are not thread-safe.
 *
 * @param <T> the media unit type (e.g. a list of NAL units for H.264)
 */
public interface Packetizer<T> {

    /**
     * Packetizes one media unit.
     *
     * @param unit the unit; not modified and not retained
     * @param timestamp the RTP timestamp of the unit (its first sample); only the low 32 bits are used
     * @return the packets, at least one
     * @throws IllegalArgumentException if the unit is empty or cannot be represented in this format
     */
    List<RtpPacket> packetize(T unit, long timestamp);

    /**
     * The SSRC written into the packets.
     *
     * @return 0..0xFFFFFFFF
     */
    long ssrc();

    /**
     * The payload type written into the packets.
     *
     * @return 0..127
     */
    int payloadType();

    /**
     * The sequence number the next packet will get.
     *
     * @return 0..65535
     */
    int nextSequenceNumber();
}
