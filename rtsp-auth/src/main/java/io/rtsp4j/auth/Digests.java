package io.rtsp4j.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The Digest computations of RFC 2617 §3.2.2 and RFC 7616 §3.4, with lowercase hex strings as the RFCs print
 * them. Strings are hashed as UTF-8, which is what FFmpeg and GStreamer do with non-ASCII user names and
 * passwords (RFC 7616 §3.4.4 charset=UTF-8).
 */
final class Digests {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Digests() {
    }

    /** {@code H(data)} as lowercase hex. */
    static String hex(AuthMethod method, String data) {
        return toHex(digest(method, data.getBytes(StandardCharsets.UTF_8)));
    }

    // Cloning a prototype skips the provider lookup of getInstance, the main cost for inputs this short.
    private static final MessageDigest MD5 = prototype("MD5");
    private static final MessageDigest SHA256 = prototype("SHA-256");

    private static MessageDigest prototype(String name) {
        try {
            return MessageDigest.getInstance(name);
        } catch (NoSuchAlgorithmException e) {
            // MD5 and SHA-256 are mandatory in every Java platform (MessageDigest Javadoc)
            throw new IllegalStateException(name + " missing from the JDK", e);
        }
    }

    private static MessageDigest newDigest(AuthMethod method) {
        MessageDigest proto = method == AuthMethod.DIGEST_MD5 ? MD5 : SHA256;
        try {
            return (MessageDigest) proto.clone();
        } catch (CloneNotSupportedException e) {
            return prototype(proto.getAlgorithm());
        }
    }

    /** The raw hash of some bytes. */
    static byte[] digest(AuthMethod method, byte[] data) {
        return newDigest(method).digest(data);
    }

    /** {@code HA1 = H(username ":" realm ":" password)}. */
    static String ha1(AuthMethod method, String user, String realm, String password) {
        return hex(method, user + ':' + realm + ':' + password);
    }

    /** {@code HA2 = H(method ":" digest-uri)} (qop absent or {@code auth}). */
    static String ha2(AuthMethod method, String requestMethod, String digestUri) {
        return hex(method, requestMethod + ':' + digestUri);
    }

    /**
     * The request-digest: {@code H(HA1 ":" nonce ":" HA2)} without qop (RFC 2069, what most RTSP clients send),
     * {@code H(HA1 ":" nonce ":" nc ":" cnonce ":" qop ":" HA2)} with qop.
     */
    static String response(AuthMethod method, String ha1, String nonce, String qop, String nc, String cnonce,
            String ha2) {
        if (qop == null) {
            return hex(method, ha1 + ':' + nonce + ':' + ha2);
        }
        return hex(method, ha1 + ':' + nonce + ':' + nc + ':' + cnonce + ':' + qop + ':' + ha2);
    }

    static String toHex(byte[] bytes) {
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = HEX[(bytes[i] >> 4) & 0xf];
            out[2 * i + 1] = HEX[bytes[i] & 0xf];
        }
        return new String(out);
    }

    /**
     * Compares two strings in time that depends only on their lengths' hashes, not on where they differ: both
     * sides are hashed first (so a length difference is not visible either) and the hashes are compared with
     * {@link MessageDigest#isEqual}.
     */
    static boolean constantTimeEquals(String a, String b) {
        byte[] ha = digest(AuthMethod.DIGEST_SHA256, a.getBytes(StandardCharsets.UTF_8));
        byte[] hb = digest(AuthMethod.DIGEST_SHA256, b.getBytes(StandardCharsets.UTF_8));
        return MessageDigest.isEqual(ha, hb);
    }
}
