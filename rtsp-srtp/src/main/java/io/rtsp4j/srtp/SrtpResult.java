package io.rtsp4j.srtp;

/**
 * Outcome of protecting or unprotecting one packet with an {@link SrtpContext}.
 *
 * <p>Every outcome other than {@link #OK} leaves the buffer exactly as it was (content, reader and writer
 * index), so the caller can count the failure and drop, log or forward the packet. None of them is thrown.
 */
public enum SrtpResult {
    /** The packet was protected or unprotected in place. */
    OK,
    /** The packet is shorter than its header (with CSRCs and extension), tag, MKI and SRTCP index need. */
    TOO_SHORT,
    /** The packet is not RTP/RTCP version 2. */
    MALFORMED,
    /** The authentication tag does not match: the packet was forged, corrupted, or uses another key or ROC. */
    AUTH_FAILED,
    /**
     * The packet index was already seen, or is older than the replay window. On the sending side this means
     * the caller protected the same sequence number twice (which would reuse key stream).
     */
    REPLAYED,
    /**
     * The SSRC is not one the context accepts: the context admits only declared SSRCs, or it already tracks
     * as many SSRCs as {@link SrtpOptions#maxSsrcs()} allows.
     */
    UNKNOWN_SSRC,
    /** The packet's MKI differs from the context's (or the packet is too short to carry it). */
    UNKNOWN_MKI,
    /** Protecting needs writable room for the overhead, and the buffer is read-only or cannot grow. */
    BUFFER_NOT_WRITABLE,
    /**
     * The packet index cannot advance: the 32-bit rollover counter or the 31-bit SRTCP index is used up, and
     * the master key must be replaced (RFC 3711 §9.2).
     */
    INDEX_EXHAUSTED;

    /**
     * Whether the operation succeeded.
     *
     * @return true for {@link #OK}
     */
    public boolean isOk() {
        return this == OK;
    }
}
