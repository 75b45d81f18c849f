package io.rtsp4j.auth;

import io.rtsp4j.base.RtspHeaderNames;
import io.rtsp4j.base.RtspMethod;
import io.rtsp4j.base.RtspRequest;
import io.rtsp4j.base.headers.Authenticate;
import io.rtsp4j.base.headers.Authorization;
import io.rtsp4j.base.headers.HeaderParseException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import javax.crypto.Mac;

/**
 * Server-side authentication: builds the {@code WWW-Authenticate} challenges and verifies {@code Authorization}
 * headers (Basic; Digest MD5 and SHA-256 per RFC 2617 and RFC 7616, with or without {@code qop=auth}, and
 * the RFC 2069 form most RTSP clients send). Immutable and thread-safe: build one per server and keep a
 * {@link NonceScope} per client connection.
 *
 * <pre>{@code
 * AuthVerifier verifier = AuthVerifier.builder().realm("cameras").build();
 * NonceScope scope = verifier.newScope();                      // when the connection opens
 *
 * AuthResult r = verifier.verify(scope, request, "admin", "secret");
 * if (!r.isOk() && r.status().challenge()) {
 *     for (String challenge : verifier.challenges(scope, r.status().stale())) {
 *         response.header("WWW-Authenticate", challenge);  // 401, keep the connection
 *     }
 * }
 * }</pre>
 *
 * <p>Defaults: realm {@value #DEFAULT_REALM}, methods Basic then Digest MD5, nonce lifetime 24 hours, no
 * {@code qop} and no {@code opaque} in challenges (the gortsplib wire format every client handles).
 *
 * <p>Nonces are not stored: each encodes its expiry and an HMAC over the expiry and the scope's random id,
 * keyed with a secret drawn when the verifier is built. A correct response over a nonce that expired, belongs
 * to another connection or to an earlier verifier instance yields {@link AuthResult.Status#STALE_NONCE}, so
 * the client is challenged again with {@code stale=true} and retries without asking its user. Nonce counts
 * ({@code nc}, with {@code qop=auth}) must increase per nonce and scope.
 *
 * <p>Comparisons of passwords, hashes and nonce tags take constant time ({@link MessageDigest#isEqual}).
 */
public final class AuthVerifier {

    /** The default realm, as gortsplib and mediamtx use it. */
    public static final String DEFAULT_REALM = "ipcam";

    /**
     * The default nonce lifetime: long, because nonces are bound to their connection anyway and GStreamer
     * 1.22 ignores {@code stale=true} on its keep-alives (see {@link Builder#nonceLifetime(Duration)}).
     */
    public static final Duration DEFAULT_NONCE_LIFETIME = Duration.ofHours(24);

    /** Longest accepted nonce lifetime, so that expiry instants cannot overflow. */
    static final Duration MAX_NONCE_LIFETIME = Duration.ofDays(3650);

    private static final int SECRET_BYTES = 32;
    private static final int SCOPE_ID_BYTES = 16;

    private final String realm;
    private final List<AuthMethod> methods;
    private final Duration nonceLifetime;
    private final boolean qop;
    private final boolean opaque;
    private final Clock clock;
    private final SecureRandom random;
    private final Mac nonceMac;
    private final String opaqueValue;

    private AuthVerifier(Builder b) {
        this.realm = b.realm;
        this.methods = ordered(b.methods);
        this.nonceLifetime = b.nonceLifetime;
        this.qop = b.qop;
        this.opaque = b.opaque;
        this.clock = b.clock;
        this.random = b.random;
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(secret);
        this.nonceMac = Nonces.keyedMac(secret);
        // derived from the secret: stable for this verifier, meaningless elsewhere
        this.opaqueValue = Digests.toHex(Arrays.copyOf(Digests.digest(AuthMethod.DIGEST_SHA256,
                concat(secret, "opaque".getBytes(StandardCharsets.US_ASCII))), 16));
    }

    /**
     * Starts a verifier configuration.
     *
     * @return a builder with the defaults
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A verifier with every default.
     *
     * @return {@code builder().build()}
     */
    public static AuthVerifier create() {
        return builder().build();
    }

    /**
     * A new scope for a client connection, with a fresh random id its nonces will be bound to.
     *
     * @return the scope; keep it for the life of the connection
     */
    public NonceScope newScope() {
        byte[] id = new byte[SCOPE_ID_BYTES];
        random.nextBytes(id);
        return NonceScope.withId(id);
    }

    /**
     * The {@code WWW-Authenticate} values for a 401 response, one per accepted method in the configured order,
     * e.g. {@code Basic realm="ipcam"} and {@code Digest realm="ipcam", nonce="...", algorithm="MD5"}. All
     * Digest challenges of one call share one nonce, fresh for a generated scope.
     *
     * @param scope the connection's scope
     * @param stale whether to add {@code stale="TRUE"} to Digest challenges ({@link AuthResult.Status#stale()})
     * @return the header values, in order
     */
    public List<String> challenges(NonceScope scope, boolean stale) {
        Objects.requireNonNull(scope, "scope");
        String nonce = null;
        List<String> out = new ArrayList<>(methods.size());
        for (AuthMethod m : methods) {
            if (m == AuthMethod.BASIC) {
                out.add(Authenticate.basic(realm).format());
                continue;
            }
            if (nonce == null) {
                nonce = scope.isFixed() ? scope.fixedNonce()
                        : Nonces.issue(nonceMac, scope.id(), clock.millis() + nonceLifetime.toMillis());
            }
            Authenticate.Builder b = Authenticate.builder(io.rtsp4j.base.headers.AuthMethod.DIGEST)
                    .realm(realm).nonce(nonce).algorithm(m.algorithm());
            if (opaque) {
                b.opaque(opaqueValue);
            }
            if (stale) {
                b.stale("TRUE");
            }
            if (qop) {
                b.qop("auth");
            }
            out.add(b.build().format());
        }
        return List.copyOf(out);
    }

    /**
     * Verifies a request against one user and password: what a server's
     * {@code verifyCredentials(request, user, pass)} does.
     *
     * @param scope the connection's scope
     * @param request the request (method, request-URI and {@code Authorization} headers are used)
     * @param user the expected user name; an empty one never matches
     * @param password the expected password
     * @return the outcome
     */
    public AuthResult verify(NonceScope scope, RtspRequest request, String user, String password) {
        return verify(scope, request.method().name(), request.uri(),
                request.headers().getAll(RtspHeaderNames.AUTHORIZATION), user, password);
    }

    /**
     * Verifies a request against one user and password, given its parts.
     *
     * @param scope the connection's scope
     * @param method the request method, e.g. {@code "SETUP"}
     * @param requestUri the request-URI as on the request line
     * @param authorization every {@code Authorization} value of the request (none, one, or more, which is
     *     malformed)
     * @param user the expected user name; an empty one never matches
     * @param password the expected password
     * @return the outcome
     */
    public AuthResult verify(NonceScope scope, String method, String requestUri, List<String> authorization,
            String user, String password) {
        return verifyAgainst(scope, method, requestUri, authorization, user, StoredCredential.password(password));
    }

    /**
     * Verifies a request with credentials looked up by the user name the client sent; the lookup is skipped
     * when the header is missing, malformed or of a method not accepted.
     *
     * @param scope the connection's scope
     * @param request the request
     * @param lookup where users' credentials come from
     * @return the outcome; completes exceptionally only if the lookup does
     */
    public CompletionStage<AuthResult> verify(NonceScope scope, RtspRequest request, CredentialLookup lookup) {
        return verify(scope, request.method().name(), request.uri(),
                request.headers().getAll(RtspHeaderNames.AUTHORIZATION), lookup);
    }

    /**
     * Verifies a request, given its parts, with credentials looked up by user name.
     *
     * @param scope the connection's scope
     * @param method the request method
     * @param requestUri the request-URI as on the request line
     * @param authorization every {@code Authorization} value of the request
     * @param lookup where users' credentials come from
     * @return the outcome; completes exceptionally only if the lookup does
     */
    public CompletionStage<AuthResult> verify(NonceScope scope, String method, String requestUri,
            List<String> authorization, CredentialLookup lookup) {
        Objects.requireNonNull(lookup, "lookup");
        Parsed p = parse(scope, method, requestUri, authorization);
        if (p.refusal != null) {
            return CompletableFuture.completedFuture(p.refusal);
        }
        CompletionStage<Optional<StoredCredential>> found;
        try {
            found = lookup.lookup(p.header.username());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return found.thenApply(stored -> check(scope, method, requestUri, p, stored.orElse(null)));
    }

    /**
     * Verifies a request against one user's stored credential (password and/or HA1).
     *
     * @param scope the connection's scope
     * @param request the request
     * @param user the expected user name; an empty one never matches
     * @param credential that user's credential
     * @return the outcome
     */
    public AuthResult verify(NonceScope scope, RtspRequest request, String user, StoredCredential credential) {
        return verifyAgainst(scope, request.method().name(), request.uri(),
                request.headers().getAll(RtspHeaderNames.AUTHORIZATION), user, credential);
    }

    private AuthResult verifyAgainst(NonceScope scope, String method, String requestUri, List<String> authorization,
            String user, StoredCredential credential) {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(credential, "credential");
        Parsed p = parse(scope, method, requestUri, authorization);
        if (p.refusal != null) {
            return p.refusal;
        }
        boolean known = !user.isEmpty() && Digests.constantTimeEquals(p.header.username(), user);
        return check(scope, method, requestUri, p, known ? credential : null);
    }

    /** A well-formed header of an accepted method, or the reason it is refused before any credential check. */
    private static final class Parsed {
        final Authorization header;
        final AuthMethod method;
        final long nc;
        final AuthResult refusal;

        private Parsed(Authorization header, AuthMethod method, long nc, AuthResult refusal) {
            this.header = header;
            this.method = method;
            this.nc = nc;
            this.refusal = refusal;
        }

        static Parsed ok(Authorization header, AuthMethod method, long nc) {
            return new Parsed(header, method, nc, null);
        }

        static Parsed refused(AuthResult refusal) {
            return new Parsed(null, null, -1, refusal);
        }
    }

    /**
     * Everything that needs no credential: presence, syntax, method, Digest structure, realm. Returns a
     * refusal or the parsed header.
     */
    private Parsed parse(NonceScope scope, String method, String requestUri, List<String> values) {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(requestUri, "requestUri");
        if (values == null || values.isEmpty()) {
            return Parsed.refused(AuthResult.missing());
        }
        if (values.size() > 1) {
            return Parsed.refused(AuthResult.of(AuthResult.Status.MALFORMED, null, null,
                    values.size() + " Authorization headers"));
        }
        String value = values.get(0);
        if (value.isBlank()) {
            return Parsed.refused(AuthResult.of(AuthResult.Status.MISSING, null, null, "empty Authorization header"));
        }
        String scheme = scheme(value);
        if (!scheme.equalsIgnoreCase("Basic") && !scheme.equalsIgnoreCase("Digest")) {
            return Parsed.refused(AuthResult.of(AuthResult.Status.METHOD_NOT_ALLOWED, null, null,
                    "unsupported scheme " + Texts.quoted(scheme)));
        }
        Authorization a;
        try {
            a = Authorization.parse(value);
        } catch (HeaderParseException e) {
            return Parsed.refused(AuthResult.of(AuthResult.Status.MALFORMED, null, null, e.getMessage()));
        }
        String user = a.username();
        if (user == null || user.isEmpty()) {
            return Parsed.refused(AuthResult.of(AuthResult.Status.MISSING, null, null, "empty user name"));
        }
        if (a.method() == io.rtsp4j.base.headers.AuthMethod.BASIC) {
            if (!methods.contains(AuthMethod.BASIC)) {
                return Parsed.refused(AuthResult.of(AuthResult.Status.METHOD_NOT_ALLOWED, user, AuthMethod.BASIC,
                        "Basic is not accepted"));
            }
            return Parsed.ok(a, AuthMethod.BASIC, -1);
        }
        AuthMethod m = AuthMethod.ofDigestAlgorithm(a.algorithm());
        if (m == null) {
            return Parsed.refused(AuthResult.of(AuthResult.Status.METHOD_NOT_ALLOWED, user, null,
                    "Digest algorithm " + Texts.quoted(a.algorithm()) + " is not supported"));
        }
        if (!methods.contains(m)) {
            return Parsed.refused(AuthResult.of(AuthResult.Status.METHOD_NOT_ALLOWED, user, m, m + " is not accepted"));
        }
        if (a.nonce().isEmpty() || a.uri().isEmpty() || a.response().isEmpty()) {
            return Parsed.refused(AuthResult.of(AuthResult.Status.MALFORMED, user, m, "empty nonce, uri or response"));
        }
        long nc = -1;
        if (a.qop() != null) {
            if (!a.qop().equalsIgnoreCase("auth")) {
                return Parsed.refused(AuthResult.of(AuthResult.Status.METHOD_NOT_ALLOWED, user, m,
                        "qop " + Texts.quoted(a.qop()) + " is not supported"));
            }
            nc = parseNonceCount(a.nc());
            if (nc < 0 || a.cnonce() == null || a.cnonce().isEmpty()) {
                return Parsed.refused(AuthResult.of(AuthResult.Status.MALFORMED, user, m,
                        "qop=auth needs nc (1 to 8 hex digits) and cnonce"));
            }
        }
        if (!realm.equals(a.realm())) {
            return Parsed.refused(AuthResult.of(AuthResult.Status.WRONG_CREDENTIALS, user, m,
                    "realm " + Texts.quoted(a.realm()) + " is not " + Texts.quoted(realm)));
        }
        return Parsed.ok(a, m, nc);
    }

    /** The credential checks; {@code stored} null means unknown user. */
    private AuthResult check(NonceScope scope, String method, String requestUri, Parsed p, StoredCredential stored) {
        Authorization a = p.header;
        String user = a.username();
        if (stored == null) {
            return AuthResult.of(AuthResult.Status.WRONG_CREDENTIALS, user, p.method, "unknown user");
        }
        if (p.method == AuthMethod.BASIC) {
            return checkBasic(a, stored);
        }
        String ha1 = stored.ha1For(p.method, user, realm);
        if (ha1 == null) {
            return AuthResult.of(AuthResult.Status.WRONG_CREDENTIALS, user, p.method,
                    "no password nor " + p.method.algorithm() + " HA1 stored for this realm");
        }
        String expected = Digests.response(p.method, ha1, a.nonce(), a.qop(), a.nc(), a.cnonce(),
                Digests.ha2(p.method, method, a.uri()));
        byte[] sent = a.response().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(sent, expected.getBytes(StandardCharsets.US_ASCII))) {
            return AuthResult.of(AuthResult.Status.WRONG_CREDENTIALS, user, p.method, "wrong response");
        }
        if (!DigestUris.matches(requestUri, a.uri(), RtspMethod.SETUP.name().equals(method))) {
            return AuthResult.of(AuthResult.Status.URI_MISMATCH, user, p.method, "digest uri "
                    + Texts.quoted(a.uri()) + " does not match request URL " + Texts.quoted(requestUri));
        }
        if (opaque && a.opaque() != null && !a.opaque().equals(opaqueValue)) {
            // a client that omits opaque is tolerated (GStreamer and FFmpeg echo it, others may not)
            return AuthResult.of(AuthResult.Status.WRONG_CREDENTIALS, user, p.method, "wrong opaque");
        }
        String staleWhy = nonceProblem(scope, a.nonce());
        if (staleWhy != null) {
            return AuthResult.of(AuthResult.Status.STALE_NONCE, user, p.method, staleWhy);
        }
        if (p.nc >= 0 && !scope.acceptNonceCount(a.nonce(), p.nc)) {
            return AuthResult.of(AuthResult.Status.REPLAYED_NONCE_COUNT, user, p.method,
                    "nonce count " + Texts.quoted(a.nc()) + " already used");
        }
        return AuthResult.of(AuthResult.Status.OK, user, p.method, "ok");
    }

    private AuthResult checkBasic(Authorization a, StoredCredential stored) {
        String user = a.username();
        String password = stored.passwordOrNull();
        boolean ok;
        if (password != null) {
            ok = Digests.constantTimeEquals(a.password(), password);
        } else {
            AuthMethod alg = stored.anyHa1Algorithm(realm);
            if (alg == null) {
                return AuthResult.of(AuthResult.Status.WRONG_CREDENTIALS, user, AuthMethod.BASIC,
                        "no password nor HA1 stored for this realm");
            }
            String computed = Digests.ha1(alg, user, realm, a.password());
            ok = MessageDigest.isEqual(computed.getBytes(StandardCharsets.US_ASCII),
                    stored.ha1For(alg, user, realm).getBytes(StandardCharsets.US_ASCII));
        }
        return ok ? AuthResult.of(AuthResult.Status.OK, user, AuthMethod.BASIC, "ok")
                : AuthResult.of(AuthResult.Status.WRONG_CREDENTIALS, user, AuthMethod.BASIC, "wrong password");
    }

    /** Why a nonce with a valid response cannot be accepted, or null when it can. */
    private String nonceProblem(NonceScope scope, String nonce) {
        if (scope.isFixed()) {
            return Digests.constantTimeEquals(nonce, scope.fixedNonce()) ? null
                    : "nonce was not issued on this connection";
        }
        switch (Nonces.check(nonceMac, scope.id(), nonce, clock.millis())) {
            case VALID:
                return null;
            case EXPIRED:
                return "nonce expired";
            default:
                return "nonce was not issued on this connection";
        }
    }

    /** The scheme token: up to the first space or tab. */
    private static String scheme(String value) {
        String v = value.strip();
        int end = 0;
        while (end < v.length() && v.charAt(end) != ' ' && v.charAt(end) != '\t') {
            end++;
        }
        return v.substring(0, end);
    }

    /** 1 to 8 hex digits (RFC: exactly 8, lowercase; clients are not all that careful), else -1. */
    private static long parseNonceCount(String nc) {
        if (nc == null || nc.isEmpty() || nc.length() > 8) {
            return -1;
        }
        long v = 0;
        for (int i = 0; i < nc.length(); i++) {
            int d = Character.digit(nc.charAt(i), 16);
            if (d < 0 || nc.charAt(i) > 0x7f) {
                return -1;
            }
            v = (v << 4) | d;
        }
        return v;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /**
     * The configured methods in challenge order: as given, without duplicates, except that Digest SHA-256 is
     * moved right before Digest MD5. FFmpeg 5.1 and live555 keep the last Digest challenge and can only do
     * MD5 (FFmpeg gives up on a SHA-256 one), while clients that can do SHA-256 pick the strongest challenge
     * wherever it is; GStreamer 1.22 always answers MD5 (see testdata/auth/).
     */
    static List<AuthMethod> ordered(List<AuthMethod> configured) {
        List<AuthMethod> out = new ArrayList<>();
        for (AuthMethod m : configured) {
            if (!out.contains(m)) {
                out.add(m);
            }
        }
        int md5 = out.indexOf(AuthMethod.DIGEST_MD5);
        int sha = out.indexOf(AuthMethod.DIGEST_SHA256);
        if (md5 >= 0 && sha > md5) {
            out.remove(sha);
            out.add(md5, AuthMethod.DIGEST_SHA256);
        }
        return List.copyOf(out);
    }

    /**
     * The realm of the challenges.
     *
     * @return the realm
     */
    public String realm() {
        return realm;
    }

    /**
     * The accepted methods, in challenge order.
     *
     * @return an unmodifiable list
     */
    public List<AuthMethod> methods() {
        return methods;
    }

    /**
     * How long an issued nonce is accepted.
     *
     * @return the lifetime
     */
    public Duration nonceLifetime() {
        return nonceLifetime;
    }

    /**
     * Realm, methods and options (no secrets).
     *
     * @return a description
     */
    @Override
    public String toString() {
        return "AuthVerifier(realm=" + realm + ", methods=" + methods + ", nonceLifetime=" + nonceLifetime
                + (qop ? ", qop=auth" : "") + (opaque ? ", opaque" : "") + ")";
    }

    /** Configures an {@link AuthVerifier}. */
    public static final class Builder {

        private String realm = DEFAULT_REALM;
        private List<AuthMethod> methods = List.of(AuthMethod.BASIC, AuthMethod.DIGEST_MD5);
        private Duration nonceLifetime = DEFAULT_NONCE_LIFETIME;
        private boolean qop;
        private boolean opaque;
        private Clock clock = Clock.systemUTC();
        private SecureRandom random;

        private Builder() {
        }

        /**
         * Sets the realm.
         *
         * @param realm non-empty printable text without {@code "} and {@code \}
         *     (default {@value AuthVerifier#DEFAULT_REALM})
         * @return this
         * @throws IllegalArgumentException if the realm is empty or has a control character, {@code "} or
         *     {@code \}
         */
        public Builder realm(String realm) {
            Objects.requireNonNull(realm, "realm");
            if (realm.isEmpty()) {
                throw new IllegalArgumentException("empty realm");
            }
            for (int i = 0; i < realm.length(); i++) {
                char c = realm.charAt(i);
                if (c < 0x20 || c == 0x7f || c == '"' || c == '\\') {
                    throw new IllegalArgumentException("realm character at index " + i + " is not allowed");
                }
            }
            this.realm = realm;
            return this;
        }

        /**
         * Sets the accepted methods and the order of their challenges (default Basic, then Digest MD5).
         * Duplicates are ignored. Digest SHA-256 is never on by default; when both Digest variants are on,
         * the SHA-256 challenge is always sent right before the MD5 one, because FFmpeg keeps the last Digest
         * challenge and cannot do SHA-256 (with SHA-256 last it gives up without sending credentials).
         *
         * @param methods at least one method
         * @return this
         * @throws IllegalArgumentException if no method is given
         */
        public Builder methods(AuthMethod... methods) {
            return methods(Arrays.asList(methods));
        }

        /**
         * Same as {@link #methods(AuthMethod...)}.
         *
         * @param methods at least one method
         * @return this
         * @throws IllegalArgumentException if the list is empty
         */
        public Builder methods(List<AuthMethod> methods) {
            List<AuthMethod> copy = List.copyOf(methods);
            if (copy.isEmpty()) {
                throw new IllegalArgumentException("no authentication method");
            }
            this.methods = copy;
            return this;
        }

        /**
         * Sets how long a nonce is accepted after it was issued (default 24 hours). A response over an expired
         * nonce gets {@link AuthResult.Status#STALE_NONCE}, and the client should retry with the nonce of the
         * {@code stale=true} challenge. FFmpeg does, even on keep-alives; GStreamer 1.22 does not renew the
         * nonce of its keep-alive {@code GET_PARAMETER} requests (testdata/auth/
         * gstreamer-1.22-rtspsrc-digest-md5-stale-keepalive.json). A server that authenticates keep-alives
         * must therefore keep the lifetime above its longest sessions, or accept keep-alives of an
         * authenticated session on the strength of its session id.
         *
         * @param lifetime positive, at most ten years
         * @return this
         * @throws IllegalArgumentException if not positive or longer than ten years
         */
        public Builder nonceLifetime(Duration lifetime) {
            Objects.requireNonNull(lifetime, "lifetime");
            if (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(MAX_NONCE_LIFETIME) > 0) {
                throw new IllegalArgumentException("nonce lifetime must be positive and at most ten years: "
                        + lifetime);
            }
            this.nonceLifetime = lifetime;
            return this;
        }

        /**
         * Whether Digest challenges offer {@code qop="auth"} (default false). Clients that support it (FFmpeg)
         * then send {@code nc} and {@code cnonce}, which enables replay detection; the others (GStreamer)
         * keep sending the RFC 2069 form, which is accepted either way.
         *
         * @param qop true to offer {@code qop="auth"}
         * @return this
         */
        public Builder qop(boolean qop) {
            this.qop = qop;
            return this;
        }

        /**
         * Whether Digest challenges carry an {@code opaque} value (default false). A client that sends a
         * different one is refused; one that omits it is tolerated.
         *
         * @param opaque true to send {@code opaque}
         * @return this
         */
        public Builder opaque(boolean opaque) {
            this.opaque = opaque;
            return this;
        }

        /**
         * Sets the clock for nonce expiry (default the system UTC clock).
         *
         * @param clock the clock
         * @return this
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Sets the random source of the nonce secret and scope ids (default a new {@link SecureRandom}).
         *
         * @param random the random source
         * @return this
         */
        public Builder random(SecureRandom random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /**
         * Builds the verifier, drawing its nonce secret.
         *
         * @return the verifier
         */
        public AuthVerifier build() {
            if (random == null) {
                random = new SecureRandom();
            }
            return new AuthVerifier(this);
        }
    }
}
