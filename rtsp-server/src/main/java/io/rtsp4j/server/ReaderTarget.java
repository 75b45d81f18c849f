package io.rtsp4j.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.EventLoop;

/**
 * Where a playing session receives one media of a stream: its TCP connection or its UDP ports.
 *
 * <p>The stream's packets reach a target through the {@link LoopReaders} of {@link #loop()}: {@link #writeRtp}
 * runs on that loop and does not flush (the loop's {@link LoopFlusher} does, once per tick). Direct writes of a
 * session ({@link #sendRtp}) and RTCP ({@link #sendRtcp}) may come from any thread.
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

    /** @return the event loop on which this reader's packets are written (its channel's) */
    abstract EventLoop loop();

    /**
     * Whether this reader takes the SRTP-protected frame of each packet ({@link FramedPacket#secure}) instead of
     * the plain one. Fixed for the life of the target (it decides the reader's list in its {@link LoopReaders}).
     *
     * @return true when the reader's media was set up with SRTP (its {@link SessionMedia#srtp} is set at SETUP,
     *     before the target exists)
     */
    boolean secure() {
        return media.srtp != null;
    }

    /**
     * Writes one RTP frame without flushing; {@link #loop()} only. Counts it for the session, or counts the drop
     * when the reader's queue is full.
     *
     * @param framed a {@code $} frame: 4-byte header, then the RTP packet; {@code frameChannel} is the channel id
     *     in that header, which may be another reader's
     * @param frameChannel the channel byte of {@code framed}'s header (read once per packet by the caller)
     * @param endsFrame the packet's marker bit ({@link FramedPacket#endsFrame}): a batching writer does not hold it
     * @return true when written: the write took ownership of one reference of {@code framed}; false when dropped
     *     (the caller keeps its reference)
     */
    abstract boolean writeRtp(ByteBuf framed, int frameChannel, boolean endsFrame);

    /**
     * Writes an RTCP compound packet (not framed) without flushing; {@link #loop()} only. Does not take ownership.
     *
     * @param packet the packet
     */
    abstract void writeRtcp(ByteBuf packet);

    /** @return whether the reader's queue has room (any thread) */
    abstract boolean isWritable();

    /**
     * Writes one RTP frame from any thread (a session's direct writes, not the stream's fan-out), flushed at the
     * end of the loop's tick. Does not take ownership.
     *
     * @param framed the frame, see {@link #writeRtp}, between its reader and writer index
     * @param size the RTP packet size
     * @return false when the packet was dropped because the reader's queue is full
     */
    boolean sendRtp(ByteBuf framed, int size) {
        int start = framed.readerIndex();
        int channel = framed.getUnsignedByte(start + 1);
        boolean endsFrame = StreamMedia.endsFrame(framed);
        ByteBuf frame = framed.retainedSlice(start, StreamMedia.FRAME_HEADER + size);
        EventLoop l = loop();
        if (l.inEventLoop()) {
            if (!writeRtp(frame, channel, endsFrame)) {
                frame.release();
                return false;
            }
            return true;
        }
        if (!isWritable()) {
            frame.release();
            session.onStreamWriteDropped();
            return false;
        }
        l.execute(() -> {
            if (!writeRtp(frame, channel, endsFrame)) {
                frame.release();
            }
        });
        return true;
    }

    /**
     * The target no longer receives the stream (removed from its {@link LoopReaders}); any thread. Packets it
     * holds for a batch of its own must still leave (or be released).
     */
    void detach() {
    }

    /**
     * Sends an RTCP compound packet (not framed) from any thread, flushed at once. Does not take ownership.
     *
     * @param packet the packet
     */
    abstract void sendRtcp(ByteBuf packet);
}
