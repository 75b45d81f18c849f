package io.rtsp4j.examples.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ProcStatsTest {

    static Stream<Arguments> stats() {
        String tail = " S 1 1234 1234 0 -1 4194560 100 0 0 0 250 75 0 0 20 0 24 0 1000 5000000 3000";
        return Stream.of(
                Arguments.of(Named.of("plain name", "1234 (java)" + tail), 325L),
                Arguments.of(Named.of("name with spaces and parentheses", "1234 (my (odd) proc)" + tail), 325L),
                Arguments.of(Named.of("truncated", "1234 (java) S 1 2 3"), -1L),
                Arguments.of(Named.of("no parenthesis", "garbage"), -1L),
                Arguments.of(Named.of("not numbers", "1 (x) S 1 1 1 0 -1 0 0 0 0 0 a b"), -1L));
    }

    @ParameterizedTest
    @MethodSource("stats")
    void cpuTicks(String stat, long expected) {
        assertThat(ProcStats.cpuTicks(stat)).isEqualTo(expected);
    }

    @Test
    void statusFields() {
        String status = "Name:\tjava\nVmHWM:\t  200000 kB\nVmRSS:\t  123456 kB\nThreads:\t24\n";
        assertThat(ProcStats.statusValue(status, "VmRSS:")).isEqualTo(123_456);
        assertThat(ProcStats.statusValue(status, "Threads:")).isEqualTo(24);
        assertThat(ProcStats.statusValue(status, "VmSwap:")).isEqualTo(-1);
        assertThat(ProcStats.statusValue("VmRSS: lots", "VmRSS:")).isEqualTo(-1);
    }

    @Test
    void readsThisProcess() {
        assertThat(ProcStats.cpuSeconds(0)).isPositive();
        assertThat(ProcStats.rssKb(0)).isPositive();
        assertThat(ProcStats.threads(0)).isPositive();
        assertThat(ProcStats.load1()).isGreaterThanOrEqualTo(0);
        assertThat(ProcStats.cpuSeconds(Integer.MAX_VALUE)).isEqualTo(-1);
        assertThat(ProcStats.rssKb(Integer.MAX_VALUE)).isEqualTo(-1);
    }

    @Test
    void machineTicksAndSteal() {
        // proc(5): cpu user nice system idle iowait irq softirq steal guest guest_nice
        String stat = "cpu  100 5 50 800 10 0 5 30 7 0\ncpu0 50 2 25 400 5 0 2 15 3 0\n";
        assertThat(ProcStats.machineTicks(stat)).containsExactly(1000, 30);
        assertThat(ProcStats.stealPercent(new long[] {1000, 30}, new long[] {2000, 130})).isEqualTo(10.0);
        assertThat(ProcStats.stealPercent(null, new long[] {2000, 130})).isEqualTo(-1);
        assertThat(ProcStats.stealPercent(new long[] {1000, 30}, new long[] {1000, 30})).isEqualTo(-1);
        assertThat(ProcStats.machineTicks("intr 1 2 3\n")).isNull();
        assertThat(ProcStats.machineTicks("cpu  1 2 x 4 5\n")).isNull();
        // Older kernels without a steal column: no steal.
        assertThat(ProcStats.machineTicks("cpu  1 2 3 4\n")).containsExactly(10, 0);
        // This machine's own file reads.
        long[] now = ProcStats.machineTicks();
        if (now != null) {
            assertThat(now[0]).isPositive();
            assertThat(now[1]).isBetween(0L, now[0]);
        }
    }
}
