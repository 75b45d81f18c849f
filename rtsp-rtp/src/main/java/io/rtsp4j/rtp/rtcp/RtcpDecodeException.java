package io.rtsp4j.rtp.rtcp;

/**
 * An RTCP packet is malformed. The message names what is wrong and where.
 *
 * <p>The exception carries no stack trace: it reports bad input and must be cheap to create.
 */
public final class RtcpDecodeException extends Exception {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong and where
     */
    public RtcpDecodeException(String message) {
        super(message, null, false, false);
    }
}
