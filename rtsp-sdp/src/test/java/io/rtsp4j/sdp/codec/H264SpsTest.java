package io.rtsp4j.sdp.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * H.264 SPS vectors. The expected sizes are independent facts: the picture size the publishing command
 * asked for (testdata/sdp captures) or the size the camera announced beside the SPS in the same SDP
 * ({@code a=framesize}, {@code a=cliprect}, {@code a=Width/Height}) in the shared corpus.
 */
class H264SpsTest {

    static Stream<Arguments> vectors() {
        return Stream.of(
                // name, base64 SPS, width, height, profile_idc, level_idc, frame rate (0 = no VUI timing)
                Arguments.of("testdata ffmpeg-h264-aac (libx264 1280x720@25)",
                        "Z2QAH6zZQFAFuwEQAAADABAAAAMDIPGDGWA=", 1280, 720, 100, 31, 25.0),
                Arguments.of("testdata ffmpeg-h264-latm (libx264 1920x1080, cropped from 1088)",
                        "Z2QAKKzZQHgCJ+XARAAAAwAEAAADAMg8YMZY", 1920, 1080, 100, 40, 25.0),
                Arguments.of("testdata gstreamer-h264 (x264enc 640x360, High 4:4:4 Predictive)",
                        "Z/QAHpDZZAKAv+JwFqDAwMgAAAMACAAAAwHkeLFyQA==", 640, 360, 244, 30, 30.0),
                Arguments.of("corpus unmarshal gortsplib-85 FLIR a=framesize:111 640-480",
                        "Z0IAHqtAUB7I", 640, 480, 66, 30, 0.0),
                Arguments.of("corpus unmarshal gortsplib-85 FLIR a=framesize:112 320-240",
                        "Z0IAHqtAoPyA", 320, 240, 66, 30, 0.0),
                // the camera announces the coded size 384x832; its SPS crops 2 lines (frame_crop_bottom_offset 1,
                // decoded by hand bit by bit)
                Arguments.of("corpus unmarshal mediamtx-948 a=framesize:96 384-832, bottom crop",
                        "J2QAH6xWwYBp+kA=", 384, 830, 100, 31, 0.0),
                Arguments.of("corpus session one-format-for-each-media a=framesize:97 1920-1080",
                        "Z2QAKKy0A8ARPyo=", 1920, 1080, 100, 40, 0.0),
                Arguments.of("corpus session mediamtx-5074 a=cliprect:0,0,1080,1920",
                        "Z01AKI2NQDwBE/LgLcBAQFAAAD6AAARlDoYAUVAABfXgu8uNDACioAAL68F3lwo=", 1920, 1080, 77, 40,
                        -1.0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void parses(String name, String base64, int width, int height, int profile, int level, double fps) {
        byte[] nalu = Base64.getDecoder().decode(base64);
        H264Sps sps = H264Sps.parse(nalu);
        assertThat(sps.width()).isEqualTo(width);
        assertThat(sps.height()).isEqualTo(height);
        assertThat(sps.profileIdc()).isEqualTo(profile);
        assertThat(sps.levelIdc()).isEqualTo(level);
        assertThat(sps.profileLevelId()).isEqualTo(String.format("%02X%02X%02X", nalu[1], nalu[2], nalu[3]));
        if (fps >= 0) {
            assertThat(sps.frameRate()).isEqualTo(fps);
        }
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("empty", new byte[0], "truncated"),
                Arguments.of("a PPS", new byte[] {0x68, (byte) 0xee, 0x3c, (byte) 0x80}, "not an H264 SPS"),
                Arguments.of("an H.265 SPS (mediamtx/2348)", Base64.getDecoder().decode(
                        "QgEBAWAAAAMAAAMAAAMAAAMAlqADwIAQ5Y2uSTJrlnAIAAADAAgAAAMAyEA="), "not an H264 SPS"),
                Arguments.of("header only", new byte[] {0x67, 0x64, 0x00, 0x1f}, "truncated"),
                Arguments.of("Exp-Golomb without end", new byte[] {0x67, 0x42, 0, 0x1e, 0, 0, 0, 0, 0}, "Exp-Golomb"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void rejects(String name, byte[] nalu, String message) {
        assertThatThrownBy(() -> H264Sps.parse(nalu)).isInstanceOf(CodecConfigException.class)
                .hasMessageContaining(message);
    }
}
