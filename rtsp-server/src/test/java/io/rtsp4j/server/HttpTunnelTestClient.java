package io.rtsp4j.server;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The two halves of an RTSP-over-HTTP tunnel as a client opens them (FFmpeg's and GStreamer's requests), over raw
 * sockets so that tests control every byte: a GET whose response is followed by RTSP responses and frames, and a
 * POST whose body carries the client's RTSP bytes in base64, each write encoded on its own with padding (as
 * FFmpeg does per message) and optionally cut into pieces.
 */
final class HttpTunnelTestClient {

    private HttpTunnelTestClient() {
    }

    /** An HTTP response head. */
    record Head(String statusLine, List<String[]> headers) {
        int status() {
            return Integer.parseInt(statusLine.split(" ")[1]);
        }

        String header(String name) {
            for (String[] h : headers) {
                if (h[0].equalsIgnoreCase(name)) {
                    return h[1];
                }
            }
            return null;
        }
    }

    /** One half: its socket, buffered input and the response head (null until read). */
    record Half(Socket socket, InputStream in, OutputStream out) implements AutoCloseable {
        Head readHead() throws IOException {
            return HttpTunnelTestClient.readHead(in);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    static String getRequest(String cookie) {
        return "GET /teststream HTTP/1.0\r\n"
                + "User-Agent: rtsp4j-test\r\n"
                + "x-sessioncookie: " + cookie + "\r\n"
                + "Accept: application/x-rtsp-tunnelled\r\n"
                + "Pragma: no-cache\r\n"
                + "Cache-Control: no-cache\r\n\r\n";
    }

    static String postRequest(String cookie) {
        return "POST /teststream HTTP/1.0\r\n"
                + "User-Agent: rtsp4j-test\r\n"
                + "x-sessioncookie: " + cookie + "\r\n"
                + "Content-Type: application/x-rtsp-tunnelled\r\n"
                + "Pragma: no-cache\r\n"
                + "Cache-Control: no-cache\r\n"
                + "Content-Length: 32767\r\n"
                + "Expires: Sun, 9 Jan 1972 00:00:00 GMT\r\n\r\n";
    }

    /** Opens a socket from {@code local} (null: any) and sends {@code text}. */
    static Half open(InetSocketAddress server, InetAddress local, String text) throws IOException {
        return open(server, local, text, null);
    }

    /** Like {@link #open(InetSocketAddress, InetAddress, String)}, over TLS when {@code tls} is not null. */
    static Half open(InetSocketAddress server, InetAddress local, String text, javax.net.ssl.SSLContext tls)
            throws IOException {
        Socket s = new Socket();
        if (local != null) {
            s.bind(new InetSocketAddress(local, 0));
        }
        s.connect(server, RtspTestClient.READ_TIMEOUT_MILLIS);
        s.setSoTimeout(RtspTestClient.READ_TIMEOUT_MILLIS);
        s.setTcpNoDelay(true);
        if (tls != null) {
            javax.net.ssl.SSLSocket secure = (javax.net.ssl.SSLSocket) tls.getSocketFactory()
                    .createSocket(s, "127.0.0.1", server.getPort(), true);
            secure.startHandshake();
            s = secure;
        }
        Half h = new Half(s, new BufferedInputStream(s.getInputStream(), 1 << 16), s.getOutputStream());
        h.out().write(text.getBytes(StandardCharsets.ISO_8859_1));
        h.out().flush();
        return h;
    }

    /** Opens a paired tunnel and returns it as an RTSP client; the GET's answer must be 200. */
    static RtspTestClient connect(InetSocketAddress server, String cookie, int pieces) throws IOException {
        return connect(server, cookie, pieces, null);
    }

    /** Like {@link #connect(InetSocketAddress, String, int)}, both halves over TLS when {@code tls} is not null. */
    static RtspTestClient connect(InetSocketAddress server, String cookie, int pieces, javax.net.ssl.SSLContext tls)
            throws IOException {
        Half get = open(server, null, getRequest(cookie), tls);
        Head head = get.readHead();
        if (head.status() != 200) {
            get.close();
            throw new AssertionError("GET answered " + head.statusLine());
        }
        Half post = open(server, null, postRequest(cookie), tls);
        return new RtspTestClient(get.in(), new Base64Writer(post.out(), pieces),
                (tls == null ? "rtsp" : "rtsps") + "://127.0.0.1:" + server.getPort(),
                () -> {
                    post.close();
                    get.close();
                });
    }

    static Head readHead(InputStream in) throws IOException {
        String status = readLine(in);
        List<String[]> headers = new ArrayList<>();
        for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
            int colon = line.indexOf(':');
            headers.add(new String[] {line.substring(0, colon).trim(), line.substring(colon + 1).trim()});
        }
        return new Head(status, headers);
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("connection closed by the server");
            }
            if (b == '\n') {
                int len = sb.length();
                if (len > 0 && sb.charAt(len - 1) == '\r') {
                    sb.setLength(len - 1);
                }
                return sb.toString();
            }
            sb.append((char) b);
        }
    }

    /** Base64-encodes each write on its own (with padding) and sends it in {@code pieces} socket writes. */
    static final class Base64Writer extends OutputStream {
        private final OutputStream out;
        private final int pieces;

        Base64Writer(OutputStream out, int pieces) {
            this.out = out;
            this.pieces = Math.max(1, pieces);
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            byte[] text = Base64.getEncoder().encode(java.util.Arrays.copyOfRange(b, off, off + len));
            int step = Math.max(1, text.length / pieces);
            for (int i = 0; i < text.length; i += step) {
                out.write(text, i, Math.min(step, text.length - i));
                out.flush();
            }
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }
    }
}
