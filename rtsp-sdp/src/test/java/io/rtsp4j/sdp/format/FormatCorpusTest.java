package io.rtsp4j.sdp.format;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rtsp4j.sdp.SdpReader;
import io.rtsp4j.sdp.TestJson;
import io.rtsp4j.sdp.description.Media;
import io.rtsp4j.testing.Corpus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@code sdp/format-*.sdp} of the shared corpus (gortsplib pkg/format/format_test.go cases): codec,
 * payload type and decoded fields; the re-encoded rtpmap and fmtp; the clock rate of the rtpmap.
 */
class FormatCorpusTest {

    static Stream<Arguments> samples() {
        return Corpus.list("sdp", "format-*.sdp").stream()
                .map(p -> Arguments.of(Named.of(p.getFileName().toString(), p)));
    }

    static MediaFormat decode(Path file) throws Exception {
        String sdp = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        return Media.fromSdp(SdpReader.parse(sdp).media().get(0)).formats().get(0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void decodesAndReencodesAsTheCorpusSays(Path file) throws Exception {
        JsonNode expected = Corpus.json(file.resolveSibling(file.getFileName().toString().replace(".sdp", ".json")))
                .path("format");
        MediaFormat f = decode(file);

        assertThat(f.codec()).isEqualTo(expected.path("codec").asText());
        assertThat(f.payloadType()).isEqualTo(expected.path("payloadType").asInt());
        TestJson.assertLenient("fields", TestJson.plain(expected.path("fields")), FormatFields.of(f));

        String rtpMap = expected.path("rtpMap").asText();
        assertThat(f.rtpMap()).isEqualTo(rtpMap.isEmpty() ? null : rtpMap);
        Object params = TestJson.plain(expected.path("params"));
        assertThat(f.fmtp()).isEqualTo(params == null ? Map.of() : params);
        if (expected.has("clockRate")) {
            assertThat(f.clockRate()).isEqualTo(expected.path("clockRate").asInt());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void reencodedFormatDecodesEqual(Path file) throws Exception {
        MediaFormat f = decode(file);
        String type = SdpReader.parse(Files.readString(file)).media().get(0).type();
        assertThat(MediaFormats.decode(type, f.payloadType(), f.rtpMap(), f.fmtpValue())).isEqualTo(f);
    }
}
