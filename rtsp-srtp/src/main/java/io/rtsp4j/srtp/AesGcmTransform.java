package io.rtsp4j.srtp;

import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-GCM AEAD (RFC 7714) through the JDK's {@code AES/GCM/NoPadding} (AES-NI and carry-less multiply
 * intrinsics on x86).
 *
 * <p>Layouts: SRTP {@code header | ciphertext | tag (16) | MKI}, with the header as associated data;
 * SRTCP {@code header (8) | ciphertext | tag (16) | E + index | MKI}, with header and E + index as associated
 * data (RFC 7714 §9.2, §17). Without encryption the whole packet (plus, for SRTCP, E + index) is associated
 * data and the tag follows it.
 *
 * <p>The 12-byte IV is {@code 00 00 | SSRC | ROC | SEQ} (SRTP) or {@code 00 00 | SSRC | 00 00 | index}
 * (SRTCP), XORed with the session salt (RFC 7714 §8.1, §9.1). An authentication failure surfaces from the JDK
 * as {@link AEADBadTagException}; it is caught here and never reaches the caller, and the JDK verifies the
 * tag before it writes any plain text, so the packet stays unchanged.
 */
final class AesGcmTransform implements SrtpTransform {

    private static final int TAG_LENGTH = 16;

    private final Cipher rtpCipher;
    private final Cipher rtcpCipher;
    private final SecretKeySpec rtpKey;
    private final SecretKeySpec rtcpKey;
    private final byte[] rtpSalt;
    private final byte[] rtcpSalt;
    private final byte[] mki;
    private final boolean encryptRtp;
    private final boolean encryptRtcp;
    private final byte[] iv = new byte[12];
    private final byte[] trailer = new byte[4];

    AesGcmTransform(SessionKeys rtp, SessionKeys rtcp, byte[] mki, boolean encryptRtp, boolean encryptRtcp) {
        this.rtpKey = new SecretKeySpec(rtp.encryptionKey(), "AES");
        this.rtcpKey = new SecretKeySpec(rtcp.encryptionKey(), "AES");
        this.rtpSalt = rtp.salt().clone();
        this.rtcpSalt = rtcp.salt().clone();
        this.mki = mki;
        this.encryptRtp = encryptRtp;
        this.encryptRtcp = encryptRtcp;
        try {
            this.rtpCipher = Cipher.getInstance("AES/GCM/NoPadding");
            this.rtcpCipher = Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks AES/GCM/NoPadding", e);
        }
    }

    @Override
    public int protectRtp(byte[] a, int offset, int headerLength, int payloadLength, int ssrc, long index) {
        rtpIv(ssrc, index);
        try {
            rtpCipher.init(Cipher.ENCRYPT_MODE, rtpKey, new GCMParameterSpec(TAG_LENGTH * 8, iv));
            if (encryptRtp) {
                rtpCipher.updateAAD(a, offset, headerLength);
                rtpCipher.doFinal(a, offset + headerLength, payloadLength, a, offset + headerLength);
            } else {
                rtpCipher.updateAAD(a, offset, headerLength + payloadLength);
                rtpCipher.doFinal(a, 0, 0, a, offset + headerLength + payloadLength);
            }
        } catch (InvalidAlgorithmParameterException e) {
            // The JDK refuses to encrypt twice in a row with the same key and IV (same packet index).
            return NONCE_REUSE;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM failed", e);
        }
        int length = headerLength + payloadLength + TAG_LENGTH;
        System.arraycopy(mki, 0, a, offset + length, mki.length);
        return length + mki.length;
    }

    @Override
    public boolean unprotectRtp(byte[] a, int offset, int headerLength, int payloadLength, int ssrc, long index) {
        rtpIv(ssrc, index);
        try {
            rtpCipher.init(Cipher.DECRYPT_MODE, rtpKey, new GCMParameterSpec(TAG_LENGTH * 8, iv));
            if (encryptRtp) {
                rtpCipher.updateAAD(a, offset, headerLength);
                rtpCipher.doFinal(a, offset + headerLength, payloadLength + TAG_LENGTH, a, offset + headerLength);
            } else {
                int tagAt = offset + headerLength + payloadLength;
                rtpCipher.updateAAD(a, offset, headerLength + payloadLength);
                rtpCipher.doFinal(a, tagAt, TAG_LENGTH, a, tagAt);
            }
            return true;
        } catch (AEADBadTagException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM failed", e);
        }
    }

    @Override
    public int protectRtcp(byte[] a, int offset, int length, int ssrc, int index) {
        rtcpIv(ssrc, index);
        int word = encryptRtcp ? index | 0x8000_0000 : index;
        putInt(trailer, 0, word);
        try {
            rtcpCipher.init(Cipher.ENCRYPT_MODE, rtcpKey, new GCMParameterSpec(TAG_LENGTH * 8, iv));
            if (encryptRtcp) {
                rtcpCipher.updateAAD(a, offset, 8);
                rtcpCipher.updateAAD(trailer, 0, 4);
                rtcpCipher.doFinal(a, offset + 8, length - 8, a, offset + 8);
            } else {
                rtcpCipher.updateAAD(a, offset, length);
                rtcpCipher.updateAAD(trailer, 0, 4);
                rtcpCipher.doFinal(a, 0, 0, a, offset + length);
            }
        } catch (InvalidAlgorithmParameterException e) {
            return NONCE_REUSE;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM failed", e);
        }
        int at = offset + length + TAG_LENGTH;
        System.arraycopy(trailer, 0, a, at, 4);
        System.arraycopy(mki, 0, a, at + 4, mki.length);
        return length + TAG_LENGTH + 4 + mki.length;
    }

    @Override
    public boolean unprotectRtcp(byte[] a, int offset, int length, int ssrc, int index, boolean encrypted) {
        rtcpIv(ssrc, index);
        System.arraycopy(a, offset + length + TAG_LENGTH, trailer, 0, 4);
        try {
            rtcpCipher.init(Cipher.DECRYPT_MODE, rtcpKey, new GCMParameterSpec(TAG_LENGTH * 8, iv));
            if (encrypted) {
                rtcpCipher.updateAAD(a, offset, 8);
                rtcpCipher.updateAAD(trailer, 0, 4);
                rtcpCipher.doFinal(a, offset + 8, length - 8 + TAG_LENGTH, a, offset + 8);
            } else {
                rtcpCipher.updateAAD(a, offset, length);
                rtcpCipher.updateAAD(trailer, 0, 4);
                rtcpCipher.doFinal(a, offset + length, TAG_LENGTH, a, offset + length);
            }
            return true;
        } catch (AEADBadTagException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM failed", e);
        }
    }

    private void rtpIv(int ssrc, long index) {
        byte[] v = iv;
        v[0] = rtpSalt[0];
        v[1] = rtpSalt[1];
        putInt(v, 2, ssrc ^ getInt(rtpSalt, 2));
        putInt(v, 6, (int) (index >>> 16) ^ getInt(rtpSalt, 6));
        v[10] = (byte) ((index >>> 8) ^ rtpSalt[10]);
        v[11] = (byte) (index ^ rtpSalt[11]);
    }

    private void rtcpIv(int ssrc, int index) {
        byte[] v = iv;
        v[0] = rtcpSalt[0];
        v[1] = rtcpSalt[1];
        putInt(v, 2, ssrc ^ getInt(rtcpSalt, 2));
        v[6] = rtcpSalt[6];
        v[7] = rtcpSalt[7];
        putInt(v, 8, index ^ getInt(rtcpSalt, 8));
    }

    private static int getInt(byte[] b, int at) {
        return (b[at] << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
    }

    private static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }
}
