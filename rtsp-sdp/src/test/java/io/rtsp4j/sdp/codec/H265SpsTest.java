package io.rtsp4j.sdp.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * H.265 SPS vectors; sizes are what the publishing command asked for (testdata/sdp captures), chroma
 * format and bit depth what ffprobe reports for the same encoder settings.
 */
class H265SpsTest {

    static Stream<Arguments> vectors() {
        return Stream.of(
                // name, base64 SPS, width, height, general_profile_idc, general_level_idc, chroma_format_idc, bit depth
                Arguments.of("testdata ffmpeg-h265 (libx265 1920x1080 yuv420p, cropped from 1088)",
                        "QgEBAWAAAAMAkAAAAwAAAwB4oAPAgBDlllZpJMrwFoCAAAADAIAAAA8E", 1920, 1080, 1, 120, 1, 8),
                // ffprobe of the same x265enc output: profile=Rext pix_fmt=yuv444p12le level=93
                Arguments.of("testdata gstreamer-h265-opus (x265enc 1280x720 from videotestsrc: 4:4:4 12 bit)",
                        "QgEBBAgAAAMAmAgAAAMAAF2QAFAQBaIpSys0kmV/+AAIAAtQEBAQQAAAAwBAAAAHgg==", 1280, 720, 4, 93, 3, 12));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void parses(String name, String base64, int width, int height, int profile, int level, int chroma, int depth) {
        H265Sps sps = H265Sps.parse(Base64.getDecoder().decode(base64));
        assertThat(sps.width()).isEqualTo(width);
        assertThat(sps.height()).isEqualTo(height);
        assertThat(sps.profileIdc()).isEqualTo(profile);
        assertThat(sps.levelIdc()).isEqualTo(level);
        assertThat(sps.tier()).isEqualTo(0);
        assertThat(sps.chromaFormatIdc()).isEqualTo(chroma);
        assertThat(sps.bitDepthLuma()).isEqualTo(depth);
        assertThat(sps.bitDepthChroma()).isEqualTo(depth);
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("empty", new byte[0], "truncated"),
                Arguments.of("a VPS", Base64.getDecoder().decode("QAEMAf//AWAAAAMAkAAAAwAAAwB4lZgJ"), "not an H265 SPS"),
                Arguments.of("an H.264 SPS", Base64.getDecoder().decode("Z2QAKKy0A8ARPyo="), "not an H265 SPS"),
                Arguments.of("cut in profile_tier_level", new byte[] {0x42, 0x01, 0x01, 0x01, 0x60}, "truncated"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void rejects(String name, byte[] nalu, String message) {
        assertThatThrownBy(() -> H265Sps.parse(nalu)).isInstanceOf(CodecConfigException.class)
                .hasMessageContaining(message);
    }
}
