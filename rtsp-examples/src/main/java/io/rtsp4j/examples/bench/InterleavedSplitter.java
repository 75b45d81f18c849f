package io.rtsp4j.examples.bench;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.DecoderException;
import java.util.List;

/**
 * First handler of a bench RTSP connection: hands interleaved frames ({@code $}, channel, 16-bit length) to a
 * {@link FrameSink} straight from the received buffer, without a message object or a copy, and passes every
 * complete RTSP message (header block plus {@code Content-Length} body) on as one retained slice, for the
 * {@code RtspDecoder} behind it. Finding where a message ends only needs the blank line and Content-Length; the
 * decoder behind does the real parsing.
 *
 * <p>Why not the decoder alone: it makes an {@code InterleavedFrame} and a slice per packet, and a reader at
 * 100k packets/s should not allocate per packet.
 */
final class InterleavedSplitter extends ByteToMessageDecoder {

    /** Receives interleaved frames. */
    interface FrameSink {
        /**
         * One frame; runs on the channel's event loop.
         *
         * @param channel the interleaved channel
         * @param buf the buffer holding the frame (does not retain: valid only during the call)
         * @param offset absolute index of the payload
         * @param length payload length
         */
        void onFrame(int channel, ByteBuf buf, int offset, int length);
    }

    /** A header block longer than this ends the connection. */
    static final int MAX_HEADER_BLOCK = 64 * 1024;
    /** A body longer than this ends the connection. */
    static final int MAX_BODY = 1024 * 1024;

    private final FrameSink sink;

    InterleavedSplitter(FrameSink sink) {
        this.sink = sink;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (in.isReadable()) {
            int r = in.readerIndex();
            byte b = in.getByte(r);
            if (b == '$') {
                if (in.readableBytes() < 4) {
                    return;
                }
                int length = in.getUnsignedShort(r + 2);
                if (in.readableBytes() < 4 + length) {
                    return;
                }
                in.readerIndex(r + 4 + length);
                sink.onFrame(in.getUnsignedByte(r + 1), in, r + 4, length);
            } else if (b == '\r' || b == '\n' || b == ' ' || b == 0) {
                in.skipBytes(1);
            } else {
                int end = messageEnd(in, r, in.writerIndex());
                if (end < 0) {
                    if (in.readableBytes() > MAX_HEADER_BLOCK + MAX_BODY) {
                        throw new DecoderException("RTSP message without end after " + in.readableBytes() + " bytes");
                    }
                    return;
                }
                out.add(in.readRetainedSlice(end - r));
                return;
            }
        }
    }

    /**
     * Where the RTSP message starting at {@code start} ends.
     *
     * @return the index after its body, or -1 if not all of it is in {@code [start, limit)}
     * @throws DecoderException if the header block or the body exceeds the limits
     */
    static int messageEnd(ByteBuf in, int start, int limit) {
        int headerEnd = -1;
        int scanLimit = Math.min(limit, start + MAX_HEADER_BLOCK);
        for (int i = start; i < scanLimit; i++) {
            if (in.getByte(i) == '\n') {
                if (i + 1 < limit && in.getByte(i + 1) == '\n') {
                    headerEnd = i + 2;
                    break;
                }
                if (i + 2 < limit && in.getByte(i + 1) == '\r' && in.getByte(i + 2) == '\n') {
                    headerEnd = i + 3;
                    break;
                }
            }
        }
        if (headerEnd < 0) {
            if (limit - start >= MAX_HEADER_BLOCK) {
                throw new DecoderException("RTSP header block longer than " + MAX_HEADER_BLOCK + " bytes");
            }
            return -1;
        }
        long body = contentLength(in, start, headerEnd);
        if (body > MAX_BODY) {
            throw new DecoderException("RTSP body of " + body + " bytes exceeds " + MAX_BODY);
        }
        long end = headerEnd + body;
        return end <= limit ? (int) end : -1;
    }

    /** The Content-Length of the header block {@code [start, end)}, 0 when absent or malformed. */
    private static long contentLength(ByteBuf in, int start, int end) {
        final String name = "content-length";
        int lineStart = start;
        for (int i = start; i < end; i++) {
            if (in.getByte(i) != '\n') {
                continue;
            }
            int ls = lineStart;
            lineStart = i + 1;
            if (i - ls <= name.length()) {
                continue;
            }
            boolean match = true;
            for (int k = 0; k < name.length() && match; k++) {
                match = Character.toLowerCase((char) in.getByte(ls + k)) == name.charAt(k);
            }
            if (!match) {
                continue;
            }
            int p = ls + name.length();
            while (p < i && (in.getByte(p) == ' ' || in.getByte(p) == '\t')) {
                p++;
            }
            if (p >= i || in.getByte(p) != ':') {
                continue;
            }
            p++;
            long v = 0;
            boolean digits = false;
            for (; p < i; p++) {
                byte c = in.getByte(p);
                if (c >= '0' && c <= '9') {
                    v = v * 10 + (c - '0');
                    digits = true;
                    if (v > Integer.MAX_VALUE) {
                        return v;
                    }
                } else if (c != ' ' && c != '\t' && c != '\r') {
                    return 0;
                }
            }
            return digits ? v : 0;
        }
        return 0;
    }
}
