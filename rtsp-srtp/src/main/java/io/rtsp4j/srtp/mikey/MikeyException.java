package io.rtsp4j.srtp.mikey;

/**
 * A MIKEY message is malformed, uses a feature this implementation does not support, or fails validation.
 * The message names the field and, for decoding errors, the byte offset.
 */
public final class MikeyException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Byte offset of a decoding error, or -1. */
    private final int offset;

    /**
     * An error not tied to a byte position (validation, conversion).
     *
     * @param message what is wrong
     */
    public MikeyException(String message) {
        super(message);
        this.offset = -1;
    }

    /**
     * A decoding error at a byte position.
     *
     * @param message what is wrong
     * @param offset the offset in the message where the problem was found
     */
    public MikeyException(String message, int offset) {
        super(message + " (at offset " + offset + ")");
        this.offset = offset;
    }

    /**
     * An error caused by another exception (for example invalid base64).
     *
     * @param message what is wrong
     * @param cause the underlying exception
     */
    public MikeyException(String message, Throwable cause) {
        super(message, cause);
        this.offset = -1;
    }

    /**
     * Where in the message decoding failed.
     *
     * @return the byte offset, or -1 when the error is not a decoding error
     */
    public int offset() {
        return offset;
    }
}
