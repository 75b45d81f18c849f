package io.rtsp4j.examples.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LatencyHistogramTest {

    @Test
    void emptyHistogram() {
        LatencyHistogram h = new LatencyHistogram();
        assertThat(h.count()).isZero();
        assertThat(h.percentile(50)).isEqualTo(-1);
        assertThat(h.max()).isEqualTo(-1);
    }

    @ParameterizedTest(name = "p{0} of 1..100 is {1}")
    @CsvSource({"50, 50", "99, 99", "99.9, 100", "100, 100", "0, 1", "1, 1"})
    void nearestRankOnExactValues(double percentile, long expected) {
        LatencyHistogram h = new LatencyHistogram();
        for (int v = 100; v >= 1; v--) {
            h.record(v);
        }
        assertThat(h.percentile(percentile)).isEqualTo(expected);
        assertThat(h.max()).isEqualTo(100);
        assertThat(h.mean()).isEqualTo(50.5);
    }

    @Test
    void negativeValuesCountAsZero() {
        LatencyHistogram h = new LatencyHistogram();
        h.record(-5);
        assertThat(h.percentile(50)).isZero();
        assertThat(h.max()).isZero();
    }

    /** Property: bucket bounds are contiguous and every value lies in its bucket, within 0.2%. */
    @Test
    void bucketsCoverEveryValueWithSmallRelativeError() {
        Random random = new Random(99);
        for (int i = 0; i < 100_000; i++) {
            long v = i < 5000 ? i : random.nextLong() >>> (24 + random.nextInt(39));
            int index = LatencyHistogram.index(v);
            long high = LatencyHistogram.highestInBucket(index);
            assertThat(high).isGreaterThanOrEqualTo(v);
            long low = index == 0 ? 0 : LatencyHistogram.highestInBucket(index - 1) + 1;
            assertThat(low).isLessThanOrEqualTo(v);
            if (v >= LatencyHistogram.LINEAR && v < (1L << 40)) {
                assertThat((double) (high - v) / v).isLessThan(0.002);
            }
        }
    }

    @Test
    void percentilesMatchASortedArrayWithinBucketPrecision() {
        Random random = new Random(7);
        long[] values = new long[50_000];
        LatencyHistogram a = new LatencyHistogram();
        LatencyHistogram b = new LatencyHistogram();
        for (int i = 0; i < values.length; i++) {
            values[i] = (long) Math.exp(random.nextDouble() * 14);
            (i % 2 == 0 ? a : b).record(values[i]);
        }
        a.add(b);
        Arrays.sort(values);
        for (double p : new double[] {50, 90, 99, 99.9}) {
            long exact = values[(int) Math.ceil(p / 100 * values.length) - 1];
            assertThat((double) a.percentile(p)).isCloseTo(exact, within(exact * 0.002 + 1));
        }
        assertThat(a.max()).isEqualTo(values[values.length - 1]);
        assertThat(a.percentile(100)).isEqualTo(a.max());
        assertThat(a.count()).isEqualTo(values.length);
        LatencyHistogram copy = a.copy();
        a.reset();
        assertThat(a.count()).isZero();
        assertThat(copy.count()).isEqualTo(values.length);
    }

    @Test
    void hugeValuesLandInTheLastBucket() {
        LatencyHistogram h = new LatencyHistogram();
        h.record(Long.MAX_VALUE);
        assertThat(h.max()).isEqualTo(Long.MAX_VALUE);
        assertThat(h.percentile(50)).isPositive();
    }
}
