package io.rtsp4j.auth;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Self-validating nonces: {@code hex(expiry) || hex(tag)}, 48 lowercase hex digits, where expiry is the
 * expiry instant in epoch milliseconds (8 bytes, big endian) and tag the first 16 bytes of
 * {@code HMAC-SHA-256(secret, "rtsp4j-nonce-v1" || expiry || scope id)}. The server stores nothing per nonce:
 * the tag proves it issued the nonce for that scope, the expiry says until when. Hex keeps the nonce safe for
 * every client's quoted-string handling.
 */
final class Nonces {

    /** Result of checking a nonce the client sent. */
    enum Check {
        /** Issued by this verifier for this scope and not expired. */
        VALID,
        /** Issued for this scope but expired. */
        EXPIRED,
        /** Not issued for this scope by this verifier (another connection, a restart, or made up). */
        FOREIGN
    }

    static final int LENGTH = 48;
    private static final int TAG_BYTES = 16;
    private static final byte[] LABEL = "rtsp4j-nonce-v1".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private Nonces() {
    }

    static String issue(Mac keyedMac, byte[] scopeId, long expiryMillis) {
        byte[] tag = tag(keyedMac, scopeId, expiryMillis);
        StringBuilder sb = new StringBuilder(LENGTH);
        sb.append(Digests.toHex(ByteBuffer.allocate(8).putLong(expiryMillis).array()));
        sb.append(Digests.toHex(tag));
        return sb.toString();
    }

    static Check check(Mac keyedMac, byte[] scopeId, String nonce, long nowMillis) {
        if (nonce.length() != LENGTH) {
            return Check.FOREIGN;
        }
        byte[] raw = new byte[LENGTH / 2];
        for (int i = 0; i < raw.length; i++) {
            int hi = hexValue(nonce.charAt(2 * i));
            int lo = hexValue(nonce.charAt(2 * i + 1));
            if (hi < 0 || lo < 0) {
                return Check.FOREIGN;
            }
            raw[i] = (byte) ((hi << 4) | lo);
        }
        ByteBuffer buf = ByteBuffer.wrap(raw);
        long expiry = buf.getLong();
        byte[] sent = new byte[TAG_BYTES];
        buf.get(sent);
        if (!MessageDigest.isEqual(sent, tag(keyedMac, scopeId, expiry))) {
            return Check.FOREIGN;
        }
        return nowMillis > expiry ? Check.EXPIRED : Check.VALID;
    }

    /** A keyed HMAC to clone per use; {@code Mac} instances are not thread-safe, clones are cheap. */
    static Mac keyedMac(byte[] secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            // HmacSHA256 is mandatory in every Java platform (Mac Javadoc)
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static byte[] tag(Mac keyed, byte[] scopeId, long expiryMillis) {
        Mac mac;
        try {
            mac = (Mac) keyed.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("HmacSHA256 cannot be cloned", e);
        }
        mac.update(LABEL);
        mac.update(ByteBuffer.allocate(8).putLong(expiryMillis).array());
        mac.update(scopeId);
        byte[] full = mac.doFinal();
        byte[] tag = new byte[TAG_BYTES];
        System.arraycopy(full, 0, tag, 0, TAG_BYTES);
        return tag;
    }

    /** Lowercase hex only: we issue lowercase, and clients echo the nonce byte for byte. */
    private static int hexValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return -1;
    }
}
