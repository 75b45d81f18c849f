package io.rtsp4j.examples.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SequenceTrackerTest {

    /** Window [10, 20). Expected: received, gaps, missing in gaps, late, duplicates, complete. */
    static Stream<Arguments> sequences() {
        return Stream.of(
                Arguments.of(Named.of("everything in order", range(0, 25)), new long[] {10, 0, 0, 0, 0, 1}),
                Arguments.of(Named.of("warmup only", range(0, 10)), new long[] {0, 0, 0, 0, 0, 0}),
                Arguments.of(Named.of("joined late: window start missing", range(13, 20)),
                        new long[] {7, 1, 3, 0, 0, 1}),
                Arguments.of(Named.of("a hole inside", new long[] {9, 10, 11, 14, 15, 16, 17, 18, 19}),
                        new long[] {8, 1, 2, 0, 0, 1}),
                Arguments.of(Named.of("the hole filled late", new long[] {10, 11, 14, 12, 13, 15, 16, 17, 18, 19}),
                        new long[] {10, 1, 2, 2, 0, 1}),
                Arguments.of(Named.of("duplicate of the last", new long[] {10, 11, 11, 12}),
                        new long[] {3, 0, 0, 0, 1, 0}),
                Arguments.of(Named.of("the tail lost", range(5, 18)), new long[] {8, 0, 0, 0, 0, 0}),
                Arguments.of(Named.of("jump over the whole window", new long[] {5, 30}),
                        new long[] {0, 1, 10, 0, 0, 1}),
                Arguments.of(Named.of("nothing", new long[0]), new long[] {0, 0, 0, 0, 0, 0}));
    }

    @ParameterizedTest
    @MethodSource("sequences")
    void counts(long[] seqs, long[] expected) {
        SequenceTracker t = new SequenceTracker(10, 20);
        int counted = 0;
        for (long s : seqs) {
            counted += t.onPacket(s) ? 1 : 0;
        }
        assertThat(new long[] {t.received(), t.gaps(), t.missingInGaps(), t.late(), t.duplicates(),
                t.complete() ? 1 : 0}).containsExactly(expected);
        assertThat(counted).isEqualTo((int) t.received());
    }

    private static long[] range(long from, long to) {
        return java.util.stream.LongStream.range(from, to).toArray();
    }
}
