package io.rtsp4j.server;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.Arrays;

/**
 * A client's pair of UDP ports on 127.0.0.1 (RTP on an even port, RTCP on the next one), as a player or publisher
 * declares them in {@code client_port=}.
 */
final class UdpPorts implements AutoCloseable {

    final DatagramSocket rtp;
    final DatagramSocket rtcp;

    private UdpPorts(DatagramSocket rtp, DatagramSocket rtcp) {
        this.rtp = rtp;
        this.rtcp = rtcp;
    }

    /** Binds a free consecutive pair on 127.0.0.1. */
    static UdpPorts open() throws IOException {
        InetAddress lo = InetAddress.getLoopbackAddress();
        for (int attempt = 0; attempt < 100; attempt++) {
            DatagramSocket a = new DatagramSocket(new InetSocketAddress(lo, 0));
            int port = a.getLocalPort();
            if (port % 2 != 0 || port == 65534) {
                a.close();
                continue;
            }
            try {
                DatagramSocket b = new DatagramSocket(new InetSocketAddress(lo, port + 1));
                a.setSoTimeout(RtspTestClient.READ_TIMEOUT_MILLIS);
                b.setSoTimeout(RtspTestClient.READ_TIMEOUT_MILLIS);
                return new UdpPorts(a, b);
            } catch (SocketException e) {
                a.close();
            }
        }
        throw new IOException("no free UDP port pair");
    }

    int rtpPort() {
        return rtp.getLocalPort();
    }

    int rtcpPort() {
        return rtcp.getLocalPort();
    }

    /** {@code client_port=a-b}. */
    String clientPort() {
        return "client_port=" + rtpPort() + "-" + rtcpPort();
    }

    /** Receives one datagram on the RTP port. */
    byte[] receiveRtp() throws IOException {
        return receive(rtp);
    }

    /** Receives one datagram on the RTCP port. */
    byte[] receiveRtcp() throws IOException {
        return receive(rtcp);
    }

    static byte[] receive(DatagramSocket s) throws IOException {
        DatagramPacket p = receivePacket(s);
        return Arrays.copyOf(p.getData(), p.getLength());
    }

    /** Receives one datagram with its source address. */
    static DatagramPacket receivePacket(DatagramSocket s) throws IOException {
        DatagramPacket p = new DatagramPacket(new byte[70000], 70000);
        s.receive(p);
        return p;
    }

    /** Whether no datagram arrives on {@code s} within {@code millis}. */
    static boolean silent(DatagramSocket s, int millis) throws IOException {
        s.setSoTimeout(millis);
        try {
            receive(s);
            return false;
        } catch (SocketTimeoutException e) {
            return true;
        } finally {
            s.setSoTimeout(RtspTestClient.READ_TIMEOUT_MILLIS);
        }
    }

    /** Drops every datagram already queued on both ports. */
    void drain() throws IOException {
        while (!silent(rtp, 50)) {
            // discard
        }
        while (!silent(rtcp, 50)) {
            // discard
        }
    }

    void sendRtp(byte[] data, InetSocketAddress to) throws IOException {
        rtp.send(new DatagramPacket(data, data.length, to));
    }

    void sendRtcp(byte[] data, InetSocketAddress to) throws IOException {
        rtcp.send(new DatagramPacket(data, data.length, to));
    }

    @Override
    public void close() {
        rtp.close();
        rtcp.close();
    }
}
