package io.rtsp4j.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The TLS front of RTSPS connections: Netty's {@link SslHandler} with the configured handshake timeout, and a
 * watcher that turns handshake failures (a plain RTSP request, random bytes, a truncated ClientHello, a timeout)
 * into one clear close reason logged at debug level, instead of an exception travelling down the pipeline.
 */
final class TlsConnections {

    private static final Logger LOG = LoggerFactory.getLogger(TlsConnections.class);

    /** Name of the TLS handler in a connection's pipeline. */
    static final String HANDLER_NAME = "tls";

    private TlsConnections() {
    }

    /** Adds the TLS handlers at the end of a new connection's (still empty) pipeline. */
    static void addTls(SocketChannel ch, TlsConfig tls, ServerConnection conn) {
        SslHandler ssl = tls.context().newHandler(ch.alloc());
        ssl.setHandshakeTimeout(tls.handshakeTimeout().toMillis(), TimeUnit.MILLISECONDS);
        ch.pipeline().addLast(HANDLER_NAME, ssl);
        ch.pipeline().addLast("tls-handshake", new HandshakeWatcher(conn));
    }

    /** Reports the outcome of the handshake; removes itself once it succeeded. */
    private static final class HandshakeWatcher extends ChannelInboundHandlerAdapter {
        private final ServerConnection conn;
        private boolean failed;

        HandshakeWatcher(ServerConnection conn) {
            this.conn = conn;
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
            if (evt instanceof SslHandshakeCompletionEvent done) {
                if (done.isSuccess()) {
                    if (LOG.isDebugEnabled()) {
                        SslHandler ssl = ctx.pipeline().get(SslHandler.class);
                        LOG.debug("{}: TLS handshake done ({}, {})", ctx.channel().remoteAddress(),
                                ssl.engine().getSession().getProtocol(), ssl.engine().getSession().getCipherSuite());
                    }
                    ctx.pipeline().remove(this);
                } else {
                    failed = true;
                    handshakeFailed(ctx, done.cause());
                }
                return; // nobody behind cares
            }
            super.userEventTriggered(ctx, evt);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            if (failed) {
                // The same failure again, as the exception of the decoder that found it: already reported.
                return;
            }
            failed = true;
            handshakeFailed(ctx, cause);
        }

        private void handshakeFailed(ChannelHandlerContext ctx, Throwable cause) {
            String why = describe(cause);
            LOG.debug("{}: TLS handshake failed: {}", ctx.channel().remoteAddress(), why);
            conn.close(new RtspServerException("TLS handshake failed: " + why, cause));
        }
    }

    /** The innermost message, e.g. "not an SSL/TLS record: 4f5054494f4e53..." (cut) or "handshake timed out". */
    static String describe(Throwable cause) {
        Throwable t = cause;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return m.length() > 120 ? m.substring(0, 120) + "..." : m;
    }
}
