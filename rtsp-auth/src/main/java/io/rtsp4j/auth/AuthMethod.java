package io.rtsp4j.auth;

/**
 * An authentication method a server can accept and offer: Basic or Digest with one hash algorithm.
 *
 * <p>Digest SHA-256 is never enabled by default: FFmpeg (up to at least 5.1) implements only MD5 and gives up
 * when the Digest challenge it keeps (the last one) asks for SHA-256; see {@link AuthVerifier.Builder#methods}.
 */
public enum AuthMethod {

    /** Basic (RFC 7617): user and password in base64; use it only over TLS or trusted networks. */
    BASIC(null, null),

    /** Digest with MD5 (RFC 2617; {@code algorithm=MD5} or no algorithm parameter). */
    DIGEST_MD5("MD5", "MD5"),

    /** Digest with SHA-256 (RFC 7616; {@code algorithm=SHA-256}). */
    DIGEST_SHA256("SHA-256", "SHA-256");

    private final String algorithmToken;
    private final String jcaName;

    AuthMethod(String algorithmToken, String jcaName) {
        this.algorithmToken = algorithmToken;
        this.jcaName = jcaName;
    }

    /**
     * Whether this is a Digest method.
     *
     * @return false for {@link #BASIC}
     */
    public boolean isDigest() {
        return algorithmToken != null;
    }

    /**
     * The Digest {@code algorithm} parameter value.
     *
     * @return {@code "MD5"} or {@code "SHA-256"}
     * @throws UnsupportedOperationException for {@link #BASIC}
     */
    public String algorithm() {
        if (algorithmToken == null) {
            throw new UnsupportedOperationException("Basic has no digest algorithm");
        }
        return algorithmToken;
    }

    /** The JCA {@code MessageDigest} name; null for Basic. */
    String jcaName() {
        return jcaName;
    }

    /**
     * The Digest method of an {@code algorithm} parameter: absent means MD5 (RFC 2617 §3.2.1); tokens are
     * case-insensitive. Returns null for algorithms this module does not implement ({@code MD5-sess}, ...).
     */
    static AuthMethod ofDigestAlgorithm(String algorithm) {
        if (algorithm == null || algorithm.equalsIgnoreCase("MD5")) {
            return DIGEST_MD5;
        }
        if (algorithm.equalsIgnoreCase("SHA-256")) {
            return DIGEST_SHA256;
        }
        return null;
    }
}
