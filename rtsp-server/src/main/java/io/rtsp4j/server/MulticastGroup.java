package io.rtsp4j.server;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.socket.DatagramPacket;
import io.netty.handler.flush.FlushConsolidationHandler;
import java.net.InetSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The multicast group of one stream media: packets are sent once to the group, whatever the number of
 * multicast readers. The socket's TTL is the configured one, the same that SETUP advertises.
 */
final class MulticastGroup {

    private static final Logger LOG = LoggerFactory.getLogger(MulticastGroup.class);

    private final RtspServer server;
    private final ServerStream.MulticastAddress address;
    private final Channel channel;
    private final InetSocketAddress rtpTarget;
    private final InetSocketAddress rtcpTarget;
    volatile boolean needsSenderReport = true;

    MulticastGroup(RtspServer server, ServerStream.MulticastAddress address) {
        this.server = server;
        this.address = address;
        this.rtpTarget = new InetSocketAddress(address.group(), address.rtpPort());
        this.rtcpTarget = new InetSocketAddress(address.group(), address.rtcpPort());
        Bootstrap b = new Bootstrap()
                .group(server.eventLoopGroup())
                .channelFactory(NettyTransport.datagramChannel(server.eventLoopGroup(), true))
                .option(ChannelOption.IP_MULTICAST_TTL, server.config().multicastTtl())
                .option(ChannelOption.IP_MULTICAST_LOOP_DISABLED, false)
                .option(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(2 << 20, 4 << 20))
                .handler(new FlushConsolidationHandler(UdpListener.FLUSH_AFTER, true));
        try {
            this.channel = b.bind(new InetSocketAddress(0)).sync().channel();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while opening a multicast socket");
        }
        server.multicastRtcpListener().join(address.group());
        LOG.debug("multicast group {} allocated", address);
    }

    ServerStream.MulticastAddress address() {
        return address;
    }

    /** Takes ownership of {@code packet}. */
    void sendRtp(ByteBuf packet) {
        send(packet, rtpTarget);
    }

    /** Takes ownership of {@code packet}. */
    void sendRtcp(ByteBuf packet) {
        send(packet, rtcpTarget);
    }

    private void send(ByteBuf packet, InetSocketAddress to) {
        if (!channel.isWritable()) {
            packet.release();
            return;
        }
        channel.writeAndFlush(new DatagramPacket(packet, to), channel.voidPromise());
    }

    void close() {
        server.multicastRtcpListener().leave(address.group());
        channel.close();
    }
}
