package io.rtsp4j.server;

import io.rtsp4j.auth.AuthResult;
import io.rtsp4j.auth.AuthVerifier;
import io.rtsp4j.auth.NonceScope;
import io.rtsp4j.base.RtspRequest;
import java.util.List;

/**
 * The authentication state of one connection: its nonce scope (nonces are bound to the connection and expire)
 * and what the last {@link ServerConnection#verifyCredentials} found, so that a handler's
 * {@link Reply#authenticationFailed()} can be turned into the right answer.
 */
final class ConnectionAuth {

    /** Why the last verification failed. */
    enum Failure {
        /** No usable credentials: challenge and keep the connection. */
        CHALLENGE,
        /** A stale nonce: challenge with {@code stale=true}. */
        STALE,
        /** Wrong credentials: refuse and close. */
        WRONG_CREDENTIALS
    }

    private final AuthVerifier verifier;
    private volatile NonceScope scope;
    private volatile Failure lastFailure = Failure.CHALLENGE;

    ConnectionAuth(RtspServer server) {
        this.verifier = server.authVerifier();
    }

    boolean verify(RtspRequest request, String user, String password) {
        AuthResult result = verifier.verify(scope(), request, user, password);
        if (result.isOk()) {
            return true;
        }
        AuthResult.Status status = result.status();
        lastFailure = status.stale() ? Failure.STALE : status.challenge() ? Failure.CHALLENGE : Failure.WRONG_CREDENTIALS;
        return false;
    }

    Failure lastFailure() {
        return lastFailure;
    }

    List<String> challenges(boolean stale) {
        return verifier.challenges(scope(), stale);
    }

    private NonceScope scope() {
        NonceScope s = scope;
        if (s == null) {
            synchronized (this) {
                if (scope == null) {
                    scope = verifier.newScope();
                }
                s = scope;
            }
        }
        return s;
    }
}
