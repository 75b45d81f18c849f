package io.rtsp4j.base.headers;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * An {@code Authorization} header (RFC 2326 §12.5, RFC 7617, RFC 7616): Basic credentials or a Digest
 * response.
 *
 * <ul>
 *   <li>Basic: {@link #username()} and {@link #password()} from {@code base64(user ":" pass)}; the value is
 *       split at the <em>first</em> colon, so passwords may contain colons (RFC 7617 §2).</li>
 *   <li>Digest: {@code username}, {@code realm}, {@code nonce}, {@code uri} and {@code response} are
 *       required (values may be empty); {@code opaque}, {@code algorithm}, {@code qop}, {@code nc} and
 *       {@code cnonce} are optional. Unknown parameters are ignored.</li>
 * </ul>
 *
 * <p>The canonical Digest form quotes every value except {@code qop} and {@code nc} (tokens per RFC 7616)
 * and orders them username, realm, nonce, uri, response, opaque, algorithm, qop, nc, cnonce.
 */
public final class Authorization {

    private static final String NAME = "Authorization";

    private final AuthMethod method;
    private final String username;
    private final String password;
    private final String realm;
    private final String nonce;
    private final String uri;
    private final String response;
    private final String opaque;
    private final String algorithm;
    private final String qop;
    private final String nc;
    private final String cnonce;

    private Authorization(Builder b) {
        this.method = b.method;
        this.username = b.username;
        this.password = b.password;
        this.realm = b.realm;
        this.nonce = b.nonce;
        this.uri = b.uri;
        this.response = b.response;
        this.opaque = b.opaque;
        this.algorithm = b.algorithm;
        this.qop = b.qop;
        this.nc = b.nc;
        this.cnonce = b.cnonce;
    }

    /**
     * Basic credentials.
     *
     * @param username the user (must not contain {@code ':'}, which Basic cannot carry)
     * @param password the password
     * @return the header value object
     * @throws IllegalArgumentException if the user contains {@code ':'}
     */
    public static Authorization basic(String username, String password) {
        if (username.indexOf(':') >= 0) {
            throw new IllegalArgumentException("a Basic user name cannot contain ':'");
        }
        return builder(AuthMethod.BASIC).username(username).password(Objects.requireNonNull(password)).build();
    }

    /**
     * Starts an Authorization value.
     *
     * @param method the method
     * @return an empty builder
     */
    public static Builder builder(AuthMethod method) {
        return new Builder(method);
    }

    /**
     * A builder initialised with this value.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder b = new Builder(method);
        b.username = username;
        b.password = password;
        b.realm = realm;
        b.nonce = nonce;
        b.uri = uri;
        b.response = response;
        b.opaque = opaque;
        b.algorithm = algorithm;
        b.qop = qop;
        b.nc = nc;
        b.cnonce = cnonce;
        return b;
    }

    /**
     * Parses the only value of the header.
     *
     * @param values every value of the header ({@code RtspHeaders.getAll})
     * @return the credentials
     * @throws HeaderParseException if there is not exactly one value or it is malformed
     */
    public static Authorization parse(List<String> values) throws HeaderParseException {
        return parse(HeaderValues.single(NAME, values));
    }

    /**
     * Parses one value.
     *
     * @param value e.g. {@code Basic bXl1c2VyOm15cGFzcw==} or {@code Digest username="u", realm="r", ...}
     * @return the credentials
     * @throws HeaderParseException if the method is unknown, the Basic credentials are not valid base64 of
     *     {@code user:pass}, a required Digest parameter is missing or the parameter list is malformed
     */
    public static Authorization parse(String value) throws HeaderParseException {
        String v = value.strip();
        int sp = Authenticate.indexOfSpace(v);
        String methodToken = sp < 0 ? v : v.substring(0, sp);
        AuthMethod method = AuthMethod.fromToken(NAME, methodToken);
        String rest = sp < 0 ? "" : v.substring(sp + 1).strip();
        return method == AuthMethod.BASIC ? parseBasic(rest) : parseDigest(rest);
    }

    private static Authorization parseBasic(String encoded) throws HeaderParseException {
        if (encoded.isEmpty()) {
            throw new HeaderParseException(NAME, "Basic credentials are missing");
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new HeaderParseException(NAME, "Basic credentials are not valid base64 ('"
                    + HeaderValues.excerpt(encoded) + "')");
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            throw new HeaderParseException(NAME, "Basic credentials lack the ':' between user and password");
        }
        return builder(AuthMethod.BASIC).username(decoded.substring(0, colon))
                .password(decoded.substring(colon + 1)).build();
    }

    private static Authorization parseDigest(String paramList) throws HeaderParseException {
        Builder b = new Builder(AuthMethod.DIGEST);
        for (Map.Entry<String, String> e : AuthParams.parse(NAME, paramList).entrySet()) {
            String val = e.getValue();
            switch (e.getKey().toLowerCase(Locale.ROOT)) {
                case "username":
                    b.username = val;
                    break;
                case "realm":
                    b.realm = val;
                    break;
                case "nonce":
                    b.nonce = val;
                    break;
                case "uri":
                    b.uri = val;
                    break;
                case "response":
                    b.response = val;
                    break;
                case "opaque":
                    b.opaque = val;
                    break;
                case "algorithm":
                    b.algorithm = val;
                    break;
                case "qop":
                    b.qop = val;
                    break;
                case "nc":
                    b.nc = val;
                    break;
                case "cnonce":
                    b.cnonce = val;
                    break;
                default:
                    break;
            }
        }
        require(b.username, "username");
        require(b.realm, "realm");
        require(b.nonce, "nonce");
        require(b.uri, "uri");
        require(b.response, "response");
        return b.build();
    }

    private static void require(String value, String key) throws HeaderParseException {
        if (value == null) {
            throw new HeaderParseException(NAME, key + " is missing");
        }
    }

    /**
     * The canonical header value.
     *
     * @return e.g. {@code Basic bXl1c2VyOm15cGFzcw==} or {@code Digest username="u", realm="r", ...}
     */
    public String format() {
        if (method == AuthMethod.BASIC) {
            String userPass = (username == null ? "" : username) + ":" + (password == null ? "" : password);
            return "Basic " + Base64.getEncoder().encodeToString(userPass.getBytes(StandardCharsets.UTF_8));
        }
        StringBuilder sb = new StringBuilder(160).append("Digest ");
        int start = sb.length();
        Authenticate.param(sb, start, "username", username);
        Authenticate.param(sb, start, "realm", realm);
        Authenticate.param(sb, start, "nonce", nonce);
        Authenticate.param(sb, start, "uri", uri);
        Authenticate.param(sb, start, "response", response);
        Authenticate.param(sb, start, "opaque", opaque);
        Authenticate.param(sb, start, "algorithm", algorithm);
        token(sb, start, "qop", qop);
        token(sb, start, "nc", nc);
        Authenticate.param(sb, start, "cnonce", cnonce);
        return sb.toString();
    }

    private static void token(StringBuilder sb, int start, String key, String value) {
        if (value == null) {
            return;
        }
        if (!isToken(value)) {
            Authenticate.param(sb, start, key, value);
            return;
        }
        if (sb.length() > start) {
            sb.append(", ");
        }
        sb.append(key).append('=').append(value);
    }

    private static boolean isToken(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(Character.isLetterOrDigit(c) && c < 128) && c != '-' && c != '_' && c != '.') {
                return false;
            }
        }
        return true;
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
     * The user name (both methods).
     *
     * @return the user name, or {@code null} when not set
     */
    public String username() {
        return username;
    }

    /**
     * The Basic password.
     *
     * @return the password, or {@code null} for Digest
     */
    public String password() {
        return password;
    }

    /**
     * The Digest realm.
     *
     * @return the realm, or {@code null}
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
     * The Digest {@code uri} (digest-uri), which clients do not always set to the request URL.
     *
     * @return the uri, or {@code null}
     */
    public String uri() {
        return uri;
    }

    /**
     * The Digest response hash (hex).
     *
     * @return the response, or {@code null}
     */
    public String response() {
        return response;
    }

    /**
     * The Digest opaque value echoed from the challenge.
     *
     * @return the opaque value, or {@code null}
     */
    public String opaque() {
        return opaque;
    }

    /**
     * The Digest algorithm, e.g. {@code "MD5"} or {@code "SHA-256"}.
     *
     * @return the algorithm as sent, or {@code null} (which means MD5)
     */
    public String algorithm() {
        return algorithm;
    }

    /**
     * The Digest qop, e.g. {@code "auth"}.
     *
     * @return the qop, or {@code null} (RFC 2069 form)
     */
    public String qop() {
        return qop;
    }

    /**
     * The Digest nonce count, 8 hex digits (with qop).
     *
     * @return the nonce count as sent, or {@code null}
     */
    public String nc() {
        return nc;
    }

    /**
     * The Digest client nonce (with qop).
     *
     * @return the cnonce, or {@code null}
     */
    public String cnonce() {
        return cnonce;
    }

    /**
     * Values are equal when all their fields are equal.
     *
     * @param o the other object
     * @return whether equal
     */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Authorization)) {
            return false;
        }
        Authorization a = (Authorization) o;
        return method == a.method && Objects.equals(username, a.username) && Objects.equals(password, a.password)
                && Objects.equals(realm, a.realm) && Objects.equals(nonce, a.nonce) && Objects.equals(uri, a.uri)
                && Objects.equals(response, a.response) && Objects.equals(opaque, a.opaque)
                && Objects.equals(algorithm, a.algorithm) && Objects.equals(qop, a.qop)
                && Objects.equals(nc, a.nc) && Objects.equals(cnonce, a.cnonce);
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, username, password, realm, nonce, uri, response, opaque, algorithm, qop, nc,
                cnonce);
    }

    /**
     * The method and user only: credentials and hashes are not printed, so the value can be logged.
     *
     * @return e.g. {@code Authorization(Digest, username=admin)}
     */
    @Override
    public String toString() {
        return "Authorization(" + method.token() + ", username=" + username + ")";
    }

    /** Builds {@link Authorization} values. Absent parameters are {@code null}. */
    public static final class Builder {

        private final AuthMethod method;
        private String username;
        private String password;
        private String realm;
        private String nonce;
        private String uri;
        private String response;
        private String opaque;
        private String algorithm;
        private String qop;
        private String nc;
        private String cnonce;

        private Builder(AuthMethod method) {
            this.method = Objects.requireNonNull(method, "method");
        }

        /**
         * Sets the user name.
         *
         * @param username the user name
         * @return this
         */
        public Builder username(String username) {
            this.username = username;
            return this;
        }

        /**
         * Sets the Basic password.
         *
         * @param password the password
         * @return this
         */
        public Builder password(String password) {
            this.password = password;
            return this;
        }

        /**
         * Sets the Digest realm.
         *
         * @param realm the realm
         * @return this
         */
        public Builder realm(String realm) {
            this.realm = realm;
            return this;
        }

        /**
         * Sets the Digest nonce.
         *
         * @param nonce the nonce
         * @return this
         */
        public Builder nonce(String nonce) {
            this.nonce = nonce;
            return this;
        }

        /**
         * Sets the Digest uri.
         *
         * @param uri the digest-uri
         * @return this
         */
        public Builder uri(String uri) {
            this.uri = uri;
            return this;
        }

        /**
         * Sets the Digest response.
         *
         * @param response the response hash
         * @return this
         */
        public Builder response(String response) {
            this.response = response;
            return this;
        }

        /**
         * Sets the Digest opaque value.
         *
         * @param opaque the opaque value
         * @return this
         */
        public Builder opaque(String opaque) {
            this.opaque = opaque;
            return this;
        }

        /**
         * Sets the Digest algorithm.
         *
         * @param algorithm e.g. {@code "MD5"} or {@code "SHA-256"}
         * @return this
         */
        public Builder algorithm(String algorithm) {
            this.algorithm = algorithm;
            return this;
        }

        /**
         * Sets the Digest qop.
         *
         * @param qop e.g. {@code "auth"}
         * @return this
         */
        public Builder qop(String qop) {
            this.qop = qop;
            return this;
        }

        /**
         * Sets the Digest nonce count.
         *
         * @param nc e.g. {@code "00000001"}
         * @return this
         */
        public Builder nc(String nc) {
            this.nc = nc;
            return this;
        }

        /**
         * Sets the Digest client nonce.
         *
         * @param cnonce the client nonce
         * @return this
         */
        public Builder cnonce(String cnonce) {
            this.cnonce = cnonce;
            return this;
        }

        /**
         * Builds the value.
         *
         * @return the value
         */
        public Authorization build() {
            return new Authorization(this);
        }
    }
}
