package io.rtsp4j.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The relay's tunnel flags: {@code --http-tunnel}, {@code --websocket-tunnel}, {@code --tunnel-pair-by-ip}. */
class ServerCommandTunnelFlagsTest {

    @Test
    void tunnelsAreOnByDefault() {
        assertThat(ServerCommand.DEFAULTS).containsEntry("http-tunnel", "true").containsEntry("websocket-tunnel", "true")
                .containsEntry("tunnel-pair-by-ip", "true");
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({"true,true", "on,true", "YES,true", "false,false", "off,false", " no ,false"})
    void booleans(String text, boolean value) {
        assertThat(ServerCommand.bool("http-tunnel", text)).isEqualTo(value);
    }

    @Test
    void notABoolean() {
        assertThatThrownBy(() -> ServerCommand.bool("http-tunnel", "maybe"))
                .hasMessage("--http-tunnel: not true or false: 'maybe'");
    }
}
