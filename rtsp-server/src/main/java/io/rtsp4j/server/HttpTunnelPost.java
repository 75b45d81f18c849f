package io.rtsp4j.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;

/**
 * The POST half of an HTTP tunnel, once joined: the only handler left behind TLS; its socket's bytes (the
 * base64 body, undecoded, so that the GET half counts raw bytes) go to the GET half's {@link HttpTunnelInput}.
 */
final class HttpTunnelPost extends ChannelInboundHandlerAdapter {

    /** The handler's name in the pipeline. */
    static final String NAME = "tunnel-post";

    private final HttpTunnelInput get;

    HttpTunnelPost(HttpTunnelInput get) {
        this.get = get;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof ByteBuf buf) {
            get.offer(buf);
        } else {
            // e.g. the empty last content of a POST without Content-Length, from the removed HTTP codec
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        get.postFailed(cause);
        ctx.close();
    }
}
