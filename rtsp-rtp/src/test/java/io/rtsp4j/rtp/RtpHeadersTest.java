package io.rtsp4j.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.rtsp4j.testing.Hex;
import org.junit.jupiter.api.Test;

class RtpHeadersTest {

    @Test
    void readsAndRewritesFieldsInPlace() throws Exception {
        // 4 bytes of datagram prefix to check that offsets are honoured
        ByteBuf buf = Unpooled.wrappedBuffer(Hex.decode("aabbccdd" + "80e003b1afb45733ba9da416" + "0102"));
        int off = 4;
        assertThat(RtpHeaders.validate(buf, off, 14)).isEqualTo(12);
        assertThat(RtpHeaders.version(buf, off)).isEqualTo(2);
        assertThat(RtpHeaders.marker(buf, off)).isTrue();
        assertThat(RtpHeaders.payloadType(buf, off)).isEqualTo(96);
        assertThat(RtpHeaders.sequenceNumber(buf, off)).isEqualTo(945);
        assertThat(RtpHeaders.timestamp(buf, off)).isEqualTo(2947831603L);
        assertThat(RtpHeaders.ssrc(buf, off)).isEqualTo(3130893334L);
        assertThat(RtpHeaders.looksLikeRtcp(buf, off)).isFalse();

        RtpHeaders.setSsrc(buf, off, 0xFFFFFFFEL);
        RtpHeaders.setSequenceNumber(buf, off, 70000);
        RtpHeaders.setTimestamp(buf, off, 0x1_0000_0005L);
        RtpHeaders.setPayloadType(buf, off, 97);
        RtpHeaders.setMarker(buf, off, false);
        assertThat(Hex.encode(io.rtsp4j.rtp.internal.Bytes.copy(buf))).isEqualTo("aabbccdd" + "80611170"
                + "00000005" + "fffffffe" + "0102");
        RtpHeaders.setMarker(buf, off, true);
        assertThat(RtpHeaders.payloadType(buf, off)).isEqualTo(97);
        assertThat(RtpHeaders.marker(buf, off)).isTrue();
    }

    @Test
    void recognisesRtcpOnASharedPort() {
        assertThat(RtpHeaders.looksLikeRtcp(Unpooled.wrappedBuffer(Hex.decode("80c80006")), 0)).isTrue();
        assertThat(RtpHeaders.looksLikeRtcp(Unpooled.wrappedBuffer(Hex.decode("81c90007")), 0)).isTrue();
        assertThat(RtpHeaders.looksLikeRtcp(Unpooled.wrappedBuffer(Hex.decode("80600007")), 0)).isFalse();
    }

    @Test
    void headerLengthIncludesCsrcsAndExtension() throws Exception {
        byte[] wire = RtpPacket.builder().csrcs(java.util.List.of(1L, 2L)).extension(0xBEDE, new byte[8])
                .payload(new byte[5]).build().encodeToBytes();
        assertThat(RtpHeaders.validate(Unpooled.wrappedBuffer(wire), 0, wire.length)).isEqualTo(12 + 8 + 4 + 8);
    }
}
