package io.rtsp4j.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.DatagramPacket;
import java.util.concurrent.RejectedExecutionException;

/**
 * A reader over UDP unicast: packets go from the server's shared UDP sockets to the client's ports. Its packets
 * are written on the loop of the server's RTP socket, so that all UDP readers of a packet are one batch there and
 * the socket's flush sends the datagrams of a tick together ({@code sendmmsg} with epoll). With
 * {@link RtspServerConfig#writeBatchPackets()} and Linux UDP GSO, a reader's packets are held and sent as segmented
 * datagrams ({@link DatagramBatch}).
 */
final class UdpReaderTarget extends ReaderTarget {

    private final UdpListener udp;
    /** The packets held for a segmented datagram, or null when packets are not held. */
    private final DatagramBatch batch;

    UdpReaderTarget(ServerSession session, SessionMedia media, UdpListener udp) {
        super(session, media);
        this.udp = udp;
        this.batch = udp.newBatch(media.clientRtp);
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
    boolean writeRtp(ByteBuf framed, int frameChannel, boolean endsFrame) {
        PacketWriter w = udp.rtpWriter;
        if (!w.isWritable()) {
            session.onStreamWriteDropped();
            return false;
        }
        int size = framed.readableBytes() - StreamMedia.FRAME_HEADER;
        // Not retained: the caller's reference is the one this write releases.
        ByteBuf packet = framed.slice(framed.readerIndex() + StreamMedia.FRAME_HEADER, size);
        if (batch != null) {
            batch.add(packet, endsFrame);
        } else {
            w.write(new DatagramPacket(packet, media.clientRtp));
        }
        session.countOutboundRtp(media, size);
        return true;
    }

    @Override
    void detach() {
        if (batch == null) {
            return;
        }
        try {
            // After the deliveries running or queued on the loop: the packets held until now leave.
            loop().execute(batch::writeHeld);
        } catch (RejectedExecutionException e) {
            // The loop is gone (the server closes): nothing will run it again.
            batch.discard();
        }
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
