package io.rtsp4j.auth;

import io.rtsp4j.base.headers.Authenticate;
import io.rtsp4j.base.headers.Authorization;
import io.rtsp4j.base.headers.HeaderParseException;
import java.security.SecureRandom;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Client-side authentication: answers the {@code WWW-Authenticate} challenges of a 401 response with an
 * {@code Authorization} value for each following request. Thread-safe.
 *
 * <pre>{@code
 * AuthSender sender = AuthSender.create(response.headers().getAll("WWW-Authenticate"), "admin", "secret");
 * request.header("Authorization", sender.authorize("DESCRIBE", "rtsp://cam/stream"));
 * }</pre>
 *
 * <p>Of the challenges offered it answers the strongest it supports: Digest SHA-256, then Digest MD5, then
 * Basic; the first of equal ones. The digest {@code uri} is the request URL as given. With {@code qop=auth}
 * offered it sends {@code qop=auth}, a fresh random {@code cnonce} and a nonce count that increases with
 * every {@link #authorize} call; otherwise the RFC 2069 form. When a server answers a later request with 401
 * and {@code stale=true}, create a new sender from the new challenges.
 */
public final class AuthSender {

    private final AuthMethod method;
    private final String user;
    private final String password;
    private final Authenticate challenge;
    private final boolean qopAuth;
    private final SecureRandom random;
    private final AtomicLong nonceCount = new AtomicLong();

    private AuthSender(AuthMethod method, String user, String password, Authenticate challenge, boolean qopAuth,
            SecureRandom random) {
        this.method = method;
        this.user = user;
        this.password = password;
        this.challenge = challenge;
        this.qopAuth = qopAuth;
        this.random = random;
    }

    /**
     * Chooses a challenge to answer.
     *
     * @param wwwAuthenticate every {@code WWW-Authenticate} value of the 401 response, in order
     * @param user the user name
     * @param password the password
     * @return the sender
     * @throws AuthChallengeException if no challenge can be answered
     * @throws IllegalArgumentException if only Basic can be answered and the user name contains {@code ':'}
     */
    public static AuthSender create(List<String> wwwAuthenticate, String user, String password)
            throws AuthChallengeException {
        return create(wwwAuthenticate, user, password, new SecureRandom());
    }

    /**
     * Chooses a challenge to answer, with a given source for client nonces.
     *
     * @param wwwAuthenticate every {@code WWW-Authenticate} value of the 401 response, in order
     * @param user the user name
     * @param password the password
     * @param random where {@code cnonce} values come from
     * @return the sender
     * @throws AuthChallengeException if no challenge can be answered
     * @throws IllegalArgumentException if only Basic can be answered and the user name contains {@code ':'}
     */
    public static AuthSender create(List<String> wwwAuthenticate, String user, String password,
            SecureRandom random) throws AuthChallengeException {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(random, "random");
        AuthMethod best = null;
        Authenticate bestChallenge = null;
        StringBuilder skipped = new StringBuilder();
        for (String value : wwwAuthenticate) {
            Authenticate c;
            try {
                c = Authenticate.parse(value);
            } catch (HeaderParseException e) {
                skipped.append("; ").append(e.getMessage());
                continue;
            }
            AuthMethod m = methodOf(c);
            if (m == null) {
                skipped.append("; unsupported challenge ").append(Texts.quoted(value));
                continue;
            }
            if (best == null || m.ordinal() > best.ordinal()) {
                best = m;
                bestChallenge = c;
            }
        }
        if (best == null) {
            throw new AuthChallengeException(wwwAuthenticate.isEmpty() ? "no WWW-Authenticate challenge"
                    : "no usable WWW-Authenticate challenge" + skipped);
        }
        if (best == AuthMethod.BASIC && user.indexOf(':') >= 0) {
            throw new IllegalArgumentException("a Basic user name cannot contain ':'");
        }
        return new AuthSender(best, user, password, bestChallenge, best.isDigest() && offersAuth(bestChallenge),
                random);
    }

    /** The method a challenge asks for, or null when this sender cannot answer it. */
    private static AuthMethod methodOf(Authenticate c) {
        if (c.method() == io.rtsp4j.base.headers.AuthMethod.BASIC) {
            return AuthMethod.BASIC;
        }
        AuthMethod m = AuthMethod.ofDigestAlgorithm(c.algorithm());
        if (m == null || (c.qop() != null && !offersAuth(c))) {
            return null;
        }
        return m;
    }

    /** Whether the comma-separated qop options contain {@code auth}. */
    private static boolean offersAuth(Authenticate c) {
        if (c.qop() == null) {
            return false;
        }
        for (String option : c.qop().split(",")) {
            if (option.strip().toLowerCase(Locale.ROOT).equals("auth")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The {@code Authorization} value for one request.
     *
     * @param requestMethod the request method, e.g. {@code "SETUP"}
     * @param url the request-URI as it will be on the request line; also the digest {@code uri}
     * @return the header value
     */
    public String authorize(String requestMethod, String url) {
        Objects.requireNonNull(requestMethod, "requestMethod");
        Objects.requireNonNull(url, "url");
        if (method == AuthMethod.BASIC) {
            return Authorization.basic(user, password).format();
        }
        String realm = challenge.realm();
        String nonce = challenge.nonce();
        String ha1 = Digests.ha1(method, user, realm, password);
        String ha2 = Digests.ha2(method, requestMethod, url);
        Authorization.Builder b = Authorization.builder(io.rtsp4j.base.headers.AuthMethod.DIGEST)
                .username(user).realm(realm).nonce(nonce).uri(url).opaque(challenge.opaque());
        if (challenge.algorithm() != null) {
            b.algorithm(method.algorithm());
        }
        if (qopAuth) {
            String nc = String.format("%08x", nonceCount.incrementAndGet() & 0xffffffffL);
            byte[] c = new byte[8];
            random.nextBytes(c);
            String cnonce = Digests.toHex(c);
            b.qop("auth").nc(nc).cnonce(cnonce);
            b.response(Digests.response(method, ha1, nonce, "auth", nc, cnonce, ha2));
        } else {
            b.response(Digests.response(method, ha1, nonce, null, null, null, ha2));
        }
        return b.build().format();
    }

    /**
     * The method this sender answers with.
     *
     * @return the chosen method
     */
    public AuthMethod method() {
        return method;
    }

    /**
     * The realm of the chosen challenge.
     *
     * @return the realm
     */
    public String realm() {
        return challenge.realm();
    }

    /**
     * The chosen method and realm (no secrets).
     *
     * @return a description
     */
    @Override
    public String toString() {
        return "AuthSender(" + method + ", realm=" + challenge.realm() + (qopAuth ? ", qop=auth" : "") + ")";
    }
}
