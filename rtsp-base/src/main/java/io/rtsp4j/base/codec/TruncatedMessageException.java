package io.rtsp4j.base.codec;

/** The connection ended in the middle of a message. */
public final class TruncatedMessageException extends RtspDecodeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was being read
     */
    public TruncatedMessageException(String message) {
        super(message);
    }
}
