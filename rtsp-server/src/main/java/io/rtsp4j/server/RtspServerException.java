package io.rtsp4j.server;

/**
 * Why the server closed a connection or a session, or refused a request: the message says what happened
 * ({@code "torn down by /127.0.0.1:5000"}, {@code "session timed out"}, {@code "terminated"}, ...).
 */
public final class RtspServerException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what happened
     */
    public RtspServerException(String message) {
        super(message, null, false, false);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what happened
     * @param cause the underlying failure
     */
    public RtspServerException(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
