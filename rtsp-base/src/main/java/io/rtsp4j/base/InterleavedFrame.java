package io.rtsp4j.base;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufHolder;
import io.netty.buffer.DefaultByteBufHolder;

/**
 * An interleaved binary frame of RTSP over TCP (RFC 2326 §10.12): {@code '$'}, a one-byte channel, a 16-bit
 * big-endian length and that many payload bytes, usually one RTP or RTCP packet.
 *
 * <p>The frame holds its payload without copying it: the decoder emits frames whose content is a retained
 * slice of the receive buffer, and the encoder writes the content after a four-byte header. As with every
 * {@link ByteBufHolder}, whoever holds the frame must {@link #release()} it (or pass it on to a handler
 * that does).
 */
public final class InterleavedFrame extends DefaultByteBufHolder {

    /** The largest payload the 16-bit length field can describe: {@value}. */
    public static final int MAX_PAYLOAD_LENGTH = 0xFFFF;

    private final int channel;

    /**
     * Creates a frame. Takes ownership of {@code payload}: releasing the frame releases it. When the
     * arguments are rejected, ownership stays with the caller.
     *
     * @param channel the channel, 0..255 (by convention RTP on even and RTCP on odd channels)
     * @param payload the payload, at most {@value #MAX_PAYLOAD_LENGTH} readable bytes
     * @throws IllegalArgumentException if the channel is out of range or the payload too long
     */
    public InterleavedFrame(int channel, ByteBuf payload) {
        super(checkPayload(payload));
        if (channel < 0 || channel > 255) {
            throw new IllegalArgumentException("interleaved channel " + channel + " out of range 0..255");
        }
        this.channel = channel;
    }

    private static ByteBuf checkPayload(ByteBuf payload) {
        if (payload == null) {
            throw new NullPointerException("payload");
        }
        if (payload.readableBytes() > MAX_PAYLOAD_LENGTH) {
            throw new IllegalArgumentException("interleaved payload of " + payload.readableBytes()
                    + " bytes exceeds " + MAX_PAYLOAD_LENGTH);
        }
        return payload;
    }

    /**
     * The channel of the frame.
     *
     * @return 0..255
     */
    public int channel() {
        return channel;
    }

    @Override
    public InterleavedFrame copy() {
        return replace(content().copy());
    }

    @Override
    public InterleavedFrame duplicate() {
        return replace(content().duplicate());
    }

    @Override
    public InterleavedFrame retainedDuplicate() {
        return replace(content().retainedDuplicate());
    }

    /**
     * A frame on the same channel with another payload. Takes ownership of {@code content}.
     *
     * @param content the new payload
     * @return the new frame
     */
    @Override
    public InterleavedFrame replace(ByteBuf content) {
        return new InterleavedFrame(channel, content);
    }

    @Override
    public InterleavedFrame retain() {
        super.retain();
        return this;
    }

    @Override
    public InterleavedFrame retain(int increment) {
        super.retain(increment);
        return this;
    }

    @Override
    public InterleavedFrame touch() {
        super.touch();
        return this;
    }

    @Override
    public InterleavedFrame touch(Object hint) {
        super.touch(hint);
        return this;
    }

    /**
     * Frames are equal when their channels and readable payload bytes are equal.
     *
     * @param o the other object
     * @return whether equal
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof InterleavedFrame && ((InterleavedFrame) o).channel == channel && super.equals(o);
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + channel;
    }

    /**
     * Channel and payload length, without the payload bytes.
     *
     * @return e.g. {@code InterleavedFrame(channel=0, length=1400)}
     */
    @Override
    public String toString() {
        return "InterleavedFrame(channel=" + channel + ", length=" + content().readableBytes() + ")";
    }
}
