package io.rtsp4j.base.codec;

/** A header line is not {@code name ":" value} with a valid name and value (RFC 2326 §4.2). */
public final class MalformedHeaderException extends RtspDecodeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong with the line
     */
    public MalformedHeaderException(String message) {
        super(message);
    }
}
