package io.rtsp4j.examples.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TransportParamsTest {

    static Stream<Arguments> headers() {
        return Stream.of(
                Arguments.of(Named.of("tcp", "RTP/AVP/TCP;unicast;interleaved=0-1;ssrc=1234ABCD"),
                        new TransportParams(0, -1, -1, null, -1, -1)),
                Arguments.of(Named.of("tcp other channels", "RTP/AVP/TCP;unicast;interleaved=4-5"),
                        new TransportParams(4, -1, -1, null, -1, -1)),
                Arguments.of(Named.of("udp", "RTP/AVP;unicast;client_port=5000-5001;server_port=8000-8001"),
                        new TransportParams(-1, 8000, 8001, null, -1, -1)),
                Arguments.of(Named.of("udp single port", "RTP/AVP/UDP;unicast;server_port=8000"),
                        new TransportParams(-1, 8000, 8001, null, -1, -1)),
                Arguments.of(Named.of("multicast (gortsplib order)",
                        "RTP/AVP;multicast;destination=224.1.0.0;port=8002-8003;ttl=16"),
                        new TransportParams(-1, -1, -1, "224.1.0.0", 8002, 8003)),
                Arguments.of(Named.of("quoted destination, spaces, upper case",
                        "RTP/AVP; MULTICAST; Destination=\"239.0.0.1\" ; Port = 6000-6001"),
                        new TransportParams(-1, -1, -1, "239.0.0.1", 6000, 6001)),
                Arguments.of(Named.of("only the first spec", "RTP/AVP/TCP;interleaved=2-3,RTP/AVP;server_port=1-2"),
                        new TransportParams(2, -1, -1, null, -1, -1)));
    }

    @ParameterizedTest
    @MethodSource("headers")
    void parses(String header, TransportParams expected) {
        assertThat(TransportParams.parse(header)).isEqualTo(expected);
    }

    @Test
    void rejectsBadNumbersWithTheirName() {
        assertThatThrownBy(() -> TransportParams.parse("RTP/AVP;server_port=x-1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("server_port");
        assertThatThrownBy(() -> TransportParams.parse("RTP/AVP;interleaved=70000"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("interleaved");
    }
}
