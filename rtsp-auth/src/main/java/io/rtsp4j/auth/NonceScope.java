package io.rtsp4j.auth;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The authentication state of one client connection (or of one RTSP-over-HTTP tunnel, whose two TCP
 * connections are one client): the identity its nonces are bound to and the Digest nonce counts already
 * accepted. The server keeps one per connection and passes it to every {@link AuthVerifier} call for that
 * connection; it holds no secrets. Thread-safe.
 *
 * <p>Two kinds:
 *
 * <ul>
 *   <li>{@link AuthVerifier#newScope()}: every challenge carries a fresh nonce that encodes its expiry and is
 *       authenticated (HMAC-SHA-256 with the verifier's secret) together with this scope's random id, so it
 *       is only valid on this connection and only until it expires.</li>
 *   <li>{@link #fixed(String)}: one given nonce for the life of the connection that never expires, as
 *       gortsplib does; for tests, test vectors and the rare peer that needs it.</li>
 * </ul>
 */
public final class NonceScope {

    /** How many nonces' counts are remembered; a client normally uses one or two per connection. */
    static final int TRACKED_NONCES = 16;

    private final byte[] id;
    private final String fixedNonce;
    private final Map<String, Long> lastNonceCount = new LinkedHashMap<>(4, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > TRACKED_NONCES;
        }
    };

    private NonceScope(byte[] id, String fixedNonce) {
        this.id = id;
        this.fixedNonce = fixedNonce;
    }

    static NonceScope withId(byte[] id) {
        return new NonceScope(id.clone(), null);
    }

    /**
     * A scope that always uses the same nonce and never lets it expire.
     *
     * @param nonce the nonce; must be non-empty printable ASCII without {@code "} and {@code \}
     * @return the scope
     * @throws IllegalArgumentException if the nonce is empty or has a forbidden character
     */
    public static NonceScope fixed(String nonce) {
        Objects.requireNonNull(nonce, "nonce");
        if (nonce.isEmpty()) {
            throw new IllegalArgumentException("empty nonce");
        }
        for (int i = 0; i < nonce.length(); i++) {
            char c = nonce.charAt(i);
            if (c < 0x21 || c > 0x7e || c == '"' || c == '\\') {
                throw new IllegalArgumentException("nonce character at index " + i + " is not allowed");
            }
        }
        return new NonceScope(null, nonce);
    }

    /**
     * Whether this scope uses one fixed nonce.
     *
     * @return true when created with {@link #fixed(String)}
     */
    public boolean isFixed() {
        return fixedNonce != null;
    }

    /** The random id nonces are bound to; null for a fixed scope. Not copied: callers only read it. */
    byte[] id() {
        return id;
    }

    /** The fixed nonce, or null. */
    String fixedNonce() {
        return fixedNonce;
    }

    /**
     * Records a nonce count if it is above the last one accepted for the nonce (RFC 7616 §3.4: a repeated or
     * lower count is a replay). Counts of nonces no longer tracked start over, which only matters after more
     * than {@link #TRACKED_NONCES} challenges on one connection.
     */
    synchronized boolean acceptNonceCount(String nonce, long nc) {
        Long last = lastNonceCount.get(nonce);
        if (last != null && nc <= last) {
            return false;
        }
        lastNonceCount.put(nonce, nc);
        return true;
    }

    /**
     * The kind of scope only (its id is not printed).
     *
     * @return {@code NonceScope(fixed)} or {@code NonceScope(generated)}
     */
    @Override
    public String toString() {
        return fixedNonce != null ? "NonceScope(fixed)" : "NonceScope(generated)";
    }
}
