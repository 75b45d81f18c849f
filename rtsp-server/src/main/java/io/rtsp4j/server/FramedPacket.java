package io.rtsp4j.server;

import io.netty.buffer.ByteBuf;

/**
 * One RTP packet of a stream media as its readers receive it, produced once by {@link StreamMedia#frame} and
 * shared by every reader: the encoded packet with a 4-byte {@code $} interleaved header in front (TCP readers send
 * the frame as is, UDP readers and the multicast group send the packet behind the header).
 *
 * <p>The frame buffers are owned by whoever holds the packet: the writer until {@link StreamMedia#writeRtp}
 * returns, each {@link LoopReaders} queue while the packet waits there (one reference per queue, taken by
 * {@link #retain()}).
 */
final class FramedPacket {

    /** The plain frame: {@code $}, {@link #channel}, the RTP size, the RTP packet with the stream's SSRC. */
    final ByteBuf plain;
    /**
     * The frame for readers whose target is {@linkplain ReaderTarget#secure() secure} (SRTP), framed the same
     * way; {@code null} when no such reader plays the media.
     */
    ByteBuf secure;
    /** The channel id written in the frame headers (2 × media index): most TCP readers use it as is. */
    final int channel;
    final StreamFormat format;
    /** Whether the packet starts a random access point (readers waiting for their first sender report get it). */
    final boolean randomAccess;
    /**
     * The RTP marker bit: for video the last packet of a frame (for most audio formats every packet). Batching
     * writers do not hold it.
     */
    final boolean endsFrame;

    FramedPacket(ByteBuf plain, int channel, StreamFormat format, boolean randomAccess, boolean endsFrame) {
        this.plain = plain;
        this.channel = channel;
        this.format = format;
        this.randomAccess = randomAccess;
        this.endsFrame = endsFrame;
    }

    /** The frame a reader takes. */
    ByteBuf frame(boolean secureReader) {
        return secureReader ? secure : plain;
    }

    /** One more reference to every frame. */
    void retain() {
        plain.retain();
        if (secure != null) {
            secure.retain();
        }
    }

    /** Releases one reference of every frame. */
    void release() {
        plain.release();
        if (secure != null) {
            secure.release();
        }
    }
}
