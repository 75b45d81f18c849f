package io.rtsp4j.server;

import io.netty.buffer.ByteBuf;

/** A reader over UDP unicast: packets go from the server's shared UDP sockets to the client's ports. */
final class UdpReaderTarget extends ReaderTarget {

    private final UdpListener udp;

    UdpReaderTarget(ServerSession session, SessionMedia media, UdpListener udp) {
        super(session, media);
        this.udp = udp;
    }

    @Override
    boolean sendRtp(ByteBuf framed, int size) {
        if (!udp.sendRtp(framed.retainedSlice(StreamMedia.FRAME_HEADER, size), media.clientRtp)) {
            session.onStreamWriteDropped();
            return false;
        }
        session.countOutboundRtp(media, size);
        return true;
    }

    @Override
    void sendRtcp(ByteBuf packet) {
        if (udp.sendRtcp(packet.retainedDuplicate(), media.clientRtcp)) {
            session.countOutboundRtcp(media, packet.readableBytes());
        }
    }
}
