package io.rtsp4j.base;

/**
 * An RTSP URL cannot be parsed, or cannot be used the way a request needs it (for example a SETUP URL
 * without a recognisable track). The message says why, in the words gortsplib uses where it has some
 * (e.g. {@code unsupported scheme 'http'}).
 */
public final class RtspUrlException extends Exception {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong
     */
    public RtspUrlException(String message) {
        super(message);
    }
}
