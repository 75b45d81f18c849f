package io.rtsp4j.examples.bench;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFactory;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketProtocolFamily;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Netty epoll when the native transport loads, NIO otherwise. */
final class Transports {

    private Transports() {
    }

    static boolean epoll() {
        try {
            return Epoll.isAvailable() && !Boolean.getBoolean("rtsp4j.noEpoll");
        } catch (Throwable e) {
            return false;
        }
    }

    static EventLoopGroup group(int threads, String name) {
        IoHandlerFactory factory = epoll() ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        AtomicInteger n = new AtomicInteger();
        ThreadFactory tf = r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        return new MultiThreadIoEventLoopGroup(threads, tf, factory);
    }

    static Class<? extends Channel> socketChannel() {
        return epoll() ? EpollSocketChannel.class : NioSocketChannel.class;
    }

    static ChannelFactory<? extends Channel> datagramChannel() {
        return epoll() ? () -> new EpollDatagramChannel(SocketProtocolFamily.INET)
                : () -> new NioDatagramChannel(SocketProtocolFamily.INET);
    }
}
