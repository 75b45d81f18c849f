package io.rtsp4j.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rtsp4j.sdp.codec.H264Sps;
import io.rtsp4j.sdp.codec.H265Sps;
import io.rtsp4j.sdp.description.Media;
import io.rtsp4j.sdp.description.Session;
import io.rtsp4j.sdp.format.H264Format;
import io.rtsp4j.sdp.format.H265Format;
import io.rtsp4j.sdp.format.MediaFormat;
import io.rtsp4j.testing.Corpus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The SDPs FFmpeg 5.1 and GStreamer 1.22 sent in ANNOUNCE when publishing on this machine
 * ({@code testdata/sdp/*.sdp}; the command of each capture is in its {@code .json}, see
 * {@code testdata/sdp/capture-all.sh}): each parses to the expected codecs, its SPS gives the resolution
 * the command asked for, and it re-encodes stably.
 */
class CapturedSdpTest {

    static Stream<Arguments> captures() throws IOException {
        try (Stream<Path> files = Files.list(Corpus.testdata("sdp"))) {
            List<Path> sdps = files.filter(p -> p.toString().endsWith(".sdp")).sorted().toList();
            assertThat(sdps).hasSizeGreaterThanOrEqualTo(10);
            return sdps.stream().map(p -> Arguments.of(Named.of(p.getFileName().toString(), p)));
        }
    }

    static JsonNode expectation(Path sdp) {
        return Corpus.json(sdp.resolveSibling(sdp.getFileName().toString().replace(".sdp", ".json")));
    }

    static String read(Path p) {
        try {
            return new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("captures")
    void parsesWithTheExpectedCodecs(Path file) {
        JsonNode expected = expectation(file);
        assertThat(expected.path("command").asText()).as("producing command recorded").isNotBlank();
        Session s = Session.parse(read(file));
        List<List<String>> codecs = new ArrayList<>();
        for (Media m : s.medias()) {
            codecs.add(m.formats().stream().map(MediaFormat::codec).toList());
        }
        List<List<String>> want = new ArrayList<>();
        expected.path("expectedCodecs").forEach(m -> {
            List<String> l = new ArrayList<>();
            m.forEach(c -> l.add(c.asText()));
            want.add(l);
        });
        assertThat(codecs).isEqualTo(want);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("captures")
    void spsGivesTheRequestedResolution(Path file) {
        JsonNode video = expectation(file).path("expectedVideo");
        if (video.isMissingNode() || video.isNull()) {
            return;
        }
        Session s = Session.parse(read(file));
        int width = -1;
        int height = -1;
        for (Media m : s.medias()) {
            H264Format h264 = m.format(H264Format.class);
            H265Format h265 = m.format(H265Format.class);
            if (h264 != null) {
                H264Sps sps = h264.parsedSps();
                width = sps.width();
                height = sps.height();
                assertThat(h264.profileLevelId()).isEqualTo(sps.profileLevelId());
            } else if (h265 != null) {
                H265Sps sps = h265.parsedSps();
                width = sps.width();
                height = sps.height();
            }
        }
        assertThat(width).isEqualTo(video.path("width").asInt());
        assertThat(height).isEqualTo(video.path("height").asInt());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("captures")
    void rawAndCanonicalFormsAreStable(Path file) {
        String sdp = read(file);
        SessionDescription sd = SdpReader.parse(sdp);
        assertThat(SdpWriter.write(sd)).isEqualTo(sdp.endsWith("\r\n") ? sdp : sdp + "\r\n");
        Session s = Session.parse(sdp);
        assertThat(Session.parse(s.toSdp())).isEqualTo(Session.parse(s.toSdp()));
        assertThat(Session.parse(s.toSdp()).medias()).isEqualTo(s.medias());
    }
}
