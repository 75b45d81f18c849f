package io.rtsp4j.server;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFactory;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoEventLoop;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketProtocolFamily;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.NettyRuntime;

/** Chooses epoll when the native transport is available, NIO otherwise. */
final class NettyTransport {

    private NettyTransport() {
    }

    static boolean epoll() {
        try {
            return Epoll.isAvailable() && !Boolean.getBoolean("rtsp4j.noEpoll");
        } catch (Throwable t) {
            return false;
        }
    }

    /**
     * The server's own loops: {@code threads}, or one per core for 0 (Netty's default would be two per core:
     * with the fan-out batched per loop, more loops than cores only add hand-offs and context switches).
     */
    static EventLoopGroup newGroup(int threads) {
        IoHandlerFactory factory = epoll() ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        int n = threads > 0 ? threads : NettyRuntime.availableProcessors();
        return new MultiThreadIoEventLoopGroup(n, new DaemonThreadFactory("rtsp4j-io"), factory);
    }

    static Class<? extends ServerChannel> serverChannel(EventLoopGroup group) {
        return isEpollGroup(group) ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    }

    static ChannelFactory<? extends Channel> datagramChannel(EventLoopGroup group, boolean ipv4Only) {
        if (isEpollGroup(group)) {
            return ipv4Only ? () -> new EpollDatagramChannel(SocketProtocolFamily.INET) : EpollDatagramChannel::new;
        }
        return ipv4Only ? () -> new NioDatagramChannel(SocketProtocolFamily.INET) : NioDatagramChannel::new;
    }

    /**
     * Whether {@code ch} can send segmented datagrams (UDP GSO: epoll on Linux 4.18 or later), unless disabled
     * with {@code -Drtsp4j.noUdpSegmentation=true}.
     */
    static boolean segmentedDatagrams(Channel ch) {
        try {
            return ch instanceof EpollDatagramChannel && EpollDatagramChannel.isSegmentedDatagramPacketSupported()
                    && !Boolean.getBoolean("rtsp4j.noUdpSegmentation");
        } catch (Throwable t) {
            return false;
        }
    }

    private static boolean isEpollGroup(EventLoopGroup group) {
        try {
            return group.next() instanceof IoEventLoop loop && loop.isIoType(EpollIoHandler.class);
        } catch (Throwable t) {
            return false;
        }
    }
}
