package io.rtsp4j.server;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives the RTCP that multicast readers send to their group's RTCP port. It keeps multicast players alive
 * (their receiver reports count as keep-alives) and is joined to every allocated group on every
 * multicast-capable interface.
 */
final class MulticastRtcpListener {

    private static final Logger LOG = LoggerFactory.getLogger(MulticastRtcpListener.class);

    private final RtspServer server;
    private final DatagramChannel channel;

    MulticastRtcpListener(RtspServer server, int port) throws InterruptedException {
        this.server = server;
        Bootstrap b = new Bootstrap()
                .group(server.eventLoopGroup())
                .channelFactory(NettyTransport.datagramChannel(server.eventLoopGroup(), true))
                .option(ChannelOption.SO_REUSEADDR, true)
                .handler(new SimpleChannelInboundHandler<DatagramPacket>() {
                    @Override
                    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket msg) {
                        server.onMulticastRtcp(msg.sender(), msg.content());
                    }

                    @Override
                    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                    }
                });
        this.channel = (DatagramChannel) b.bind(new InetSocketAddress(port)).sync().channel();
    }

    void join(InetAddress group) {
        for (NetworkInterface nif : interfaces()) {
            channel.joinGroup(new InetSocketAddress(group, 0), nif).addListener(f -> {
                if (!f.isSuccess()) {
                    LOG.debug("cannot join {} on {}: {}", group, nif.getName(), f.cause().toString());
                }
            });
        }
    }

    void leave(InetAddress group) {
        for (NetworkInterface nif : interfaces()) {
            channel.leaveGroup(new InetSocketAddress(group, 0), nif);
        }
    }

    void close() {
        channel.close();
    }

    /**
     * Opens the socket that sends to every multicast group: bound to an ephemeral port, with the configured TTL
     * (the one SETUP advertises). Called once at start, off the event loops.
     */
    static Channel openSender(RtspServer server) throws InterruptedException {
        Bootstrap b = new Bootstrap()
                .group(server.eventLoopGroup())
                .channelFactory(NettyTransport.datagramChannel(server.eventLoopGroup(), true))
                .option(ChannelOption.IP_MULTICAST_TTL, server.config().multicastTtl())
                .option(ChannelOption.IP_MULTICAST_LOOP_DISABLED, false)
                .option(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(2 << 20, 4 << 20))
                .handler(new FlushConsolidationHandler(UdpListener.FLUSH_AFTER, true));
        return b.bind(new InetSocketAddress(0)).sync().channel();
    }

    private static List<NetworkInterface> interfaces() {
        List<NetworkInterface> out = new ArrayList<>();
        try {
            for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (nif.isUp() && (nif.supportsMulticast() || nif.isLoopback())) {
                    out.add(nif);
                }
            }
        } catch (SocketException e) {
            LOG.debug("cannot list network interfaces: {}", e.toString());
        }
        return out;
    }
}
