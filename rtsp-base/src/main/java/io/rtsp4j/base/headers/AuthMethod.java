package io.rtsp4j.base.headers;

/** An HTTP authentication scheme usable with RTSP. */
public enum AuthMethod {

    /** {@code Basic} (RFC 7617): user and password in base64. */
    BASIC("Basic"),

    /** {@code Digest} (RFC 7616, and the RFC 2069 form without qop that RTSP clients use). */
    DIGEST("Digest");

    private final String token;

    AuthMethod(String token) {
        this.token = token;
    }

    /**
     * The scheme name as written in headers.
     *
     * @return {@code "Basic"} or {@code "Digest"}
     */
    public String token() {
        return token;
    }

    /** Splits {@code "<scheme> <rest>"} and resolves the scheme case-insensitively. */
    static AuthMethod fromToken(String headerName, String token) throws HeaderParseException {
        for (AuthMethod m : values()) {
            if (m.token.equalsIgnoreCase(token)) {
                return m;
            }
        }
        throw new HeaderParseException(headerName, "unsupported authentication method '"
                + HeaderValues.excerpt(token) + "'");
    }
}
