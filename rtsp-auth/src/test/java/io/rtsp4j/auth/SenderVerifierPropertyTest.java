package io.rtsp4j.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.rtsp4j.base.headers.Authorization;
import io.rtsp4j.base.headers.HeaderParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded random round trips: for random users, passwords (with {@code :}, quotes, backslashes, non-ASCII),
 * realms, request methods and URLs, and random verifier configurations (methods, qop, opaque), what
 * {@link AuthSender} produces from {@link AuthVerifier}'s challenges the verifier accepts, and a change of one
 * character anywhere is refused: in the password, the user, the request method or URL (Digest binds both),
 * or in the header itself (unless the change does not alter what the header says, e.g. the case of the
 * scheme name or of the response hex).
 */
class SenderVerifierPropertyTest {

    private static final String[] METHODS = {"OPTIONS", "DESCRIBE", "ANNOUNCE", "SETUP", "PLAY", "PAUSE", "RECORD",
        "TEARDOWN", "GET_PARAMETER", "SET_PARAMETER"};
    private static final String PASSWORD_CHARS = "abcXYZ019:@/ \"\\%+=-_.~!éüß€中文Ωж";
    private static final String USER_CHARS = "abcXYZ019@._-éü中\"\\";
    private static final String HEADER_CHARS = "abcdefABCDEF0123456789\" ,=:/\\gxzé";

    static Stream<Long> seeds() {
        return IntStream.range(0, 200).mapToObj(i -> 0x5eedL * 1000 + i);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void roundTripAndSingleCharacterChanges(long seed) throws Exception {
        Random rnd = new Random(seed);
        List<AuthMethod> methods = new ArrayList<>();
        for (AuthMethod m : AuthMethod.values()) {
            if (rnd.nextBoolean()) {
                methods.add(m);
            }
        }
        if (methods.isEmpty()) {
            methods.add(AuthMethod.values()[rnd.nextInt(3)]);
        }
        String realm = random(rnd, "abcIPCAM 01()@.é", 1 + rnd.nextInt(12));
        AuthVerifier verifier = AuthVerifier.builder().realm(realm).methods(methods).qop(rnd.nextBoolean())
                .opaque(rnd.nextBoolean()).build();
        boolean basicOnly = methods.equals(List.of(AuthMethod.BASIC));
        String user = random(rnd, basicOnly ? USER_CHARS : USER_CHARS + ":", 1 + rnd.nextInt(10));
        if (user.contains(":") && methods.contains(AuthMethod.BASIC)) {
            // the sender would answer Digest; keep Basic reachable too
            user = user.replace(':', '_');
        }
        String password = random(rnd, PASSWORD_CHARS, rnd.nextInt(16));
        String method = METHODS[rnd.nextInt(METHODS.length)];
        String url = randomUrl(rnd, method);
        NonceScope scope = verifier.newScope();
        AuthSender sender = AuthSender.create(verifier.challenges(scope, false), user, password);
        assertThat(sender.method()).isEqualTo(strongest(methods));
        String ctx = "seed " + seed + ": " + verifier + " user=" + user + " pass=" + password + " " + method + " "
                + url;

        String header = sender.authorize(method, url);
        assertThat(verifier.verify(scope, method, url, List.of(header), user, password).status()).as(ctx)
                .isEqualTo(AuthResult.Status.OK);
        assertThat(verifier.verify(scope, method, url, List.of(sender.authorize(method, url)),
                CredentialLookup.of(Map.of(user, stored(sender.method(), user, realm, password))))
                .toCompletableFuture().join().status()).as(ctx).isEqualTo(AuthResult.Status.OK);

        // one character of the password
        if (!password.isEmpty()) {
            String wrong = changeOne(password, PASSWORD_CHARS, rnd);
            String h = AuthSender.create(verifier.challenges(scope, false), user, wrong).authorize(method, url);
            assertThat(verifier.verify(scope, method, url, List.of(h), user, password).status()).as(ctx)
                    .isEqualTo(AuthResult.Status.WRONG_CREDENTIALS);
        }
        // one character of the user the server expects
        String otherUser = changeOne(user, USER_CHARS, rnd);
        assertThat(verifier.verify(scope, method, url, List.of(sender.authorize(method, url)), otherUser, password)
                .status()).as(ctx).isEqualTo(AuthResult.Status.WRONG_CREDENTIALS);
        if (sender.method().isDigest()) {
            // one character of the request URL or method: the response no longer designates this request
            String otherUrl = changeOne(url, "abcxyz0189/=?&", rnd);
            assertThat(verifier.verify(scope, method, otherUrl, List.of(sender.authorize(method, url)), user,
                    password).isOk()).as(ctx + " -> " + otherUrl).isFalse();
            String otherMethod = changeOne(method, "ABCDEFGHIJKLMNOPRSTUVWXYZ_", rnd);
            assertThat(verifier.verify(scope, otherMethod, url, List.of(sender.authorize(method, url)), user,
                    password).isOk()).as(ctx + " -> " + otherMethod).isFalse();
        }
        // one character of the header itself, at 20 random places
        for (int i = 0; i < 20; i++) {
            String fresh = sender.authorize(method, url);
            String changed = changeOne(fresh, HEADER_CHARS, rnd);
            AuthResult r = verifier.verify(scope, method, url, List.of(changed), user, password);
            if (r.isOk()) {
                assertThat(meaning(changed)).as(ctx + "\naccepted: " + changed + "\noriginal: " + fresh)
                        .isEqualTo(meaning(fresh));
            }
        }
    }

    private static AuthMethod strongest(List<AuthMethod> methods) {
        return methods.stream().max(Enum::compareTo).orElseThrow();
    }

    private static StoredCredential stored(AuthMethod m, String user, String realm, String password) {
        AuthMethod alg = m.isDigest() ? m : AuthMethod.DIGEST_SHA256;
        return StoredCredential.ha1(realm, alg, StoredCredential.computeHa1(alg, user, realm, password));
    }

    /**
     * What a header says, ignoring what does not change its meaning: scheme and algorithm case, response hex
     * case, an absent {@code algorithm} (MD5) and {@code opaque} (which authenticates nothing and may be
     * omitted).
     */
    private static List<String> meaning(String header) throws HeaderParseException {
        Authorization a = Authorization.parse(header);
        List<String> out = new ArrayList<>();
        out.add(a.method().name());
        out.add(a.username());
        out.add(a.password());
        out.add(a.realm());
        out.add(a.nonce());
        out.add(a.uri());
        out.add(a.response() == null ? null : a.response().toLowerCase(Locale.ROOT));
        out.add(a.method() == io.rtsp4j.base.headers.AuthMethod.DIGEST
                ? Objects.requireNonNullElse(a.algorithm(), "MD5").toUpperCase(Locale.ROOT) : null);
        out.add(a.qop());
        out.add(a.nc());
        out.add(a.cnonce());
        return out;
    }

    static String random(Random rnd, String chars, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(chars.charAt(rnd.nextInt(chars.length())));
        }
        return sb.toString();
    }

    static String randomUrl(Random rnd, String method) {
        StringBuilder sb = new StringBuilder("rtsp://");
        sb.append(rnd.nextBoolean() ? "cam" + rnd.nextInt(100) + ".local" : "192.168.1." + rnd.nextInt(255));
        if (rnd.nextBoolean()) {
            sb.append(':').append(1 + rnd.nextInt(65535));
        }
        int segments = 1 + rnd.nextInt(3);
        for (int i = 0; i < segments; i++) {
            sb.append('/').append(random(rnd, "abcdefgh0123_-.", 1 + rnd.nextInt(8)));
        }
        if (rnd.nextBoolean()) {
            sb.append("?key=").append(random(rnd, "abc012", 1 + rnd.nextInt(5)));
        }
        if (method.equals("SETUP")) {
            sb.append("/trackID=").append(rnd.nextInt(4));
        }
        return sb.toString();
    }

    /** Replaces one character (never a surrogate) by a different one. */
    static String changeOne(String s, String chars, Random rnd) {
        int pos = rnd.nextInt(s.length());
        char old = s.charAt(pos);
        char c;
        do {
            c = chars.charAt(rnd.nextInt(chars.length()));
        } while (c == old);
        return s.substring(0, pos) + c + s.substring(pos + 1);
    }
}
