package io.rtsp4j.auth;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of verifying one request's {@code Authorization} header: a {@link Status}, the user name and
 * method when the header carried them, and a {@link #detail()} text for logs (never containing secrets).
 *
 * <p>How a server should answer (what gortsplib does, refined):
 *
 * <pre>{@code
 * AuthResult r = verifier.verify(scope, request, user, pass);
 * if (r.isOk()) {
 *     // serve the request
 * } else if (r.status().challenge()) {
 *     // 401 with verifier.challenges(scope, r.status().stale()); keep the connection
 * } else {
 *     // 401 without challenges, then close the connection: credentials were supplied and are wrong
 * }
 * }</pre>
 */
public final class AuthResult {

    /** Why a request was accepted or refused. */
    public enum Status {
        /** The credentials are right. */
        OK(false, false),
        /**
         * No {@code Authorization} header, an empty one, or one with an empty user name (clients use that for
         * "none").
         */
        MISSING(true, false),
        /** The header could not be parsed, occurred more than once, or lacks a required Digest field. */
        MALFORMED(true, false),
        /**
         * A method or Digest variant the verifier does not accept: Basic when only Digest is on, SHA-256 when it
         * is not enabled, {@code MD5-sess}, {@code qop=auth-int}, an unknown scheme.
         */
        METHOD_NOT_ALLOWED(true, false),
        /** Unknown user, wrong password, wrong realm or wrong opaque. */
        WRONG_CREDENTIALS(false, false),
        /**
         * The Digest response is right for its {@code uri}, but that {@code uri} is not the request URL nor
         * one of the forms real clients use for it (see the module README).
         */
        URI_MISMATCH(false, false),
        /**
         * The Digest response is right, but its nonce expired or was issued to another connection (or is not
         * ours at all): challenge again with {@code stale=true} so the client retries without asking the user.
         */
        STALE_NONCE(true, true),
        /** The Digest nonce count ({@code nc}) is not above the last one accepted for that nonce: a replay. */
        REPLAYED_NONCE_COUNT(false, false);

        private final boolean challenge;
        private final boolean stale;

        Status(boolean challenge, boolean stale) {
            this.challenge = challenge;
            this.stale = stale;
        }

        /**
         * Whether the server should answer 401 with fresh challenges and keep the connection (no usable
         * credentials, or the client only needs a new nonce). False for {@link #OK} and for refused
         * credentials, which gortsplib answers with a bare 401 and a closed connection.
         *
         * @return true for MISSING, MALFORMED, METHOD_NOT_ALLOWED and STALE_NONCE
         */
        public boolean challenge() {
            return challenge;
        }

        /**
         * Whether the challenges must carry {@code stale=true}.
         *
         * @return true for STALE_NONCE only
         */
        public boolean stale() {
            return stale;
        }
    }

    private static final AuthResult MISSING = new AuthResult(Status.MISSING, null, null, "no credentials");

    private final Status status;
    private final String username;
    private final AuthMethod method;
    private final String detail;

    private AuthResult(Status status, String username, AuthMethod method, String detail) {
        this.status = status;
        this.username = username;
        this.method = method;
        this.detail = detail;
    }

    static AuthResult missing() {
        return MISSING;
    }

    static AuthResult of(Status status, String username, AuthMethod method, String detail) {
        return new AuthResult(Objects.requireNonNull(status), username, method, Objects.requireNonNull(detail));
    }

    /**
     * The outcome.
     *
     * @return the status
     */
    public Status status() {
        return status;
    }

    /**
     * Whether the request is authenticated.
     *
     * @return {@code status() == OK}
     */
    public boolean isOk() {
        return status == Status.OK;
    }

    /**
     * The user name the client sent (authenticated only when {@link #isOk()}).
     *
     * @return the user name, or empty when the header did not carry one
     */
    public Optional<String> username() {
        return Optional.ofNullable(username);
    }

    /**
     * The method the client used.
     *
     * @return the method, or empty when it could not be determined or is not one of {@link AuthMethod}
     */
    public Optional<AuthMethod> method() {
        return Optional.ofNullable(method);
    }

    /**
     * Why, in words, for logs; names no password, hash or nonce.
     *
     * @return e.g. {@code "digest uri 'rtsp://h/other' does not match request URL 'rtsp://h/path'"}
     */
    public String detail() {
        return detail;
    }

    /**
     * Status, user, method and detail.
     *
     * @return e.g. {@code AuthResult(WRONG_CREDENTIALS, user=admin, DIGEST_MD5: wrong response)}
     */
    @Override
    public String toString() {
        return "AuthResult(" + status + (username != null ? ", user=" + username : "")
                + (method != null ? ", " + method : "") + ": " + detail + ")";
    }
}
