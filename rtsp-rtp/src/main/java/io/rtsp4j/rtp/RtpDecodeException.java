package io.rtsp4j.rtp;

/**
 * An RTP packet (or a header field of it) is malformed. The message names what is wrong and where.
 *
 * <p>The exception carries no stack trace: it reports bad input, which a relay may see for every datagram of a
 * broken sender, so it must be cheap to create.
 */
public final class RtpDecodeException extends Exception {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong and where
     */
    public RtpDecodeException(String message) {
        super(message, null, false, false);
    }
}
