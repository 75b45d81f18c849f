package io.rtsp4j.srtp;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The SHA-1 compression function (FIPS 180-4 §6.1.2), fully unrolled.
 *
 * <p>Used by {@link HmacSha1} when {@link PacketMacs} selects it. It keeps the 16-word schedule and the five
 * working variables in locals instead of the JDK's 80-entry array and rounds loop. SHA-1 has no data-dependent
 * branches or table look-ups, so this code runs in constant time for a given length.
 *
 * <p>The round function of rounds 40..59 uses {@code (b & c) + (d & (b ^ c))}, equal to the majority
 * function because the two terms never have a bit set in common.
 */
final class Sha1Block {

    /** The initial hash value H(0). */
    static final int[] INITIAL_STATE = {0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0};

    private static final VarHandle BIG_ENDIAN_INT =
            MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final int K0 = 0x5A827999;
    private static final int K1 = 0x6ED9EBA1;
    private static final int K2 = 0x8F1BBCDC;
    private static final int K3 = 0xCA62C1D6;

    private Sha1Block() {
    }

    /**
     * Processes one 64-byte block.
     *
     * @param state the five hash words, updated in place
     * @param block the data
     * @param offset start of the block in {@code block}
     */
    static void compress(int[] state, byte[] block, int offset) {
        int a = state[0];
        int b = state[1];
        int c = state[2];
        int d = state[3];
        int e = state[4];
        int w0 = (int) BIG_ENDIAN_INT.get(block, offset + 0);
        int w1 = (int) BIG_ENDIAN_INT.get(block, offset + 4);
        int w2 = (int) BIG_ENDIAN_INT.get(block, offset + 8);
        int w3 = (int) BIG_ENDIAN_INT.get(block, offset + 12);
        int w4 = (int) BIG_ENDIAN_INT.get(block, offset + 16);
        int w5 = (int) BIG_ENDIAN_INT.get(block, offset + 20);
        int w6 = (int) BIG_ENDIAN_INT.get(block, offset + 24);
        int w7 = (int) BIG_ENDIAN_INT.get(block, offset + 28);
        int w8 = (int) BIG_ENDIAN_INT.get(block, offset + 32);
        int w9 = (int) BIG_ENDIAN_INT.get(block, offset + 36);
        int w10 = (int) BIG_ENDIAN_INT.get(block, offset + 40);
        int w11 = (int) BIG_ENDIAN_INT.get(block, offset + 44);
        int w12 = (int) BIG_ENDIAN_INT.get(block, offset + 48);
        int w13 = (int) BIG_ENDIAN_INT.get(block, offset + 52);
        int w14 = (int) BIG_ENDIAN_INT.get(block, offset + 56);
        int w15 = (int) BIG_ENDIAN_INT.get(block, offset + 60);
        // rounds 0..19
        e += Integer.rotateLeft(a, 5) + (d ^ (b & (c ^ d))) + w0 + K0;
        b = Integer.rotateLeft(b, 30);
        d += Integer.rotateLeft(e, 5) + (c ^ (a & (b ^ c))) + w1 + K0;
        a = Integer.rotateLeft(a, 30);
        c += Integer.rotateLeft(d, 5) + (b ^ (e & (a ^ b))) + w2 + K0;
        e = Integer.rotateLeft(e, 30);
        b += Integer.rotateLeft(c, 5) + (a ^ (d & (e ^ a))) + w3 + K0;
        d = Integer.rotateLeft(d, 30);
        a += Integer.rotateLeft(b, 5) + (e ^ (c & (d ^ e))) + w4 + K0;
        c = Integer.rotateLeft(c, 30);
        e += Integer.rotateLeft(a, 5) + (d ^ (b & (c ^ d))) + w5 + K0;
        b = Integer.rotateLeft(b, 30);
        d += Integer.rotateLeft(e, 5) + (c ^ (a & (b ^ c))) + w6 + K0;
        a = Integer.rotateLeft(a, 30);
        c += Integer.rotateLeft(d, 5) + (b ^ (e & (a ^ b))) + w7 + K0;
        e = Integer.rotateLeft(e, 30);
        b += Integer.rotateLeft(c, 5) + (a ^ (d & (e ^ a))) + w8 + K0;
        d = Integer.rotateLeft(d, 30);
        a += Integer.rotateLeft(b, 5) + (e ^ (c & (d ^ e))) + w9 + K0;
        c = Integer.rotateLeft(c, 30);
        e += Integer.rotateLeft(a, 5) + (d ^ (b & (c ^ d))) + w10 + K0;
        b = Integer.rotateLeft(b, 30);
        d += Integer.rotateLeft(e, 5) + (c ^ (a & (b ^ c))) + w11 + K0;
        a = Integer.rotateLeft(a, 30);
        c += Integer.rotateLeft(d, 5) + (b ^ (e & (a ^ b))) + w12 + K0;
        e = Integer.rotateLeft(e, 30);
        b += Integer.rotateLeft(c, 5) + (a ^ (d & (e ^ a))) + w13 + K0;
        d = Integer.rotateLeft(d, 30);
        a += Integer.rotateLeft(b, 5) + (e ^ (c & (d ^ e))) + w14 + K0;
        c = Integer.rotateLeft(c, 30);
        e += Integer.rotateLeft(a, 5) + (d ^ (b & (c ^ d))) + w15 + K0;
        b = Integer.rotateLeft(b, 30);
        w0 = Integer.rotateLeft(w13 ^ w8 ^ w2 ^ w0, 1);
        d += Integer.rotateLeft(e, 5) + (c ^ (a & (b ^ c))) + w0 + K0;
        a = Integer.rotateLeft(a, 30);
        w1 = Integer.rotateLeft(w14 ^ w9 ^ w3 ^ w1, 1);
        c += Integer.rotateLeft(d, 5) + (b ^ (e & (a ^ b))) + w1 + K0;
        e = Integer.rotateLeft(e, 30);
        w2 = Integer.rotateLeft(w15 ^ w10 ^ w4 ^ w2, 1);
        b += Integer.rotateLeft(c, 5) + (a ^ (d & (e ^ a))) + w2 + K0;
        d = Integer.rotateLeft(d, 30);
        w3 = Integer.rotateLeft(w0 ^ w11 ^ w5 ^ w3, 1);
        a += Integer.rotateLeft(b, 5) + (e ^ (c & (d ^ e))) + w3 + K0;
        c = Integer.rotateLeft(c, 30);
        w4 = Integer.rotateLeft(w1 ^ w12 ^ w6 ^ w4, 1);
        // rounds 20..39
        e += Integer.rotateLeft(a, 5) + (b ^ c ^ d) + w4 + K1;
        b = Integer.rotateLeft(b, 30);
        w5 = Integer.rotateLeft(w2 ^ w13 ^ w7 ^ w5, 1);
        d += Integer.rotateLeft(e, 5) + (a ^ b ^ c) + w5 + K1;
        a = Integer.rotateLeft(a, 30);
        w6 = Integer.rotateLeft(w3 ^ w14 ^ w8 ^ w6, 1);
        c += Integer.rotateLeft(d, 5) + (e ^ a ^ b) + w6 + K1;
        e = Integer.rotateLeft(e, 30);
        w7 = Integer.rotateLeft(w4 ^ w15 ^ w9 ^ w7, 1);
        b += Integer.rotateLeft(c, 5) + (d ^ e ^ a) + w7 + K1;
        d = Integer.rotateLeft(d, 30);
        w8 = Integer.rotateLeft(w5 ^ w0 ^ w10 ^ w8, 1);
        a += Integer.rotateLeft(b, 5) + (c ^ d ^ e) + w8 + K1;
        c = Integer.rotateLeft(c, 30);
        w9 = Integer.rotateLeft(w6 ^ w1 ^ w11 ^ w9, 1);
        e += Integer.rotateLeft(a, 5) + (b ^ c ^ d) + w9 + K1;
        b = Integer.rotateLeft(b, 30);
        w10 = Integer.rotateLeft(w7 ^ w2 ^ w12 ^ w10, 1);
        d += Integer.rotateLeft(e, 5) + (a ^ b ^ c) + w10 + K1;
        a = Integer.rotateLeft(a, 30);
        w11 = Integer.rotateLeft(w8 ^ w3 ^ w13 ^ w11, 1);
        c += Integer.rotateLeft(d, 5) + (e ^ a ^ b) + w11 + K1;
        e = Integer.rotateLeft(e, 30);
        w12 = Integer.rotateLeft(w9 ^ w4 ^ w14 ^ w12, 1);
        b += Integer.rotateLeft(c, 5) + (d ^ e ^ a) + w12 + K1;
        d = Integer.rotateLeft(d, 30);
        w13 = Integer.rotateLeft(w10 ^ w5 ^ w15 ^ w13, 1);
        a += Integer.rotateLeft(b, 5) + (c ^ d ^ e) + w13 + K1;
        c = Integer.rotateLeft(c, 30);
        w14 = Integer.rotateLeft(w11 ^ w6 ^ w0 ^ w14, 1);
        e += Integer.rotateLeft(a, 5) + (b ^ c ^ d) + w14 + K1;
        b = Integer.rotateLeft(b, 30);
        w15 = Integer.rotateLeft(w12 ^ w7 ^ w1 ^ w15, 1);
        d += Integer.rotateLeft(e, 5) + (a ^ b ^ c) + w15 + K1;
        a = Integer.rotateLeft(a, 30);
        w0 = Integer.rotateLeft(w13 ^ w8 ^ w2 ^ w0, 1);
        c += Integer.rotateLeft(d, 5) + (e ^ a ^ b) + w0 + K1;
        e = Integer.rotateLeft(e, 30);
        w1 = Integer.rotateLeft(w14 ^ w9 ^ w3 ^ w1, 1);
        b += Integer.rotateLeft(c, 5) + (d ^ e ^ a) + w1 + K1;
        d = Integer.rotateLeft(d, 30);
        w2 = Integer.rotateLeft(w15 ^ w10 ^ w4 ^ w2, 1);
        a += Integer.rotateLeft(b, 5) + (c ^ d ^ e) + w2 + K1;
        c = Integer.rotateLeft(c, 30);
        w3 = Integer.rotateLeft(w0 ^ w11 ^ w5 ^ w3, 1);
        e += Integer.rotateLeft(a, 5) + (b ^ c ^ d) + w3 + K1;
        b = Integer.rotateLeft(b, 30);
        w4 = Integer.rotateLeft(w1 ^ w12 ^ w6 ^ w4, 1);
        d += Integer.rotateLeft(e, 5) + (a ^ b ^ c) + w4 + K1;
        a = Integer.rotateLeft(a, 30);
        w5 = Integer.rotateLeft(w2 ^ w13 ^ w7 ^ w5, 1);
        c += Integer.rotateLeft(d, 5) + (e ^ a ^ b) + w5 + K1;
        e = Integer.rotateLeft(e, 30);
        w6 = Integer.rotateLeft(w3 ^ w14 ^ w8 ^ w6, 1);
        b += Integer.rotateLeft(c, 5) + (d ^ e ^ a) + w6 + K1;
        d = Integer.rotateLeft(d, 30);
        w7 = Integer.rotateLeft(w4 ^ w15 ^ w9 ^ w7, 1);
        a += Integer.rotateLeft(b, 5) + (c ^ d ^ e) + w7 + K1;
        c = Integer.rotateLeft(c, 30);
        w8 = Integer.rotateLeft(w5 ^ w0 ^ w10 ^ w8, 1);
        // rounds 40..59
        e += Integer.rotateLeft(a, 5) + ((b & c) + (d & (b ^ c))) + w8 + K2;
        b = Integer.rotateLeft(b, 30);
        w9 = Integer.rotateLeft(w6 ^ w1 ^ w11 ^ w9, 1);
        d += Integer.rotateLeft(e, 5) + ((a & b) + (c & (a ^ b))) + w9 + K2;
        a = Integer.rotateLeft(a, 30);
        w10 = Integer.rotateLeft(w7 ^ w2 ^ w12 ^ w10, 1);
        c += Integer.rotateLeft(d, 5) + ((e & a) + (b & (e ^ a))) + w10 + K2;
        e = Integer.rotateLeft(e, 30);
        w11 = Integer.rotateLeft(w8 ^ w3 ^ w13 ^ w11, 1);
        b += Integer.rotateLeft(c, 5) + ((d & e) + (a & (d ^ e))) + w11 + K2;
        d = Integer.rotateLeft(d, 30);
        w12 = Integer.rotateLeft(w9 ^ w4 ^ w14 ^ w12, 1);
        a += Integer.rotateLeft(b, 5) + ((c & d) + (e & (c ^ d))) + w12 + K2;
        c = Integer.rotateLeft(c, 30);
        w13 = Integer.rotateLeft(w10 ^ w5 ^ w15 ^ w13, 1);
        e += Integer.rotateLeft(a, 5) + ((b & c) + (d & (b ^ c))) + w13 + K2;
        b = Integer.rotateLeft(b, 30);
        w14 = Integer.rotateLeft(w11 ^ w6 ^ w0 ^ w14, 1);
        d += Integer.rotateLeft(e, 5) + ((a & b) + (c & (a ^ b))) + w14 + K2;
        a = Integer.rotateLeft(a, 30);
        w15 = Integer.rotateLeft(w12 ^ w7 ^ w1 ^ w15, 1);
        c += Integer.rotateLeft(d, 5) + ((e & a) + (b & (e ^ a))) + w15 + K2;
        e = Integer.rotateLeft(e, 30);
        w0 = Integer.rotateLeft(w13 ^ w8 ^ w2 ^ w0, 1);
        b += Integer.rotateLeft(c, 5) + ((d & e) + (a & (d ^ e))) + w0 + K2;
        d = Integer.rotateLeft(d, 30);
        w1 = Integer.rotateLeft(w14 ^ w9 ^ w3 ^ w1, 1);
        a += Integer.rotateLeft(b, 5) + ((c & d) + (e & (c ^ d))) + w1 + K2;
        c = Integer.rotateLeft(c, 30);
        w2 = Integer.rotateLeft(w15 ^ w10 ^ w4 ^ w2, 1);
        e += Integer.rotateLeft(a, 5) + ((b & c) + (d & (b ^ c))) + w2 + K2;
        b = Integer.rotateLeft(b, 30);
        w3 = Integer.rotateLeft(w0 ^ w11 ^ w5 ^ w3, 1);
        d += Integer.rotateLeft(e, 5) + ((a & b) + (c & (a ^ b))) + w3 + K2;
        a = Integer.rotateLeft(a, 30);
        w4 = Integer.rotateLeft(w1 ^ w12 ^ w6 ^ w4, 1);
        c += Integer.rotateLeft(d, 5) + ((e & a) + (b & (e ^ a))) + w4 + K2;
        e = Integer.rotateLeft(e, 30);
        w5 = Integer.rotateLeft(w2 ^ w13 ^ w7 ^ w5, 1);
        b += Integer.rotateLeft(c, 5) + ((d & e) + (a & (d ^ e))) + w5 + K2;
        d = Integer.rotateLeft(d, 30);
        w6 = Integer.rotateLeft(w3 ^ w14 ^ w8 ^ w6, 1);
        a += Integer.rotateLeft(b, 5) + ((c & d) + (e & (c ^ d))) + w6 + K2;
        c = Integer.rotateLeft(c, 30);
        w7 = Integer.rotateLeft(w4 ^ w15 ^ w9 ^ w7, 1);
        e += Integer.rotateLeft(a, 5) + ((b & c) + (d & (b ^ c))) + w7 + K2;
        b = Integer.rotateLeft(b, 30);
        w8 = Integer.rotateLeft(w5 ^ w0 ^ w10 ^ w8, 1);
        d += Integer.rotateLeft(e, 5) + ((a & b) + (c & (a ^ b))) + w8 + K2;
        a = Integer.rotateLeft(a, 30);
        w9 = Integer.rotateLeft(w6 ^ w1 ^ w11 ^ w9, 1);
        c += Integer.rotateLeft(d, 5) + ((e & a) + (b & (e ^ a))) + w9 + K2;
        e = Integer.rotateLeft(e, 30);
        w10 = Integer.rotateLeft(w7 ^ w2 ^ w12 ^ w10, 1);
        b += Integer.rotateLeft(c, 5) + ((d & e) + (a & (d ^ e))) + w10 + K2;
        d = Integer.rotateLeft(d, 30);
        w11 = Integer.rotateLeft(w8 ^ w3 ^ w13 ^ w11, 1);
        a += Integer.rotateLeft(b, 5) + ((c & d) + (e & (c ^ d))) + w11 + K2;
        c = Integer.rotateLeft(c, 30);
        w12 = Integer.rotateLeft(w9 ^ w4 ^ w14 ^ w12, 1);
        // rounds 60..79
        e += Integer.rotateLeft(a, 5) + (b ^ c ^ d) + w12 + K3;
        b = Integer.rotateLeft(b, 30);
        w13 = Integer.rotateLeft(w10 ^ w5 ^ w15 ^ w13, 1);
        d += Integer.rotateLeft(e, 5) + (a ^ b ^ c) + w13 + K3;
        a = Integer.rotateLeft(a, 30);
        w14 = Integer.rotateLeft(w11 ^ w6 ^ w0 ^ w14, 1);
        c += Integer.rotateLeft(d, 5) + (e ^ a ^ b) + w14 + K3;
        e = Integer.rotateLeft(e, 30);
        w15 = Integer.rotateLeft(w12 ^ w7 ^ w1 ^ w15, 1);
        b += Integer.rotateLeft(c, 5) + (d ^ e ^ a) + w15 + K3;
        d = Integer.rotateLeft(d, 30);
        w0 = Integer.rotateLeft(w13 ^ w8 ^ w2 ^ w0, 1);
        a += Integer.rotateLeft(b, 5) + (c ^ d ^ e) + w0 + K3;
        c = Integer.rotateLeft(c, 30);
        w1 = Integer.rotateLeft(w14 ^ w9 ^ w3 ^ w1, 1);
        e += Integer.rotateLeft(a, 5) + (b ^ c ^ d) + w1 + K3;
        b = Integer.rotateLeft(b, 30);
        w2 = Integer.rotateLeft(w15 ^ w10 ^ w4 ^ w2, 1);
        d += Integer.rotateLeft(e, 5) + (a ^ b ^ c) + w2 + K3;
        a = Integer.rotateLeft(a, 30);
        w3 = Integer.rotateLeft(w0 ^ w11 ^ w5 ^ w3, 1);
        c += Integer.rotateLeft(d, 5) + (e ^ a ^ b) + w3 + K3;
        e = Integer.rotateLeft(e, 30);
        w4 = Integer.rotateLeft(w1 ^ w12 ^ w6 ^ w4, 1);
        b += Integer.rotateLeft(c, 5) + (d ^ e ^ a) + w4 + K3;
        d = Integer.rotateLeft(d, 30);
        w5 = Integer.rotateLeft(w2 ^ w13 ^ w7 ^ w5, 1);
        a += Integer.rotateLeft(b, 5) + (c ^ d ^ e) + w5 + K3;
        c = Integer.rotateLeft(c, 30);
        w6 = Integer.rotateLeft(w3 ^ w14 ^ w8 ^ w6, 1);
        e += Integer.rotateLeft(a, 5) + (b ^ c ^ d) + w6 + K3;
        b = Integer.rotateLeft(b, 30);
        w7 = Integer.rotateLeft(w4 ^ w15 ^ w9 ^ w7, 1);
        d += Integer.rotateLeft(e, 5) + (a ^ b ^ c) + w7 + K3;
        a = Integer.rotateLeft(a, 30);
        w8 = Integer.rotateLeft(w5 ^ w0 ^ w10 ^ w8, 1);
        c += Integer.rotateLeft(d, 5) + (e ^ a ^ b) + w8 + K3;
        e = Integer.rotateLeft(e, 30);
        w9 = Integer.rotateLeft(w6 ^ w1 ^ w11 ^ w9, 1);
        b += Integer.rotateLeft(c, 5) + (d ^ e ^ a) + w9 + K3;
        d = Integer.rotateLeft(d, 30);
        w10 = Integer.rotateLeft(w7 ^ w2 ^ w12 ^ w10, 1);
        a += Integer.rotateLeft(b, 5) + (c ^ d ^ e) + w10 + K3;
        c = Integer.rotateLeft(c, 30);
        w11 = Integer.rotateLeft(w8 ^ w3 ^ w13 ^ w11, 1);
        e += Integer.rotateLeft(a, 5) + (b ^ c ^ d) + w11 + K3;
        b = Integer.rotateLeft(b, 30);
        w12 = Integer.rotateLeft(w9 ^ w4 ^ w14 ^ w12, 1);
        d += Integer.rotateLeft(e, 5) + (a ^ b ^ c) + w12 + K3;
        a = Integer.rotateLeft(a, 30);
        w13 = Integer.rotateLeft(w10 ^ w5 ^ w15 ^ w13, 1);
        c += Integer.rotateLeft(d, 5) + (e ^ a ^ b) + w13 + K3;
        e = Integer.rotateLeft(e, 30);
        w14 = Integer.rotateLeft(w11 ^ w6 ^ w0 ^ w14, 1);
        b += Integer.rotateLeft(c, 5) + (d ^ e ^ a) + w14 + K3;
        d = Integer.rotateLeft(d, 30);
        w15 = Integer.rotateLeft(w12 ^ w7 ^ w1 ^ w15, 1);
        a += Integer.rotateLeft(b, 5) + (c ^ d ^ e) + w15 + K3;
        c = Integer.rotateLeft(c, 30);
        state[0] += a;
        state[1] += b;
        state[2] += c;
        state[3] += d;
        state[4] += e;
    }
}
