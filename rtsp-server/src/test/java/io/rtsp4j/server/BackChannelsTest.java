package io.rtsp4j.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.rtsp4j.base.RtspMethod;
import io.rtsp4j.base.RtspRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The {@code Require} option tags (RFC 2326 §12.32) and the ONVIF back-channel tag (ONVIF Streaming §5.3). */
class BackChannelsTest {

    private static RtspRequest request(String... requires) {
        RtspRequest.Builder b = RtspRequest.builder(RtspMethod.DESCRIBE, "rtsp://h/s").header("CSeq", "1");
        for (String r : requires) {
            b.header("Require", r);
        }
        return b.build();
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("no Require", List.of(), false, List.of()),
                Arguments.of("the tag", List.of("www.onvif.org/ver20/backchannel"), true, List.of()),
                Arguments.of("upper case", List.of("WWW.ONVIF.ORG/VER20/BACKCHANNEL"), true, List.of()),
                Arguments.of("in a list", List.of("x, www.onvif.org/ver20/backchannel ,y"), true, List.of("x", "y")),
                Arguments.of("two headers", List.of("a", "www.onvif.org/ver20/backchannel"), true, List.of("a")),
                Arguments.of("repeated unknown", List.of("a, a", "a"), false, List.of("a")),
                Arguments.of("empty value and empty items", List.of("", " , ,"), false, List.of()),
                Arguments.of("a prefix of the tag is another option", List.of("www.onvif.org/ver20/back"), false,
                        List.of("www.onvif.org/ver20/back")),
                Arguments.of("onvif replay", List.of("onvif-replay"), false, List.of("onvif-replay")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void options(String name, List<String> requires, boolean requested, List<String> unsupported) {
        RtspRequest r = request(requires.toArray(new String[0]));
        assertThat(BackChannels.requested(r)).isEqualTo(requested);
        assertThat(BackChannels.unsupported(r)).isEqualTo(unsupported);
    }

    // Seeded random Require values (any characters, commas, spaces): never an exception, the unsupported options
    // are trimmed, non-empty, distinct, never the back-channel tag, and "requested" iff the tag is one of the items.
    @Test
    void randomRequireValues() {
        Random random = new Random(20261122);
        String alphabet = "ab ,\t/.w-" + BackChannels.REQUIRE_TAG;
        for (int i = 0; i < 5000; i++) {
            List<String> values = new ArrayList<>();
            int headers = random.nextInt(3);
            for (int h = 0; h < headers; h++) {
                StringBuilder sb = new StringBuilder();
                if (random.nextInt(4) == 0) {
                    sb.append(BackChannels.REQUIRE_TAG);
                }
                int len = random.nextInt(20);
                for (int c = 0; c < len; c++) {
                    sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                values.add(sb.toString().strip());
            }
            RtspRequest r = request(values.toArray(new String[0]));
            List<String> unsupported = BackChannels.unsupported(r);
            assertThat(unsupported).doesNotHaveDuplicates().allSatisfy(o -> {
                assertThat(o).isNotEmpty().isEqualTo(o.trim());
                assertThat(o).isNotEqualToIgnoringCase(BackChannels.REQUIRE_TAG);
            });
            boolean hasTag = values.stream().flatMap(v -> Stream.of(v.split(",")))
                    .anyMatch(o -> o.trim().equalsIgnoreCase(BackChannels.REQUIRE_TAG));
            assertThat(BackChannels.requested(r)).isEqualTo(hasTag);
        }
    }
}
