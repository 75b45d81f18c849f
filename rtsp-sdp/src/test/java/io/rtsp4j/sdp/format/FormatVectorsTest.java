package io.rtsp4j.sdp.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rtsp4j.sdp.SdpParseException;
import io.rtsp4j.sdp.SdpReader;
import io.rtsp4j.sdp.codec.AudioSpecificConfig;
import io.rtsp4j.sdp.description.Media;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Format cases that are not in the shared corpus: the remaining cases of gortsplib
 * pkg/format/format_test.go (named after them), the real-tool quirks found by the captures of
 * testdata/sdp, and the invalid parameters every format must reject with a clear message.
 */
class FormatVectorsTest {

    record Case(String name, String mediaType, int payloadType, String rtpMap, String fmtp, String codec,
                String expectedRtpMap, Map<String, String> expectedFmtp, int clockRate) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final String GORTSPLIB = "gortsplib format_test.go: ";

    static Stream<Case> cases() {
        return Stream.of(
                new Case(GORTSPLIB + "audio g711 pcmu dynamic payload type", "audio", 96, "PCMU/16000/2", null,
                        "G711", "PCMU/16000/2", Map.of(), 16000),
                new Case(GORTSPLIB + "audio g726 be", "audio", 97, "AAL2-G726-32/8000", null,
                        "G726", "AAL2-G726-32/8000", Map.of(), 8000),
                new Case(GORTSPLIB + "audio lpcm 16 with no explicit channel", "audio", 97, "L16/16000", null,
                        "LPCM", "L16/16000/1", Map.of(), 16000),
                new Case(GORTSPLIB + "audio lpcm 24", "audio", 98, "L24/44100/4", null,
                        "LPCM", "L24/44100/4", Map.of(), 44100),
                new Case(GORTSPLIB + "audio aac without indexlength", "audio", 96, "mpeg4-generic/48000/2",
                        "streamtype=5; profile-level-id=14; mode=AAC-hbr; config=1190; SizeLength=13",
                        "MPEG4Audio", "mpeg4-generic/48000/2", Map.of("streamtype", "5", "profile-level-id", "14",
                                "mode", "AAC-hbr", "config", "1190", "sizelength", "13"), 48000),
                new Case(GORTSPLIB + "audio aac he-aac v2 ps", "audio", 96, "mpeg4-generic/48000/2",
                        "streamtype=5; profile-level-id=48; mode=AAC-hbr; config=eb098800; SizeLength=13",
                        "MPEG4Audio", "mpeg4-generic/48000/2", Map.of("streamtype", "5", "profile-level-id", "48",
                                "mode", "AAC-hbr", "config", "eb098800", "sizelength", "13"), 48000),
                new Case(GORTSPLIB + "audio aac from AVOIP (issue mediamtx/4183)", "audio", 100,
                        "mpeg4-generic/48000/2",
                        "streamtype=5; sizeLength=13; indexLength=3; indexDeltaLength=3; mode=AAC_hbr; config=1190",
                        "MPEG4Audio", "mpeg4-generic/48000/2", Map.of("config", "1190", "indexdeltalength", "3",
                                "indexlength", "3", "mode", "AAC-hbr", "profile-level-id", "1", "sizelength", "13",
                                "streamtype", "5"), 48000),
                new Case(GORTSPLIB + "audio aac latm hierarchical sbr", "audio", 110, "MP4A-LATM/48000/2",
                        "profile-level-id=44; bitrate=64000; cpresent=0; config=40005623101fe0; sbr-enabled=1",
                        "MPEG4AudioLATM", "MP4A-LATM/48000/2", Map.of("profile-level-id", "44", "object", "2",
                                "cpresent", "0", "config", "40005623101fe0", "SBR-enabled", "1", "bitrate", "64000"),
                        48000),
                new Case(GORTSPLIB + "audio aac latm no channels", "audio", 110, "MP4A-LATM/48000",
                        "profile-level-id=30; cpresent=0; config=40002310",
                        "MPEG4AudioLATM", "MP4A-LATM/48000/1", Map.of("profile-level-id", "30", "object", "2",
                                "cpresent", "0", "config", "400023103fc0"), 48000),
                // gortsplib writes MP4A-LATM/16000/1 here; the announced rate and channels are kept instead
                new Case(GORTSPLIB + "audio aac latm cpresent", "audio", 96, "MP4A-LATM/48000/2", "cpresent=1",
                        "MPEG4AudioLATM", "MP4A-LATM/48000/2", Map.of("cpresent", "1", "profile-level-id", "30"),
                        48000),
                new Case(GORTSPLIB + "audio vorbis", "audio", 96, "VORBIS/44100/2", "configuration=AQIDBA==",
                        "Vorbis", "VORBIS/44100/2", Map.of("configuration", "AQIDBA=="), 44100),
                new Case(GORTSPLIB + "audio opus 5.1", "audio", 96, "multiopus/48000/6",
                        "num_streams=4; coupled_streams=2; channel_mapping=0,4,1,2,3,5",
                        "Opus", "multiopus/48000/6", Map.of("channel_mapping", "0,4,1,2,3,5", "coupled_streams", "2",
                                "num_streams", "4", "sprop-maxcapturerate", "48000"), 48000),
                new Case(GORTSPLIB + "audio ac3 implicit channels", "audio", 97, "AC3/48000", null,
                        "AC3", "AC3/48000/6", Map.of(), 48000),
                new Case(GORTSPLIB + "video mpeg4 video", "video", 96, "MP4V-ES/90000",
                        "profile-level-id=1; config=000001B001000001B58913000001000000012000C48D8AEE053C04641443"
                                + "000001B24C61766335382E3133342E313030",
                        "MPEG4Video", "MP4V-ES/90000", Map.of("profile-level-id", "1", "config",
                                "000001B001000001B58913000001000000012000C48D8AEE053C04641443000001B24C617663353"
                                        + "82E3133342E313030"), 90000),
                new Case(GORTSPLIB + "video h264 sprop-parameter-sets with extra data", "video", 96, "H264/90000",
                        "packetization-mode=1; profile-level-id=640029; "
                                + "sprop-parameter-sets=Z2QAKawTMUB4BEfeA+oCAgPgAAADACAAAAZSgA==,aPqPLA==,aF6jzAMA",
                        "H264", "H264/90000", Map.of("packetization-mode", "1", "profile-level-id", "640029",
                                "sprop-parameter-sets", "Z2QAKawTMUB4BEfeA+oCAgPgAAADACAAAAZSgA==,aPqPLA=="), 90000),
                new Case(GORTSPLIB + "video h264 with unparsable parameters (mediamtx/2348)", "video", 96,
                        "H264/90000", "packetization-mode=1; profile-level-id=010101; sprop-parameter-sets="
                                + "QgEBAWAAAAMAAAMAAAMAAAMAlqADwIAQ5Y2uSTJrlnAIAAADAAgAAAMAyEA=,RAHgdrAmQA==",
                        "H264", "H264/90000", Map.of("packetization-mode", "1"), 90000),
                new Case(GORTSPLIB + "video h264 bosch (issue gortsplib/632)", "video", 35, "H264/90000",
                        "packetization-mode=1;profile-level-id=4d4029;sprop-parameter-sets="
                                + "Z01AKY2NYDwBE/LgLcBDQECA,aO44gA==",
                        "H264", "H264/90000", Map.of("packetization-mode", "1", "profile-level-id", "4D4029",
                                "sprop-parameter-sets", "Z01AKY2NYDwBE/LgLcBDQECA,aO44gA=="), 90000),
                new Case(GORTSPLIB + "video h265 annexb", "video", 96, "H265/90000",
                        "sprop-vps=AAAAAUABDAH//wFgAAADAAADAAADAAADAJasCQ==; "
                                + "sprop-sps=AAAAAUIBAQFgAAADAAADAAADAAADAJagBaIB4WNrkkya5Zk=; sprop-pps=AAAAAUQB4HawJkA=",
                        "H265", "H265/90000", Map.of("sprop-vps", "QAEMAf//AWAAAAMAAAMAAAMAAAMAlqwJ",
                                "sprop-sps", "QgEBAWAAAAMAAAMAAAMAAAMAlqAFogHhY2uSTJrlmQ==",
                                "sprop-pps", "RAHgdrAmQA=="), 90000),
                new Case(GORTSPLIB + "video av1", "video", 96, "AV1/90000", "profile=2; level-idx=8; tier=1",
                        "AV1", "AV1/90000", Map.of("profile", "2", "level-idx", "8", "tier", "1"), 90000),
                new Case("FFmpeg 5.1 AC-3 (testdata/sdp/ffmpeg-ac3-l16.sdp): no rtpmap at all", "audio", 96, null,
                        null, "Generic", null, Map.of(), 0),
                new Case("FFmpeg 5.1 raw MPEG-TS (testdata/sdp/ffmpeg-mpegts.sdp): application media", "application",
                        33, null, null, "MPEGTS", "MP2T/90000", Map.of(), 90000),
                new Case("MPEG-TS on a dynamic payload type", "video", 96, "MP2T/90000", null,
                        "MPEGTS", "MP2T/90000", Map.of(), 90000),
                new Case("H264 on a payload type reserved for static formats", "video", 20, "H264/90000",
                        "packetization-mode=1", "Generic", "H264/90000", Map.of("packetization-mode", "1"), 90000),
                new Case("GStreamer upper-case OPUS (testdata/sdp/gstreamer-opus.sdp)", "audio", 96, "OPUS/48000/2",
                        "sprop-stereo=0;sprop-maxcapturerate=48000", "Opus", "opus/48000/2",
                        Map.of("sprop-stereo", "0"), 48000),
                new Case("Speex with vbr on", "audio", 97, "speex/8000", "vbr=on", "Speex", "speex/8000",
                        Map.of("vbr", "on"), 8000),
                new Case("Opus 7.1 with the standard layout", "audio", 96, "multiopus/48000/8", null, "Opus",
                        "multiopus/48000/8", Map.of("channel_mapping", "0,6,1,2,3,4,5,7", "coupled_streams", "3",
                                "num_streams", "5", "sprop-maxcapturerate", "48000"), 48000),
                new Case("Generic keeps odd fmtp text (Uniview metadata)", "application", 107,
                        "vnd.onvif.metadata/90000", "DecoderTag=h3c-v3 RTCP=0", "Generic", "vnd.onvif.metadata/90000",
                        Map.of("DecoderTag", "h3c-v3 RTCP=0"), 90000));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decodesAndReencodes(Case c) {
        MediaFormat f = MediaFormats.decode(c.mediaType(), c.payloadType(), c.rtpMap(), c.fmtp());
        assertThat(f.codec()).isEqualTo(c.codec());
        assertThat(f.payloadType()).isEqualTo(c.payloadType());
        assertThat(f.rtpMap()).isEqualTo(c.expectedRtpMap());
        assertThat(f.fmtp()).isEqualTo(c.expectedFmtp());
        assertThat(f.clockRate()).isEqualTo(c.clockRate());
        assertThat(MediaFormats.decode(c.mediaType(), f.payloadType(), f.rtpMap(), f.fmtpValue())).isEqualTo(f);
        assertThat(f.withPayloadType(f.payloadType())).isEqualTo(f);
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("video", 96, "H264/90000", "packetization-mode=3", "invalid H264 packetization-mode '3'"),
                Arguments.of("video", 96, "H265/90000", "sprop-max-don-diff=x", "invalid H265 sprop-max-don-diff"),
                Arguments.of("video", 96, "VP8/90000", "max-fr=", "invalid VP8 max-fr ''"),
                Arguments.of("video", 96, "VP9/90000", "profile-id=-1", "invalid VP9 profile-id"),
                Arguments.of("video", 96, "AV1/90000", "tier=one", "invalid AV1 tier"),
                Arguments.of("video", 96, "MP4V-ES/90000", "config=0", "invalid MPEG4Video config '0'"),
                Arguments.of("audio", 96, "mpeg4-generic/48000/2", "sizelength=13", "MPEG4Audio config is missing"),
                Arguments.of("audio", 96, "mpeg4-generic/48000/2", "config=1190", "MPEG4Audio sizelength is missing"),
                Arguments.of("audio", 96, "mpeg4-generic/48000/2", "config=1190; sizelength=13; mode=AAC-lbr",
                        "unsupported MPEG4Audio mode 'AAC-lbr'"),
                Arguments.of("audio", 96, "mpeg4-generic/48000/2", "config=1190; sizelength=13; streamtype=4",
                        "unsupported MPEG4Audio streamtype '4'"),
                Arguments.of("audio", 96, "mpeg4-generic/48000/2", "config=zzz1210; sizelength=13",
                        "invalid MPEG4Audio config 'zzz1210'"),
                Arguments.of("audio", 96, "mpeg4-generic/48000/2", "config=0010; sizelength=13",
                        "unsupported audio object type 0"),
                Arguments.of("audio", 96, "mpeg4-generic/48000/2", "config=1190; sizelength=13; indexlength=101",
                        "invalid MPEG4Audio indexlength '101'"),
                Arguments.of("audio", 96, "MP4A-LATM/48000/2", "cpresent=0", "config is missing (cpresent=0)"),
                Arguments.of("audio", 96, "MP4A-LATM/", "cpresent=1", "invalid MPEG4AudioLATM clock rate ''"),
                Arguments.of("audio", 96, "MP4A-LATM/48000", "cpresent=0; config=c0", "audioMuxVersion 1"),
                Arguments.of("audio", 96, "VORBIS/44100/2", null, "Vorbis configuration is missing"),
                Arguments.of("audio", 96, "VORBIS/44100/2", "configuration=!!", "invalid Vorbis configuration"),
                Arguments.of("audio", 96, "opus/44100/2", null, "clock rate must be 48000"),
                Arguments.of("audio", 96, "multiopus/48000", null, "channel count missing"),
                Arguments.of("audio", 96, "multiopus/48000/9", null, "invalid multiopus channel count '9'"),
                Arguments.of("audio", 96, "multiopus/48000/6", "channel_mapping=0,1", "invalid multiopus channel_mapping"),
                Arguments.of("audio", 96, "G726-33/8000", null, "unknown bit rate"),
                Arguments.of("audio", 96, "G726-32/16000", null, "clock rate must be 8000"),
                Arguments.of("audio", 96, "speex/16000", "vbr=vad", "invalid Speex vbr 'vad'"),
                Arguments.of("audio", 96, "AC3/0/A", null, "invalid AC3 clock rate '0'"),
                Arguments.of("audio", 96, "L16/", null, "invalid LPCM clock rate ''"),
                Arguments.of("audio", 96, "PCMA/8000/0", null, "invalid G711 channel count '0'"),
                Arguments.of("application", 96, "Foo/abc", null, "invalid Generic clock rate 'abc'"));
    }

    @ParameterizedTest(name = "{0}/{2} {3}")
    @MethodSource("invalid")
    void rejectsInvalidParametersWithAClearMessage(String type, int pt, String rtpMap, String fmtp, String message) {
        assertThatThrownBy(() -> MediaFormats.decode(type, pt, rtpMap, fmtp))
                .isInstanceOf(SdpParseException.class).hasMessageContaining(message);
    }

    /**
     * The same invalid parameters through {@link MediaFormats#decodeLenient}: a generic format keeping the
     * rtpmap and fmtp, with the strict decoder's message as its problem; only an rtpmap without readable
     * clock rate still fails.
     */
    @ParameterizedTest(name = "lenient {0}/{2} {3}")
    @MethodSource("invalid")
    void lenientDecodingKeepsInvalidParametersAsGeneric(String type, int pt, String rtpMap, String fmtp,
                                                        String message) {
        String[] parts = rtpMap.split("/", -1);
        String rate = parts.length > 1 ? parts[1] : null;
        if (rate != null && !rate.matches("[0-9]+")) {
            assertThatThrownBy(() -> MediaFormats.decodeLenient(type, pt, rtpMap, fmtp))
                    .isInstanceOf(SdpParseException.class).hasMessageContaining(message);
            return;
        }
        MediaFormat f = MediaFormats.decodeLenient(type, pt, rtpMap, fmtp);
        assertThat(f).isInstanceOf(GenericFormat.class);
        assertThat(f.codec()).isEqualTo("Generic");
        assertThat(f.payloadType()).isEqualTo(pt);
        assertThat(f.rtpMap()).isEqualTo(rtpMap);
        assertThat(f.fmtpValue()).isEqualTo(fmtp);
        assertThat(f.clockRate()).isEqualTo(rate == null ? 0 : Integer.parseInt(rate));
        assertThat(((GenericFormat) f).decodeProblem()).contains(message);
        assertThat(f.withPayloadType(pt + 1)).isInstanceOfSatisfying(GenericFormat.class,
                g -> assertThat(g.decodeProblem()).contains(message));
        // a valid format is decoded as usual
        assertThat(MediaFormats.decodeLenient("video", 96, "H264/90000", "packetization-mode=1"))
                .isEqualTo(MediaFormats.decode("video", 96, "H264/90000", "packetization-mode=1"));
    }

    @Test
    void smartPayloadTypeOfTpLinkCamerasIsReplacedByTheRtpmapOne() {
        // gortsplib format_test.go "application tp-link (issue mediamtx/1267)"
        String sdp = "v=0\r\no=- 4158123474391860926 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n"
                + "m=application/TP-LINK 0 RTP/AVP smart/1/90000\r\na=rtpmap:95 TP-LINK/90000\r\n";
        MediaFormat f = Media.fromSdp(SdpReader.parse(sdp).media().get(0)).formats().get(0);
        assertThat(f).isInstanceOf(GenericFormat.class);
        assertThat(f.payloadType()).isEqualTo(95);
        assertThat(f.rtpMap()).isEqualTo("TP-LINK/90000");
        assertThat(f.clockRate()).isEqualTo(90000);
    }

    @Test
    void buildsFormatsProgrammatically() {
        byte[] sps = HexFormat.of().parseHex("6764001facd9405005bb016c80000003008000001e078c18cb");
        byte[] pps = HexFormat.of().parseHex("68ebe3cb22c0");
        H264Format h264 = new H264Format(96, sps, pps, 1);
        assertThat(h264.parsedSps().width()).isEqualTo(1280);
        assertThat(h264.parsedSps().height()).isEqualTo(720);
        assertThat(h264.fmtpValue()).isEqualTo("packetization-mode=1; profile-level-id=64001F; "
                + "sprop-parameter-sets=Z2QAH6zZQFAFuwFsgAAAAwCAAAAeB4wYyw==,aOvjyyLA");
        assertThat(h264.withPayloadType(97).payloadType()).isEqualTo(97);

        Mpeg4AudioFormat aac = Mpeg4AudioFormat.aacHbr(97, AudioSpecificConfig.aacLc(44100, 2));
        assertThat(aac.rtpMap()).isEqualTo("mpeg4-generic/44100/2");
        assertThat(aac.fmtp()).containsEntry("config", "1210");
        assertThat(G711Format.of(true).rtpMap()).isEqualTo("PCMU/8000");
        assertThat(new OpusFormat(111, 2).fmtpValue()).isEqualTo("sprop-stereo=1");
        assertThat(new LpcmFormat(97, 24, 48000, 2).rtpMap()).isEqualTo("L24/48000/2");
    }
}
