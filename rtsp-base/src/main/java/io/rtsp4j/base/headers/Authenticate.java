package io.rtsp4j.base.headers;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A {@code WWW-Authenticate} challenge (RFC 2326 §12.44, RFC 7617, RFC 7616): the authentication method and
 * its parameters.
 *
 * <pre>{@code
 * String value = Authenticate.digest("ipcam", nonce).toBuilder().algorithm("MD5").build().format();
 * // Digest realm="ipcam", nonce="...", algorithm="MD5"
 * }</pre>
 *
 * <p>A server sends one header line per offered method; parse each value separately. Required: {@code realm}
 * for both methods, {@code nonce} for Digest. Unknown parameters are ignored. The canonical form quotes every
 * value and orders them realm, nonce, opaque, stale, algorithm, qop.
 */
public final class Authenticate {

    private static final String NAME = "WWW-Authenticate";

    private final AuthMethod method;
    private final String realm;
    private final String nonce;
    private final String opaque;
    private final String stale;
    private final String algorithm;
    private final String qop;

    private Authenticate(Builder b) {
        this.method = b.method;
        this.realm = b.realm;
        this.nonce = b.nonce;
        this.opaque = b.opaque;
        this.stale = b.stale;
        this.algorithm = b.algorithm;
        this.qop = b.qop;
    }

    /**
     * A Basic challenge.
     *
     * @param realm the realm
     * @return {@code Basic realm="<realm>"}
     */
    public static Authenticate basic(String realm) {
        return builder(AuthMethod.BASIC).realm(realm).build();
    }

    /**
     * A Digest challenge without optional parameters.
     *
     * @param realm the realm
     * @param nonce the server nonce
     * @return {@code Digest realm="<realm>", nonce="<nonce>"}
     */
    public static Authenticate digest(String realm, String nonce) {
        return builder(AuthMethod.DIGEST).realm(realm).nonce(nonce).build();
    }

    /**
     * Starts a challenge.
     *
     * @param method the method
     * @return an empty builder
     */
    public static Builder builder(AuthMethod method) {
        return new Builder(method);
    }

    /**
     * A builder initialised with this challenge.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder b = new Builder(method);
        b.realm = realm;
        b.nonce = nonce;
        b.opaque = opaque;
        b.stale = stale;
        b.algorithm = algorithm;
        b.qop = qop;
        return b;
    }

    /**
     * Parses the only value of the header.
     *
     * @param values every value of the header ({@code RtspHeaders.getAll})
     * @return the challenge
     * @throws HeaderParseException if there is not exactly one value or it is malformed
     */
    public static Authenticate parse(List<String> values) throws HeaderParseException {
        return parse(HeaderValues.single(NAME, values));
    }

    /**
     * Parses one challenge.
     *
     * @param value e.g. {@code Digest realm="cam", nonce="8b84a3b7", stale=FALSE}
     * @return the challenge
     * @throws HeaderParseException if the method is unknown, a required parameter is missing or the
     *     parameter list is malformed
     */
    public static Authenticate parse(String value) throws HeaderParseException {
        String v = value.strip();
        int sp = indexOfSpace(v);
        String methodToken = sp < 0 ? v : v.substring(0, sp);
        Builder b = new Builder(AuthMethod.fromToken(NAME, methodToken));
        Map<String, String> params = AuthParams.parse(NAME, sp < 0 ? "" : v.substring(sp + 1));
        for (Map.Entry<String, String> e : params.entrySet()) {
            switch (e.getKey().toLowerCase(Locale.ROOT)) {
                case "realm":
                    b.realm = e.getValue();
                    break;
                case "nonce":
                    b.nonce = e.getValue();
                    break;
                case "opaque":
                    b.opaque = e.getValue();
                    break;
                case "stale":
                    b.stale = e.getValue();
                    break;
                case "algorithm":
                    b.algorithm = e.getValue();
                    break;
                case "qop":
                    b.qop = e.getValue();
                    break;
                default:
                    break; // domain, charset, userhash...: not used by RTSP peers
            }
        }
        if (b.realm == null) {
            throw new HeaderParseException(NAME, "realm is missing");
        }
        if (b.method == AuthMethod.DIGEST && b.nonce == null) {
            throw new HeaderParseException(NAME, "nonce is missing");
        }
        return b.build();
    }

    static int indexOfSpace(String v) {
        for (int i = 0; i < v.length(); i++) {
            if (HeaderValues.isSpace(v.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The canonical header value.
     *
     * @return e.g. {@code Digest realm="cam", nonce="8b84a3b7", stale="FALSE"}
     */
    public String format() {
        StringBuilder sb = new StringBuilder(64).append(method.token()).append(' ');
        int start = sb.length();
        param(sb, start, "realm", realm);
        param(sb, start, "nonce", nonce);
        param(sb, start, "opaque", opaque);
        param(sb, start, "stale", stale);
        param(sb, start, "algorithm", algorithm);
        param(sb, start, "qop", qop);
        return sb.toString();
    }

    static void param(StringBuilder sb, int start, String key, String value) {
        if (value == null) {
            return;
        }
        if (sb.length() > start) {
            sb.append(", ");
        }
        sb.append(key).append('=');
        AuthParams.appendQuoted(sb, value);
    }

    /**
     * The method.
     *
     * @return Basic or Digest
     */
    public AuthMethod method() {
        return method;
    }

    /**
     * The realm.
     *
     * @return the realm, or {@code null} for a challenge built without one
     */
    public String realm() {
        return realm;
    }

    /**
     * The Digest nonce.
     *
     * @return the nonce, or {@code null}
     */
    public String nonce() {
        return nonce;
    }

    /**
     * The Digest opaque value, which the client must echo.
     *
     * @return the opaque value, or {@code null}
     */
    public String opaque() {
        return opaque;
    }

    /**
     * The {@code stale} parameter as sent (e.g. {@code "FALSE"}).
     *
     * @return the raw value, or {@code null}
     */
    public String stale() {
        return stale;
    }

    /**
     * Whether {@code stale} says true (case-insensitive): the nonce expired but the credentials were right.
     *
     * @return true when {@code stale=true}
     */
    public boolean isStale() {
        return "true".equalsIgnoreCase(stale);
    }

    /**
     * The Digest algorithm as sent, e.g. {@code "MD5"} or {@code "SHA-256"}.
     *
     * @return the algorithm, or {@code null} (which means MD5)
     */
    public String algorithm() {
        return algorithm;
    }

    /**
     * The Digest qop options as sent, e.g. {@code "auth"}.
     *
     * @return the qop value, or {@code null}
     */
    public String qop() {
        return qop;
    }

    /**
     * Challenges are equal when all their fields are equal.
     *
     * @param o the other object
     * @return whether equal
     */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Authenticate)) {
            return false;
        }
        Authenticate a = (Authenticate) o;
        return method == a.method && Objects.equals(realm, a.realm) && Objects.equals(nonce, a.nonce)
                && Objects.equals(opaque, a.opaque) && Objects.equals(stale, a.stale)
                && Objects.equals(algorithm, a.algorithm) && Objects.equals(qop, a.qop);
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, realm, nonce, opaque, stale, algorithm, qop);
    }

    /**
     * Same as {@link #format()}.
     *
     * @return the canonical header value
     */
    @Override
    public String toString() {
        return format();
    }

    /** Builds {@link Authenticate} values. Absent parameters are {@code null}. */
    public static final class Builder {

        private final AuthMethod method;
        private String realm;
        private String nonce;
        private String opaque;
        private String stale;
        private String algorithm;
        private String qop;

        private Builder(AuthMethod method) {
            this.method = Objects.requireNonNull(method, "method");
        }

        /**
         * Sets the realm.
         *
         * @param realm the realm, or {@code null}
         * @return this
         */
        public Builder realm(String realm) {
            this.realm = realm;
            return this;
        }

        /**
         * Sets the nonce.
         *
         * @param nonce the nonce, or {@code null}
         * @return this
         */
        public Builder nonce(String nonce) {
            this.nonce = nonce;
            return this;
        }

        /**
         * Sets the opaque value.
         *
         * @param opaque the opaque value, or {@code null}
         * @return this
         */
        public Builder opaque(String opaque) {
            this.opaque = opaque;
            return this;
        }

        /**
         * Sets the stale flag text.
         *
         * @param stale e.g. {@code "TRUE"}, or {@code null}
         * @return this
         */
        public Builder stale(String stale) {
            this.stale = stale;
            return this;
        }

        /**
         * Sets the algorithm.
         *
         * @param algorithm e.g. {@code "MD5"} or {@code "SHA-256"}, or {@code null}
         * @return this
         */
        public Builder algorithm(String algorithm) {
            this.algorithm = algorithm;
            return this;
        }

        /**
         * Sets the qop options.
         *
         * @param qop e.g. {@code "auth"}, or {@code null}
         * @return this
         */
        public Builder qop(String qop) {
            this.qop = qop;
            return this;
        }

        /**
         * Builds the challenge.
         *
         * @return the value
         */
        public Authenticate build() {
            return new Authenticate(this);
        }
    }
}
