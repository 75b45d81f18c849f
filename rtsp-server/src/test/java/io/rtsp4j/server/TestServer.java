package io.rtsp4j.server;

import io.rtsp4j.sdp.description.Session;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A started server for one test: RTSP on 127.0.0.1 port 0, UDP on a free port pair of 127.0.0.1, two I/O
 * threads. Closing it closes the streams and clients the test made through it, then the server.
 */
final class TestServer implements AutoCloseable {

    final TestHandler handler;
    final RtspServer server;
    private final List<AutoCloseable> owned = new ArrayList<>();

    private TestServer(TestHandler handler, RtspServer server) {
        this.handler = handler;
        this.server = server;
    }

    /** The default test configuration for a handler. */
    static RtspServerConfig.Builder config(ServerHandler handler) {
        return RtspServerConfig.builder()
                .rtspAddress("127.0.0.1:0")
                .udpAddresses("127.0.0.1:0", "127.0.0.1:0")
                .ioThreads(2)
                .handler(handler);
    }

    static TestServer start(TestHandler handler) {
        return start(handler, b -> b);
    }

    static TestServer start(TestHandler handler, UnaryOperator<RtspServerConfig.Builder> tweak) {
        RtspServer server = new RtspServer(tweak.apply(config(handler)).build());
        server.start();
        return new TestServer(handler, server);
    }

    InetSocketAddress address() {
        return server.rtspAddress();
    }

    /** {@code rtsp://127.0.0.1:<port><path>}. */
    String url(String path) {
        return "rtsp://127.0.0.1:" + address().getPort() + path;
    }

    InetSocketAddress udpRtp() {
        return server.udpRtpAddress();
    }

    InetSocketAddress udpRtcp() {
        return server.udpRtcpAddress();
    }

    /** A new client connection, closed with the fixture. */
    RtspTestClient connect() throws IOException {
        RtspTestClient c = new RtspTestClient(address());
        owned.add(c);
        return c;
    }

    /** A new client connection with a small receive window, closed with the fixture. */
    RtspTestClient connect(int receiveBuffer) throws IOException {
        RtspTestClient c = new RtspTestClient(address(), receiveBuffer);
        owned.add(c);
        return c;
    }

    /** New client UDP ports, closed with the fixture. */
    UdpPorts udpPorts() throws IOException {
        UdpPorts p = UdpPorts.open();
        owned.add(p);
        return p;
    }

    /** A new stream, closed with the fixture. */
    ServerStream stream(Session description) {
        ServerStream s = new ServerStream(server, description);
        owned.add(s);
        return s;
    }

    @Override
    public void close() throws Exception {
        for (int i = owned.size() - 1; i >= 0; i--) {
            owned.get(i).close();
        }
        server.close();
    }
}
