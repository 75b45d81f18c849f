package io.rtsp4j.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;

/**
 * Decodes the body of an HTTP tunnel POST, standard base64 (RFC 4648 §4), as a stream: the body arrives in
 * arbitrary pieces, and clients encode each RTSP message on its own, so {@code =} padding may end any group of
 * four characters, not only the last one (QuickTime, FFmpeg and GStreamer all do so). At most three characters
 * are carried from one piece to the next; line breaks and spaces between characters are skipped. Any other
 * character, or padding in a wrong place, is an error ({@link Base64StreamException}, which closes the tunnel).
 *
 * <p>Not sharable: one per tunnel. Buffers that are not {@link ByteBuf}s pass through.
 */
final class Base64StreamDecoder extends ChannelInboundHandlerAdapter {

    /** The handler's name in the pipeline. */
    static final String NAME = "base64";

    private static final byte[] VALUES = new byte[256];
    private static final byte SKIP = -2;
    private static final byte INVALID = -1;

    static {
        java.util.Arrays.fill(VALUES, INVALID);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < alphabet.length(); i++) {
            VALUES[alphabet.charAt(i)] = (byte) i;
        }
        VALUES['\r'] = SKIP;
        VALUES['\n'] = SKIP;
        VALUES[' '] = SKIP;
        VALUES['\t'] = SKIP;
    }

    /** Bits of the group being decoded, 6 per character. */
    private int bits;
    /** Characters of the group so far (0 to 3). */
    private int count;
    /** After {@code xx=}: the second {@code =} is due. */
    private boolean secondPadDue;
    /** Characters decoded so far, for error messages. */
    private long offset;

    /**
     * Decodes one piece of base64 text. Takes ownership of {@code msg} when it is a {@link ByteBuf}.
     */
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof ByteBuf in)) {
            ctx.fireChannelRead(msg);
            return;
        }
        ByteBuf out = null;
        try {
            out = ctx.alloc().buffer(in.readableBytes() / 4 * 3 + 3);
            decode(in, out);
        } catch (RuntimeException e) {
            if (out != null) {
                out.release();
            }
            throw e;
        } finally {
            in.release();
        }
        if (out.isReadable()) {
            ctx.fireChannelRead(out);
        } else {
            out.release();
        }
    }

    /**
     * Decodes {@code in} into {@code out}. Does not take ownership.
     *
     * @throws Base64StreamException on a character outside the alphabet or misplaced padding
     */
    void decode(ByteBuf in, ByteBuf out) {
        int end = in.writerIndex();
        for (int i = in.readerIndex(); i < end; i++, offset++) {
            int c = in.getByte(i) & 0xff;
            byte v = VALUES[c];
            if (v == SKIP) {
                continue;
            }
            if (secondPadDue) {
                if (c != '=') {
                    throw error("expected '=' (second padding character)", c);
                }
                secondPadDue = false;
                continue;
            }
            if (c == '=') {
                switch (count) {
                    case 2 -> {
                        out.writeByte(bits >>> 4);
                        secondPadDue = true;
                    }
                    case 3 -> out.writeShort(bits >>> 2);
                    default -> throw error("padding after " + count + " characters of a group", c);
                }
                bits = 0;
                count = 0;
                continue;
            }
            if (v == INVALID) {
                throw error("not a base64 character", c);
            }
            bits = bits << 6 | v;
            if (++count == 4) {
                out.writeMedium(bits);
                bits = 0;
                count = 0;
            }
        }
        in.readerIndex(end);
    }

    private Base64StreamException error(String what, int c) {
        return new Base64StreamException(String.format(java.util.Locale.ROOT,
                "HTTP tunnel: invalid base64 in the POST body at character %d: %s (0x%02x)", offset, what, c));
    }

    /** Invalid base64 in an HTTP tunnel's POST body. */
    static final class Base64StreamException extends DecoderException {
        private static final long serialVersionUID = 1L;

        Base64StreamException(String message) {
            super(message);
        }
    }
}
