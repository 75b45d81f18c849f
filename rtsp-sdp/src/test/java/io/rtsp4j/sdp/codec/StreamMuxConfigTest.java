package io.rtsp4j.sdp.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** LATM StreamMuxConfig vectors of the corpus, gortsplib format_test.go and the FFmpeg LATM capture. */
class StreamMuxConfigTest {

    static Stream<Arguments> vectors() {
        return Stream.of(
                // name, hex, rate, channels, ext type, re-encoded hex
                Arguments.of("corpus format-audio-aac-latm-lc (MP4A-LATM/24000/2)", "400026203fc0", 24000, 2, 0,
                        "400026203fc0"),
                Arguments.of("corpus format-audio-aac-latm-he-aac-v2", "400026103fc0", 24000, 1, 0, "400026103fc0"),
                Arguments.of("corpus format-audio-aac-latm-hierarchical-ps", "4001d613101fe0", 24000, 1, 29,
                        "4001d613101fe0"),
                Arguments.of("gortsplib audio aac latm hierarchical sbr", "40005623101fe0", 24000, 2, 5,
                        "40005623101fe0"),
                Arguments.of("gortsplib audio aac latm no channels: truncated after the config", "40002310", 48000, 1, 0,
                        "400023103fc0"),
                Arguments.of("testdata ffmpeg-h264-latm (MP4A-LATM/48000/1)", "400023103fc0", 48000, 1, 0,
                        "400023103fc0"),
                Arguments.of("bug B2: GStreamer rtpmp4apay from FFmpeg's AAC, sync extension then truncated"
                        + " (MP4A-LATM/48000)", "40002320adca00", 48000, 2, 0, "40002320adca1fe0"),
                Arguments.of("bug B2 config cut right after the sync extension", "40002320adca", 48000, 2, 0,
                        "40002320adca1fe0"),
                Arguments.of("bug B2 config written out in full", "40002320adca1fe0", 48000, 2, 0,
                        "40002320adca1fe0"),
                Arguments.of("HE-AAC 131056e598 behind the LATM header, truncated", "40002620adcb30", 24000, 2, 5,
                        "40002620adcb31fe00"),
                Arguments.of("HE-AAC v2 130856e59d4880 behind the LATM header, in full", "40002610adcb3a911fe0",
                        24000, 1, 29, "40002610adcb3a911fe0"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void parsesAndEncodes(String name, String hex, int rate, int channels, int extType, String encoded) {
        StreamMuxConfig c = StreamMuxConfig.parse(HexFormat.of().parseHex(hex));
        AudioSpecificConfig asc = c.firstConfig();
        assertThat(asc.sampleRate()).isEqualTo(rate);
        assertThat(asc.channelCount()).isEqualTo(channels);
        assertThat(asc.extensionObjectType()).isEqualTo(extType);
        assertThat(c.programs().get(0).layers().get(0).latmBufferFullness()).isEqualTo(255);
        assertThat(HexFormat.of().formatHex(c.encode())).isEqualTo(encoded);
        assertThat(StreamMuxConfig.parse(c.encode())).isEqualTo(c);
    }

    @Test
    void bugB2ConfigIsAacLcWithoutSbr() {
        // a=fmtp:96 cpresent=0;config=40002320adca00 (a=rtpmap:96 MP4A-LATM/48000), server-bugs.md B2
        StreamMuxConfig c = StreamMuxConfig.parse(HexFormat.of().parseHex("40002320adca00"));
        assertThat(c.allStreamsSameTimeFraming()).isTrue();
        assertThat(c.programs()).hasSize(1);
        assertThat(c.programs().get(0).layers()).hasSize(1);
        StreamMuxConfig.Layer layer = c.programs().get(0).layers().get(0);
        assertThat(layer.frameLengthType()).isZero();
        assertThat(layer.audioSpecificConfig()).isEqualTo(new AudioSpecificConfig(AudioSpecificConfig.AOT_AAC_LC,
                48000, 2, 0, 0, false, false, 0, AudioSpecificConfig.Signalling.BACKWARD_COMPATIBLE));
        assertThat(layer.audioSpecificConfig()).isEqualTo(AudioSpecificConfig.parse(HexFormat.of().parseHex("119056e500")));
        assertThat(c.firstConfig().outputSampleRate()).isEqualTo(48000);
        assertThat(c.firstConfig().outputChannelCount()).isEqualTo(2);
        assertThat(c.otherDataLenBits()).isEqualTo(-1);
        assertThat(c.crcCheckSum()).isEqualTo(-1);
    }

    @Test
    void encodesEveryOptionalPart() {
        AudioSpecificConfig lc = AudioSpecificConfig.aacLc(48000, 2);
        StreamMuxConfig c = new StreamMuxConfig(false, 3, List.of(
                new StreamMuxConfig.Program(List.of(StreamMuxConfig.Layer.of(lc),
                        new StreamMuxConfig.Layer(null, 1, 0, 300, 0, false))),
                new StreamMuxConfig.Program(List.of(new StreamMuxConfig.Layer(lc, 4, 0, 0, 17, false),
                        new StreamMuxConfig.Layer(null, 6, 0, 0, 0, true)))), 70000, 0xab);
        assertThat(StreamMuxConfig.parse(c.encode())).isEqualTo(c);
        assertThat(StreamMuxConfig.of(lc).encode()).isEqualTo(HexFormat.of().parseHex("400023203fc0"));
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("empty", "", "truncated"),
                Arguments.of("audioMuxVersion 1", "c0", "audioMuxVersion 1"),
                Arguments.of("invalid inner config", "40000010", "unsupported audio object type 0"),
                Arguments.of("reserved frameLengthType 2", "400023108000", "frameLengthType 2"),
                Arguments.of("sync extension of another object type (its length is unknown)", "40002320adcc3fc0",
                        "unsupported sync extension object type 6"),
                Arguments.of("CELP frameLengthType after a sync extension", "40002320adcaa280",
                        "frameLengthType 5 after a configuration with a sync extension"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void rejects(String name, String hex, String message) {
        assertThatThrownBy(() -> StreamMuxConfig.parse(HexFormat.of().parseHex(hex)))
                .isInstanceOf(CodecConfigException.class).hasMessageContaining(message);
    }
}
