package io.rtsp4j.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The multicast group of one stream media: packets are sent once to the group, whatever the number of
 * multicast readers, through the server's shared multicast sending socket (whose TTL is the configured one, the
 * same that SETUP advertises). Creating a group opens nothing, so that it can be done on an event loop; the
 * server's multicast RTCP listener joins the group to hear the readers' receiver reports.
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
        this.channel = server.multicastSender();
        this.rtpTarget = new InetSocketAddress(address.group(), address.rtpPort());
        this.rtcpTarget = new InetSocketAddress(address.group(), address.rtcpPort());
        server.multicastRtcpListener(address.rtcpPort()).join(address.group());
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
        server.multicastRtcpListener(address.rtcpPort()).leave(address.group());
    }
}
