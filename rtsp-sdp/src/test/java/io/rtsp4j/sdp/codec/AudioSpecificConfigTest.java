package io.rtsp4j.sdp.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * AudioSpecificConfig vectors. Rates and channels are independent facts: the {@code rtpmap} the same SDP
 * announces (corpus and testdata captures) or the FFmpeg command ({@code -ac 1}).
 */
class AudioSpecificConfigTest {

    static Stream<Arguments> vectors() {
        return Stream.of(
                // name, hex, object type, rate, channels, ext type, ext rate, re-encoded hex
                Arguments.of("corpus format-audio-aac-vlc (mpeg4-generic/48000/2)", "1190", 2, 48000, 2, 0, 0, "1190"),
                Arguments.of("corpus unmarshal no-origin (mpeg4-generic/44100/2)", "1210", 2, 44100, 2, 0, 0, "1210"),
                Arguments.of("corpus unmarshal mediamtx-115 VLC (mpeg4-generic/22050)", "1388", 2, 22050, 1, 0, 0, "1388"),
                Arguments.of("corpus format-audio-aac: trailing bits dropped", "11900810", 2, 48000, 2, 0, 0, "1190"),
                Arguments.of("testdata ffmpeg-h264-aac: SBR sync extension kept", "119056E500", 2, 48000, 2, 0, 0,
                        "119056e500"),
                Arguments.of("gortsplib he-aac v2 ps (mpeg4-generic/48000/2)", "eb098800", 2, 24000, 1, 29, 48000,
                        "eb098800"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void parsesAndEncodes(String name, String hex, int type, int rate, int channels, int extType, int extRate,
                          String encoded) {
        AudioSpecificConfig c = AudioSpecificConfig.parse(HexFormat.of().parseHex(hex));
        assertThat(c.objectType()).isEqualTo(type);
        assertThat(c.sampleRate()).isEqualTo(rate);
        assertThat(c.channelCount()).isEqualTo(channels);
        assertThat(c.extensionObjectType()).isEqualTo(extType);
        assertThat(c.extensionSampleRate()).isEqualTo(extRate);
        assertThat(HexFormat.of().formatHex(c.encode())).isEqualTo(encoded.toLowerCase());
        assertThat(AudioSpecificConfig.parse(c.encode())).isEqualTo(c);
    }

    /**
     * Backward-compatible explicit SBR/PS signalling (ISO/IEC 14496-3 §1.6.2.1: {@code syncExtensionType
     * 0x2b7}, extension type 5, {@code sbrPresentFlag}, rate, {@code 0x548 psPresentFlag}). The expected
     * rates and channels are what the same SDP or container announces beside the configuration.
     */
    static Stream<Arguments> syncExtensions() {
        return Stream.of(
                // name, hex, core rate, core channels, signalling, ext type, ext rate, output rate,
                // output channels, re-encoded hex
                Arguments.of("bug B2 / testdata ffmpeg-h264-aac: FFmpeg aac encoder, sbrPresentFlag 0"
                        + " (MPEG4-GENERIC/48000/2)", "119056e500", 48000, 2, "BACKWARD_COMPATIBLE", 0, 0, 48000, 2,
                        "119056e500"),
                Arguments.of("corpus unmarshal mediamtx-75 livereporter: sbrPresentFlag 0 (MPEG4-GENERIC/48000/1)",
                        "118856E500", 48000, 1, "BACKWARD_COMPATIBLE", 0, 0, 48000, 1, "118856e500"),
                Arguments.of("HE-AAC: Smooth Streaming AACH CodecPrivateData (core 24000 Hz, 2 channels)",
                        "131056e598", 24000, 2, "BACKWARD_COMPATIBLE", 5, 48000, 48000, 2, "131056e598"),
                Arguments.of("HE-AAC v2: 0x548 psPresentFlag 1 after the SBR part", "130856e59d4880", 24000, 1,
                        "BACKWARD_COMPATIBLE", 29, 48000, 48000, 2, "130856e59d4880"),
                Arguments.of("HE-AAC with psPresentFlag 0 (Matroska codec private, 24000 Hz core;"
                        + " GStreamer caps rate 48000, 2 channels): the explicit 0 is not kept", "131056e59d4800",
                        24000, 2, "BACKWARD_COMPATIBLE", 5, 48000, 48000, 2, "131056e598"),
                Arguments.of("sbrPresentFlag missing: read as 0, as FFmpeg does", "119056e5", 48000, 2,
                        "BACKWARD_COMPATIBLE", 0, 0, 48000, 2, "119056e500"),
                Arguments.of("sync extension of another object type: ignored trailing data", "119056e680", 48000, 2,
                        "IMPLICIT", 0, 0, 48000, 2, "1190"),
                Arguments.of("hierarchical signalling: no sync extension read after it", "eb098800", 24000, 1,
                        "HIERARCHICAL", 29, 48000, 48000, 2, "eb098800"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("syncExtensions")
    void readsTheBackwardCompatibleSyncExtension(String name, String hex, int rate, int channels, String signalling,
                                                 int extType, int extRate, int outputRate, int outputChannels,
                                                 String encoded) {
        AudioSpecificConfig c = AudioSpecificConfig.parse(HexFormat.of().parseHex(hex));
        assertThat(c.objectType()).isEqualTo(AudioSpecificConfig.AOT_AAC_LC);
        assertThat(c.sampleRate()).isEqualTo(rate);
        assertThat(c.channelCount()).isEqualTo(channels);
        assertThat(c.signalling()).isEqualTo(AudioSpecificConfig.Signalling.valueOf(signalling));
        assertThat(c.extensionObjectType()).isEqualTo(extType);
        assertThat(c.extensionSampleRate()).isEqualTo(extRate);
        assertThat(c.outputSampleRate()).isEqualTo(outputRate);
        assertThat(c.outputChannelCount()).isEqualTo(outputChannels);
        assertThat(HexFormat.of().formatHex(c.encode())).isEqualTo(encoded);
        assertThat(AudioSpecificConfig.parse(c.encode())).isEqualTo(c);
    }

    @Test
    void signallingMustMatchTheExtension() {
        assertThat(new AudioSpecificConfig(2, 24000, 2, 5, 48000, false, false, 0).signalling())
                .isEqualTo(AudioSpecificConfig.Signalling.HIERARCHICAL);
        assertThat(AudioSpecificConfig.aacLc(48000, 2).signalling()).isEqualTo(AudioSpecificConfig.Signalling.IMPLICIT);
        assertThatThrownBy(() -> new AudioSpecificConfig(2, 24000, 2, 5, 48000, false, false, 0,
                AudioSpecificConfig.Signalling.IMPLICIT)).isInstanceOf(CodecConfigException.class)
                .hasMessageContaining("needs explicit signalling");
        assertThatThrownBy(() -> new AudioSpecificConfig(2, 24000, 2, 0, 0, false, false, 0,
                AudioSpecificConfig.Signalling.HIERARCHICAL)).isInstanceOf(CodecConfigException.class)
                .hasMessageContaining("needs an extension type");
        AudioSpecificConfig escaped = new AudioSpecificConfig(2, 24000, 2, AudioSpecificConfig.AOT_SBR, 50000,
                false, false, 0, AudioSpecificConfig.Signalling.BACKWARD_COMPATIBLE);
        assertThat(AudioSpecificConfig.parse(escaped.encode())).isEqualTo(escaped);
    }

    @Test
    void explicitSampleRatesUseTheEscapeIndex() {
        AudioSpecificConfig c = new AudioSpecificConfig(2, 50000, 2, 0, 0, false, false, 0);
        byte[] encoded = c.encode();
        assertThat(encoded).hasSize(5); // 5 + 4 + 24 + 4 + 3 bits
        assertThat(AudioSpecificConfig.parse(encoded)).isEqualTo(c);
        AudioSpecificConfig core = new AudioSpecificConfig(2, 48000, 1, 0, 0, false, true, 1234);
        assertThat(AudioSpecificConfig.parse(core.encode())).isEqualTo(core);
        assertThat(AudioSpecificConfig.aacLc(44100, 8).channelConfig()).isEqualTo(7);
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("empty", "", "truncated"),
                Arguments.of("object type 0", "0010", "unsupported audio object type 0"),
                Arguments.of("ER AAC LD (23)", "b990", "unsupported audio object type 23"),
                Arguments.of("escaped object type 32+", "f8000000", "unsupported audio object type"),
                Arguments.of("reserved sampling index 13", "16900", "reserved sampling frequency index 13"),
                Arguments.of("program config element", "1180", "program_config_element"),
                Arguments.of("cut in the middle", "11", "truncated"),
                Arguments.of("sync extension cut in the escaped SBR rate", "119056e5f8", "truncated"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void rejects(String name, String hex, String message) {
        byte[] data = hex.length() % 2 == 0 ? HexFormat.of().parseHex(hex) : HexFormat.of().parseHex(hex + "0");
        assertThatThrownBy(() -> AudioSpecificConfig.parse(data)).isInstanceOf(CodecConfigException.class)
                .hasMessageContaining(message);
    }
}
