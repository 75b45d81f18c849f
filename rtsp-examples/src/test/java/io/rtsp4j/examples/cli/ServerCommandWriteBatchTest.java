package io.rtsp4j.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rtsp4j.server.RtspServerConfig;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The relay's {@code --write-batch-packets} and {@code --write-batch-max-delay} (TCP readers' write batching). */
class ServerCommandWriteBatchTest {

    private static RtspServerConfig config(String... kv) {
        Map<String, String> m = new LinkedHashMap<>(ServerCommand.DEFAULTS);
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        RtspServerConfig.Builder b = RtspServerConfig.builder().rtspAddress(":8554");
        ServerCommand.writeBatchOptions(b, m);
        return b.build();
    }

    @Test
    void offByDefault() {
        assertThat(ServerCommand.DEFAULTS).containsEntry("write-batch-packets", "1")
                .containsEntry("write-batch-max-delay", "10ms");
        RtspServerConfig c = config();
        assertThat(c.writeBatchPackets()).isEqualTo(1);
        assertThat(c.writeBatchMaxDelay()).isEqualTo(Duration.ofMillis(10));
    }

    @Test
    void flagsReachTheConfig() {
        RtspServerConfig c = config("write-batch-packets", "3", "write-batch-max-delay", "5ms");
        assertThat(c.writeBatchPackets()).isEqualTo(3);
        assertThat(c.writeBatchMaxDelay()).isEqualTo(Duration.ofMillis(5));
    }

    @Test
    void badValuesAreRefusedWithTheRule() {
        assertThatThrownBy(() -> config("write-batch-packets", "0"))
                .hasMessageContaining("writeBatchPackets (0) must be between 1 and 64");
        assertThatThrownBy(() -> config("write-batch-max-delay", "5s"))
                .hasMessageContaining("writeBatchMaxDelay (PT5S) must be between 1 ms and 1 s");
        assertThatThrownBy(() -> config("write-batch-packets", "many")).hasMessageContaining("write-batch-packets");
    }
}
