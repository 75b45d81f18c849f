package io.rtsp4j.examples.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.epoll.EpollChannelOption;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;

/**
 * Binds UDP sockets for RTP/RTCP: an even RTP port and the next one for RTCP (RFC 3550 §11), retried on
 * collisions. With epoll, sockets read up to {@value #BATCH} datagrams per system call ({@code recvmmsg}).
 */
final class UdpPorts {

    static final int BATCH = 16;
    static final int MAX_DATAGRAM = 2048;
    static final int RECEIVE_BUFFER = 2 * 1024 * 1024;
    private static final int ATTEMPTS = 64;

    private UdpPorts() {
    }

    /** Two bound channels: RTP (even port) and RTCP (next port). */
    record Pair(Channel rtp, Channel rtcp) {
        int rtpPort() {
            return ((InetSocketAddress) rtp.localAddress()).getPort();
        }

        void close() {
            rtp.close();
            rtcp.close();
        }
    }

    static Bootstrap bootstrap(EventLoop loop, ChannelHandler handler) {
        Bootstrap b = new Bootstrap().group(loop).channelFactory(Transports.datagramChannel())
                .option(ChannelOption.SO_RCVBUF, RECEIVE_BUFFER)
                .handler(handler);
        if (Transports.epoll()) {
            b.option(EpollChannelOption.MAX_DATAGRAM_PAYLOAD_SIZE, MAX_DATAGRAM)
                    .option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(MAX_DATAGRAM * BATCH));
        } else {
            b.option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(MAX_DATAGRAM));
        }
        return b;
    }

    /**
     * Binds an RTP/RTCP pair on {@code address}.
     *
     * @param loop the loop both channels run on
     * @param address the local address
     * @param rtpHandler handler of the RTP channel
     * @param rtcpHandler handler of the RTCP channel
     * @return the pair
     */
    static CompletableFuture<Pair> bindPair(EventLoop loop, InetAddress address, ChannelHandler rtpHandler,
            ChannelHandler rtcpHandler) {
        CompletableFuture<Pair> result = new CompletableFuture<>();
        attempt(loop, address, rtpHandler, rtcpHandler, ATTEMPTS, result);
        return result;
    }

    private static void attempt(EventLoop loop, InetAddress address, ChannelHandler rtpHandler,
            ChannelHandler rtcpHandler, int left, CompletableFuture<Pair> result) {
        if (left == 0) {
            result.completeExceptionally(new IOException("no free even/odd UDP port pair on " + address));
            return;
        }
        bootstrap(loop, rtpHandler).bind(address, 0).addListener((ChannelFuture rf) -> {
            if (!rf.isSuccess()) {
                result.completeExceptionally(rf.cause());
                return;
            }
            int port = ((InetSocketAddress) rf.channel().localAddress()).getPort();
            if (port % 2 != 0 || port == 65535) {
                // keep the odd socket bound while retrying, so the next ephemeral port differs
                attempt(loop, address, rtpHandler, rtcpHandler, left - 1, result);
                result.whenComplete((p, e) -> rf.channel().close());
                return;
            }
            bootstrap(loop, rtcpHandler).bind(address, port + 1).addListener((ChannelFuture cf) -> {
                if (cf.isSuccess()) {
                    result.complete(new Pair(rf.channel(), cf.channel()));
                } else {
                    attempt(loop, address, rtpHandler, rtcpHandler, left - 1, result);
                    result.whenComplete((p, e) -> rf.channel().close());
                }
            });
        });
    }
}
