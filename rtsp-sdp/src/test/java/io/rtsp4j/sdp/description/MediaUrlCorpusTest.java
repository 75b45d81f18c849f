package io.rtsp4j.sdp.description;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rtsp4j.sdp.SdpReader;
import io.rtsp4j.testing.Corpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every {@code sdp/media-url-*.sdp} of the shared corpus (gortsplib pkg/description/media_test.go TestMediaURL). */
class MediaUrlCorpusTest {

    static Stream<Arguments> samples() {
        return Corpus.list("sdp", "media-url-*.sdp").stream()
                .map(p -> Arguments.of(Named.of(p.getFileName().toString(), p)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void resolvesTheControlAgainstTheBase(Path file) throws Exception {
        JsonNode expected = Corpus.json(file.resolveSibling(file.getFileName().toString().replace(".sdp", ".json")));
        Media media = Media.fromSdp(SdpReader.parse(Files.readString(file)).media().get(0));
        assertThat(media.resolveControl(expected.path("baseUrl").asText()))
                .isEqualTo(expected.path("expectedUrl").asText());
    }
}
