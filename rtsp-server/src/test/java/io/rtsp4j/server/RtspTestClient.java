package io.rtsp4j.server;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small scriptable RTSP client over a raw socket, for tests: it sends exactly the bytes a test writes (so that
 * malformed requests can be sent too), reads responses and interleaved frames, and tells when the server closed
 * the connection. Modelled on the helpers of gortsplib's server tests (writeReqReadRes, doSetup, doPlay,
 * readResponseIgnoreFrames).
 */
final class RtspTestClient implements AutoCloseable {

    /** How long a read may wait before the test fails: generous, tests never assert timings. */
    static final int READ_TIMEOUT_MILLIS = 5000;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final String base;
    private final AutoCloseable closer;
    private int cseq = 1;

    RtspTestClient(InetSocketAddress server) throws IOException {
        this(server, 0);
    }

    /** A client whose socket receive buffer is {@code receiveBuffer} bytes (0: the OS default). */
    RtspTestClient(InetSocketAddress server, int receiveBuffer) throws IOException {
        socket = new Socket();
        if (receiveBuffer > 0) {
            // Set before connecting, so that the TCP window stays this small.
            socket.setReceiveBufferSize(receiveBuffer);
        }
        socket.connect(server, READ_TIMEOUT_MILLIS);
        socket.setSoTimeout(READ_TIMEOUT_MILLIS);
        socket.setTcpNoDelay(true);
        in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
        out = socket.getOutputStream();
        base = "rtsp://127.0.0.1:" + server.getPort();
        closer = socket;
    }

    /**
     * A client over other streams (a tunnel): {@code in} must throw {@link SocketTimeoutException} after
     * {@link #READ_TIMEOUT_MILLIS} without data; {@link #socket()} and {@link #staysSilent} are not available.
     */
    RtspTestClient(InputStream in, OutputStream out, String base, AutoCloseable closer) {
        this.socket = null;
        this.in = in;
        this.out = out;
        this.base = base;
        this.closer = closer;
    }

    /** @return {@code rtsp://127.0.0.1:<port>} followed by {@code path} */
    String url(String path) {
        return base + path;
    }

    Socket socket() {
        return socket;
    }

    // ------------------------------------------------------------------------------------------ writing

    /** Sends raw bytes. */
    RtspTestClient send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return this;
    }

    /** Sends a raw string (ISO-8859-1). */
    RtspTestClient send(String text) throws IOException {
        return send(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    /**
     * Sends a request: {@code headers} are {@code "Name: value"} lines; a {@code CSeq} is added when none is
     * given, and {@code Content-Length} when a body is given.
     */
    RtspTestClient sendRequest(String method, String url, byte[] body, String... headers) throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append(method).append(' ').append(url).append(" RTSP/1.0\r\n");
        boolean hasCseq = false;
        for (String h : headers) {
            if (h == null) {
                continue;
            }
            hasCseq |= h.toLowerCase(Locale.ROOT).startsWith("cseq:");
            sb.append(h).append("\r\n");
        }
        if (!hasCseq) {
            sb.append("CSeq: ").append(cseq++).append("\r\n");
        }
        if (body != null && body.length > 0) {
            sb.append("Content-Length: ").append(body.length).append("\r\n");
        }
        sb.append("\r\n");
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        buf.writeBytes(sb.toString().getBytes(StandardCharsets.UTF_8));
        if (body != null) {
            buf.writeBytes(body);
        }
        return send(buf.toByteArray());
    }

    /** Sends a request and reads its response (failing on interleaved frames in between). */
    Response request(String method, String url, String... headers) throws IOException {
        sendRequest(method, url, null, headers);
        return readResponse();
    }

    /** Sends a request with a body and reads its response. */
    Response request(String method, String url, byte[] body, String... headers) throws IOException {
        sendRequest(method, url, body, headers);
        return readResponse();
    }

    /** Sends a request and reads its response, skipping interleaved frames that arrive before it. */
    Response requestIgnoreFrames(String method, String url, String... headers) throws IOException {
        sendRequest(method, url, null, headers);
        return readResponseIgnoreFrames();
    }

    /** Sends an interleaved frame. */
    RtspTestClient sendFrame(int channel, byte[] payload) throws IOException {
        byte[] b = new byte[4 + payload.length];
        b[0] = '$';
        b[1] = (byte) channel;
        b[2] = (byte) (payload.length >> 8);
        b[3] = (byte) payload.length;
        System.arraycopy(payload, 0, b, 4, payload.length);
        return send(b);
    }

    /**
     * An RTSPS client: TLS over a socket (trusting any certificate, for tests only), handshake done, URLs
     * {@code rtsps://127.0.0.1:<port>}. {@link #socket()} and {@link #staysSilent} are not available.
     */
    static RtspTestClient tls(InetSocketAddress server, javax.net.ssl.SSLContext trustAll) throws IOException {
        Socket plain = new Socket();
        plain.connect(server, READ_TIMEOUT_MILLIS);
        plain.setSoTimeout(READ_TIMEOUT_MILLIS);
        plain.setTcpNoDelay(true);
        javax.net.ssl.SSLSocket s = (javax.net.ssl.SSLSocket) trustAll.getSocketFactory()
                .createSocket(plain, "127.0.0.1", server.getPort(), true);
        s.startHandshake();
        return new RtspTestClient(new BufferedInputStream(s.getInputStream(), 1 << 16), s.getOutputStream(),
                "rtsps://127.0.0.1:" + server.getPort(), s);
    }

    // ------------------------------------------------------------------------------------------ scripted flows

    /** OPTIONS, DESCRIBE: returns the DESCRIBE response. */
    Response describe(String path, String... headers) throws IOException {
        return request("DESCRIBE", url(path), concat(headers, "Accept: application/sdp"));
    }

    /** SETUP with a Transport header (and the session id when not {@code null}); returns the response. */
    Response setup(String url, String transport, String session, String... headers) throws IOException {
        return request("SETUP", url, concat(headers, "Transport: " + transport,
                session == null ? null : "Session: " + session));
    }

    /** SETUP that must succeed; returns the response. */
    Response doSetup(String url, String transport, String session) throws IOException {
        Response r = setup(url, transport, session);
        if (r.status() != 200) {
            throw new AssertionError("SETUP " + url + " answered " + r);
        }
        return r;
    }

    /** PLAY that must succeed (interleaved frames may follow the response). */
    Response doPlay(String url, String session) throws IOException {
        Response r = request("PLAY", url, "Session: " + session);
        if (r.status() != 200) {
            throw new AssertionError("PLAY answered " + r);
        }
        return r;
    }

    /** ANNOUNCE of an SDP that must succeed. */
    Response doAnnounce(String url, String sdp) throws IOException {
        Response r = request("ANNOUNCE", url, sdp.getBytes(StandardCharsets.UTF_8), "Content-Type: application/sdp");
        if (r.status() != 200) {
            throw new AssertionError("ANNOUNCE answered " + r);
        }
        return r;
    }

    /** RECORD that must succeed. */
    Response doRecord(String url, String session) throws IOException {
        Response r = request("RECORD", url, "Session: " + session);
        if (r.status() != 200) {
            throw new AssertionError("RECORD answered " + r);
        }
        return r;
    }

    private static String[] concat(String[] a, String... b) {
        List<String> all = new ArrayList<>(List.of(a));
        for (String s : b) {
            if (s != null) {
                all.add(s);
            }
        }
        return all.toArray(new String[0]);
    }

    // ------------------------------------------------------------------------------------------ reading

    /** Reads the next message, a response or a frame. */
    Object readMessage() throws IOException {
        int first = in.read();
        if (first < 0) {
            throw new EOFException("connection closed by the server");
        }
        if (first == '$') {
            int channel = readByte();
            int length = (readByte() << 8) | readByte();
            return new Frame(channel, readFully(length));
        }
        String statusLine = (char) first + readLine();
        if (!statusLine.startsWith("RTSP/")) {
            throw new IOException("not a response: '" + statusLine + "'");
        }
        String[] parts = statusLine.split(" ", 3);
        int status = Integer.parseInt(parts[1]);
        String reason = parts.length > 2 ? parts[2] : "";
        List<String[]> headers = new ArrayList<>();
        for (String line = readLine(); !line.isEmpty(); line = readLine()) {
            int colon = line.indexOf(':');
            headers.add(new String[] {line.substring(0, colon).trim(), line.substring(colon + 1).trim()});
        }
        Response r = new Response(parts[0], status, reason, headers, new byte[0]);
        String cl = r.header("Content-Length");
        byte[] body = cl == null ? new byte[0] : readFully(Integer.parseInt(cl));
        return new Response(parts[0], status, reason, headers, body);
    }

    /** Reads a response; an interleaved frame before it fails the test. */
    Response readResponse() throws IOException {
        Object m = readMessage();
        if (m instanceof Response r) {
            return r;
        }
        throw new AssertionError("expected a response, got " + m);
    }

    /** Reads a response, skipping interleaved frames. */
    Response readResponseIgnoreFrames() throws IOException {
        while (true) {
            Object m = readMessage();
            if (m instanceof Response r) {
                return r;
            }
        }
    }

    /** Reads an interleaved frame; a response before it fails the test. */
    Frame readFrame() throws IOException {
        Object m = readMessage();
        if (m instanceof Frame f) {
            return f;
        }
        throw new AssertionError("expected an interleaved frame, got " + m);
    }

    /** Reads frames until one on {@code channel} arrives. */
    Frame readFrame(int channel) throws IOException {
        while (true) {
            Frame f = readFrame();
            if (f.channel() == channel) {
                return f;
            }
        }
    }

    /**
     * Waits until the server closes the connection, discarding what it still sends.
     *
     * @return true when the connection was closed, false when it stayed open for the read timeout
     */
    boolean awaitClosed() throws IOException {
        byte[] sink = new byte[8192];
        try {
            while (true) {
                if (in.read(sink) < 0) {
                    return true;
                }
            }
        } catch (SocketTimeoutException e) {
            return false;
        } catch (SocketException e) {
            return true; // connection reset
        }
    }

    /** Whether nothing arrives (and the connection stays open) within {@code millis}. */
    boolean staysSilent(int millis) throws IOException {
        socket.setSoTimeout(millis);
        try {
            int b = in.read();
            if (b < 0) {
                return false;
            }
            throw new AssertionError("unexpected byte from the server: " + b);
        } catch (SocketTimeoutException e) {
            return true;
        } finally {
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
        }
    }

    private int readByte() throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new EOFException("connection closed by the server");
        }
        return b;
    }

    private byte[] readFully(int n) throws IOException {
        byte[] b = in.readNBytes(n);
        if (b.length != n) {
            throw new EOFException("connection closed by the server");
        }
        return b;
    }

    private String readLine() throws IOException {
        StringBuilder sb = new StringBuilder();
        while (true) {
            int b = readByte();
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

    @Override
    public void close() throws IOException {
        try {
            closer.close();
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    // ------------------------------------------------------------------------------------------ values

    /** A response. Header names are matched case-insensitively. */
    record Response(String version, int status, String reason, List<String[]> headers, byte[] body) {

        String header(String name) {
            for (String[] h : headers) {
                if (h[0].equalsIgnoreCase(name)) {
                    return h[1];
                }
            }
            return null;
        }

        List<String> headers(String name) {
            List<String> out = new ArrayList<>();
            for (String[] h : headers) {
                if (h[0].equalsIgnoreCase(name)) {
                    out.add(h[1]);
                }
            }
            return out;
        }

        /** The session id of the {@code Session} header, without {@code ;timeout=}. */
        String session() {
            String s = header("Session");
            if (s == null) {
                throw new AssertionError("no Session header in " + this);
            }
            int semi = s.indexOf(';');
            return semi < 0 ? s : s.substring(0, semi);
        }

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder(version + " " + status + " " + reason);
            for (String[] h : headers) {
                sb.append(" | ").append(h[0]).append(": ").append(h[1]);
            }
            if (body.length > 0) {
                sb.append(" | body: ").append(bodyText().trim());
            }
            return sb.toString();
        }
    }

    /** An interleaved frame. */
    record Frame(int channel, byte[] payload) {
        @Override
        public String toString() {
            return "Frame(channel " + channel + ", " + payload.length + " bytes)";
        }
    }
}
