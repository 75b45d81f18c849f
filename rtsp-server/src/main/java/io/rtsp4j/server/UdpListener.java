package io.rtsp4j.server;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.socket.DatagramPacket;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The server's shared UDP sockets (one for RTP, one for RTCP). Datagrams are accepted only from the addresses
 * that sessions registered (the client IP of the session and the ports it declared in SETUP); everything else is
 * dropped, so that nobody can inject media into a session.
 */
final class UdpListener {

    /** Receives datagrams from one registered source. */
    interface Receiver {
        /**
         * A datagram from the registered address.
         *
         * @param content the payload; not retained beyond the call
         */
        void onDatagram(ByteBuf content);
    }

    /**
     * Flushes consolidated into one by the FlushConsolidationHandler of the multicast sockets (written with
     * writeAndFlush from many threads): at most once per loop tick, or after this many.
     */
    static final int FLUSH_AFTER = 64;

    final Channel rtp;
    final Channel rtcp;
    /** Writes the stream's RTP packets to UDP readers, on the RTP socket's loop, flushed once per tick. */
    final PacketWriter rtpWriter;
    private final ConcurrentHashMap<InetSocketAddress, Receiver> rtpReceivers;
    private final ConcurrentHashMap<InetSocketAddress, Receiver> rtcpReceivers;

    /** Packets per segmented datagram to one reader; 1 = no holding (no batching configured, or no UDP GSO). */
    private final int batch;
    private final long maxHoldNanos;

    private UdpListener(RtspServerConfig config, Channel rtp, Channel rtcp,
            ConcurrentHashMap<InetSocketAddress, Receiver> rtpReceivers,
            ConcurrentHashMap<InetSocketAddress, Receiver> rtcpReceivers) {
        this.batch = NettyTransport.segmentedDatagrams(rtp) ? config.writeBatchPackets() : 1;
        this.maxHoldNanos = config.writeBatchMaxDelay().toNanos();
        this.rtp = rtp;
        this.rtcp = rtcp;
        this.rtpReceivers = rtpReceivers;
        this.rtcpReceivers = rtcpReceivers;
        this.rtpWriter = new PacketWriter(rtp, rtp.pipeline().context(Inbound.class));
    }

    static UdpListener bind(RtspServer server, InetSocketAddress rtpAddr, InetSocketAddress rtcpAddr)
            throws InterruptedException {
        if (rtpAddr.getPort() == 0 && rtcpAddr.getPort() == 0) {
            Exception last = null;
            for (int attempt = 0; attempt < 64; attempt++) {
                int port = 20000 + 2 * ThreadLocalRandom.current().nextInt(20000);
                try {
                    return bindPair(server, new InetSocketAddress(rtpAddr.getAddress(), port),
                            new InetSocketAddress(rtcpAddr.getAddress(), port + 1));
                } catch (ReadBufferException e) {
                    throw e;
                } catch (Exception e) {
                    last = e;
                }
            }
            throw new IllegalStateException("cannot find a free pair of consecutive UDP ports", last);
        }
        return bindPair(server, rtpAddr, rtcpAddr);
    }

    private static UdpListener bindPair(RtspServer server, InetSocketAddress rtpAddr, InetSocketAddress rtcpAddr)
            throws InterruptedException {
        ConcurrentHashMap<InetSocketAddress, Receiver> rtpReceivers = new ConcurrentHashMap<>();
        ConcurrentHashMap<InetSocketAddress, Receiver> rtcpReceivers = new ConcurrentHashMap<>();
        Channel rtp = open(server, rtpAddr, rtpReceivers);
        Channel rtcp;
        try {
            rtcp = open(server, rtcpAddr, rtcpReceivers);
        } catch (RuntimeException | InterruptedException e) {
            rtp.close().sync();
            throw e;
        }
        return new UdpListener(server.config(), rtp, rtcp, rtpReceivers, rtcpReceivers);
    }

    private static Channel open(RtspServer server, InetSocketAddress addr,
            ConcurrentHashMap<InetSocketAddress, Receiver> receivers) throws InterruptedException {
        Bootstrap b = new Bootstrap()
                .group(server.eventLoopGroup())
                .channelFactory(NettyTransport.datagramChannel(server.eventLoopGroup(), false))
                // One datagram is at most a max-size packet; one byte more reveals truncation.
                .option(ChannelOption.RECVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(
                        server.config().maxPacketSize() + 1))
                // A shared socket serves every UDP reader: its queue is bounded in bytes, generously.
                .option(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(8 << 20, 16 << 20))
                // No flush consolidation: the stream's packets go through rtpWriter (one flush per loop tick),
                // the rest (RTCP, once per second per session) is flushed at once.
                .handler(new Inbound(receivers));
        if (server.config().udpReadBufferSize() > 0) {
            b.option(ChannelOption.SO_RCVBUF, server.config().udpReadBufferSize());
        }
        b.option(ChannelOption.SO_SNDBUF, 4 << 20);
        Channel ch;
        try {
            ch = b.bind(addr).sync().channel();
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot listen on UDP " + addr + ": " + e.getMessage(), e);
        }
        int wanted = server.config().udpReadBufferSize();
        if (wanted > 0) {
            int got = ((io.netty.channel.socket.DatagramChannelConfig) ch.config()).getReceiveBufferSize();
            if (got < wanted) {
                // Linux caps SO_RCVBUF at net.core.rmem_max silently: a publisher would lose packets unnoticed.
                ch.close().sync();
                throw new ReadBufferException("udpReadBufferSize: unable to set the UDP read buffer size to " + wanted
                        + ", got " + got + "; check that the operating system allows that (net.core.rmem_max)");
            }
        }
        return ch;
    }

    /** The OS refused the configured receive buffer size: retrying other ports would not help. */
    static final class ReadBufferException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        ReadBufferException(String message) {
            super(message);
        }
    }

    /**
     * The batch of a new UDP reader whose RTP port is {@code to}, or null when this socket does not batch
     * ({@link RtspServerConfig#writeBatchPackets()} is 1, or the transport cannot send segmented datagrams).
     */
    DatagramBatch newBatch(InetSocketAddress to) {
        return batch > 1 ? new DatagramBatch(rtpWriter, to, batch, maxHoldNanos) : null;
    }

    InetSocketAddress rtpAddress() {
        return (InetSocketAddress) rtp.localAddress();
    }

    InetSocketAddress rtcpAddress() {
        return (InetSocketAddress) rtcp.localAddress();
    }

    void registerRtp(InetSocketAddress from, Receiver r) {
        rtpReceivers.put(normalize(from), r);
    }

    void registerRtcp(InetSocketAddress from, Receiver r) {
        rtcpReceivers.put(normalize(from), r);
    }

    void unregister(InetSocketAddress rtpFrom, InetSocketAddress rtcpFrom, Receiver owner) {
        if (rtpFrom != null) {
            rtpReceivers.remove(normalize(rtpFrom), owner);
        }
        if (rtcpFrom != null) {
            rtcpReceivers.remove(normalize(rtcpFrom), owner);
        }
    }

    /** Sends a datagram; takes ownership of {@code content}. Returns false when dropped (socket queue full). */
    boolean sendRtp(ByteBuf content, InetSocketAddress to) {
        return send(rtp, content, to);
    }

    /** Sends a datagram; takes ownership of {@code content}. */
    boolean sendRtcp(ByteBuf content, InetSocketAddress to) {
        return send(rtcp, content, to);
    }

    private static boolean send(Channel ch, ByteBuf content, InetSocketAddress to) {
        if (!ch.isWritable()) {
            content.release();
            return false;
        }
        ch.writeAndFlush(new DatagramPacket(content, to), ch.voidPromise());
        return true;
    }

    void close() {
        rtp.close();
        rtcp.close();
    }

    /** IPv4-mapped IPv6 senders (dual-stack sockets) are keyed by their IPv4 address. */
    static InetSocketAddress normalize(InetSocketAddress a) {
        InetAddress ip = a.getAddress();
        if (ip instanceof Inet6Address) {
            byte[] b = ip.getAddress();
            boolean mapped = true;
            for (int i = 0; i < 10; i++) {
                mapped &= b[i] == 0;
            }
            mapped &= b[10] == (byte) 0xff && b[11] == (byte) 0xff;
            if (mapped) {
                try {
                    return new InetSocketAddress(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}),
                            a.getPort());
                } catch (UnknownHostException e) {
                    return a;
                }
            }
        }
        return a;
    }

    static InetAddress normalize(InetAddress ip) {
        return ip == null ? null : normalize(new InetSocketAddress(ip, 0)).getAddress();
    }

    /** Dispatches datagrams to their registered receiver. */
    private static final class Inbound extends SimpleChannelInboundHandler<DatagramPacket> {
        private final ConcurrentHashMap<InetSocketAddress, Receiver> receivers;

        Inbound(ConcurrentHashMap<InetSocketAddress, Receiver> receivers) {
            this.receivers = receivers;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket msg) {
            Receiver r = receivers.get(normalize(msg.sender()));
            if (r != null) {
                r.onDatagram(msg.content());
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            // ICMP port unreachable and the like: a UDP socket goes on.
        }
    }
}
