package io.rtsp4j.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.rtsp4j.base.InterleavedFrame;

/** A reader over TCP: packets become {@code $} frames on the reader's connection. */
final class TcpReaderTarget extends ReaderTarget {

    private final Channel channel;
    private final PacketWriter writer;
    private final int rtpChannel;
    private final int rtcpChannel;

    TcpReaderTarget(ServerSession session, SessionMedia media, ServerConnection conn) {
        super(session, media);
        this.channel = conn.channel;
        this.writer = PacketWriter.ofConnection(conn.channel, conn.server.config());
        this.rtpChannel = media.rtpChannel;
        this.rtcpChannel = media.rtpChannel + 1;
    }

    @Override
    EventLoop loop() {
        return channel.eventLoop();
    }

    @Override
    boolean isWritable() {
        return channel.isWritable();
    }

    @Override
    boolean writeRtp(ByteBuf framed, int frameChannel, boolean endsFrame) {
        if (!channel.isWritable()) {
            session.onStreamWriteDropped();
            return false;
        }
        int size = framed.readableBytes() - StreamMedia.FRAME_HEADER;
        ByteBuf out;
        if (frameChannel == rtpChannel) {
            // Not retained: the caller's reference is the one this write releases.
            out = framed.duplicate();
        } else {
            // Readers usually share channel ids (2N and 2N+1 for media N): the shared frame header then fits
            // them all. A reader with other ids gets its own 4-byte header in front of the shared packet bytes.
            ByteBufAllocator alloc = channel.alloc();
            out = alloc.compositeDirectBuffer(2)
                    .addComponent(true, alloc.directBuffer(4).writeByte('$').writeByte(rtpChannel).writeShort(size))
                    .addComponent(true, framed.slice(framed.readerIndex() + StreamMedia.FRAME_HEADER, size));
        }
        writer.write(out, endsFrame);
        session.countOutboundRtp(media, size);
        return true;
    }

    @Override
    void writeRtcp(ByteBuf packet) {
        if (!channel.isWritable()) {
            return;
        }
        // Through the whole pipeline: the RTSP encoder frames it.
        channel.write(new InterleavedFrame(rtcpChannel, packet.retainedDuplicate()), channel.voidPromise());
        writer.scheduleFlush();
        session.countOutboundRtcp(media, packet.readableBytes());
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
