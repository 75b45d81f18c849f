package io.rtsp4j.srtp;

/**
 * Sliding replay window over packet indexes (RFC 3711 §3.3.2): remembers which of the {@code size} indexes
 * at and below the highest accepted index were seen. Bit {@code d} of the bitmap stands for index
 * {@code highest - d}.
 */
final class ReplayWindow {

    private final int size;
    private final long[] bits;
    private boolean started;
    private long highest;

    /**
     * Creates an empty window.
     *
     * @param size number of indexes tracked; 0 disables replay checks (only the highest index is kept)
     */
    ReplayWindow(int size) {
        this.size = size;
        this.bits = new long[Math.max(1, (size + 63) >>> 6)];
    }

    boolean started() {
        return started;
    }

    long highest() {
        return highest;
    }

    /**
     * Whether an index may be accepted: newer than the highest, or inside the window and not yet seen.
     *
     * @param index the packet index
     * @return true when the packet is not a replay
     */
    boolean check(long index) {
        if (!started || index > highest || size == 0) {
            return true;
        }
        long delta = highest - index;
        if (delta >= size) {
            return false;
        }
        int d = (int) delta;
        return (bits[d >>> 6] & (1L << d)) == 0;
    }

    /**
     * Records an accepted index. Call only after {@link #check(long)} passed and the packet authenticated.
     *
     * @param index the packet index
     */
    void accept(long index) {
        if (!started) {
            started = true;
            highest = index;
            bits[0] = 1L;
            return;
        }
        if (index > highest) {
            shift(index - highest);
            highest = index;
            bits[0] |= 1L;
        } else {
            long delta = highest - index;
            if (delta < size) {
                int d = (int) delta;
                bits[d >>> 6] |= 1L << d;
            }
        }
    }

    /** Moves every bit up by {@code n} positions, dropping bits that leave the array. */
    private void shift(long n) {
        int words = bits.length;
        if (n >= (long) words * 64) {
            java.util.Arrays.fill(bits, 0L);
            return;
        }
        int wordShift = (int) (n >>> 6);
        int bitShift = (int) (n & 63);
        for (int i = words - 1; i >= 0; i--) {
            int src = i - wordShift;
            long value = 0;
            if (src >= 0) {
                value = bits[src] << bitShift;
                if (bitShift != 0 && src > 0) {
                    value |= bits[src - 1] >>> (64 - bitShift);
                }
            }
            bits[i] = value;
        }
    }
}
