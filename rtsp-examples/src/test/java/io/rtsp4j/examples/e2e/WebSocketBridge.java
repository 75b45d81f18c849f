package io.rtsp4j.examples.e2e;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * A WebSocket client for the interop matrix, built from Netty's WebSocket client: it accepts plain RTSP
 * connections on a local port and carries each one over its own RTSP-over-WebSocket connection
 * ({@code rtsp.onvif.org}, binary messages) to the relay, so that FFmpeg's RTSP stack (which has no WebSocket
 * transport) publishes and reads through the relay's WebSocket tunnel.
 *
 * <p>{@code WebSocketBridge <relay host:port> <command...>}: runs the command with {@code {BRIDGE}} replaced by
 * the local port, and exits with its exit code.
 */
public final class WebSocketBridge {

    private WebSocketBridge() {
    }

    /**
     * Runs the bridge and the command.
     *
     * @param args the relay address, then the command
     * @throws Exception on failure
     */
    public static void main(String[] args) throws Exception {
        String[] hp = args[0].split(":");
        InetSocketAddress relay = new InetSocketAddress(hp[0], Integer.parseInt(hp[1]));
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        Channel server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.AUTO_READ, false)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel tcp) {
                        tcp.pipeline().addLast(new ChannelInboundHandlerAdapter() {
                            private Channel ws;

                            @Override
                            public void channelActive(ChannelHandlerContext ctx) {
                                ws = openWebSocket(group, relay, tcp);
                            }

                            @Override
                            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                                if (msg instanceof ByteBuf buf && ws != null && ws.isActive()) {
                                    ws.writeAndFlush(new BinaryWebSocketFrame(buf));
                                } else {
                                    ReferenceCountUtil.release(msg);
                                }
                            }

                            @Override
                            public void channelInactive(ChannelHandlerContext ctx) {
                                if (ws != null) {
                                    ws.close();
                                }
                            }
                        });
                    }
                }).bind("127.0.0.1", 0).sync().channel();
        int port = ((InetSocketAddress) server.localAddress()).getPort();
        List<String> command = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            command.add(args[i].replace("{BRIDGE}", Integer.toString(port)));
        }
        Process child = new ProcessBuilder(command).inheritIO().start();
        Runtime.getRuntime().addShutdownHook(new Thread(child::destroy));
        int code = child.waitFor();
        server.close().sync();
        group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).sync();
        System.exit(code);
    }

    private static Channel openWebSocket(EventLoopGroup group, InetSocketAddress relay, Channel tcp) {
        WebSocketClientProtocolConfig config = WebSocketClientProtocolConfig.newBuilder()
                .webSocketUri(URI.create("ws://" + relay.getHostString() + ":" + relay.getPort() + "/"))
                .subprotocol("rtsp.onvif.org")
                .maxFramePayloadLength(1 << 20)
                .build();
        return new Bootstrap().group(group).channel(NioSocketChannel.class)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(8192),
                                new WebSocketClientProtocolHandler(config), new ChannelInboundHandlerAdapter() {
                                    @Override
                                    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
                                        if (evt == WebSocketClientProtocolHandler.ClientHandshakeStateEvent
                                                .HANDSHAKE_COMPLETE) {
                                            tcp.config().setAutoRead(true);
                                        }
                                    }

                                    @Override
                                    public void channelRead(ChannelHandlerContext ctx, Object msg) {
                                        if (msg instanceof BinaryWebSocketFrame f) {
                                            tcp.writeAndFlush(f.content());
                                        } else {
                                            ReferenceCountUtil.release(msg);
                                        }
                                    }

                                    @Override
                                    public void channelInactive(ChannelHandlerContext ctx) {
                                        tcp.close();
                                    }

                                    @Override
                                    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                                        System.err.println("websocket bridge: " + cause);
                                        ctx.close();
                                    }
                                });
                    }
                }).connect(relay).channel();
    }
}
