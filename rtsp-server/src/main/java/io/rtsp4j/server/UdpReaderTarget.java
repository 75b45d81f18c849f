package io.rtsp4j.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.DatagramPacket;

/**
 * A reader over UDP unicast: packets go from the server's shared UDP sockets to the client's ports. Its packets
 * are written on the loop of the server's RTP socket, so that all UDP readers of a packet are one batch there and
 * the socket's flush sends the datagrams of a tick together ({@code sendmmsg} with epoll).
 */
final class UdpReaderTarget extends ReaderTarget {

    private final UdpListener udp;

    UdpReaderTarget(ServerSession session, SessionMedia media, UdpListener udp) {
        super(session, media);
        this.udp = udp;
    }

    @Override
    EventLoop loop() {
        return udp.rtpWriter.channel().eventLoop();
    }

    @Override
    boolean isWritable() {
        return udp.rtpWriter.isWritable();
    }

    @Override
    boolean writeRtp(ByteBuf framed, int frameChannel) {
        PacketWriter w = udp.rtpWriter;
        if (!w.isWritable()) {
            session.onStreamWriteDropped();
            return false;
        }
        int size = framed.readableBytes() - StreamMedia.FRAME_HEADER;
        // Not retained: the caller's reference is the one this write releases.
        w.write(new DatagramPacket(framed.slice(framed.readerIndex() + StreamMedia.FRAME_HEADER, size),
                media.clientRtp));
        session.countOutboundRtp(media, size);
        return true;
    }

    @Override
    void writeRtcp(ByteBuf packet) {
        sendRtcp(packet);
    }

    @Override
    void sendRtcp(ByteBuf packet) {
        if (udp.sendRtcp(packet.retainedDuplicate(), media.clientRtcp)) {
            session.countOutboundRtcp(media, packet.readableBytes());
        }
    }
}
