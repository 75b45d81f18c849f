package io.rtsp4j.server;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Multicast reading (gortsplib-server.md §6.2 and the multicast cases of §12.2). Multicast must only be sent
 * inside a network namespace that the test makes, never on the host's interfaces: this test creates one
 * ({@code ip netns add}, {@code lo} up with multicast, route 224.0.0.0/4 on {@code lo}) and runs
 * {@link MulticastScenarios} in it with {@code ip netns exec}. Without root or {@code ip netns} it is skipped
 * (the interop tests of rtsp-examples cover multicast with FFmpeg and GStreamer in the same kind of namespace).
 */
class MulticastNetnsTest {

    private static NetnsScenarioRun run;

    @BeforeAll
    static void runScenariosInANamespace() throws Exception {
        run = NetnsScenarioRun.start("rtsp4j-srv-", MulticastScenarios.class);
    }

    @AfterAll
    static void deleteNamespace() throws Exception {
        NetnsScenarioRun.delete(run);
    }

    static List<String> scenarios() {
        return MulticastScenarios.NAMES;
    }

    // Each scenario of MulticastScenarios (their reasons are in its comments) passed inside the namespace.
    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void scenario(String name) {
        run.assertPassed(name);
    }
}
