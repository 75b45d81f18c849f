package io.rtsp4j.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reader quirks of gortsplib-server.md §11.1 whose samples are not in the shared corpus (named after the
 * issue that reported them), the writer's line order, and the error messages.
 */
class SdpReaderTest {

    static Stream<Arguments> origins() {
        return Stream.of(
                Arguments.of("mediamtx/2128 (Vurix NVR): IN IPV4", "- 1 2 IN IPV4 10.0.0.1",
                        new Origin("-", 1, 2, "IN", "IP4", "10.0.0.1")),
                Arguments.of("mediamtx/5292 (Verint): IP IP4", "- 1 2 IP IP4 10.0.0.1",
                        new Origin("-", 1, 2, "IN", "IP4", "10.0.0.1")),
                Arguments.of("mediamtx/2558: decimal numbers, address with port",
                        "- 1698210484.879535 1698210484.879535 IN IP4 46.242.10.231:12626",
                        new Origin("-", 1698210484L, 1698210484L, "IN", "IP4", "46.242.10.231:12626")),
                Arguments.of("mediamtx/2762 (Altasec NVR): no address", "Channel1 0 0 IN IP4",
                        new Origin("Channel1", 0, 0, "IN", "IP4", "")),
                Arguments.of("IPv6 address without type", "- 1 2 IN 2001:db8::1",
                        new Origin("-", 1, 2, "IN", "IP6", "2001:db8::1")),
                Arguments.of("no network part", "- 7 8", new Origin("-", 7, 8, "", "", "")),
                Arguments.of("tabs and repeated spaces", "user\t name  18446744073709551615 0x10 IN IP6 ::1",
                        new Origin("user name", -1L, 16, "IN", "IP6", "::1")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("origins")
    void readsOddOrigins(String name, String value, Origin expected) {
        SessionDescription sd = SdpReader.parse("v=0\no=" + value + "\ns=x\n");
        assertThat(sd.origin()).isEqualTo(expected);
        assertThat(SdpReader.parse(sd.toSdp())).isEqualTo(sd);
    }

    static Stream<Arguments> connections() {
        return Stream.of(
                Arguments.of("mediamtx/2128 (Vurix NVR): IN IPV4", "IN IPV4 10.0.0.1", Connection.ip4("10.0.0.1")),
                Arguments.of("gortsplib/1025 ipv6: address type missing", "IN 2001:db8::2",
                        new Connection("IN", "IP6", "2001:db8::2")),
                Arguments.of("gortsplib/501 (Avigilon): c=SM ignored", "SM SM spk0_trackID2", null),
                Arguments.of("multicast with ttl and count", "IN IP4 224.2.1.1/127/3", Connection.ip4("224.2.1.1/127/3")),
                Arguments.of("no address", "IN IP4", new Connection("IN", "IP4", "")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("connections")
    void readsOddConnections(String name, String value, Connection expected) {
        SessionDescription sd = SdpReader.parse("v=0\ns=x\nm=video 0 RTP/AVP 96\nc=" + value + "\n");
        assertThat(sd.media().get(0).connection()).isEqualTo(expected);
        assertThat(SdpReader.parse(sd.toSdp())).isEqualTo(sd);
    }

    @Test
    void readsOtherQuirks() {
        String sdp = "\uFEFFv=0\r\r\n"
                + "  o=- 1 1 IN IP4 127.0.0.1\n"
                + "   \t \r\n"
                + "r=0 0\n" // gortsplib/879 (AJA encoder): r= without offsets, here even before t=
                + "t=1 2\r\n"
                + "r=7d 1h 0 25m -10s\n"
                + "z=100 -1h\n"
                + "m=audio 49170/2 RTP/AVP/TCP 0 96\n"
                + "a=rtpmap:96 H264/90000 \n"; // mediamtx/2473: trailing space; no s=
        SessionDescription sd = SdpReader.parse(sdp);
        assertThat(sd.sessionName()).isNull();
        assertThat(sd.timings()).containsExactly(
                new Timing(0, 0, List.of(new RepeatTime(0, 0, List.of()))),
                new Timing(1, 2, List.of(new RepeatTime(7 * 86400, 3600, List.of(0L, 1500L, -10L)))));
        assertThat(sd.timeZones()).containsExactly(new TimeZoneAdjustment(100, -3600));
        MediaDescription m = sd.media().get(0);
        assertThat(m.port()).isEqualTo(49170);
        assertThat(m.portCount()).isEqualTo(2);
        assertThat(m.proto()).isEqualTo("RTP/AVP/TCP");
        assertThat(m.attribute("rtpmap")).isEqualTo("96 H264/90000 ");
        assertThat(SdpReader.parse(sd.toSdp())).isEqualTo(sd);
    }

    @Test
    void writesInRfcOrder() {
        String sdp = "a=control:*\nt=0 0\nc=IN IP4 0.0.0.0\ns=S\nb=AS:5\no=- 1 2 IN IP4 1.2.3.4\nv=0\n"
                + "m=video 0 RTP/AVP 96\na=recvonly\nb=X-YZ:1\ni=title\n";
        assertThat(SdpReader.parse(sdp).toSdp()).isEqualTo("v=0\r\no=- 1 2 IN IP4 1.2.3.4\r\ns=S\r\n"
                + "c=IN IP4 0.0.0.0\r\nb=AS:5\r\nt=0 0\r\na=control:*\r\n"
                + "m=video 0 RTP/AVP 96\r\ni=title\r\nb=X-YZ:1\r\na=recvonly\r\n");
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("v=0\ngarbage\n", "line 2: expected '<type>=<value>', got 'garbage'"),
                Arguments.of("v=0\r\ns=x\r\nx=1\r\n", "line 3: unknown line type 'x' in 'x=1'"),
                Arguments.of("v=zero\n", "line 1: invalid version 'zero'"),
                Arguments.of("v=0\no=only-a-name\n", "line 2: invalid origin 'only-a-name'"),
                Arguments.of("v=0\no=- xyz 1 IN IP4 1.2.3.4\n", "line 2: invalid session id 'xyz'"),
                Arguments.of("v=0\no=- 1 99999999999999999999 IN IP4 1.2.3.4\n", "invalid session version"),
                Arguments.of("v=0\nb=AS\n", "line 2: invalid bandwidth 'AS': expected <type>:<value>"),
                Arguments.of("v=0\nb=AS:fast\n", "line 2: invalid bandwidth value 'fast'"),
                Arguments.of("v=0\nt=soon 0\n", "line 2: invalid start time 'soon'"),
                Arguments.of("v=0\nz=1\n", "line 2: invalid time zones '1': expected pairs"),
                Arguments.of("v=0\nr=1\n", "line 2: invalid repeat time '1'"),
                Arguments.of("v=0\n\n\nm=video\n", "line 4: invalid media description 'video'"),
                Arguments.of("v=0\nm=video 70000 RTP/AVP 96\n", "line 2: port out of range '70000'"),
                Arguments.of("v=0\nm=video x RTP/AVP 96\n", "line 2: invalid port 'x'"),
                Arguments.of("v=0\nm=video 1/ RTP/AVP 96\n", "line 2: invalid port count in '1/'"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("invalid")
    void rejectsWithLineAndProblem(String sdp, String message) {
        assertThatThrownBy(() -> SdpReader.parse(sdp)).isInstanceOf(SdpParseException.class)
                .hasMessageContaining(message);
    }

    @Test
    void exceptionCarriesLineAndProblem() {
        SdpParseException e = org.junit.jupiter.api.Assertions.assertThrows(SdpParseException.class,
                () -> SdpReader.parse("v=0\nm=video x RTP/AVP 96"));
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.problem()).isEqualTo("invalid port 'x'");
        assertThat(e.getMessage()).isEqualTo("line 2: invalid port 'x'");
    }

    @Test
    void connectionKnowsMulticast() {
        assertThat(Connection.ip4("224.2.17.12/127").isMulticast()).isTrue();
        assertThat(Connection.ip4("239.255.0.1").host()).isEqualTo("239.255.0.1");
        assertThat(Connection.ip4("10.0.0.1").isMulticast()).isFalse();
        assertThat(new Connection("IN", "IP6", "ff0e::1").isMulticast()).isTrue();
        assertThat(Connection.ip4("host.example.com").isMulticast()).isFalse();
    }
}
