package io.rtsp4j.srtp;

import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA1 through the JDK's {@code HmacSHA1}, fast where HotSpot has a SHA-1 intrinsic (SHA-NI). */
final class JdkHmacSha1 implements PacketMac {

    private final Mac mac;
    private final byte[] word = new byte[4];

    JdkHmacSha1(byte[] key) {
        try {
            mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks HmacSHA1", e);
        }
    }

    @Override
    public void update(byte[] data, int offset, int length) {
        mac.update(data, offset, length);
    }

    @Override
    public void updateInt(int value) {
        word[0] = (byte) (value >>> 24);
        word[1] = (byte) (value >>> 16);
        word[2] = (byte) (value >>> 8);
        word[3] = (byte) value;
        mac.update(word, 0, 4);
    }

    @Override
    public void doFinal(byte[] out, int offset) {
        try {
            mac.doFinal(out, offset);
        } catch (ShortBufferException e) {
            throw new IllegalStateException("MAC output buffer too small", e);
        }
    }
}
