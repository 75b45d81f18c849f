package io.rtsp4j.base.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.rtsp4j.base.InterleavedFrame;
import io.rtsp4j.base.RtspMethod;
import io.rtsp4j.base.RtspRequest;
import io.rtsp4j.base.RtspResponse;
import io.rtsp4j.base.RtspStatus;
import io.rtsp4j.testing.Hex;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RtspEncoderTest {

    @Test
    void frameIsHeaderPlusSharedPayload() {
        ByteBuf payload = Unpooled.buffer().writeBytes(new byte[] {1, 2, 3});
        InterleavedFrame frame = new InterleavedFrame(7, payload);
        EmbeddedChannel ch = new EmbeddedChannel(new RtspEncoder());
        ch.writeOutbound(frame);
        ByteBuf header = ch.readOutbound();
        ByteBuf body = ch.readOutbound();
        assertThat(Hex.encode(bytes(header))).isEqualTo("24070003");
        assertThat(body.unwrap()).as("payload is shared, not copied").isSameAs(payload);
        assertThat(frame.refCnt()).as("the duplicate keeps the payload alive").isEqualTo(1);
        header.release();
        body.release();
        assertThat(payload.refCnt()).isZero();
        assertThat(ch.finish()).isFalse();
    }

    @Test
    void oneFrameFansOutToManyChannels() {
        InterleavedFrame frame = new InterleavedFrame(0, Unpooled.wrappedBuffer(new byte[] {9, 9}));
        EmbeddedChannel a = new EmbeddedChannel(new RtspEncoder());
        EmbeddedChannel b = new EmbeddedChannel(new RtspEncoder());
        a.writeOutbound(frame.retain());
        b.writeOutbound(frame.retain());
        frame.release();
        for (EmbeddedChannel ch : new EmbeddedChannel[] {a, b}) {
            ByteBuf h = ch.readOutbound();
            ByteBuf p = ch.readOutbound();
            assertThat(Hex.encode(bytes(h)) + Hex.encode(bytes(p))).isEqualTo("240000020909");
            h.release();
            p.release();
        }
        assertThat(frame.refCnt()).isZero();
    }

    @Test
    void insertionOrderIsKeptOnRequest() {
        RtspRequest req = RtspRequest.builder(RtspMethod.SETUP, "rtsp://h/s/trackID=0")
                .header("Transport", "RTP/AVP/TCP;interleaved=0-1").header("CSeq", "3").build();
        assertThat(encode(new RtspEncoder(RtspEncoder.HeaderOrder.INSERTION), req))
                .isEqualTo("SETUP rtsp://h/s/trackID=0 RTSP/1.0\r\nTransport: RTP/AVP/TCP;interleaved=0-1\r\nCSeq: 3\r\n\r\n");
        assertThat(encode(new RtspEncoder(), req))
                .isEqualTo("SETUP rtsp://h/s/trackID=0 RTSP/1.0\r\nCSeq: 3\r\nTransport: RTP/AVP/TCP;interleaved=0-1\r\n\r\n");
    }

    @Test
    void responseWithBodyAndCustomReason() {
        RtspResponse res = RtspResponse.builder(RtspStatus.OK).header("CSeq", "2")
                .header("Content-Type", "application/sdp").body("v=0\r\n".getBytes(StandardCharsets.US_ASCII)).build();
        assertThat(encode(new RtspEncoder(), res)).isEqualTo("RTSP/1.0 200 OK\r\nCSeq: 2\r\nContent-Length: 5\r\n"
                + "Content-Type: application/sdp\r\n\r\nv=0\r\n");
        RtspResponse custom = RtspResponse.builder(RtspStatus.of(400, "Invalid SETUP path")).build();
        assertThat(encode(new RtspEncoder(), custom)).isEqualTo("RTSP/1.0 400 Invalid SETUP path\r\n\r\n");
    }

    @Test
    void otherMessagesPassThrough() {
        EmbeddedChannel ch = new EmbeddedChannel(new RtspEncoder());
        ByteBuf raw = Unpooled.wrappedBuffer(new byte[] {1});
        ch.writeOutbound(raw);
        assertThat((Object) ch.readOutbound()).isSameAs(raw);
        raw.release();
        ch.finish();
    }

    @Test
    void codecCombinesBoth() {
        EmbeddedChannel ch = new EmbeddedChannel(new RtspCodec());
        ch.writeInbound(Unpooled.copiedBuffer("OPTIONS * RTSP/1.0\r\nCSeq: 1\r\n\r\n", StandardCharsets.US_ASCII));
        RtspRequest req = ch.readInbound();
        ch.writeOutbound(RtspResponse.builder(RtspStatus.OK).header("CSeq", req.cseq()).build());
        ByteBuf out = ch.readOutbound();
        assertThat(out.toString(StandardCharsets.US_ASCII)).isEqualTo("RTSP/1.0 200 OK\r\nCSeq: 1\r\n\r\n");
        out.release();
        assertThat(ch.finish()).isFalse();
    }

    static String encode(RtspEncoder encoder, Object msg) {
        EmbeddedChannel ch = new EmbeddedChannel(encoder);
        ch.writeOutbound(msg);
        ByteBuf b = ch.readOutbound();
        String s = b.toString(StandardCharsets.UTF_8);
        b.release();
        ch.finish();
        return s;
    }

    static byte[] bytes(ByteBuf b) {
        byte[] out = new byte[b.readableBytes()];
        b.getBytes(b.readerIndex(), out);
        return out;
    }
}
