package io.rtsp4j.srtp;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * HMAC-SHA1 (RFC 2104) on {@link Sha1Block}, with the hash states after the inner and outer key blocks
 * computed once per key: each packet then costs only its own blocks plus one outer block.
 */
final class HmacSha1 implements PacketMac {

    private static final int BLOCK = 64;
    private static final VarHandle BIG_ENDIAN_INT =
            MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle BIG_ENDIAN_LONG =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private final int[] innerStart = new int[5];
    private final int[] outerStart = new int[5];
    private final int[] state = new int[5];
    private final byte[] buffer = new byte[BLOCK];
    private final byte[] word = new byte[4];
    private int buffered;
    private long messageLength;

    HmacSha1(byte[] key) {
        byte[] block = new byte[BLOCK];
        if (key.length > BLOCK) {
            key = sha1(key);
        }
        System.arraycopy(key, 0, block, 0, key.length);
        byte[] pad = new byte[BLOCK];
        for (int i = 0; i < BLOCK; i++) {
            pad[i] = (byte) (block[i] ^ 0x36);
        }
        System.arraycopy(Sha1Block.INITIAL_STATE, 0, innerStart, 0, 5);
        Sha1Block.compress(innerStart, pad, 0);
        for (int i = 0; i < BLOCK; i++) {
            pad[i] = (byte) (block[i] ^ 0x5c);
        }
        System.arraycopy(Sha1Block.INITIAL_STATE, 0, outerStart, 0, 5);
        Sha1Block.compress(outerStart, pad, 0);
        Arrays.fill(block, (byte) 0);
        Arrays.fill(pad, (byte) 0);
        reset();
    }

    private void reset() {
        System.arraycopy(innerStart, 0, state, 0, 5);
        buffered = 0;
        messageLength = 0;
    }

    @Override
    public void update(byte[] data, int offset, int length) {
        messageLength += length;
        if (buffered > 0) {
            int take = Math.min(length, BLOCK - buffered);
            System.arraycopy(data, offset, buffer, buffered, take);
            buffered += take;
            offset += take;
            length -= take;
            if (buffered < BLOCK) {
                return;
            }
            Sha1Block.compress(state, buffer, 0);
            buffered = 0;
        }
        while (length >= BLOCK) {
            Sha1Block.compress(state, data, offset);
            offset += BLOCK;
            length -= BLOCK;
        }
        if (length > 0) {
            System.arraycopy(data, offset, buffer, 0, length);
            buffered = length;
        }
    }

    @Override
    public void updateInt(int value) {
        if (buffered <= BLOCK - 4) {
            BIG_ENDIAN_INT.set(buffer, buffered, value);
            buffered += 4;
            messageLength += 4;
            if (buffered == BLOCK) {
                Sha1Block.compress(state, buffer, 0);
                buffered = 0;
            }
        } else {
            BIG_ENDIAN_INT.set(word, 0, value);
            update(word, 0, 4);
        }
    }

    @Override
    public void doFinal(byte[] out, int offset) {
        // Inner hash: the message followed by 0x80, zeros and the bit length, which counts the key block too.
        long bitLength = (BLOCK + messageLength) * 8;
        buffer[buffered++] = (byte) 0x80;
        if (buffered > BLOCK - 8) {
            Arrays.fill(buffer, buffered, BLOCK, (byte) 0);
            Sha1Block.compress(state, buffer, 0);
            buffered = 0;
        }
        Arrays.fill(buffer, buffered, BLOCK - 8, (byte) 0);
        BIG_ENDIAN_LONG.set(buffer, BLOCK - 8, bitLength);
        Sha1Block.compress(state, buffer, 0);

        // Outer hash: one block holding the 20-byte inner digest, padding and the length (64 + 20) * 8.
        for (int i = 0; i < 5; i++) {
            BIG_ENDIAN_INT.set(buffer, 4 * i, state[i]);
        }
        buffer[MAC_LENGTH] = (byte) 0x80;
        Arrays.fill(buffer, MAC_LENGTH + 1, BLOCK - 8, (byte) 0);
        BIG_ENDIAN_LONG.set(buffer, BLOCK - 8, (long) (BLOCK + MAC_LENGTH) * 8);
        System.arraycopy(outerStart, 0, state, 0, 5);
        Sha1Block.compress(state, buffer, 0);
        for (int i = 0; i < 5; i++) {
            BIG_ENDIAN_INT.set(out, offset + 4 * i, state[i]);
        }
        reset();
    }

    /** Plain SHA-1 of a short array, used only for keys longer than a block. */
    static byte[] sha1(byte[] data) {
        int[] h = Sha1Block.INITIAL_STATE.clone();
        int full = data.length / BLOCK * BLOCK;
        for (int off = 0; off < full; off += BLOCK) {
            Sha1Block.compress(h, data, off);
        }
        int rest = data.length - full;
        byte[] tail = new byte[rest + 9 <= BLOCK ? BLOCK : 2 * BLOCK];
        System.arraycopy(data, full, tail, 0, rest);
        tail[rest] = (byte) 0x80;
        BIG_ENDIAN_LONG.set(tail, tail.length - 8, (long) data.length * 8);
        for (int off = 0; off < tail.length; off += BLOCK) {
            Sha1Block.compress(h, tail, off);
        }
        byte[] out = new byte[MAC_LENGTH];
        for (int i = 0; i < 5; i++) {
            BIG_ENDIAN_INT.set(out, 4 * i, h[i]);
        }
        return out;
    }
}
