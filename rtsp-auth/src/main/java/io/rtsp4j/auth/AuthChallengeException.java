package io.rtsp4j.auth;

/**
 * A 401 response offered no challenge {@link AuthSender} can answer: none at all, only unparsable ones, or
 * only unsupported schemes and variants ({@code Bearer}, {@code MD5-sess}, {@code qop=auth-int} only, ...).
 * The message lists why each challenge was skipped.
 */
public final class AuthChallengeException extends Exception {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was offered and why nothing could be used
     */
    public AuthChallengeException(String message) {
        super(message);
    }
}
