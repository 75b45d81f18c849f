package io.rtsp4j.base.codec;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageEncoder;
import io.rtsp4j.base.InterleavedFrame;
import io.rtsp4j.base.RtspMessage;
import io.rtsp4j.base.internal.MessageText;
import java.util.List;
import java.util.Objects;

/**
 * Writes {@link io.rtsp4j.base.RtspRequest}s, {@link io.rtsp4j.base.RtspResponse}s and
 * {@link InterleavedFrame}s; other messages (e.g. {@link ByteBuf}s) pass through untouched.
 *
 * <ul>
 *   <li>Requests and responses: start line, headers with canonical names, empty line, body. A response
 *       without a reason phrase gets the standard phrase of its status. {@code Content-Length} is part of
 *       the message's headers (the message builders keep it equal to the body length).</li>
 *   <li>Interleaved frames: a 4-byte header buffer ({@code '$'}, channel, 16-bit length) followed by the
 *       frame's payload, shared (a retained duplicate) and not copied. The frame itself is released after
 *       encoding, as with any {@link MessageToMessageEncoder}; its payload's indices are left alone, so a
 *       stream can fan one frame out to many connections by retaining it once per write.</li>
 * </ul>
 *
 * <p>Headers are written sorted by name (stable: the values of one name keep their order) by default, as
 * gortsplib does, which makes output deterministic; {@link HeaderOrder#INSERTION} keeps insertion order.
 * The encoder is stateless and {@link ChannelHandler.Sharable}.
 */
@ChannelHandler.Sharable
public class RtspEncoder extends MessageToMessageEncoder<Object> {

    /** The order in which header lines are written. */
    public enum HeaderOrder {
        /** Sorted by canonical name (byte order), values of one name in their order. */
        SORTED,
        /** In the order the headers were added. */
        INSERTION
    }

    private final boolean sort;

    /** Creates an encoder writing headers sorted by name. */
    public RtspEncoder() {
        this(HeaderOrder.SORTED);
    }

    /**
     * Creates an encoder.
     *
     * @param order the order of header lines
     */
    public RtspEncoder(HeaderOrder order) {
        super(Object.class);
        this.sort = Objects.requireNonNull(order, "order") == HeaderOrder.SORTED;
    }

    @Override
    public boolean acceptOutboundMessage(Object msg) {
        return msg instanceof RtspMessage || msg instanceof InterleavedFrame;
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, Object msg, List<Object> out) {
        if (msg instanceof InterleavedFrame) {
            InterleavedFrame frame = (InterleavedFrame) msg;
            ByteBuf payload = frame.content();
            ByteBuf header = ctx.alloc().buffer(4);
            header.writeByte('$');
            header.writeByte(frame.channel());
            header.writeShort(payload.readableBytes());
            out.add(header);
            // a retained duplicate, not the buffer itself: the socket write must not move the frame's reader
            // index, so one frame can be written to many readers (retain once per write) without copying
            out.add(payload.retainedDuplicate());
            return;
        }
        RtspMessage message = (RtspMessage) msg;
        ByteBuf buf = ctx.alloc().buffer(estimateSize(message));
        boolean ok = false;
        try {
            MessageText.write(message, buf, sort);
            ok = true;
        } finally {
            if (!ok) {
                buf.release();
            }
        }
        out.add(buf);
    }

    private static int estimateSize(RtspMessage message) {
        return 64 + message.headers().size() * 48 + message.bodyLength();
    }
}
