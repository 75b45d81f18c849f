package io.rtsp4j.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.rtsp4j.base.InterleavedFrame;

/** A reader over TCP: packets become {@code $} frames on the reader's connection. */
final class TcpReaderTarget extends ReaderTarget {

    private final Channel channel;
    private final int rtpChannel;
    private final int rtcpChannel;

    TcpReaderTarget(ServerSession session, SessionMedia media, ServerConnection conn) {
        super(session, media);
        this.channel = conn.channel;
        this.rtpChannel = media.rtpChannel;
        this.rtcpChannel = media.rtpChannel + 1;
    }

    @Override
    boolean sendRtp(ByteBuf framed, int size) {
        if (!channel.isWritable()) {
            session.onStreamWriteDropped();
            return false;
        }
        ByteBuf out;
        if (framed.getUnsignedByte(1) == rtpChannel) {
            out = framed.retainedDuplicate();
        } else {
            // Readers usually share channel ids (2N and 2N+1 for media N): the shared frame header then fits
            // them all. A reader with other ids gets its own 4-byte header in front of the shared packet bytes.
            out = channel.alloc().compositeDirectBuffer(2)
                    .addComponent(true, channel.alloc().directBuffer(4).writeByte('$').writeByte(rtpChannel)
                            .writeShort(size))
                    .addComponent(true, framed.retainedSlice(StreamMedia.FRAME_HEADER, size));
        }
        // Flushes are coalesced by the pipeline's FlushConsolidationHandler (one syscall for many packets).
        channel.writeAndFlush(out, channel.voidPromise());
        session.countOutboundRtp(media, size);
        return true;
    }

    @Override
    void sendRtcp(ByteBuf packet) {
        if (!channel.isWritable()) {
            return;
        }
        channel.writeAndFlush(new InterleavedFrame(rtcpChannel, packet.retainedDuplicate()), channel.voidPromise());
        session.countOutboundRtcp(media, packet.readableBytes());
    }
}
