package io.rtsp4j.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpServerCodec;
import java.util.List;

/**
 * The first handler of a fresh connection (right after TLS, when there is TLS): its first four bytes tell RTSP
 * from HTTP. {@code "GET "} and {@code "POST"} start an HTTP request (an HTTP tunnel half or a WebSocket
 * upgrade: no RTSP method is spelled so; {@code GET_PARAMETER} has an underscore); anything else is RTSP, and the
 * detector steps aside. Like gortsplib's reader, it only looks at the beginning of a connection.
 */
final class ProtocolDetector extends ByteToMessageDecoder {

    /** The handler's name in the pipeline. */
    static final String NAME = "detect";
    /** The name of the HTTP codec installed for an HTTP request. */
    static final String HTTP_CODEC = "http";

    private static final byte[] GET = {'G', 'E', 'T', ' '};
    private static final byte[] POST = {'P', 'O', 'S', 'T'};

    private final ServerConnection conn;

    ProtocolDetector(ServerConnection conn) {
        this.conn = conn;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        int n = Math.min(4, in.readableBytes());
        boolean get = startsWith(in, GET, n);
        boolean post = startsWith(in, POST, n);
        if ((get || post) && n < 4) {
            return; // a prefix of an HTTP method: wait for the fourth byte
        }
        if (get || post) {
            RtspServerConfig c = conn.server.config();
            HttpDecoderConfig limits = new HttpDecoderConfig()
                    .setMaxInitialLineLength(c.tunnelMaxHttpHeaderSize())
                    .setMaxHeaderSize(c.tunnelMaxHttpHeaderSize());
            // Behind the byte counter, so that raw bytes are counted; in front of the RTSP codec, which the
            // tunnel handlers rearrange once they know what the request is.
            ctx.pipeline().addAfter("counter", HTTP_CODEC, new HttpServerCodec(limits));
            ctx.pipeline().addAfter(HTTP_CODEC, TunnelRequestHandler.NAME, new TunnelRequestHandler(conn));
        }
        // Removing the detector hands what it buffered to the next handler (the byte counter).
        ctx.pipeline().remove(this);
    }

    @Override
    protected void decodeLast(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        // The client left after fewer than four bytes: let the RTSP decoder report them as truncated.
        if (in.isReadable()) {
            out.add(in.readRetainedSlice(in.readableBytes()));
        }
    }

    private static boolean startsWith(ByteBuf in, byte[] prefix, int n) {
        int base = in.readerIndex();
        for (int i = 0; i < n; i++) {
            if (in.getByte(base + i) != prefix[i]) {
                return false;
            }
        }
        return n > 0;
    }
}
