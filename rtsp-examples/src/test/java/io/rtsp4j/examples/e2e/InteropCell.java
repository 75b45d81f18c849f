package io.rtsp4j.examples.e2e;

import java.util.ArrayList;
import java.util.List;

/**
 * One cell of the interop matrix: who publishes how, who reads how, which codecs, with which authentication.
 * Its {@link #key()} is the line prefix in {@code interop-expected.txt}.
 *
 * @param auth {@code null} (relay without credentials), {@code "basic"} or {@code "digest"}
 * @param publish the publishing client, e.g. {@code ffmpeg/tcp}; null for a wrong-password read cell
 * @param read the reading client, e.g. {@code gstreamer/multicast}; null for a wrong-password publish cell
 * @param codecs {@code h264+aac} or {@code h264+opus}; null for a wrong-password read cell
 * @param wrongPassword the client uses a wrong password and must be refused
 */
record InteropCell(String auth, Endpoint publish, Endpoint read, String codecs, boolean wrongPassword) {

    /** A client and its transport, e.g. {@code ffmpeg/udp}. */
    record Endpoint(String tool, String transport) {
        @Override
        public String toString() {
            return tool + "/" + transport;
        }
    }

    static final String FFMPEG = "ffmpeg";
    static final String GSTREAMER = "gstreamer";
    static final String FFPROBE = "ffprobe";
    static final String AAC = "h264+aac";
    static final String OPUS = "h264+opus";

    static final List<Endpoint> PUBLISHERS = List.of(new Endpoint(FFMPEG, "tcp"), new Endpoint(FFMPEG, "udp"),
            new Endpoint(GSTREAMER, "tcp"), new Endpoint(GSTREAMER, "udp"));
    static final List<Endpoint> READERS = List.of(new Endpoint(FFMPEG, "tcp"), new Endpoint(FFMPEG, "udp"),
            new Endpoint(FFMPEG, "multicast"), new Endpoint(GSTREAMER, "tcp"), new Endpoint(GSTREAMER, "udp"),
            new Endpoint(GSTREAMER, "multicast"), new Endpoint(FFPROBE, "tcp"));
    static final List<String> CODECS = List.of(AAC, OPUS);
    static final List<String> AUTHS = List.of("basic", "digest");
    static final List<Endpoint> AUTH_PUBLISHERS = List.of(new Endpoint(FFMPEG, "tcp"), new Endpoint(GSTREAMER, "tcp"));
    /** Readers refused with a wrong password. */
    static final List<Endpoint> AUTH_READERS = List.of(new Endpoint(FFMPEG, "tcp"), new Endpoint(GSTREAMER, "tcp"),
            new Endpoint(FFPROBE, "tcp"));
    /**
     * Readers of the authentication relays: those relays also hold packets for batches (write batching), which
     * UDP readers get as segmented datagrams (Linux UDP GSO), so real players read through both.
     */
    static final List<Endpoint> AUTH_PLAYING_READERS = List.of(new Endpoint(FFMPEG, "tcp"),
            new Endpoint(FFMPEG, "udp"), new Endpoint(GSTREAMER, "tcp"), new Endpoint(GSTREAMER, "udp"),
            new Endpoint(FFPROBE, "tcp"));
    /** Codecs of the authentication cells (authentication does not depend on the payload). */
    static final String AUTH_CODECS = OPUS;
    /**
     * The RTSPS relay variant (issue 9): it takes the place of {@link #auth} (a relay of its own, no credentials)
     * and the cell's key starts with {@code rtsps}. TCP carries plain RTP inside TLS; UDP needs SRTP.
     */
    static final String RTSPS = "rtsps";
    static final List<Endpoint> RTSPS_PUBLISHERS = List.of(new Endpoint(FFMPEG, "tcp"), new Endpoint(GSTREAMER, "tcp"));
    static final List<Endpoint> RTSPS_READERS = List.of(new Endpoint(FFMPEG, "tcp"), new Endpoint(GSTREAMER, "tcp"),
            new Endpoint(FFPROBE, "tcp"), new Endpoint(GSTREAMER, "udp"));
    /**
     * The SRTP relay variant (issue 9, srtp engineer): RTSPS with UDP and multicast; GStreamer publishes with
     * {@code RTP/SAVP} (rtspclientsink {@code profiles=savp}) over UDP or TCP inside TLS; GStreamer reads SRTP over
     * UDP, TCP and multicast (rtspsrc takes SAVP from the SDP), FFmpeg reads plain RTP inside TLS from the SRTP
     * publisher. Key prefix {@code srtp}.
     */
    static final String SRTP = "srtp";
    static final List<Endpoint> SRTP_PUBLISHERS = List.of(new Endpoint(GSTREAMER, "udp"), new Endpoint(GSTREAMER, "tcp"));
    static final List<Endpoint> SRTP_READERS = List.of(new Endpoint(GSTREAMER, "udp"), new Endpoint(GSTREAMER, "tcp"),
            new Endpoint(GSTREAMER, "multicast"), new Endpoint(FFMPEG, "tcp"));

    /** Every cell of the matrix, in file order. */
    static List<InteropCell> all() {
        List<InteropCell> cells = new ArrayList<>();
        for (Endpoint p : RTSPS_PUBLISHERS) {
            for (Endpoint r : RTSPS_READERS) {
                cells.add(new InteropCell(RTSPS, p, r, AUTH_CODECS, false));
            }
        }
        for (String codecs : CODECS) {
            for (Endpoint p : PUBLISHERS) {
                for (Endpoint r : READERS) {
                    cells.add(new InteropCell(null, p, r, codecs, false));
                }
            }
        }
        for (String auth : AUTHS) {
            for (Endpoint p : AUTH_PUBLISHERS) {
                for (Endpoint r : AUTH_PLAYING_READERS) {
                    cells.add(new InteropCell(auth, p, r, AUTH_CODECS, false));
                }
            }
            for (Endpoint p : AUTH_PUBLISHERS) {
                cells.add(new InteropCell(auth, p, null, AUTH_CODECS, true));
            }
            for (Endpoint r : AUTH_READERS) {
                cells.add(new InteropCell(auth, null, r, null, true));
            }
        }
        for (Endpoint p : SRTP_PUBLISHERS) {
            for (Endpoint r : SRTP_READERS) {
                cells.add(new InteropCell(SRTP, p, r, AUTH_CODECS, false));
            }
        }
        cells.addAll(tunnelCells());
        return cells;
    }

    /**
     * RTSP over HTTP ({@code ffmpeg -rtsp_transport http}, GStreamer {@code rtsph://}) and over WebSocket (FFmpeg
     * behind {@link WebSocketBridge}, Netty's WebSocket client): publishing and reading through the tunnels
     * (issue 9). Each publisher is its own run, so {@code -Drtsp4j.interop.only='.*-(http|websocket)-.*'} runs
     * exactly these cells.
     */
    static List<InteropCell> tunnelCells() {
        Endpoint gstHttp = new Endpoint(GSTREAMER, "http");
        Endpoint ffmpegHttp = new Endpoint(FFMPEG, "http");
        Endpoint ffmpegWs = new Endpoint(FFMPEG, "websocket");
        List<InteropCell> cells = new ArrayList<>();
        for (Endpoint r : List.of(ffmpegHttp, gstHttp, ffmpegWs, new Endpoint(FFMPEG, "tcp"))) {
            cells.add(new InteropCell(null, gstHttp, r, AAC, false));
        }
        for (Endpoint r : List.of(ffmpegHttp, gstHttp)) {
            cells.add(new InteropCell(null, ffmpegWs, r, AAC, false));
        }
        cells.add(new InteropCell(null, ffmpegHttp, new Endpoint(FFMPEG, "tcp"), AAC, false));
        return cells;
    }

    /** The cell's line prefix in the verdict file. */
    String key() {
        StringBuilder sb = new StringBuilder();
        if (rtsps() || SRTP.equals(auth)) {
            sb.append(auth).append(' ');
        } else if (auth != null) {
            sb.append("auth=").append(auth).append(' ');
        }
        if (wrongPassword) {
            sb.append("wrong-password ");
        }
        if (publish != null) {
            sb.append("publish=").append(publish).append(' ');
        }
        if (read != null) {
            sb.append("read=").append(read).append(' ');
        }
        if (codecs != null) {
            sb.append("codecs=").append(codecs).append(' ');
        }
        return sb.toString().strip();
    }

    /** True when the cell needs a multicast-capable sandbox. */
    boolean needsMulticast() {
        return read != null && read.transport().equals("multicast");
    }

    /** Whether the cell runs against the RTSPS relay. */
    boolean rtsps() {
        return RTSPS.equals(auth);
    }

    /** The tools the cell runs. */
    List<String> tools() {
        List<String> t = new ArrayList<>();
        if (publish != null) {
            t.add(publish.tool());
        }
        if (read != null) {
            t.add(read.tool());
        }
        return t;
    }

    @Override
    public String toString() {
        return key();
    }
}
