package io.rtsp4j.examples.bench;

/**
 * A log-linear histogram of non-negative values (microseconds here): exact below {@value #LINEAR}, then
 * {@value #SUB_BUCKETS} buckets per power of two (relative error below 0.2%). Fixed size, no allocation per
 * value; not thread-safe (one per event loop, merged at the end).
 */
final class LatencyHistogram {

    static final int LINEAR = 1024;
    static final int SUB_BUCKETS = 512;
    private static final int LINEAR_BITS = 10;
    private static final int SUB_BITS = 9;
    /** Values up to 2^40 (12.7 days in microseconds); larger ones go to the last bucket. */
    private static final int MAX_EXPONENT = 40;

    private final long[] counts = new long[LINEAR + (MAX_EXPONENT - LINEAR_BITS) * SUB_BUCKETS];
    private long total;
    private long max = -1;
    private long sum;

    /**
     * Records a value; negative values count as 0.
     *
     * @param value the value
     */
    void record(long value) {
        long v = Math.max(0, value);
        counts[index(v)]++;
        total++;
        sum += v;
        if (v > max) {
            max = v;
        }
    }

    static int index(long v) {
        if (v < LINEAR) {
            return (int) v;
        }
        int exponent = 63 - Long.numberOfLeadingZeros(v);
        if (exponent >= MAX_EXPONENT) {
            return LINEAR + (MAX_EXPONENT - LINEAR_BITS) * SUB_BUCKETS - 1;
        }
        int sub = (int) (v >>> (exponent - SUB_BITS)) - SUB_BUCKETS;
        return LINEAR + (exponent - LINEAR_BITS) * SUB_BUCKETS + sub;
    }

    /** The largest value that falls into bucket {@code index}. */
    static long highestInBucket(int index) {
        if (index < LINEAR) {
            return index;
        }
        int exponent = (index - LINEAR) / SUB_BUCKETS + LINEAR_BITS;
        int sub = (index - LINEAR) % SUB_BUCKETS;
        long low = (long) (SUB_BUCKETS + sub) << (exponent - SUB_BITS);
        return low + (1L << (exponent - SUB_BITS)) - 1;
    }

    /** Number of values recorded. */
    long count() {
        return total;
    }

    /** The largest value recorded, or -1. */
    long max() {
        return max;
    }

    /** The mean, or 0 when empty. */
    double mean() {
        return total == 0 ? 0 : (double) sum / total;
    }

    /**
     * The value at a percentile (nearest rank): the smallest recorded value (to bucket precision, reported as
     * the bucket's highest value, never above the maximum) such that at least {@code percentile}% of the values
     * are at or below it.
     *
     * @param percentile 0..100
     * @return the value, or -1 when empty
     */
    long percentile(double percentile) {
        if (total == 0) {
            return -1;
        }
        long rank = Math.max(1, (long) Math.ceil(percentile / 100.0 * total));
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return Math.min(highestInBucket(i), max);
            }
        }
        return max;
    }

    /**
     * Adds the values of another histogram to this one.
     *
     * @param other the other histogram (not modified)
     */
    void add(LatencyHistogram other) {
        for (int i = 0; i < counts.length; i++) {
            counts[i] += other.counts[i];
        }
        total += other.total;
        sum += other.sum;
        max = Math.max(max, other.max);
    }

    /** A copy. */
    LatencyHistogram copy() {
        LatencyHistogram c = new LatencyHistogram();
        c.add(this);
        return c;
    }

    /** Forgets every value. */
    void reset() {
        java.util.Arrays.fill(counts, 0);
        total = 0;
        sum = 0;
        max = -1;
    }
}
