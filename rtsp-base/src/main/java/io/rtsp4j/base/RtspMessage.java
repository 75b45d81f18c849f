package io.rtsp4j.base;

/**
 * What requests and responses have in common: a protocol version, headers and a body.
 *
 * <p>Both implementations are immutable. The decoder emits them, the encoder writes them.
 */
public sealed interface RtspMessage permits RtspRequest, RtspResponse {

    /**
     * The protocol version of the message.
     *
     * @return the version, {@link RtspVersion#RTSP_1_0} unless set otherwise
     */
    RtspVersion version();

    /**
     * The headers of the message.
     *
     * @return a read-only view ({@link RtspHeaders#isReadOnly()} is true); use {@link RtspHeaders#copy()} to
     *     get a mutable copy
     */
    RtspHeaders headers();

    /**
     * A copy of the body.
     *
     * @return the body bytes, an empty array when there is none (never null)
     */
    byte[] body();

    /**
     * The length of the body, without copying it.
     *
     * @return the number of body bytes
     */
    int bodyLength();

    /**
     * The first {@code CSeq} header value, which a response must echo.
     *
     * @return the value, or {@code null} when absent
     */
    default String cseq() {
        return headers().get(RtspHeaderNames.CSEQ);
    }
}
