package io.rtsp4j.base.codec;

/**
 * The {@code Content-Length} header is not a decimal number, or it occurs several times with different
 * values. The end of the body is then unknown, so the failure always has
 * {@link RtspDecodeFailure#framingLost()} set.
 */
public final class BadContentLengthException extends RtspDecodeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message the offending value
     */
    public BadContentLengthException(String message) {
        super(message);
    }
}
