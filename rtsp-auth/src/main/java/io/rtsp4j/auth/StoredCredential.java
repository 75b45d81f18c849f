package io.rtsp4j.auth;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What a server knows about one user's secret: the plain password, or precomputed Digest HA1 values
 * ({@code H(user ":" realm ":" password)}) per realm and algorithm, or both. Immutable.
 *
 * <p>A password verifies every method. An HA1 verifies Digest with its algorithm and realm, and also Basic in
 * that realm (the verifier hashes the Basic password the same way and compares), so a server that stores only
 * HA1 values never keeps plain passwords:
 *
 * <pre>{@code
 * String ha1 = StoredCredential.computeHa1(AuthMethod.DIGEST_MD5, "admin", "ipcam", "secret"); // at enrolment
 * StoredCredential stored = StoredCredential.ha1("ipcam", AuthMethod.DIGEST_MD5, ha1);
 * }</pre>
 *
 * <p>{@link #toString()} never prints secrets.
 */
public final class StoredCredential {

    private final String password;
    private final Map<String, String> ha1ByKey;

    private StoredCredential(String password, Map<String, String> ha1ByKey) {
        this.password = password;
        this.ha1ByKey = ha1ByKey;
    }

    /**
     * A plain password.
     *
     * @param password the password (any characters, including {@code ':'} and non-ASCII)
     * @return the credential
     */
    public static StoredCredential password(String password) {
        return new StoredCredential(Objects.requireNonNull(password, "password"), Map.of());
    }

    /**
     * A precomputed Digest HA1.
     *
     * @param realm the realm the HA1 was computed for (must equal the verifier's realm to be used)
     * @param algorithm {@link AuthMethod#DIGEST_MD5} or {@link AuthMethod#DIGEST_SHA256}
     * @param ha1Hex {@code H(user ":" realm ":" password)} in hex (either case)
     * @return the credential
     * @throws IllegalArgumentException if the algorithm is Basic or the hex has the wrong length or characters
     */
    public static StoredCredential ha1(String realm, AuthMethod algorithm, String ha1Hex) {
        return new StoredCredential(null, Map.of()).withHa1(realm, algorithm, ha1Hex);
    }

    /**
     * This credential plus one more HA1 (replacing an earlier one for the same realm and algorithm).
     *
     * @param realm the realm the HA1 was computed for
     * @param algorithm {@link AuthMethod#DIGEST_MD5} or {@link AuthMethod#DIGEST_SHA256}
     * @param ha1Hex the HA1 in hex (either case)
     * @return a new credential
     * @throws IllegalArgumentException if the algorithm is Basic or the hex has the wrong length or characters
     */
    public StoredCredential withHa1(String realm, AuthMethod algorithm, String ha1Hex) {
        Objects.requireNonNull(realm, "realm");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(ha1Hex, "ha1Hex");
        if (!algorithm.isDigest()) {
            throw new IllegalArgumentException("an HA1 needs a Digest algorithm, not " + algorithm);
        }
        int expectedLength = algorithm == AuthMethod.DIGEST_MD5 ? 32 : 64;
        if (ha1Hex.length() != expectedLength || !isHex(ha1Hex)) {
            throw new IllegalArgumentException("an " + algorithm.algorithm() + " HA1 must be " + expectedLength
                    + " hex digits");
        }
        Map<String, String> copy = new LinkedHashMap<>(ha1ByKey);
        copy.put(key(realm, algorithm), ha1Hex.toLowerCase(Locale.ROOT));
        return new StoredCredential(password, Map.copyOf(copy));
    }

    /**
     * Computes the HA1 to store for a user: {@code H(user ":" realm ":" password)}, strings hashed as UTF-8.
     *
     * @param algorithm {@link AuthMethod#DIGEST_MD5} or {@link AuthMethod#DIGEST_SHA256}
     * @param user the user name
     * @param realm the realm of the verifier that will use it
     * @param password the password
     * @return the HA1, lowercase hex
     * @throws IllegalArgumentException if the algorithm is Basic
     */
    public static String computeHa1(AuthMethod algorithm, String user, String realm, String password) {
        if (!algorithm.isDigest()) {
            throw new IllegalArgumentException("an HA1 needs a Digest algorithm, not " + algorithm);
        }
        return Digests.ha1(algorithm, user, realm, password);
    }

    /**
     * Whether the plain password is known.
     *
     * @return true when created with {@link #password(String)}
     */
    public boolean hasPassword() {
        return password != null;
    }

    /** The plain password, or null. */
    String passwordOrNull() {
        return password;
    }

    /**
     * The HA1 to check a Digest response with: computed from the password, else the stored one for the realm
     * and algorithm, else null (this credential cannot verify that combination).
     */
    String ha1For(AuthMethod algorithm, String user, String realm) {
        if (password != null) {
            return Digests.ha1(algorithm, user, realm, password);
        }
        return ha1ByKey.get(key(realm, algorithm));
    }

    /** A stored HA1 for the realm with any algorithm (MD5 first), for checking Basic without a password. */
    AuthMethod anyHa1Algorithm(String realm) {
        for (AuthMethod m : new AuthMethod[] {AuthMethod.DIGEST_MD5, AuthMethod.DIGEST_SHA256}) {
            if (ha1ByKey.containsKey(key(realm, m))) {
                return m;
            }
        }
        return null;
    }

    private static String key(String realm, AuthMethod algorithm) {
        return algorithm.name() + '\n' + realm;
    }

    private static boolean isHex(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            if (!hex) {
                return false;
            }
        }
        return true;
    }

    /**
     * Describes what is stored without revealing it.
     *
     * @return e.g. {@code StoredCredential(password)} or {@code StoredCredential(ha1: DIGEST_MD5/ipcam)}
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("StoredCredential(");
        if (password != null) {
            sb.append("password");
        }
        if (!ha1ByKey.isEmpty()) {
            if (password != null) {
                sb.append(", ");
            }
            sb.append("ha1:");
            ha1ByKey.keySet().stream().sorted().forEach(k -> sb.append(' ').append(k.replace('\n', '/')));
        }
        return sb.append(')').toString();
    }
}
