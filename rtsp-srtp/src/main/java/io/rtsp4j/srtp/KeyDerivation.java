package io.rtsp4j.srtp;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The SRTP key derivation function of RFC 3711 §4.3 with key derivation rate 0: AES in counter mode keyed
 * with the master key, started at {@code (master salt XOR (label << 48)) << 16}, run over zeros.
 *
 * <p>The same function serves AES-128 and AES-256 (RFC 6188 §7.1). RFC 7714 §11 uses it unchanged for the
 * AES-GCM profiles, whose master salt is 12 bytes: like libsrtp, the salt is placed in the leading bytes of
 * the 112-bit salt field and the last two bytes stay zero (checked against libsrtp's GCM test vector).
 */
final class KeyDerivation {

    /** Label of the SRTP encryption key. */
    static final int LABEL_RTP_ENCRYPTION = 0;
    /** Label of the SRTP authentication key. */
    static final int LABEL_RTP_AUTHENTICATION = 1;
    /** Label of the SRTP salt. */
    static final int LABEL_RTP_SALT = 2;
    /** Label of the SRTCP encryption key. */
    static final int LABEL_RTCP_ENCRYPTION = 3;
    /** Label of the SRTCP authentication key. */
    static final int LABEL_RTCP_AUTHENTICATION = 4;
    /** Label of the SRTCP salt. */
    static final int LABEL_RTCP_SALT = 5;

    private static final int SALT_FIELD_LENGTH = 14;

    private KeyDerivation() {
    }

    /**
     * Derives one session key or salt.
     *
     * @param masterKey 16 or 32 bytes
     * @param masterSalt up to 14 bytes
     * @param label one of the {@code LABEL_} constants
     * @param length number of bytes to derive
     * @return the derived bytes
     */
    static byte[] derive(byte[] masterKey, byte[] masterSalt, int label, int length) {
        if (masterSalt.length > SALT_FIELD_LENGTH) {
            throw new IllegalArgumentException("master salt longer than 14 bytes");
        }
        byte[] iv = new byte[16];
        System.arraycopy(masterSalt, 0, iv, 0, masterSalt.length);
        // key_id = label || r with r = index DIV kdr = 0 (kdr 0); it is XORed into the low 56 bits of the
        // 112-bit salt field, so the label lands on byte 7.
        iv[7] ^= (byte) label;
        try {
            Cipher aes = Cipher.getInstance("AES/CTR/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(masterKey, "AES"), new IvParameterSpec(iv));
            return aes.doFinal(new byte[length]);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks AES/CTR/NoPadding", e);
        }
    }
}
