package io.rtsp4j.server;

import io.rtsp4j.base.RtspHeaderNames;
import io.rtsp4j.base.RtspMethod;
import io.rtsp4j.base.RtspPaths;
import io.rtsp4j.base.RtspRequest;
import io.rtsp4j.base.RtspResponse;
import io.rtsp4j.base.RtspStatus;
import io.rtsp4j.base.RtspUrl;
import io.rtsp4j.base.RtspUrlException;
import io.rtsp4j.base.headers.HeaderParseException;
import io.rtsp4j.base.headers.PortPair;
import io.rtsp4j.base.headers.Transport;
import io.rtsp4j.base.headers.Transports;
import io.rtsp4j.sdp.description.Media;
import io.rtsp4j.sdp.description.Session;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The session requests: ANNOUNCE, SETUP, PLAY, RECORD, PAUSE, GET_/SET_PARAMETER. Each checks the state and the
 * request, asks the handler, and applies its decision. Runs on the session's event loop.
 *
 * <p>Where gortsplib answers {@code 400} and closes the connection, this server answers with the RFC's status
 * ({@code 455} wrong state, {@code 415} content type, {@code 461} transport) and keeps the connection open when
 * the client can recover by sending another request.
 */
final class SessionRequests {

    private SessionRequests() {
    }

    // ------------------------------------------------------------------------------------------ ANNOUNCE

    static void announce(ServerSession s, ServerConnection conn, RtspRequest req, RtspUrl url,
            Consumer<Outcome> done) {
        if (!s.server.supportedMethods().contains(RtspMethod.ANNOUNCE)) {
            done.accept(Outcome.of(RtspResponse.builder(RtspStatus.NOT_IMPLEMENTED).build()));
            return;
        }
        if (s.state() != ServerSessionState.INITIAL) {
            done.accept(Outcome.of(ServerSession.wrongState(s.state(), ServerSessionState.INITIAL)));
            return;
        }
        List<String> ct = req.headers().getAll(RtspHeaderNames.CONTENT_TYPE);
        if (ct.size() != 1) {
            done.accept(Outcome.of(RequestRouter.error(RtspStatus.BAD_REQUEST, "Content-Type header is missing")));
            return;
        }
        String type = ct.get(0).split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!type.equals("application/sdp")) {
            done.accept(Outcome.of(RequestRouter.error(RtspStatus.UNSUPPORTED_MEDIA_TYPE,
                    "unsupported Content-Type header '" + ct.get(0) + "'")));
            return;
        }
        Session description;
        try {
            description = StreamDescriptions.parse(new String(req.body(), StandardCharsets.UTF_8));
            StreamDescriptions.checkRecordable(description);
        } catch (IllegalArgumentException e) {
            done.accept(Outcome.of(RequestRouter.error(RtspStatus.BAD_REQUEST, "invalid SDP: " + e.getMessage())));
            return;
        }
        RtspPaths.PathAndQuery pq = RtspPaths.forAnnounce(url);
        RequestContext ctx = new RequestContext(conn, s, req, pq.path(), pq.query(), description, null);
        Replies.resolve(s.server.callbacks().announce(ctx), s.loop, reply -> {
            if (reply.statusCode() == 200 && !reply.isAuthenticationFailed()) {
                s.setState(ServerSessionState.PRE_RECORD);
                s.setPathAndQuery(pq.path(), pq.query());
                s.setAnnounced(description);
            }
            // No Session header in the ANNOUNCE answer: some clients reject it there (mediamtx#840).
            done.accept(Replies.outcome(conn, req, reply, null));
        });
    }

    // ------------------------------------------------------------------------------------------ SETUP

    /** The transport alternative chosen for a SETUP, in the server's terms. */
    private record Negotiated(Transport spec, TransportProtocol protocol, TransportProfile profile) {
    }

    static void setup(ServerSession s, ServerConnection conn, RtspRequest req, RtspUrl url, Consumer<Outcome> done) {
        RtspServer server = s.server;
        if (!server.supportedMethods().contains(RtspMethod.SETUP)) {
            done.accept(Outcome.of(RtspResponse.builder(RtspStatus.NOT_IMPLEMENTED).build()));
            return;
        }
        ServerSessionState state = s.state();
        if (state != ServerSessionState.INITIAL && state != ServerSessionState.PRE_PLAY
                && state != ServerSessionState.PRE_RECORD) {
            done.accept(Outcome.of(ServerSession.wrongState(state, ServerSessionState.INITIAL,
                    ServerSessionState.PRE_PLAY, ServerSessionState.PRE_RECORD)).withSession(s));
            return;
        }
        ServerSession answered = state == ServerSessionState.INITIAL ? null : s;
        boolean record = state == ServerSessionState.PRE_RECORD;
        Transports alternatives;
        try {
            alternatives = Transports.parse(req.headers().getAll(RtspHeaderNames.TRANSPORT));
        } catch (HeaderParseException e) {
            done.accept(Outcome.of(RequestRouter.error(RtspStatus.BAD_REQUEST,
                    "invalid transport header: " + e.getMessage())).withSession(answered));
            return;
        }
        Negotiated chosen = null;
        List<String> refusals = new ArrayList<>();
        for (Transport t : alternatives.list()) {
            Negotiated n = negotiate(server, conn, t, record, refusals);
            if (n != null) {
                chosen = n;
                break;
            }
        }
        if (chosen == null) {
            done.accept(Outcome.of(refusals.isEmpty() ? RtspResponse.builder(RtspStatus.UNSUPPORTED_TRANSPORT).build()
                    : RequestRouter.error(RtspStatus.UNSUPPORTED_TRANSPORT, String.join("; ", refusals)))
                    .withSession(answered));
            return;
        }
        Transport.Mode mode = chosen.spec().mode();
        if (record ? mode != Transport.Mode.RECORD : mode == Transport.Mode.RECORD) {
            done.accept(Outcome.of(RequestRouter.error(RtspStatus.BAD_REQUEST,
                    "transport header contains a invalid mode (" + (mode == null ? "null"
                            : mode.name().toLowerCase(Locale.ROOT)) + ")")).withSession(answered));
            return;
        }
        SessionTransport previous = s.transport();
        if (previous != null && (previous.protocol() != chosen.protocol() || previous.profile() != chosen.profile())) {
            done.accept(Outcome.of(RequestRouter.error(RtspStatus.BAD_REQUEST,
                    "can't setup medias with different transports")).withSession(s));
            return;
        }
        PortPair clientPorts = chosen.spec().clientPorts();
        if (chosen.protocol() == TransportProtocol.UDP && clientPorts == null) {
            done.accept(Outcome.of(RequestRouter.error(RtspStatus.BAD_REQUEST,
                    "transport header does not contain client ports")).withSession(answered));
            return;
        }
        int[] channels = null;
        if (chosen.protocol() == TransportProtocol.TCP) {
            PortPair ids = chosen.spec().interleaved();
            if (ids != null) {
                channels = new int[] {ids.first(), ids.second()};
                if (channels[1] != channels[0] + 1 || channels[1] > 255) {
                    done.accept(Outcome.of(RequestRouter.error(RtspStatus.BAD_REQUEST, "invalid interleaved IDs"))
                            .withSession(answered));
                    return;
                }
                if (channelInUse(s, channels[0]) || channelInUse(s, channels[1])) {
                    done.accept(Outcome.of(RequestRouter.error(RtspStatus.BAD_REQUEST, "interleaved IDs are in use"))
                            .withSession(answered));
                    return;
                }
            } else {
                // Some TCP clients send no interleaved=: pick the first free even pair (mediamtx#1650).
                int c = 0;
                while (channelInUse(s, c) || channelInUse(s, c + 1)) {
                    c += 2;
                }
                if (c > 254) {
                    done.accept(Outcome.of(RequestRouter.error(RtspStatus.BAD_REQUEST, "no free interleaved IDs"))
                            .withSession(answered));
                    return;
                }
                channels = new int[] {c, c + 1};
            }
        }

        String path;
        String query;
        int index;
        if (record) {
            index = findAnnouncedMedia(s, url);
            if (index < 0) {
                done.accept(Outcome.of(RequestRouter.error(RtspStatus.BAD_REQUEST, "media not found")).withSession(s));
                return;
            }
            path = s.path();
            query = s.query();
        } else {
            RtspPaths.SetupTarget target;
            try {
                target = RtspPaths.forPlaySetup(url);
            } catch (RtspUrlException e) {
                done.accept(Outcome.of(RequestRouter.error(RtspStatus.BAD_REQUEST, e.getMessage()))
                        .withSession(answered));
                return;
            }
            if (state == ServerSessionState.PRE_PLAY && !target.path().equals(s.path())) {
                done.accept(Outcome.of(RequestRouter.error(RtspStatus.BAD_REQUEST,
                        "can't setup medias with different paths")).withSession(s));
                return;
            }
            path = target.path();
            query = target.query();
            index = target.mediaIndex();
            if (index < 0) {
                done.accept(Outcome.of(RequestRouter.error(RtspStatus.NOT_FOUND, "media not found"))
                        .withSession(answered));
                return;
            }
        }
        for (SessionMedia m : s.setupMediaList()) {
            if (m.index == index) {
                done.accept(Outcome.of(RequestRouter.error(RtspStatus.BAD_REQUEST, "media has already been setup"))
                        .withSession(s));
                return;
            }
        }

        SrtpSetup.ClientKey clientKey = null;
        if (chosen.profile() == TransportProfile.SAVP) {
            try {
                clientKey = SrtpSetup.clientKey(req, record, server.config().clock(),
                        record ? SrtpSetup.announcedKey(s.announcedDescription(), index) : null);
            } catch (SrtpSetup.KeyManagementException e) {
                // RFC 4567 §7.2 (RTSP/1.0): key management failures are answered 463, the session stays usable.
                done.accept(Outcome.of(RequestRouter.error(RtspStatus.KEY_MANAGEMENT_FAILURE, e.getMessage()))
                        .withSession(answered));
                return;
            }
        }
        SrtpSetup.ClientKey key = clientKey;
        SessionTransport transport = new SessionTransport(chosen.protocol(), chosen.profile());
        RequestContext ctx = new RequestContext(conn, s, req, path, query, null, transport);
        Negotiated spec = chosen;
        int[] ch = channels;
        Replies.resolve(server.callbacks().setup(ctx), s.loop, reply -> {
            if (reply.statusCode() != 200 || reply.isAuthenticationFailed()) {
                done.accept(Replies.outcome(conn, req, reply, s.state() == ServerSessionState.INITIAL ? null : s));
                return;
            }
            if (s.isClosed()) {
                done.accept(Outcome.of(RequestRouter.error(RtspStatus.SESSION_NOT_FOUND, "session not found")));
                return;
            }
            SessionMedia media;
            if (record) {
                if (reply.stream() != null) {
                    done.accept(Outcome.closing(RequestRouter.error(RtspStatus.INTERNAL_SERVER_ERROR,
                            "a publisher's SETUP must not return a stream"), "handler returned a stream for a publisher"));
                    return;
                }
                media = new SessionMedia(s.announcedDescription().medias().get(index), index, null, true);
            } else {
                ServerStream stream = reply.stream();
                if (stream == null) {
                    done.accept(Outcome.closing(RequestRouter.error(RtspStatus.INTERNAL_SERVER_ERROR,
                            "a reader's SETUP must return a stream"), "handler returned no stream"));
                    return;
                }
                if (s.stream() != null && s.stream() != stream) {
                    done.accept(Outcome.closing(RequestRouter.error(RtspStatus.INTERNAL_SERVER_ERROR,
                            "every SETUP of a session must return the same stream"), "handler returned another stream"));
                    return;
                }
                if (stream.isClosed()) {
                    done.accept(Outcome.of(RequestRouter.error(RtspStatus.BAD_REQUEST, "stream is closed")));
                    return;
                }
                if (index >= stream.streamMedias().size()) {
                    done.accept(Outcome.of(RequestRouter.error(RtspStatus.NOT_FOUND, "media not found")).withSession(
                            s.state() == ServerSessionState.INITIAL ? null : s));
                    return;
                }
                StreamMedia sm = stream.streamMedias().get(index);
                if (spec.protocol() == TransportProtocol.UDP && udpPortsTaken(server, s, clientPorts)) {
                    // The server could not tell their packets apart (one socket pair serves every session).
                    done.accept(Outcome.of(RequestRouter.error(RtspStatus.BAD_REQUEST, "UDP ports "
                            + clientPorts.first() + " and " + clientPorts.second()
                            + " are already assigned to another reader with the same IP")).withSession(answered));
                    return;
                }
                boolean backChannel = StreamDescriptions.isBackChannel(sm.media);
                if (backChannel && spec.protocol() == TransportProtocol.UDP_MULTICAST) {
                    // A back channel carries one reader's audio to the server: a shared group makes no sense.
                    done.accept(Outcome.of(RtspResponse.builder(RtspStatus.UNSUPPORTED_TRANSPORT).build())
                            .withSession(answered));
                    return;
                }
                media = new SessionMedia(sm.media, index, sm, backChannel);
                s.setStream(stream);
                server.sessionUsesStream(s, stream);
            }
            switch (spec.protocol()) {
                case UDP -> {
                    media.clientRtp = new InetSocketAddress(conn.remoteIp(), clientPorts.first());
                    media.clientRtcp = new InetSocketAddress(conn.remoteIp(), clientPorts.second());
                }
                case TCP -> media.rtpChannel = ch[0];
                case UDP_MULTICAST -> {
                    media.multicast = media.streamMedia.acquireMulticast(spec.profile() == TransportProfile.SAVP);
                    if (media.multicast == null) {
                        done.accept(Outcome.of(RequestRouter.error(RtspStatus.UNSUPPORTED_TRANSPORT,
                                "the multicast group of this media is in use with the other RTP profile"))
                                .withSession(answered));
                        return;
                    }
                }
                default -> throw new IllegalStateException();
            }
            if (key != null) {
                media.srtp = SrtpSetup.sessionSrtp(s, media, key);
            }
            s.addSetupMedia(media);
            s.setTransport(transport);
            if (s.state() == ServerSessionState.INITIAL) {
                s.setState(ServerSessionState.PRE_PLAY);
                s.setPathAndQuery(path, query);
            }
            RtspResponse.Builder b = reply.response().toBuilder()
                    .setHeader(RtspHeaderNames.TRANSPORT, answerTransport(server, spec, media, ch, record));
            if (media.srtp != null) {
                b.setHeader(RtspHeaderNames.KEY_MGMT, SrtpSetup.keyMgmtHeader(media.srtp,
                        RequestRouter.schemeFor(conn, req.uri()),
                        server.config().clock()));
            }
            done.accept(Replies.outcome(conn, req, Reply.of(b.build()), s));
        });
    }

    /**
     * The server's view of a transport alternative, or {@code null} when it is not supported here (with the reason
     * added to {@code refusals}). Over RTSPS, UDP and multicast must use SRTP ({@code RTP/SAVP}) and TCP may use
     * either; without TLS, SRTP is refused because MIKEY would carry its keys in clear (reference §6.6-§6.7).
     */
    private static Negotiated negotiate(RtspServer server, ServerConnection conn, Transport t, boolean record,
            List<String> refusals) {
        boolean secure = conn.isSecure();
        boolean savp = t.profile() == Transport.Profile.SAVP;
        if (savp && !secure) {
            refusals.add("RTP/SAVP is only offered over RTSPS (TLS): MIKEY would carry the SRTP keys in clear");
            return null;
        }
        TransportProtocol protocol;
        if (t.protocol() == Transport.Protocol.TCP) {
            protocol = TransportProtocol.TCP;
        } else if (t.delivery() == Transport.Delivery.MULTICAST) {
            if (record || !server.config().multicastEnabled() || conn.tunnel() != Tunnel.NONE) {
                return null;
            }
            protocol = TransportProtocol.UDP_MULTICAST;
        } else {
            if (!server.config().udpEnabled() || conn.tunnel() != Tunnel.NONE) {
                return null;
            }
            protocol = TransportProtocol.UDP;
        }
        if (secure && !savp && protocol != TransportProtocol.TCP) {
            refusals.add("over RTSPS, UDP and multicast need RTP/SAVP (SRTP); plain RTP/AVP only inside TLS (TCP)");
            return null;
        }
        return new Negotiated(t, protocol, savp ? TransportProfile.SAVP : TransportProfile.AVP);
    }

    /** Whether another session of the same client IP already uses these client ports. */
    private static boolean udpPortsTaken(RtspServer server, ServerSession s, PortPair ports) {
        for (ServerSession other : server.sessions()) {
            if (other == s || other.authorIp() == null || !other.authorIp().equals(s.authorIp())) {
                continue;
            }
            for (SessionMedia om : other.setupMediaList()) {
                if (om.clientRtp != null && (om.clientRtp.getPort() == ports.first()
                        || om.clientRtcp.getPort() == ports.second())) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The announced media a publisher's SETUP designates (rtsp-base's FFmpeg/GStreamer/absolute rules); a single
     * media without control is also found at the ANNOUNCE URL itself.
     */
    private static int findAnnouncedMedia(ServerSession s, RtspUrl url) {
        List<String> controls = new ArrayList<>();
        for (Media m : s.announcedDescription().medias()) {
            controls.add(m.control() == null ? "" : m.control());
        }
        RtspPaths.PathAndQuery announced = new RtspPaths.PathAndQuery(s.path(), s.query());
        int index = RtspPaths.findAnnouncedMedia(controls, announced, url);
        if (index < 0 && controls.size() == 1 && controls.get(0).isEmpty()
                && RtspPaths.forRequest(url).equals(announced)) {
            index = 0;
        }
        return index;
    }

    private static boolean channelInUse(ServerSession s, int channel) {
        for (SessionMedia m : s.setupMediaList()) {
            if (m.isRtpChannel(channel) || m.isRtcpChannel(channel)) {
                return true;
            }
        }
        return false;
    }

    private static String answerTransport(RtspServer server, Negotiated spec, SessionMedia media, int[] ch,
            boolean record) {
        Transport.Builder b = Transport.builder(
                spec.protocol() == TransportProtocol.TCP ? Transport.Protocol.TCP : Transport.Protocol.UDP,
                spec.profile() == TransportProfile.SAVP ? Transport.Profile.SAVP : Transport.Profile.AVP);
        switch (spec.protocol()) {
            case UDP -> b.delivery(Transport.Delivery.UNICAST)
                    .clientPorts(spec.spec().clientPorts())
                    .serverPorts(new PortPair(server.udpFor(media).rtpAddress().getPort(),
                            server.udpFor(media).rtcpAddress().getPort()));
            case UDP_MULTICAST -> b.delivery(Transport.Delivery.MULTICAST)
                    .destination(media.multicast.group().getHostAddress())
                    .ports(new PortPair(media.multicast.rtpPort(), media.multicast.rtcpPort()))
                    .ttl(server.config().multicastTtl());
            case TCP -> b.delivery(Transport.Delivery.UNICAST).interleaved(new PortPair(ch[0], ch[1]));
            default -> throw new IllegalStateException();
        }
        if (!record && media.streamMedia != null && media.streamMedia.formats.length == 1) {
            // One SSRC per Transport header: only when the media has a single format.
            b.ssrc(media.streamMedia.formats[0].localSsrc);
        }
        if (record) {
            b.mode(Transport.Mode.RECORD);
        }
        return b.build().format();
    }

    // ------------------------------------------------------------------------------------------ PLAY

    static void play(ServerSession s, ServerConnection conn, RtspRequest req, RtspUrl url, Consumer<Outcome> done) {
        if (!s.server.supportedMethods().contains(RtspMethod.PLAY)) {
            done.accept(Outcome.of(RtspResponse.builder(RtspStatus.NOT_IMPLEMENTED).build()).withSession(s));
            return;
        }
        ServerSessionState state = s.state();
        if (state != ServerSessionState.PRE_PLAY && state != ServerSessionState.PLAY) {
            done.accept(Outcome.of(ServerSession.wrongState(state, ServerSessionState.PRE_PLAY, ServerSessionState.PLAY))
                    .withSession(s));
            return;
        }
        RtspPaths.PathAndQuery pq = RtspPaths.forRequest(url);
        if (state == ServerSessionState.PRE_PLAY && !pq.path().equals(s.path()) && !isTrackOf(url, s.path())) {
            done.accept(Outcome.of(RequestRouter.error(RtspStatus.BAD_REQUEST,
                    "path has changed, was '" + s.path() + "', now is '" + pq.path() + "'")).withSession(s));
            return;
        }
        RequestContext ctx = new RequestContext(conn, s, req, s.path(), s.query(), null, s.transport());
        boolean activating = state == ServerSessionState.PRE_PLAY;
        if (activating) {
            s.beginActivation();
        }
        Replies.resolve(s.server.callbacks().play(ctx), s.loop, reply -> {
            if (reply.statusCode() != 200 || reply.isAuthenticationFailed() || s.isClosed()) {
                if (activating) {
                    s.cancelActivation();
                }
                done.accept(Replies.outcome(conn, req, reply, s));
                return;
            }
            RtspResponse.Builder b = reply.response().toBuilder();
            if (!reply.response().headers().contains(RtspHeaderNames.RANGE)) {
                // A live stream: players (VLC, some NVRs) expect a Range in the PLAY answer.
                b.setHeader(RtspHeaderNames.RANGE, "npt=0.000-");
            }
            Outcome o = Replies.outcome(conn, req, Reply.of(b.build()), s);
            if (s.state() == ServerSessionState.PRE_PLAY) {
                String rtpInfo = rtpInfo(s, conn, url);
                if (rtpInfo != null && !reply.response().headers().contains(RtspHeaderNames.RTP_INFO)) {
                    o = Replies.outcome(conn, req, Reply.of(b.setHeader(RtspHeaderNames.RTP_INFO, rtpInfo).build()), s);
                }
                s.setState(ServerSessionState.PLAY);
                o = activation(s, conn, o, () -> s.activatePlay(conn));
            }
            done.accept(o);
        });
    }

    /**
     * When a session starts playing or recording. UDP and multicast: now, so that the client finds the session
     * active as soon as it reads the response. TCP: on the connection's loop right before the response is
     * written, so that no packet precedes the response on the connection (packets written from other threads
     * queue behind it); when the connection's loop is not the session's, right after the response instead. Direct
     * writes made by the handler meanwhile are sent after the response.
     */
    private static Outcome activation(ServerSession s, ServerConnection conn, Outcome o, Runnable activate) {
        if (!s.isTcp()) {
            activate.run();
            s.flushPendingWrites();
            return o;
        }
        if (conn.channel.eventLoop() == s.loop) {
            return o.andBefore(activate).andThen(s::flushPendingWrites);
        }
        return o.andThen(() -> s.execute(() -> {
            activate.run();
            s.flushPendingWrites();
        }));
    }

    /** Whether a URL is a track URL of {@code path} (some clients PLAY one of the SETUP URLs). */
    private static boolean isTrackOf(RtspUrl url, String path) {
        try {
            return RtspPaths.forPlaySetup(url).path().equals(path);
        } catch (RtspUrlException e) {
            return false;
        }
    }

    private static String rtpInfo(ServerSession s, ServerConnection conn, RtspUrl url) {
        StringBuilder sb = new StringBuilder();
        String origin = RequestRouter.schemeFor(conn, url.scheme() + "://" + url.authority());
        for (SessionMedia m : s.setupMediaList()) {
            if (m.streamMedia == null) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append("url=").append(origin).append(s.path()).append("/trackID=").append(m.index);
            if (m.streamMedia.formats.length == 1) {
                String params = m.streamMedia.formats[0].rtpInfoParams();
                if (params != null) {
                    sb.append(';').append(params);
                }
            }
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    // ------------------------------------------------------------------------------------------ RECORD

    static void record(ServerSession s, ServerConnection conn, RtspRequest req, RtspUrl url,
            Consumer<Outcome> done) {
        if (!s.server.supportedMethods().contains(RtspMethod.RECORD)) {
            done.accept(Outcome.of(RtspResponse.builder(RtspStatus.NOT_IMPLEMENTED).build()).withSession(s));
            return;
        }
        ServerSessionState state = s.state();
        if (state != ServerSessionState.PRE_RECORD) {
            done.accept(Outcome.of(ServerSession.wrongState(state, ServerSessionState.PRE_RECORD)).withSession(s));
            return;
        }
        if (s.setupMediaList().size() != s.announcedDescription().medias().size()) {
            done.accept(Outcome.of(RequestRouter.error(RtspStatus.BAD_REQUEST,
                    "not all announced medias have been setup")).withSession(s));
            return;
        }
        RequestContext ctx = new RequestContext(conn, s, req, s.path(), s.query(), null, s.transport());
        s.beginActivation();
        Replies.resolve(s.server.callbacks().record(ctx), s.loop, reply -> {
            if (reply.statusCode() != 200 || reply.isAuthenticationFailed() || s.isClosed()) {
                s.cancelActivation();
                done.accept(Replies.outcome(conn, req, reply, s));
                return;
            }
            s.setState(ServerSessionState.RECORD);
            done.accept(activation(s, conn, Replies.outcome(conn, req, reply, s), () -> s.activateRecord(conn)));
        });
    }

    // ------------------------------------------------------------------------------------------ PAUSE

    static void pause(ServerSession s, ServerConnection conn, RtspRequest req, RtspUrl url,
            Consumer<Outcome> done) {
        if (!s.server.supportedMethods().contains(RtspMethod.PAUSE)) {
            done.accept(Outcome.of(RtspResponse.builder(RtspStatus.NOT_IMPLEMENTED).build()).withSession(s));
            return;
        }
        ServerSessionState state = s.state();
        if (state == ServerSessionState.INITIAL) {
            done.accept(Outcome.of(ServerSession.wrongState(state, ServerSessionState.PRE_PLAY, ServerSessionState.PLAY,
                    ServerSessionState.PRE_RECORD, ServerSessionState.RECORD)).withSession(s));
            return;
        }
        RequestContext ctx = new RequestContext(conn, s, req, s.path(), s.query(), null, s.transport());
        Replies.resolve(s.server.callbacks().pause(ctx), s.loop, reply -> {
            if (reply.statusCode() == 200 && !reply.isAuthenticationFailed() && !s.isClosed()) {
                if (s.state() == ServerSessionState.PLAY) {
                    s.deactivatePlay();
                    s.setState(ServerSessionState.PRE_PLAY);
                } else if (s.state() == ServerSessionState.RECORD) {
                    s.deactivateRecord();
                    s.setState(ServerSessionState.PRE_RECORD);
                }
            }
            done.accept(Replies.outcome(conn, req, reply, s));
        });
    }

    // ------------------------------------------------------------------------------------------ parameters

    static void parameter(ServerSession s, ServerConnection conn, RtspRequest req, RtspUrl url,
            Consumer<Outcome> done) {
        RequestRouter.parameter(conn, s, req, url, done);
    }
}
