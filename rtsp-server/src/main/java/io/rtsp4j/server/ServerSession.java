package io.rtsp4j.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import io.rtsp4j.base.InterleavedFrame;
import io.rtsp4j.base.RtspMethod;
import io.rtsp4j.base.RtspRequest;
import io.rtsp4j.base.RtspResponse;
import io.rtsp4j.base.RtspStatus;
import io.rtsp4j.rtp.RtpDecodeException;
import io.rtsp4j.rtp.RtpPacket;
import io.rtsp4j.rtp.report.RtcpReceiver;
import io.rtsp4j.rtp.report.RtcpSender;
import io.rtsp4j.rtp.rtcp.Goodbye;
import io.rtsp4j.rtp.rtcp.ReceiverReport;
import io.rtsp4j.rtp.rtcp.ReceptionReport;
import io.rtsp4j.rtp.rtcp.RtcpDecodeException;
import io.rtsp4j.rtp.rtcp.RtcpPacket;
import io.rtsp4j.rtp.rtcp.RtcpPackets;
import io.rtsp4j.rtp.rtcp.SenderReport;
import io.rtsp4j.rtp.rtcp.SourceDescription;
import io.rtsp4j.rtp.time.PtsDecoder;
import io.rtsp4j.sdp.description.Media;
import io.rtsp4j.sdp.description.Session;
import io.rtsp4j.sdp.format.MediaFormat;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An RTSP session: a reader (SETUP ... PLAY) or a publisher (ANNOUNCE, SETUP ... RECORD). It is identified by a
 * secret 128-bit id, lives on one event loop, and survives its TCP connection when its media goes over UDP.
 *
 * <p>Getters are thread-safe. Packet callbacks must be registered before PLAY/RECORD returns (typically in
 * {@link ServerHandler#onRecord}); they run on the event loop that read the packet and receive packets that are
 * valid only during the call ({@code retain()} them to keep them).
 */
public final class ServerSession {

    private static final Logger LOG = LoggerFactory.getLogger(ServerSession.class);

    /** Receives the RTP packets of a session. */
    @FunctionalInterface
    public interface RtpPacketHandler {
        /**
         * An RTP packet, in sequence order.
         *
         * @param media the media it belongs to
         * @param format the format of its payload type
         * @param packet the packet, valid during the call only
         */
        void onPacket(Media media, MediaFormat format, RtpPacket packet);
    }

    /** Receives the RTCP packets of a session. */
    @FunctionalInterface
    public interface RtcpPacketHandler {
        /**
         * An RTCP packet (one of a compound).
         *
         * @param media the media it belongs to
         * @param packet the packet
         */
        void onPacket(Media media, RtcpPacket packet);
    }

    final RtspServer server;
    private final String id;
    final EventLoop loop;
    private final InetAddress authorIp;

    private volatile ServerSessionState state = ServerSessionState.INITIAL;
    private volatile String path = "";
    private volatile String query = "";
    private volatile Session announced;
    private volatile ServerStream stream;
    private volatile SessionTransport transport;
    private final List<SessionMedia> setupMedias = new CopyOnWriteArrayList<>();
    private final Set<ServerConnection> conns = ConcurrentHashMap.newKeySet();
    private volatile ServerConnection tcpConn;
    private volatile Object userData;
    private volatile boolean closed;
    private volatile Throwable closeReason;
    private volatile long lastRequestNanos = System.nanoTime();
    private volatile long lastRtcpNanos;
    private volatile long lastPacketNanos;
    private ScheduledFuture<?> checkTask;
    private ScheduledFuture<?> reportTask;
    private ScheduledFuture<?> directReportTask;
    private final PtsDecoder ptsDecoder;
    private final long localSsrc;

    private volatile boolean activationPending;
    private final java.util.ArrayDeque<PendingWrite> pendingWrites = new java.util.ArrayDeque<>();

    private volatile RtpPacketHandler rtpAny;
    private volatile RtcpPacketHandler rtcpAny;
    private final ConcurrentHashMap<Object, RtpPacketHandler> rtpHandlers = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Media, RtcpPacketHandler> rtcpHandlers = new ConcurrentHashMap<>();

    private final AtomicLong lost = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private volatile long lastDropLogNanos;

    ServerSession(RtspServer server, String id, ServerConnection author) {
        this.server = server;
        this.id = id;
        this.loop = author.channel.eventLoop();
        this.authorIp = UdpListener.normalize(author.remoteIp());
        this.ptsDecoder = new PtsDecoder(server.wallClock());
        this.localSsrc = server.random().nextInt() & 0xffffffffL;
    }

    // ------------------------------------------------------------------------------------------ public API

    /** @return the session id (secret: it grants control of the session) */
    public String id() {
        return id;
    }

    /** @return the current state */
    public ServerSessionState state() {
        return state;
    }

    /** @return the stream a reader session plays, or {@code null} */
    public ServerStream stream() {
        return stream;
    }

    /** @return the path of the session (from SETUP for readers, ANNOUNCE for publishers) */
    public String path() {
        return path;
    }

    /** @return the query of the session, without {@code ?} */
    public String query() {
        return query;
    }

    /** @return the description a publisher announced, or {@code null} */
    public Session announcedDescription() {
        return announced;
    }

    /** @return the medias set up so far, in setup order */
    public List<Media> medias() {
        List<Media> out = new ArrayList<>();
        for (SessionMedia m : setupMedias) {
            out.add(m.media);
        }
        return out;
    }

    /** @return the transport, or {@code null} before the first SETUP */
    public SessionTransport transport() {
        return transport;
    }

    /** @return the connections currently bound to the session */
    public List<ServerConnection> connections() {
        return List.copyOf(conns);
    }

    /** @return the user data attached with {@link #setUserData} */
    public Object userData() {
        return userData;
    }

    /**
     * Attaches application data to the session.
     *
     * @param data the data
     */
    public void setUserData(Object data) {
        this.userData = data;
    }

    /** @return why the session was closed, or {@code null} while it is open */
    public Throwable closeReason() {
        return closeReason;
    }

    /**
     * Receives the RTP packets of every media and format (publishers, and readers' back channels).
     *
     * @param handler the callback
     */
    public void onPacketRtpAny(RtpPacketHandler handler) {
        this.rtpAny = handler;
    }

    /**
     * Receives the RTP packets of one format of one media.
     *
     * @param media the media
     * @param format the format
     * @param handler the callback
     */
    public void onPacketRtp(Media media, MediaFormat format, RtpPacketHandler handler) {
        rtpHandlers.put(List.of(media, format), handler);
    }

    /**
     * Receives the RTCP packets of every media.
     *
     * @param handler the callback
     */
    public void onPacketRtcpAny(RtcpPacketHandler handler) {
        this.rtcpAny = handler;
    }

    /**
     * Receives the RTCP packets of one media.
     *
     * @param media the media
     * @param handler the callback
     */
    public void onPacketRtcp(Media media, RtcpPacketHandler handler) {
        rtcpHandlers.put(media, handler);
    }

    /**
     * Sends an RTP packet to this session's client directly (not through the stream), with the current wall
     * clock as its NTP time; see {@link #writePacketRtp(Media, RtpPacket, Instant)}.
     *
     * @param media a set-up media
     * @param packet the packet; not modified, not released
     * @return whether the packet was sent or queued
     */
    public boolean writePacketRtp(Media media, RtpPacket packet) {
        return writePacketRtp(media, packet, server.config().clock().instant());
    }

    /**
     * Sends an RTP packet to this session's client directly (not through the stream), e.g. to serve each reader
     * its own position of a recording. The packet goes out with the SSRC the SETUP answer announced (the
     * stream format's); the session sends its own RTCP sender reports for direct writes (the first right after
     * the first random-access packet, then periodically), mapping RTP time to {@code ntp}. Do not mix direct
     * writes and stream writes for one reader: their reports would contradict each other. A packet written from
     * {@link ServerHandler#onPlay} is sent right after the PLAY response; packets written before PLAY otherwise,
     * or while paused, are dropped and false is returned.
     *
     * @param media a set-up media
     * @param packet the packet; not modified, not released
     * @param ntp the absolute time of the packet, used in sender reports
     * @return whether the packet was sent or queued
     * @throws IllegalArgumentException when the media was not set up, is a back channel (the server only receives
     *     on it), or the packet is larger than the server's max packet size
     */
    public boolean writePacketRtp(Media media, RtpPacket packet, Instant ntp) {
        SessionMedia m = setupMedia(media);
        if (m.receives && m.streamMedia != null) {
            throw new IllegalArgumentException("media is a back channel: the server receives on it, never sends");
        }
        if (closed) {
            return false;
        }
        int size = packet.encodedSize();
        if (size > server.config().maxPacketSize()) {
            throw new IllegalArgumentException("RTP packet size (" + size + ") is greater than the maximum allowed ("
                    + server.config().maxPacketSize() + ")");
        }
        SessionMedia.Format f = m.format(packet.payloadType());
        StreamFormat sf = m.streamMedia == null ? null : m.streamMedia.format(packet.payloadType());
        long ssrc = sf != null ? sf.localSsrc : packet.ssrc();
        ByteBuf buf = server.allocator().directBuffer(StreamMedia.FRAME_HEADER + size);
        buf.writeByte('$').writeByte(m.rtpChannel < 0 ? 0 : m.rtpChannel).writeShort(size);
        packet.encodeTo(buf);
        buf.setInt(StreamMedia.FRAME_HEADER + 8, (int) ssrc);
        boolean sent = sendOrQueue(m, buf, true);
        if (sent && f != null && !server.config().disableSenderReports()) {
            ByteBuf sr = null;
            synchronized (f) {
                if (f.directSender == null) {
                    f.directSender = new RtcpSender(f.format.clockRate(), server.config().senderReportPeriod(),
                            server.wallClock());
                }
                long ntpNanos = ntp.getEpochSecond() * 1_000_000_000L + ntp.getNano();
                if (f.directSender.onPacketSent(packet.sequenceNumber(), packet.timestamp(), ssrc,
                        packet.payloadSize(), ntpNanos, f.detector.isRandomAccess(packet.payload()))) {
                    sr = directSenderReport(f, ssrc);
                }
            }
            if (sr != null) {
                sendOrQueue(m, sr, false);
            }
        }
        return sent;
    }

    /** An SR + SDES compound of the direct writes of a format, or {@code null}. Holds the format's monitor. */
    private ByteBuf directSenderReport(SessionMedia.Format f, long ssrc) {
        SenderReport sr = f.directSender.buildReport();
        if (sr == null) {
            return null;
        }
        return RtcpPackets.encodeCompound(List.of(sr, SourceDescription.cname(ssrc, "rtsp4j-" + id.substring(0, 8))),
                server.allocator());
    }

    /** Periodic sender reports of the direct writes (session loop). */
    private void sendDirectSenderReports() {
        if (closed || state != ServerSessionState.PLAY) {
            return;
        }
        for (SessionMedia m : setupMedias) {
            for (SessionMedia.Format f : m.formats) {
                ByteBuf sr;
                synchronized (f) {
                    if (f.directSender == null) {
                        continue;
                    }
                    StreamFormat sf = m.streamMedia == null ? null : m.streamMedia.format(f.format.payloadType());
                    sr = directSenderReport(f, sf != null ? sf.localSsrc : localSsrc);
                }
                if (sr != null) {
                    try {
                        sendRtcpTo(m, sr);
                    } finally {
                        sr.release();
                    }
                }
            }
        }
    }

    /**
     * Sends an RTCP packet to this session's client (a reader, or a publisher over UDP or TCP). A packet written
     * from {@link ServerHandler#onPlay} or {@link ServerHandler#onRecord} (or before their asynchronous reply
     * completes) is queued and sent right after the response; packets written before PLAY/RECORD otherwise are
     * dropped and false is returned.
     *
     * @param media a set-up media
     * @param packet the packet
     * @return whether the packet was sent or queued
     */
    public boolean writePacketRtcp(Media media, RtcpPacket packet) {
        SessionMedia m = setupMedia(media);
        if (closed) {
            return false;
        }
        return sendOrQueue(m, RtcpPackets.encodeCompound(List.of(packet), server.allocator()), false);
    }

    /** Sends a direct write now, or queues it while PLAY/RECORD is being answered. Takes ownership of buf. */
    private boolean sendOrQueue(SessionMedia m, ByteBuf buf, boolean rtp) {
        if (activationPending) {
            execute(() -> {
                if (activationPending && !closed) {
                    pendingWrites.add(new PendingWrite(m, buf, rtp));
                } else {
                    try {
                        sendNow(m, buf, rtp);
                    } finally {
                        buf.release();
                    }
                }
            });
            return true;
        }
        try {
            return sendNow(m, buf, rtp);
        } finally {
            buf.release();
        }
    }

    private boolean sendNow(SessionMedia m, ByteBuf buf, boolean rtp) {
        if (!rtp) {
            return sendRtcpTo(m, buf);
        }
        ReaderTarget t = m.target;
        if (t == null) {
            return false;
        }
        if (m.srtp != null) {
            // Protected with the media's outbound key, the one the reader got in SETUP.
            ByteBuf secure = m.srtp.outbound.protectFramed(server.allocator(), buf,
                    buf.readableBytes() - StreamMedia.FRAME_HEADER);
            if (secure == null) {
                return false;
            }
            try {
                return t.sendRtp(secure, secure.readableBytes() - StreamMedia.FRAME_HEADER);
            } finally {
                secure.release();
            }
        }
        return t.sendRtp(buf, buf.readableBytes() - StreamMedia.FRAME_HEADER);
    }

    /** A direct write made while PLAY/RECORD was being answered. */
    private record PendingWrite(SessionMedia media, ByteBuf buf, boolean rtp) {
    }

    /** PLAY or RECORD is being answered: direct writes wait for the response (session loop). */
    void beginActivation() {
        activationPending = true;
    }

    /** PLAY or RECORD was refused: direct writes made meanwhile are dropped (session loop). */
    void cancelActivation() {
        activationPending = false;
        releasePendingWrites();
    }

    /** The response was written and the targets are ready: send what was written meanwhile (session loop). */
    void flushPendingWrites() {
        activationPending = false;
        PendingWrite w;
        while ((w = pendingWrites.poll()) != null) {
            try {
                sendNow(w.media(), w.buf(), w.rtp());
            } finally {
                w.buf().release();
            }
        }
    }

    private void releasePendingWrites() {
        PendingWrite w;
        while ((w = pendingWrites.poll()) != null) {
            w.buf().release();
        }
    }

    /**
     * The absolute time of a received packet, from the publisher's sender reports.
     *
     * @param media the media
     * @param packet the packet
     * @return the time, empty before the first sender report of that format
     */
    public Optional<Instant> packetNtp(Media media, RtpPacket packet) {
        SessionMedia.Format f = setupMedia(media).format(packet.payloadType());
        RtcpReceiver receiver = f == null ? null : f.receiver;
        if (receiver == null) {
            return Optional.empty();
        }
        long nanos;
        synchronized (f) {
            nanos = receiver.packetNtpNanos(packet.timestamp());
        }
        return nanos == RtcpReceiver.NO_TIME ? Optional.empty()
                : Optional.of(Instant.ofEpochSecond(0, nanos));
    }

    /**
     * The presentation time of a received packet on a timeline shared by the session's medias (the first
     * random-access packet of the leading track is 0). Call it once per packet, in order.
     *
     * @param media the media
     * @param packet the packet
     * @return the PTS, empty before the format's first random-access packet or for formats without a clock
     */
    public Optional<Duration> packetPts(Media media, RtpPacket packet) {
        SessionMedia.Format f = setupMedia(media).format(packet.payloadType());
        if (f == null) {
            return Optional.empty();
        }
        synchronized (ptsDecoder) {
            if (f.ptsTrack == null) {
                f.ptsTrack = ptsDecoder.addTrack(f.format.clockRate());
            }
            long pts = ptsDecoder.decode(f.ptsTrack, packet.timestamp(), f.detector.isRandomAccess(packet.payload()));
            if (pts == PtsDecoder.NO_PTS) {
                return Optional.empty();
            }
            return Optional.of(Duration.ofNanos(f.ptsTrack.toNanos(pts)));
        }
    }

    /** @return the counters of the session */
    public SessionStats stats() {
        long inB = 0;
        long inRtp = 0;
        long inRtpErr = 0;
        long inRtcp = 0;
        long inRtcpErr = 0;
        long outB = 0;
        long outRtp = 0;
        long outRtcp = 0;
        long reported = 0;
        double jitterSum = 0;
        int jitterCount = 0;
        List<SessionStats.MediaStats> ms = new ArrayList<>();
        for (SessionMedia m : setupMedias) {
            inB += m.inboundBytes.get();
            inRtp += m.inboundRtp.get();
            inRtpErr += m.inboundRtpErrors.get();
            inRtcp += m.inboundRtcp.get();
            inRtcpErr += m.inboundRtcpErrors.get();
            outB += m.outboundBytes.get();
            outRtp += m.outboundRtp.get();
            outRtcp += m.outboundRtcp.get();
            reported += m.reportedLost.get();
            List<SessionStats.FormatStats> fs = new ArrayList<>();
            for (SessionMedia.Format f : m.formats) {
                SessionStats.FormatStats stats = formatStats(m, f);
                if (stats.remoteSsrc() != -1) {
                    jitterSum += stats.jitter();
                    jitterCount++;
                }
                fs.add(stats);
            }
            ms.add(new SessionStats.MediaStats(m.index, m.inboundBytes.get(), m.inboundRtp.get(), m.inboundRtcp.get(),
                    m.outboundBytes.get(), m.outboundRtp.get(), m.outboundRtcp.get(), List.copyOf(fs)));
        }
        return new SessionStats(inB, inRtp, lost.get(), inRtpErr, inRtcp, inRtcpErr, outB, outRtp, dropped.get(),
                reported, outRtcp, jitterCount == 0 ? 0 : jitterSum / jitterCount, List.copyOf(ms));
    }

    private SessionStats.FormatStats formatStats(SessionMedia m, SessionMedia.Format f) {
        int pt = f.format.payloadType();
        StreamFormat sf = m.streamMedia == null ? null : m.streamMedia.format(pt);
        long local = sf != null ? sf.localSsrc : localSsrc;
        RtcpReceiver.Stats in = null;
        RtcpSender.Stats direct = null;
        synchronized (f) {
            RtcpReceiver receiver = f.receiver;
            if (receiver != null) {
                in = receiver.stats();
            }
            if (f.directSender != null) {
                direct = f.directSender.stats();
            }
        }
        RtcpSender.Stats out = direct != null ? direct : sf != null ? sf.senderStats() : null;
        boolean received = in != null && in.packetsReceived() > 0;
        boolean sent = out != null && out.packetsSent() > 0;
        return new SessionStats.FormatStats(pt, local,
                received ? in.remoteSsrc() : -1,
                in == null ? 0 : in.packetsReceived(),
                in == null ? 0 : in.packetsLost(),
                in == null ? 0 : in.jitter(),
                received ? in.lastSequenceNumber() : -1,
                in == null ? -1 : in.lastRtpTimestamp(),
                in == null ? null : in.lastNtp(),
                sent ? out.lastSequenceNumber() : -1,
                out == null ? -1 : out.lastRtpTimestamp(),
                out == null ? null : out.lastNtp());
    }

    /** Closes the session and its connections (idempotent, any thread). */
    public void close() {
        close(new RtspServerException("closed by the application"));
    }

    @Override
    public String toString() {
        return "ServerSession(" + id.substring(0, 8) + "…, " + state + ")";
    }

    // ------------------------------------------------------------------------------------------ routing helpers

    void execute(Runnable r) {
        if (loop.inEventLoop()) {
            r.run();
        } else {
            loop.execute(r);
        }
    }

    boolean authorIpMatches(ServerConnection conn) {
        InetAddress ip = UdpListener.normalize(conn.remoteIp());
        return authorIp == null || authorIp.equals(ip);
    }

    boolean isPinnedToOtherConnection(ServerConnection conn) {
        ServerConnection pinned = tcpConn;
        return pinned != null && pinned != conn;
    }

    boolean isTcp() {
        SessionTransport t = transport;
        return t != null && t.protocol() == TransportProtocol.TCP;
    }

    boolean isRecordingOver(TransportProtocol p) {
        SessionTransport t = transport;
        return state == ServerSessionState.RECORD && t != null && t.protocol() == p;
    }

    boolean acceptsInterleaved(ServerConnection conn) {
        ServerSessionState s = state;
        return tcpConn == conn && (s == ServerSessionState.PLAY || s == ServerSessionState.RECORD);
    }

    void touchRequest() {
        lastRequestNanos = System.nanoTime();
    }

    String sessionHeaderValue() {
        return id + ";timeout=" + server.config().advertisedSessionTimeoutSeconds();
    }

    SessionMedia setupMedia(Media media) {
        for (SessionMedia m : setupMedias) {
            if (m.media == media) {
                return m;
            }
        }
        for (SessionMedia m : setupMedias) {
            if (m.media.equals(media)) {
                return m;
            }
        }
        throw new IllegalArgumentException("media is not set up in this session");
    }

    List<SessionMedia> setupMediaList() {
        return setupMedias;
    }

    // ------------------------------------------------------------------------------------------ requests

    void handle(ServerConnection conn, RtspRequest request, io.rtsp4j.base.RtspUrl url, Consumer<Outcome> done) {
        if (closed) {
            done.accept(Outcome.of(RequestRouter.error(RtspStatus.SESSION_NOT_FOUND, "session not found")));
            return;
        }
        if (conn.session() == null) {
            conn.bind(this);
        }
        conns.add(conn);
        touchRequest();
        RtspMethod m = request.method();
        try {
            if (m.equals(RtspMethod.ANNOUNCE)) {
                SessionRequests.announce(this, conn, request, url, done);
            } else if (m.equals(RtspMethod.SETUP)) {
                SessionRequests.setup(this, conn, request, url, done);
            } else if (m.equals(RtspMethod.PLAY)) {
                SessionRequests.play(this, conn, request, url, done);
            } else if (m.equals(RtspMethod.RECORD)) {
                SessionRequests.record(this, conn, request, url, done);
            } else if (m.equals(RtspMethod.PAUSE)) {
                SessionRequests.pause(this, conn, request, url, done);
            } else if (m.equals(RtspMethod.TEARDOWN)) {
                conn.unbind(this);
                conns.remove(conn);
                done.accept(Outcome.of(RtspResponse.builder(RtspStatus.OK).build()));
                close(new RtspServerException("torn down by " + conn.remoteAddress()));
            } else if (m.equals(RtspMethod.GET_PARAMETER) || m.equals(RtspMethod.SET_PARAMETER)) {
                SessionRequests.parameter(this, conn, request, url, done);
            } else {
                done.accept(Outcome.of(RtspResponse.builder(RtspStatus.NOT_IMPLEMENTED).build()).withSession(this));
            }
        } catch (RuntimeException e) {
            LOG.warn("session {}: error processing {}: {}", id, m, e.toString(), e);
            done.accept(Outcome.closing(RtspResponse.builder(RtspStatus.INTERNAL_SERVER_ERROR).build(),
                    "internal error: " + e));
        }
    }

    // State transitions used by SessionRequests (session loop only).

    void setState(ServerSessionState s) {
        this.state = s;
    }

    void setPathAndQuery(String path, String query) {
        this.path = path;
        this.query = query;
    }

    void setAnnounced(Session description) {
        this.announced = description;
    }

    void setStream(ServerStream s) {
        this.stream = s;
    }

    void setTransport(SessionTransport t) {
        this.transport = t;
    }

    void addSetupMedia(SessionMedia m) {
        setupMedias.add(m);
    }

    boolean isClosed() {
        return closed;
    }

    /** Starts delivering the stream to a reader: right after the PLAY response was written. */
    void activatePlay(ServerConnection conn) {
        if (closed) {
            return;
        }
        SessionTransport t = transport;
        if (t.protocol() == TransportProtocol.TCP) {
            tcpConn = conn;
        }
        lastRtcpNanos = System.nanoTime();
        lastPacketNanos = lastRtcpNanos;
        for (SessionMedia m : setupMedias) {
            switch (t.protocol()) {
                case TCP -> m.target = new TcpReaderTarget(this, m, conn);
                case UDP -> {
                    m.target = new UdpReaderTarget(this, m, server.udpFor(m));
                    m.udpRtcpReceiver = buf -> onUdpRtcp(m, buf);
                    server.udpFor(m).registerRtcp(m.clientRtcp, m.udpRtcpReceiver);
                    if (m.receives) {
                        m.udpRtpReceiver = buf -> onUdpRtp(m, buf);
                        server.udpFor(m).registerRtp(m.clientRtp, m.udpRtpReceiver);
                    }
                }
                case UDP_MULTICAST -> m.streamMedia.multicastReaderActive(true);
                default -> throw new IllegalStateException();
            }
            if (m.receives) {
                startReceivers(m, t.protocol() != TransportProtocol.TCP);
            }
            if (m.target != null && !m.receives) {
                m.streamMedia.addReader(m.target);
            }
        }
        startChecks();
        if (setupMedias.stream().anyMatch(m -> m.receives)) {
            startReceiverReports(); // back channels get receiver reports like publishers
        }
        if (directReportTask == null && !server.config().disableSenderReports()) {
            long period = server.config().senderReportPeriod().toMillis();
            directReportTask = loop.scheduleAtFixedRate(this::sendDirectSenderReports, period, period,
                    TimeUnit.MILLISECONDS);
        }
    }

    /** Stops delivering the stream (PAUSE or close). */
    void deactivatePlay() {
        stopReceiverReports();
        for (SessionMedia m : setupMedias) {
            if (m.target != null) {
                if (m.streamMedia != null) {
                    m.streamMedia.removeReader(m.target);
                }
                m.target.detach();
            }
            if (transport != null && transport.protocol() == TransportProtocol.UDP_MULTICAST && m.streamMedia != null
                    && state == ServerSessionState.PLAY) {
                m.streamMedia.multicastReaderActive(false);
            }
            m.target = null;
            unregisterUdp(m);
        }
        tcpConn = null;
    }

    /** Starts receiving a publisher's media: right after the RECORD response was written. */
    void activateRecord(ServerConnection conn) {
        if (closed) {
            return;
        }
        SessionTransport t = transport;
        lastPacketNanos = System.nanoTime();
        if (t.protocol() == TransportProtocol.TCP) {
            tcpConn = conn;
        }
        for (SessionMedia m : setupMedias) {
            startReceivers(m, t.protocol() == TransportProtocol.UDP);
            if (t.protocol() == TransportProtocol.UDP) {
                m.udpRtpReceiver = buf -> onUdpRtp(m, buf);
                m.udpRtcpReceiver = buf -> onUdpRtcp(m, buf);
                server.udpFor(m).registerRtp(m.clientRtp, m.udpRtpReceiver);
                server.udpFor(m).registerRtcp(m.clientRtcp, m.udpRtcpReceiver);
                sendFirewallPackets(m);
            }
        }
        startChecks();
        startReceiverReports();
    }

    private void startReceiverReports() {
        if (reportTask == null) {
            long period = server.config().receiverReportPeriod().toMillis();
            reportTask = loop.scheduleAtFixedRate(this::sendReceiverReports, period, period, TimeUnit.MILLISECONDS);
        }
    }

    private void stopReceiverReports() {
        if (reportTask != null) {
            reportTask.cancel(false);
            reportTask = null;
        }
    }

    void deactivateRecord() {
        stopReceiverReports();
        for (SessionMedia m : setupMedias) {
            unregisterUdp(m);
        }
        tcpConn = null;
    }

    private void startReceivers(SessionMedia m, boolean unreliable) {
        for (SessionMedia.Format f : m.formats) {
            if (f.receiver == null) {
                f.receiver = RtcpReceiver.builder(f.format.clockRate())
                        .localSsrc(receiverSsrc(m, f))
                        .unreliableTransport(unreliable)
                        .period(server.config().receiverReportPeriod())
                        .clock(server.wallClock())
                        .build();
            }
        }
    }

    /**
     * The SSRC of the server's receiver reports for a format: a back channel's is the one its stream format got
     * and the SETUP answer announced (the stream never sends with it); a publisher's is the session's.
     */
    private long receiverSsrc(SessionMedia m, SessionMedia.Format f) {
        StreamFormat sf = m.streamMedia == null ? null : m.streamMedia.format(f.format.payloadType());
        return sf != null ? sf.localSsrc : localSsrc;
    }

    private void unregisterUdp(SessionMedia m) {
        if (server.udpFor(m) != null && (m.udpRtpReceiver != null || m.udpRtcpReceiver != null)) {
            server.udpFor(m).unregister(m.udpRtpReceiver != null ? m.clientRtp : null,
                    m.udpRtcpReceiver != null ? m.clientRtcp : null,
                    m.udpRtpReceiver != null ? m.udpRtpReceiver : m.udpRtcpReceiver);
            if (m.udpRtpReceiver != null && m.udpRtcpReceiver != null) {
                server.udpFor(m).unregister(null, m.clientRtcp, m.udpRtcpReceiver);
            }
        }
        m.udpRtpReceiver = null;
        m.udpRtcpReceiver = null;
    }

    /**
     * An empty RTP packet and an empty receiver report sent to the publisher's ports open the NAT/firewall path
     * for the packets the client then sends to the server's ports.
     */
    private void sendFirewallPackets(SessionMedia m) {
        ByteBuf rtp = server.allocator().directBuffer(12);
        rtp.writeByte(0x80).writeByte(0).writeShort(0).writeInt(0).writeInt(0);
        ByteBuf rr = RtcpPackets.encodeCompound(List.of(new ReceiverReport(localSsrc, List.of())), server.allocator());
        if (m.srtp != null) {
            // SRTP-protected like everything the client receives (mediamtx#666: clients drop plain packets).
            rtp = m.srtp.outbound.protectRtpReleasing(server.allocator(), rtp);
            rr = m.srtp.outbound.protectRtcpReleasing(server.allocator(), rr);
        }
        if (rtp != null) {
            server.udpFor(m).sendRtp(rtp, m.clientRtp);
        }
        if (rr != null) {
            server.udpFor(m).sendRtcp(rr, m.clientRtcp);
        }
    }

    // ------------------------------------------------------------------------------------------ packets in

    void onInterleavedFrame(int channel, ByteBuf payload) {
        for (SessionMedia m : setupMedias) {
            if (m.isRtpChannel(channel)) {
                if (m.receives) {
                    onRtp(m, payload);
                }
                return;
            }
            if (m.isRtcpChannel(channel)) {
                onRtcp(m, payload);
                return;
            }
        }
        // Frames on channels that were not set up are ignored, as RFC 2326 §10.12 lets clients use them.
    }

    /**
     * A datagram from the client's RTP port. The receive buffer is one byte larger than the max packet size, so
     * a datagram that fills it was truncated by the socket.
     */
    private void onUdpRtp(SessionMedia m, ByteBuf buf) {
        if (buf.readableBytes() > server.config().maxPacketSize()) {
            udpTooBig(m, "RTP", buf.readableBytes());
            return;
        }
        onRtp(m, buf);
    }

    /** A datagram from the client's RTCP port. */
    private void onUdpRtcp(SessionMedia m, ByteBuf buf) {
        if (buf.readableBytes() > server.config().maxPacketSize()) {
            lastRtcpNanos = System.nanoTime();
            udpTooBig(m, "RTCP", buf.readableBytes());
            return;
        }
        onRtcp(m, buf);
    }

    private void udpTooBig(SessionMedia m, String what, int size) {
        if (closed) {
            return;
        }
        lastPacketNanos = System.nanoTime();
        m.inboundBytes.addAndGet(size);
        (what.equals("RTP") ? m.inboundRtpErrors : m.inboundRtcpErrors).incrementAndGet();
        server.callbacks().decodeError(this, new RtspServerException(what + " packet is too big to be read with UDP"
                + " (more than " + server.config().maxPacketSize() + " bytes)"));
    }

    void onRtp(SessionMedia m, ByteBuf buf) {
        if (closed) {
            return;
        }
        long now = System.nanoTime();
        lastPacketNanos = now;
        m.inboundBytes.addAndGet(buf.readableBytes());
        if (m.srtp != null) {
            String refused = m.srtp.unprotectRtp(buf);
            if (refused != null) {
                m.inboundRtpErrors.incrementAndGet();
                server.callbacks().decodeError(this, new RtspServerException(refused));
                return;
            }
        }
        RtpPacket packet;
        try {
            packet = RtpPacket.decode(buf);
        } catch (RtpDecodeException e) {
            m.inboundRtpErrors.incrementAndGet();
            server.callbacks().decodeError(this, e);
            return;
        }
        SessionMedia.Format f = m.format(packet.payloadType());
        if (f == null) {
            packet.release();
            m.inboundRtpErrors.incrementAndGet();
            server.callbacks().decodeError(this, new RtspServerException(
                    "received RTP packet with unknown payload type: " + packet.payloadType()));
            return;
        }
        m.inboundRtp.incrementAndGet();
        boolean randomAccess = f.detector.isRandomAccess(packet.payload());
        RtcpReceiver receiver = f.receiver;
        if (receiver == null) {
            deliver(m, f, packet);
            return;
        }
        synchronized (f) {
            if (closed) {
                // close() released the receiver's buffer under this monitor: nothing may enter it any more.
                packet.release();
                return;
            }
            receiver.onPacket(packet, server.wallClock().nowNanos(), randomAccess, f);
        }
        // Callbacks run without the monitor: they may take time or call back into the session.
        long lostNow = f.lostNow;
        if (lostNow > 0) {
            f.lostNow = 0;
            lost.addAndGet(lostNow);
            server.callbacks().packetsLost(this, lostNow);
        }
        for (int i = 0; i < f.ready.size(); i++) {
            deliver(m, f, f.ready.get(i));
        }
        f.ready.clear();
    }

    private void deliver(SessionMedia m, SessionMedia.Format f, RtpPacket p) {
        if (closed) {
            p.release();
            return;
        }
        try {
            // No lookup (hashing a whole media description per packet) when only onPacketRtpAny is used.
            RtpPacketHandler specific = rtpHandlers.isEmpty() ? null : rtpHandlers.get(List.of(m.media, f.format));
            if (specific != null) {
                specific.onPacket(m.media, f.format, p);
            }
            RtpPacketHandler any = rtpAny;
            if (any != null) {
                any.onPacket(m.media, f.format, p);
            }
        } catch (RuntimeException e) {
            LOG.warn("session {}: RTP packet callback failed: {}", id, e.toString(), e);
        } finally {
            p.release();
        }
    }

    void onRtcp(SessionMedia m, ByteBuf buf) {
        onRtcp(m, buf, false);
    }

    /** RTCP from the client of a media; {@code plain} when SRTCP was already removed (multicast). */
    private void onRtcp(SessionMedia m, ByteBuf buf, boolean plain) {
        if (closed) {
            return;
        }
        long now = System.nanoTime();
        lastRtcpNanos = now;
        lastPacketNanos = now;
        m.inboundBytes.addAndGet(buf.readableBytes());
        if (buf.readableBytes() > server.config().maxPacketSize()) {
            m.inboundRtcpErrors.incrementAndGet();
            server.callbacks().decodeError(this, new RtspServerException("RTCP packet size (" + buf.readableBytes()
                    + ") is greater than maximum allowed (" + server.config().maxPacketSize() + ")"));
            return;
        }
        if (m.srtp != null && !plain) {
            if (!m.srtp.hasInboundKey()) {
                return; // a reader that gave no key: its reports count as keep-alives only
            }
            String refused = m.srtp.unprotectRtcp(buf);
            if (refused != null) {
                m.inboundRtcpErrors.incrementAndGet();
                server.callbacks().decodeError(this, new RtspServerException(refused));
                return;
            }
        }
        List<RtcpPacket> packets;
        try {
            packets = RtcpPackets.decodeCompound(buf);
        } catch (RtcpDecodeException e) {
            m.inboundRtcpErrors.incrementAndGet();
            server.callbacks().decodeError(this, e);
            return;
        }
        m.inboundRtcp.incrementAndGet();
        for (RtcpPacket p : packets) {
            if (p instanceof SenderReport sr) {
                for (SessionMedia.Format f : m.formats) {
                    RtcpReceiver receiver = f.receiver;
                    if (receiver != null) {
                        synchronized (f) {
                            receiver.onSenderReport(sr, server.wallClock().nowNanos());
                        }
                    }
                }
            } else if (p instanceof ReceiverReport rr && m.streamMedia != null) {
                for (ReceptionReport block : rr.reports()) {
                    for (StreamFormat sf : m.streamMedia.formats) {
                        if (sf.localSsrc == block.ssrc()) {
                            m.reportedLost.set(block.totalLost());
                            sf.onReceptionReport(block);
                        }
                    }
                }
            }
            try {
                RtcpPacketHandler specific = rtcpHandlers.get(m.media);
                if (specific != null) {
                    specific.onPacket(m.media, p);
                }
                RtcpPacketHandler any = rtcpAny;
                if (any != null) {
                    any.onPacket(m.media, p);
                }
            } catch (RuntimeException e) {
                LOG.warn("session {}: RTCP packet callback failed: {}", id, e.toString(), e);
            }
        }
    }

    /** RTCP arriving on the multicast RTCP port from this session's IP: a keep-alive. */
    void onMulticastRtcp(ByteBuf content) {
        lastRtcpNanos = System.nanoTime();
        if (state != ServerSessionState.PLAY) {
            return;
        }
        if (!setupMedias.isEmpty() && setupMedias.get(0).srtp != null) {
            onMulticastSrtcp(content);
            return;
        }
        // One RTCP port serves every group: the reception reports name the media (by the stream's SSRCs).
        SessionMedia target = null;
        try {
            for (RtcpPacket p : RtcpPackets.decodeCompound(content.duplicate())) {
                if (p instanceof ReceiverReport rr) {
                    for (ReceptionReport block : rr.reports()) {
                        for (SessionMedia m : setupMedias) {
                            for (StreamFormat f : m.streamMedia.formats) {
                                if (f.localSsrc == block.ssrc()) {
                                    target = m;
                                }
                            }
                        }
                    }
                }
            }
        } catch (RtcpDecodeException e) {
            // Reported by onRtcp below.
        }
        if (target == null && !setupMedias.isEmpty()) {
            target = setupMedias.get(0);
        }
        if (target != null) {
            onRtcp(target, content);
        }
    }

    /**
     * SRTCP on the multicast RTCP port: the report blocks are encrypted, so the media is the one whose client key
     * authenticates the packet (a failed attempt leaves the packet unchanged).
     */
    private void onMulticastSrtcp(ByteBuf content) {
        for (SessionMedia m : setupMedias) {
            if (m.srtp != null && m.srtp.hasInboundKey() && m.srtp.unprotectRtcp(content) == null) {
                onRtcp(m, content, true);
                return;
            }
        }
        SessionMedia first = setupMedias.get(0);
        if (!first.srtp.hasInboundKey()) {
            return;
        }
        first.inboundRtcpErrors.incrementAndGet();
        server.callbacks().decodeError(this, new RtspServerException(
                "SRTCP: no key of the session authenticates the multicast RTCP packet"));
    }

    InetAddress authorIp() {
        return authorIp;
    }

    /** The SSRC of the receiver reports a publisher session sends. */
    long localSsrc() {
        return localSsrc;
    }

    // ------------------------------------------------------------------------------------------ packets out

    private void sendReceiverReports() {
        if (closed || (state != ServerSessionState.RECORD && state != ServerSessionState.PLAY)) {
            return;
        }
        for (SessionMedia m : setupMedias) {
            for (SessionMedia.Format f : m.formats) {
                RtcpReceiver receiver = f.receiver;
                if (receiver == null) {
                    continue;
                }
                ReceiverReport rr;
                synchronized (f) {
                    rr = receiver.buildReport();
                }
                if (rr == null) {
                    continue;
                }
                ByteBuf buf = RtcpPackets.encodeCompound(
                        List.of(rr, SourceDescription.cname(receiverSsrc(m, f), "rtsp4j-" + id.substring(0, 8))),
                        server.allocator());
                try {
                    sendRtcpTo(m, buf);
                } finally {
                    buf.release();
                }
            }
        }
    }

    /** Sends an encoded RTCP compound to the client of a media (SRTCP when secure); does not take ownership. */
    private boolean sendRtcpTo(SessionMedia m, ByteBuf buf) {
        if (m.srtp == null) {
            return sendPlainRtcpTo(m, buf);
        }
        ByteBuf secure = m.srtp.outbound.protectRtcp(server.allocator(), buf);
        if (secure == null) {
            return false;
        }
        try {
            return sendPlainRtcpTo(m, secure);
        } finally {
            secure.release();
        }
    }

    private boolean sendPlainRtcpTo(SessionMedia m, ByteBuf buf) {
        SessionTransport t = transport;
        if (t == null || closed) {
            return false;
        }
        if (m.target != null) {
            m.target.sendRtcp(buf);
            return true;
        }
        if (t.protocol() == TransportProtocol.UDP && m.clientRtcp != null
                && (state == ServerSessionState.RECORD || state == ServerSessionState.PLAY)) {
            boolean ok = server.udpFor(m).sendRtcp(buf.retainedDuplicate(), m.clientRtcp);
            if (ok) {
                countOutboundRtcp(m, buf.readableBytes());
            }
            return ok;
        }
        ServerConnection c = tcpConn;
        if (t.protocol() == TransportProtocol.TCP && c != null && m.rtpChannel >= 0) {
            c.channel.writeAndFlush(new InterleavedFrame(m.rtpChannel + 1, buf.retainedDuplicate()),
                    c.channel.voidPromise());
            countOutboundRtcp(m, buf.readableBytes());
            return true;
        }
        return false;
    }

    void countOutboundRtp(SessionMedia m, int size) {
        m.outboundRtp.incrementAndGet();
        m.outboundBytes.addAndGet(size);
    }

    void countOutboundRtcp(SessionMedia m, int size) {
        m.outboundRtcp.incrementAndGet();
        m.outboundBytes.addAndGet(size);
    }

    void onStreamWriteDropped() {
        dropped.incrementAndGet();
        long now = System.nanoTime();
        // One callback per second at most: a stalled reader would otherwise report every packet.
        if (now - lastDropLogNanos > 1_000_000_000L) {
            lastDropLogNanos = now;
            server.callbacks().streamWriteError(this, new RtspServerException(
                    "write queue is full: reader is too slow, " + dropped.get() + " packets dropped so far"));
        }
    }

    // ------------------------------------------------------------------------------------------ lifetime

    private void startChecks() {
        if (checkTask != null) {
            return;
        }
        long period = Math.max(50, Math.min(1000, Math.min(server.config().readTimeout().toMillis(),
                server.config().idleTimeout().toMillis()) / 4));
        checkTask = loop.scheduleAtFixedRate(this::check, period, period, TimeUnit.MILLISECONDS);
    }

    private void check() {
        if (closed) {
            return;
        }
        SessionTransport t = transport;
        if (t == null || t.protocol() == TransportProtocol.TCP) {
            return;
        }
        long now = System.nanoTime();
        if (state == ServerSessionState.RECORD) {
            if (now - lastPacketNanos > server.config().readTimeout().toNanos()) {
                close(new RtspServerException("session timed out: no packets received in "
                        + server.config().readTimeout().toSeconds() + "s"));
            }
        } else if (state == ServerSessionState.PLAY) {
            // Any packet from the reader (RTCP, or RTP on a back channel) shows it is alive.
            long last = Math.max(Math.max(lastRequestNanos, lastRtcpNanos), lastPacketNanos);
            if (now - last > server.config().idleTimeout().toNanos()) {
                close(new RtspServerException("session timed out: no request or RTCP in "
                        + server.config().idleTimeout().toSeconds() + "s"));
            }
        }
    }

    /** A connection bound to this session closed. */
    void connectionClosed(ServerConnection conn) {
        execute(() -> {
            conns.remove(conn);
            if (closed) {
                return;
            }
            if (tcpConn == conn) {
                close(conn.closeReason() != null ? conn.closeReason() : new RtspServerException("connection closed"));
                return;
            }
            ServerSessionState s = state;
            boolean streaming = s == ServerSessionState.PLAY || s == ServerSessionState.RECORD;
            if (conns.isEmpty() && (!streaming || isTcp())) {
                close(new RtspServerException("not in use"));
            }
        });
    }

    void close(Throwable reason) {
        execute(() -> doClose(reason));
    }

    private void doClose(Throwable reason) {
        if (closed) {
            return;
        }
        sendUdpBye(reason);
        closed = true;
        closeReason = reason;
        if (checkTask != null) {
            checkTask.cancel(false);
        }
        if (directReportTask != null) {
            directReportTask.cancel(false);
        }
        ServerSessionState s = state;
        if (s == ServerSessionState.PLAY) {
            deactivatePlay();
        } else if (s == ServerSessionState.RECORD) {
            deactivateRecord();
        }
        for (SessionMedia m : setupMedias) {
            unregisterUdp(m);
            if (m.multicast != null && m.streamMedia != null) {
                m.streamMedia.releaseMulticast(false);
            }
            for (SessionMedia.Format f : m.formats) {
                RtcpReceiver receiver = f.receiver;
                if (receiver != null) {
                    synchronized (f) {
                        receiver.close();
                    }
                }
            }
        }
        activationPending = false;
        releasePendingWrites();
        server.sessionClosed(this);
        for (ServerConnection c : conns) {
            c.unbind(this);
            c.close(reason);
        }
        conns.clear();
        server.callbacks().sessionClose(this, reason);
    }

    /**
     * An RTCP BYE to a UDP client whose session ends while streaming (RFC 3550 §6.6): for a reader with the
     * stream's SSRCs (unless the stream itself closed and said it), for a publisher with the receiver's SSRC.
     * TCP clients see their connection close instead, and multicast groups are shared.
     */
    private void sendUdpBye(Throwable reason) {
        SessionTransport t = transport;
        ServerSessionState s = state;
        if (t == null || t.protocol() != TransportProtocol.UDP || server.udp() == null
                || (s != ServerSessionState.PLAY && s != ServerSessionState.RECORD)
                || "stream closed".equals(reason.getMessage())) {
            return;
        }
        for (SessionMedia m : setupMedias) {
            List<Long> ssrcs = new ArrayList<>();
            if (m.streamMedia != null) {
                for (StreamFormat f : m.streamMedia.formats) {
                    ssrcs.add(f.localSsrc);
                }
            } else {
                ssrcs.add(localSsrc);
            }
            ByteBuf bye = RtcpPackets.encodeCompound(List.of(new Goodbye(ssrcs, "session closed")), server.allocator());
            if (m.srtp != null) {
                bye = m.srtp.outbound.protectRtcpReleasing(server.allocator(), bye);
                if (bye == null) {
                    continue;
                }
            }
            int size = bye.readableBytes();
            if (server.udpFor(m).sendRtcp(bye, m.clientRtcp)) {
                countOutboundRtcp(m, size);
            }
        }
    }

    static RtspResponse wrongState(ServerSessionState actual, ServerSessionState... allowed) {
        StringBuilder sb = new StringBuilder();
        for (ServerSessionState a : allowed) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(a);
        }
        return RequestRouter.error(RtspStatus.METHOD_NOT_VALID_IN_THIS_STATE,
                "must be in state [" + sb + "], while is in state " + actual).toBuilder().build();
    }

}
