package io.rtsp4j.rtp.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.Unpooled;
import io.rtsp4j.rtp.RtpPacket;
import io.rtsp4j.sdp.description.Session;
import io.rtsp4j.sdp.format.H264Format;
import io.rtsp4j.sdp.format.MediaFormat;
import io.rtsp4j.testing.Corpus;
import io.rtsp4j.testing.Hex;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The SDP format bridge, fed with every single-format SDP sample of the corpus (sdp/format-*.sdp). */
class RtpFormatsTest {

    static Stream<Arguments> formats() throws Exception {
        List<Arguments> out = new ArrayList<>();
        for (Path file : Corpus.list("sdp", "format-*.sdp")) {
            MediaFormat format;
            try {
                format = Session.parse(Files.readString(file, StandardCharsets.UTF_8)).medias().get(0).formats()
                        .get(0);
            } catch (RuntimeException e) {
                continue; // samples the SDP module rejects are its own tests' business
            }
            out.add(Arguments.of(Named.of(file.getFileName().toString(), format)));
        }
        return out.stream();
    }

    @ParameterizedTest
    @MethodSource("formats")
    void supportedFormatsGetAPacketizerAndADepacketizer(MediaFormat format) {
        if (!RtpFormats.isSupported(format)) {
            assertThatThrownBy(() -> RtpFormats.depacketizer(format)).isInstanceOf(IllegalArgumentException.class);
            assertThat(RtpFormats.ptsEqualsDts(format, Unpooled.wrappedBuffer(new byte[] {1}))).isTrue();
            return;
        }
        Packetizer<?> packetizer;
        try {
            packetizer = RtpFormats.packetizer(format, PacketizerConfig.builder().build());
        } catch (IllegalArgumentException e) {
            assertThat(e.getMessage()).containsAnyOf("packetization mode", "sprop-max-don-diff");
            return;
        }
        assertThat(packetizer.payloadType()).isEqualTo(format.payloadType());
        assertThat(RtpFormats.depacketizer(format)).isNotNull();
    }

    @Test
    void h264KeyFramesOnlyForH264() {
        MediaFormat h264 = new H264Format(96, null, null, 1);
        byte[] idr = Hex.decode("65888400");
        byte[] nonIdr = Hex.decode("41888400");
        assertThat(RtpFormats.ptsEqualsDts(h264, Unpooled.wrappedBuffer(idr))).isTrue();
        assertThat(RtpFormats.ptsEqualsDts(h264, Unpooled.wrappedBuffer(nonIdr))).isFalse();
        RtpPacket p = RtpPacket.builder().payload(nonIdr).build();
        byte[] wire = p.encodeToBytes();
        assertThat(RtpFormats.ptsEqualsDts(h264, Unpooled.wrappedBuffer(wire), 12, wire.length - 12)).isFalse();
    }
}
