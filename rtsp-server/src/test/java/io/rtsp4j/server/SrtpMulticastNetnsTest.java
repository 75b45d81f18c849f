package io.rtsp4j.server;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SRTP over multicast ({@code rtsps_multicast_secure} of gortsplib-server.md §12.2), run like
 * {@link MulticastNetnsTest}: inside a network namespace the test creates, whose only interface is {@code lo}
 * ({@link SrtpMulticastScenarios} in a child JVM). Skipped without root or {@code ip netns}.
 */
class SrtpMulticastNetnsTest {

    private static NetnsScenarioRun run;

    @BeforeAll
    static void runScenariosInANamespace() throws Exception {
        run = NetnsScenarioRun.start("rtsp4j-srtp-", SrtpMulticastScenarios.class);
    }

    @AfterAll
    static void deleteNamespace() throws Exception {
        NetnsScenarioRun.delete(run);
    }

    static List<String> scenarios() {
        return SrtpMulticastScenarios.NAMES;
    }

    // Each scenario of SrtpMulticastScenarios (their reasons are in its comments) passed inside the namespace.
    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void scenario(String name) {
        run.assertPassed(name);
    }
}
