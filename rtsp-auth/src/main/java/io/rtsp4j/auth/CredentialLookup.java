package io.rtsp4j.auth;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Finds the stored credential of a user, possibly asynchronously (a database, an HTTP identity service).
 *
 * <p>{@link AuthVerifier#verify(NonceScope, io.rtsp4j.base.RtspRequest, CredentialLookup)} calls it once per
 * request that carries well-formed credentials of an accepted method, with the user name the client sent. It
 * may complete on any thread. An empty result means "no such user" and the request is refused like a wrong
 * password; an exceptional completion is passed on to the caller of {@code verify} (map it to a 500 or 503).
 */
@FunctionalInterface
public interface CredentialLookup {

    /**
     * Looks a user up.
     *
     * @param username the user name as sent by the client (never empty)
     * @return the stored credential, or empty when the user is unknown
     */
    CompletionStage<Optional<StoredCredential>> lookup(String username);

    /**
     * A fixed in-memory table.
     *
     * @param credentials user name to credential; copied
     * @return a lookup that completes immediately
     */
    static CredentialLookup of(Map<String, StoredCredential> credentials) {
        Map<String, StoredCredential> copy = Map.copyOf(credentials);
        return username -> CompletableFuture.completedFuture(Optional.ofNullable(copy.get(username)));
    }

    /**
     * One user with a plain password.
     *
     * @param username the user name
     * @param password the password
     * @return a lookup that completes immediately
     */
    static CredentialLookup single(String username, String password) {
        Objects.requireNonNull(username, "username");
        StoredCredential stored = StoredCredential.password(password);
        return user -> CompletableFuture.completedFuture(
                Digests.constantTimeEquals(user, username) ? Optional.of(stored) : Optional.empty());
    }
}
