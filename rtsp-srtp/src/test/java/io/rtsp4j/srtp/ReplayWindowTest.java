package io.rtsp4j.srtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The replay window against a straightforward model (a set of accepted indexes), for several sizes. */
class ReplayWindowTest {

    @ParameterizedTest(name = "window {0}")
    @ValueSource(ints = {1, 63, 64, 65, 128, 1000, 32768})
    void agreesWithASetModel(int size) {
        Random random = new Random(size);
        ReplayWindow window = new ReplayWindow(size);
        BitSet accepted = new BitSet();
        long highest = -1;
        long base = 1000;
        for (int i = 0; i < 20_000; i++) {
            // Mostly forward, sometimes big jumps, often late or repeated packets.
            long index;
            int kind = random.nextInt(10);
            if (highest < 0 || kind < 5) {
                index = Math.max(0, highest) + 1 + (kind == 0 ? random.nextInt(3 * size + 2) : 0);
            } else {
                index = Math.max(0, highest - random.nextInt(Math.min(2 * size + 2, 5000)));
            }
            index += base;
            boolean expected = highest < 0 || index > highest + base
                    || (highest + base - index < size && !accepted.get((int) (index - base)));
            assertThat(window.check(index)).as("index %d, highest %d", index, highest + base).isEqualTo(expected);
            if (expected) {
                window.accept(index);
                accepted.set((int) (index - base));
                highest = Math.max(highest, index - base);
            }
        }
        assertThat(window.highest()).isEqualTo(highest + base);
    }

    @ParameterizedTest(name = "window {0}")
    @ValueSource(ints = {0})
    void sizeZeroAcceptsEverythingButTracksTheHighest(int size) {
        ReplayWindow window = new ReplayWindow(size);
        window.accept(10);
        assertThat(window.check(10)).isTrue();
        assertThat(window.check(1)).isTrue();
        window.accept(5);
        assertThat(window.highest()).isEqualTo(10);
    }
}
