package io.rtsp4j.server;

import io.netty.buffer.ByteBuf;

/**
 * Where a playing session receives one media of a stream: its TCP connection or its UDP ports. The stream calls
 * it from the writer's thread with a buffer it keeps owning.
 */
abstract class ReaderTarget {

    final ServerSession session;
    final SessionMedia media;
    /** Whether the reader still waits for its first sender report (sent right after the next random access). */
    volatile boolean needsSenderReport = true;

    ReaderTarget(ServerSession session, SessionMedia media) {
        this.session = session;
        this.media = media;
    }

    /**
     * Queues an RTP packet.
     *
     * @param framed the encoded packet at offset {@link StreamMedia#FRAME_HEADER}, preceded by a {@code $} frame
     *     header whose channel byte may be another reader's; not retained beyond the call unless queued
     * @param size the RTP packet size
     * @return false when the packet was dropped because the reader's queue is full
     */
    abstract boolean sendRtp(ByteBuf framed, int size);

    /**
     * Queues an RTCP compound packet (not framed). Does not take ownership.
     *
     * @param packet the packet
     */
    abstract void sendRtcp(ByteBuf packet);
}
