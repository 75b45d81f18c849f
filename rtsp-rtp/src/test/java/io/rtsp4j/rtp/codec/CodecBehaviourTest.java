package io.rtsp4j.rtp.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rtsp4j.rtp.RtpPacket;
import io.rtsp4j.rtp.codec.RtpCodecException.Reason;
import io.rtsp4j.rtp.codec.ac3.Ac3SyncFrame;
import io.rtsp4j.rtp.codec.h264.H264Depacketizer;
import io.rtsp4j.rtp.codec.h264.H264Packetizer;
import io.rtsp4j.rtp.codec.h264.H264Payloads;
import io.rtsp4j.rtp.codec.h265.H265Depacketizer;
import io.rtsp4j.rtp.codec.h265.H265Payloads;
import io.rtsp4j.rtp.codec.klv.KlvDepacketizer;
import io.rtsp4j.rtp.codec.latm.LatmPayload;
import io.rtsp4j.rtp.codec.mpeg1audio.Mpeg1AudioFrameHeader;
import io.rtsp4j.rtp.codec.mpeg4audio.Mpeg4AudioDepacketizer;
import io.rtsp4j.rtp.codec.vp9.Vp9FrameHeader;
import io.rtsp4j.testing.Hex;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Behaviour of the payload formats beyond the corpus vectors: settings, limits, error categories, helpers. */
class CodecBehaviourTest {

    private static RtpPacket packet(int seq, long ts, boolean marker, String payloadHex) {
        return RtpPacket.builder().payloadType(96).sequenceNumber(seq).timestamp(ts).marker(marker)
                .payload(Hex.decode(payloadHex)).build();
    }

    @Test
    void packetizerConfigDefaultsAndValidation() {
        PacketizerConfig c = PacketizerConfig.builder().build();
        assertThat(c.maxPayloadSize()).isEqualTo(1450);
        assertThat(c.ssrc()).isBetween(0L, 0xFFFFFFFFL);
        assertThat(c.initialSequenceNumber()).isBetween(0, 0xFFFF);
        assertThat(c.payloadTypeOr(33)).isEqualTo(33);
        assertThat(PacketizerConfig.of(97).payloadTypeOr(33)).isEqualTo(97);
        assertThatThrownBy(() -> PacketizerConfig.builder().maxPayloadSize(15)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PacketizerConfig.builder().payloadType(128)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PacketizerConfig.builder().ssrc(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new io.rtsp4j.rtp.codec.mpegts.MpegTsPacketizer(PacketizerConfig.builder()
                .maxPayloadSize(100).build())).isInstanceOf(IllegalArgumentException.class);
    }

    static Stream<Arguments> annexB() {
        return Stream.of(
                Arguments.of(Named.of("4-byte start codes", "000000016701000000016801"), List.of("6701", "6801")),
                Arguments.of(Named.of("3-byte start codes", "0000016701000001680165"), List.of("6701", "680165")),
                Arguments.of(Named.of("empty units skipped", "00000001000000016701000001"), List.of("6701")),
                Arguments.of(Named.of("zeros before a start code belong to it", "0000016700000000016801"),
                        List.of("67", "6801")),
                Arguments.of(Named.of("00 00 02 is data", "00000167000002"), List.of("67000002")));
    }

    @ParameterizedTest
    @MethodSource("annexB")
    void annexBSplit(String stream, List<String> nalus) {
        assertThat(AnnexB.split(Hex.decode(stream), 10).stream().map(Hex::encode).toList()).isEqualTo(nalus);
    }

    @Test
    void annexBRejectsAndJoins() {
        assertThatThrownBy(() -> AnnexB.split(Hex.decode("6701"), 10)).hasMessageContaining("start code");
        assertThatThrownBy(() -> AnnexB.split(Hex.decode("00000001"), 10)).hasMessageContaining("no NAL unit");
        assertThatThrownBy(() -> AnnexB.split(Hex.decode("000001670000016801"), 1)).hasMessageContaining("count");
        assertThat(Hex.encode(AnnexB.join(List.of(Hex.decode("67"), Hex.decode("68"))))).isEqualTo("0000000167"
                + "0000000168");
    }

    @Test
    void h264PacketizationMode0SendsEveryNalUnitAlone() {
        H264Packetizer p = new H264Packetizer(PacketizerConfig.builder().payloadType(96).initialSequenceNumber(0)
                .maxPayloadSize(100).build(), 0);
        List<RtpPacket> packets = p.packetize(List.of(Hex.decode("6742"), Hex.decode("68ce"), Hex.decode("6588")), 9);
        assertThat(packets).extracting(RtpPacket::sequenceNumber).containsExactly(0, 1, 2);
        assertThat(packets).extracting(RtpPacket::marker).containsExactly(false, false, true);
        assertThat(p.nextSequenceNumber()).isEqualTo(3);
        assertThatThrownBy(() -> p.packetize(List.of(new byte[101]), 0)).hasMessageContaining("packetization-mode=0");
        assertThatThrownBy(() -> p.packetize(List.of(), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new H264Packetizer(PacketizerConfig.builder().build(), 2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new H264Packetizer(PacketizerConfig.of(96)).packetizeAnnexB(Hex.decode("000000016742000001"
                + "68ce"), 0)).hasSize(1);
    }

    @Test
    void h264ErrorsAreCategorized() throws Exception {
        H264Depacketizer d = new H264Depacketizer();
        // a continuation fragment before any start: joining a running stream, dropped silently
        assertThat(d.depacketize(packet(1, 0, false, "7c050102"))).isNull();
        assertThatThrownBy(() -> d.depacketize(packet(2, 0, true, "790102")))
                .isInstanceOfSatisfying(RtpCodecException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED))
                .hasMessage("packet type not supported (STAP-B)");
        // now that packets were seen, a continuation without start is an error
        assertThatThrownBy(() -> d.depacketize(packet(3, 0, false, "7c050102")))
                .isInstanceOfSatisfying(RtpCodecException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED));
        assertThatThrownBy(() -> d.depacketize(packet(4, 0, true, "18000567"))).hasMessageContaining("STAP-A");
        assertThatThrownBy(() -> d.depacketize(packet(5, 0, true, ""))).hasMessage("payload is too short");
        // padding after the last STAP-A unit is accepted
        assertThat(d.depacketize(packet(6, 0, true, "180002670100000000"))).hasSize(1);
    }

    @Test
    void h264SizeLimit() throws Exception {
        H264Depacketizer d = new H264Depacketizer(10, 5);
        assertThat(d.depacketize(packet(1, 0, false, "7c85010203040506"))).isNull();
        assertThatThrownBy(() -> d.depacketize(packet(2, 0, true, "7c450708090a0b")))
                .isInstanceOfSatisfying(RtpCodecException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE))
                .hasMessageContaining("NALU size (12) is too big, maximum is 10");
        // the depacketizer recovers with the next unit
        assertThat(d.depacketize(packet(3, 1, true, "6501"))).hasSize(1);
    }

    @Test
    void accessUnitWithoutMarkerIsCompletedByTheNextTimestamp() throws Exception {
        H264Depacketizer d = new H264Depacketizer();
        assertThat(d.depacketize(packet(1, 1000, false, "6501"))).isNull();
        assertThat(d.depacketize(packet(2, 1000, false, "6502"))).isNull();
        // next timestamp with marker: the pending unit comes out now, the new one waits for the next change
        assertThat(d.depacketize(packet(3, 4000, true, "4103")).stream().map(Hex::encode)).containsExactly("6501",
                "6502");
        assertThat(d.depacketize(packet(4, 7000, false, "4104")).stream().map(Hex::encode)).containsExactly("4103");
        d.reset();
        assertThat(d.depacketize(packet(5, 7000, true, "4105")).stream().map(Hex::encode)).containsExactly("4105");
    }

    @Test
    void h265Errors() throws Exception {
        H265Depacketizer d = new H265Depacketizer();
        assertThatThrownBy(() -> d.depacketize(packet(1, 0, true, "6401aa")))
                .isInstanceOfSatisfying(RtpCodecException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED));
        assertThatThrownBy(() -> d.depacketize(packet(2, 0, true, "01"))).hasMessage("payload is too short");
        assertThatThrownBy(() -> d.depacketize(packet(3, 0, true, "60010005aa"))).hasMessageContaining("aggregation");
    }

    static Stream<Arguments> keyFrames() {
        return Stream.of(
                Arguments.of(Named.of("h264 IDR", "65"), true, true),
                Arguments.of(Named.of("h264 SPS in STAP-A", "1800016700026801"), true, true),
                Arguments.of(Named.of("h264 P slice in STAP-A", "180002410100016801"), true, true),
                Arguments.of(Named.of("h264 P slice only in STAP-A", "18000241"), true, false),
                Arguments.of(Named.of("h264 FU-A start of IDR", "7c85"), true, true),
                Arguments.of(Named.of("h264 FU-A middle of IDR", "7c05"), true, false),
                Arguments.of(Named.of("h264 truncated STAP-A", "180005"), true, false),
                Arguments.of(Named.of("h265 IDR_W_RADL", "2601"), false, true),
                Arguments.of(Named.of("h265 CRA", "2a01"), false, true),
                Arguments.of(Named.of("h265 VPS in AP", "6001000240010002a"), false, true),
                Arguments.of(Named.of("h265 trailing picture", "0201"), false, false),
                Arguments.of(Named.of("h265 FU start of IDR", "620193"), false, true),
                Arguments.of(Named.of("h265 FU middle of IDR", "620113"), false, false));
    }

    @ParameterizedTest
    @MethodSource("keyFrames")
    void ptsEqualsDts(String payload, boolean h264, boolean expected) {
        byte[] b = Hex.decode(payload.length() % 2 == 0 ? payload : payload + "0");
        assertThat(h264 ? H264Payloads.ptsEqualsDts(b) : H265Payloads.ptsEqualsDts(b)).isEqualTo(expected);
    }

    @Test
    void aacFragmentsWithTheWholeAuSizeLikeFfmpeg() throws Exception {
        Mpeg4AudioDepacketizer d = new Mpeg4AudioDepacketizer();
        // AU of 6 bytes split 4 + 2, each AU-header announcing the whole size 6 (6 << 3 = 0x0030)
        assertThat(d.depacketize(packet(1, 0, false, "00100030" + "21010203"))).isNull();
        assertThat(d.depacketize(packet(2, 0, true, "00100030" + "0405")).stream().map(Hex::encode))
                .containsExactly("210102030405");
        assertThatThrownBy(() -> d.depacketize(packet(3, 0, true, "00100031" + "21")))
                .isInstanceOfSatisfying(RtpCodecException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED))
                .hasMessage("AU-index different than zero is not supported");
        assertThatThrownBy(() -> d.depacketize(packet(4, 0, true, "0000"))).hasMessage("invalid AU-headers-length");
        assertThatThrownBy(() -> d.depacketize(packet(5, 0, true, "000a0000"))).hasMessageContaining("AU-headers-length");
    }

    @Test
    void latmPayloadLengthInfo() throws Exception {
        for (int size : new int[] {0, 1, 254, 255, 256, 510, 1000}) {
            byte[] au = new byte[size];
            byte[] element = LatmPayload.wrap(au);
            assertThat(element.length).isEqualTo(size + size / 255 + 1);
            assertThat(LatmPayload.unwrap(element)).hasSize(size);
        }
        assertThatThrownBy(() -> LatmPayload.unwrap(Hex.decode("ffff"))).isInstanceOf(RtpCodecException.class);
        assertThatThrownBy(() -> LatmPayload.unwrap(Hex.decode("0501"))).isInstanceOf(RtpCodecException.class);
    }

    static Stream<Arguments> mpegAudioHeaders() {
        return Stream.of(
                Arguments.of(Named.of("MPEG-1 layer III 32 kbit/s 48 kHz", "fffb1464"), 96, 1152),
                Arguments.of(Named.of("MPEG-1 layer III 128 kbit/s 44.1 kHz padded", "fffb9264"), 418, 1152),
                Arguments.of(Named.of("MPEG-1 layer II 192 kbit/s 48 kHz", "fffda404"), 576, 1152),
                Arguments.of(Named.of("MPEG-2 layer III 64 kbit/s 24 kHz", "fff38464"), 192, 576),
                Arguments.of(Named.of("MPEG-1 layer I 384 kbit/s 44.1 kHz", "ffffc004"), 416, 384));
    }

    @ParameterizedTest
    @MethodSource("mpegAudioHeaders")
    void mpegAudioFrameHeader(String hex, int length, int samples) {
        Mpeg1AudioFrameHeader h = Mpeg1AudioFrameHeader.parse(Hex.decode(hex), 0, 4);
        assertThat(h.frameLength()).isEqualTo(length);
        assertThat(h.sampleCount()).isEqualTo(samples);
        assertThat(Mpeg1AudioFrameHeader.parse(Hex.decode("fff0ffff"), 0, 4)).isNull();
    }

    @Test
    void ac3FrameSizes() {
        // 48 kHz 448 kbit/s, 44.1 kHz 32 kbit/s (code 1: one more word), 32 kHz 640 kbit/s
        assertThat(Ac3SyncFrame.frameSize(Hex.decode("0b771a011e"), 0, 5)).isEqualTo(1792);
        assertThat(Ac3SyncFrame.frameSize(Hex.decode("0b77000041"), 0, 5)).isEqualTo(140);
        assertThat(Ac3SyncFrame.frameSize(Hex.decode("0b770000a4"), 0, 5)).isEqualTo(3840);
        assertThat(Ac3SyncFrame.frameSize(Hex.decode("0b7700003f"), 0, 5)).isEqualTo(-1);
        assertThat(Ac3SyncFrame.frameSize(Hex.decode("0b770000c0"), 0, 5)).isEqualTo(-1);
    }

    @Test
    void vp9KeyFrameHeader() {
        // the key frame of the vp9.jsonl vectors: 1920x804
        assertThat(Vp9FrameHeader.parse(Hex.decode("824983420077f03234"))).isEqualTo(new Vp9FrameHeader(true, 1920,
                804));
        assertThat(Vp9FrameHeader.parse(Hex.decode("8600"))).isEqualTo(new Vp9FrameHeader(false, 0, 0));
        assertThat(Vp9FrameHeader.parse(Hex.decode("82498342"))).isNull();
    }

    @Test
    void klvUnitsMustStartWithAUniversalLabel() throws Exception {
        KlvDepacketizer d = new KlvDepacketizer();
        assertThat(d.depacketize(packet(1, 0, true, "0102030405"))).isNull();
        assertThat(d.depacketize(packet(2, 5, false, "060e2b340101"))).isNull();
        assertThatThrownBy(() -> d.depacketize(packet(3, 6, true, "0203"))).hasMessageContaining("timestamp changed");
        assertThat(d.depacketize(packet(4, 7, false, "060e2b340101"))).isNull();
        assertThatThrownBy(() -> d.depacketize(packet(6, 7, true, "0203")))
                .isInstanceOfSatisfying(RtpCodecException.class, e -> assertThat(e.reason()).isEqualTo(Reason.PACKET_LOST));
    }
}
