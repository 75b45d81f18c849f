package io.rtsp4j.server;

import io.rtsp4j.base.RtspHeaderNames;
import io.rtsp4j.base.RtspMethod;
import io.rtsp4j.base.RtspRequest;
import io.rtsp4j.base.RtspResponse;
import io.rtsp4j.base.RtspStatus;
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

    static void announce(ServerSession s, ServerConnection conn, RtspRequest req, Consumer<Outcome> done) {
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
        UrlRules.PathQuery pq = UrlRules.announcePathAndQuery(req.uri());
        RequestContext ctx = new RequestContext(conn, s, req, pq.path(), pq.query(), description, null);
        Replies.resolve(s.server.callbacks().announce(ctx), s.loop, reply -> {
            if (reply.statusCode() == 200 && !reply.isAuthenticationFailed()) {
                s.setState(ServerSessionState.PRE_RECORD);
                s.setPathAndQuery(pq.path(), pq.query());
                s.setAnnounced(description);
                s.announceUri = req.uri();
            }
            // No Session header in the ANNOUNCE answer: some clients reject it there (mediamtx#840).
            done.accept(Replies.outcome(conn, req, reply, null));
        });
    }

    // ------------------------------------------------------------------------------------------ SETUP

    static void setup(ServerSession s, ServerConnection conn, RtspRequest req, Consumer<Outcome> done) {
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
        boolean record = state == ServerSessionState.PRE_RECORD;
        List<String> th = req.headers().getAll(RtspHeaderNames.TRANSPORT);
        List<TransportSpec> alternatives;
        try {
            if (th.size() != 1) {
                throw new IllegalArgumentException(th.isEmpty() ? "Transport header is missing"
                        : "Transport header must be given once");
            }
            alternatives = TransportSpec.parseList(th.get(0));
        } catch (IllegalArgumentException e) {
            done.accept(Outcome.of(RequestRouter.error(RtspStatus.BAD_REQUEST,
                    "invalid transport header: " + e.getMessage())));
            return;
        }
        TransportSpec chosen = null;
        for (TransportSpec t : alternatives) {
            if (supported(server, conn, t, record)) {
                chosen = t;
                break;
            }
        }
        if (chosen == null) {
            done.accept(Outcome.of(RtspResponse.builder(RtspStatus.UNSUPPORTED_TRANSPORT).build()).withSession(
                    state == ServerSessionState.INITIAL ? null : s));
            return;
        }
        if (record ? !"record".equals(chosen.mode) : "record".equals(chosen.mode)) {
            done.accept(Outcome.of(RequestRouter.error(RtspStatus.BAD_REQUEST,
                    "transport header contains a invalid mode (" + chosen.mode + ")")));
            return;
        }
        SessionTransport previous = s.transport();
        if (previous != null && (previous.protocol() != chosen.protocol || previous.profile() != chosen.profile)) {
            done.accept(Outcome.of(RequestRouter.error(RtspStatus.BAD_REQUEST,
                    "can't setup medias with different transports")).withSession(s));
            return;
        }
        if (chosen.protocol == TransportProtocol.UDP && chosen.clientPorts == null) {
            done.accept(Outcome.of(RequestRouter.error(RtspStatus.BAD_REQUEST,
                    "transport header does not contain client ports")));
            return;
        }
        int[] channels = null;
        if (chosen.protocol == TransportProtocol.TCP) {
            channels = chosen.interleaved;
            if (channels != null) {
                if (channels[1] != channels[0] + 1) {
                    done.accept(Outcome.of(RequestRouter.error(RtspStatus.BAD_REQUEST, "invalid interleaved IDs")));
                    return;
                }
                if (channelInUse(s, channels[0]) || channelInUse(s, channels[1])) {
                    done.accept(Outcome.of(RequestRouter.error(RtspStatus.BAD_REQUEST, "interleaved IDs are in use")));
                    return;
                }
            } else {
                // Some TCP clients send no interleaved=: pick the first free even pair (mediamtx#1650).
                int c = 0;
                while (channelInUse(s, c) || channelInUse(s, c + 1)) {
                    c += 2;
                }
                channels = new int[] {c, c + 1};
            }
        }

        String path;
        String query;
        int index;
        if (record) {
            List<String> controls = new ArrayList<>();
            for (Media m : s.announcedDescription().medias()) {
                controls.add(StreamDescriptions.control(m));
            }
            index = UrlRules.findAnnouncedMedia(controls, s.announceUri, req.uri());
            if (index < 0) {
                done.accept(Outcome.of(RequestRouter.error(RtspStatus.BAD_REQUEST, "media not found")).withSession(s));
                return;
            }
            path = s.path();
            query = s.query();
        } else {
            UrlRules.SetupTarget target = UrlRules.setupTarget(req.uri());
            if (target == null) {
                done.accept(Outcome.of(RequestRouter.error(RtspStatus.BAD_REQUEST,
                        "invalid SETUP path. This typically happens when VLC fails a request, and then switches to an"
                                + " unsupported RTSP dialect")));
                return;
            }
            if (state == ServerSessionState.PRE_PLAY && !target.path().equals(s.path())) {
                done.accept(Outcome.of(RequestRouter.error(RtspStatus.BAD_REQUEST,
                        "can't setup medias with different paths")).withSession(s));
                return;
            }
            path = target.path();
            query = target.query();
            index = target.trackId();
        }
        for (SessionMedia m : s.setupMediaList()) {
            if (m.index == index) {
                done.accept(Outcome.of(RequestRouter.error(RtspStatus.BAD_REQUEST, "media has already been setup"))
                        .withSession(s));
                return;
            }
        }

        SessionTransport transport = new SessionTransport(chosen.protocol, chosen.profile);
        RequestContext ctx = new RequestContext(conn, s, req, path, query, null, transport);
        TransportSpec spec = chosen;
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
                if (spec.protocol == TransportProtocol.UDP) {
                    InetSocketAddress rtp = new InetSocketAddress(conn.remoteIp(), spec.clientPorts[0]);
                    for (ServerSession other : server.sessionsOf(stream)) {
                        if (other != s && other.authorIp() != null && other.authorIp().equals(s.authorIp())) {
                            for (SessionMedia om : other.setupMediaList()) {
                                if (om.clientRtp != null && om.clientRtp.getPort() == rtp.getPort()) {
                                    done.accept(Outcome.of(RequestRouter.error(RtspStatus.BAD_REQUEST, "UDP ports "
                                            + spec.clientPorts[0] + " and " + spec.clientPorts[1]
                                            + " are already assigned to another reader with the same IP")));
                                    return;
                                }
                            }
                        }
                    }
                }
                boolean backChannel = StreamDescriptions.isBackChannel(sm.media);
                media = new SessionMedia(sm.media, index, sm, backChannel);
                s.setStream(stream);
                server.sessionUsesStream(s, stream);
            }
            switch (spec.protocol) {
                case UDP -> {
                    media.clientRtp = new InetSocketAddress(conn.remoteIp(), spec.clientPorts[0]);
                    media.clientRtcp = new InetSocketAddress(conn.remoteIp(), spec.clientPorts[1]);
                }
                case TCP -> media.rtpChannel = ch[0];
                case UDP_MULTICAST -> media.multicast = media.streamMedia.acquireMulticast();
                default -> throw new IllegalStateException();
            }
            s.addSetupMedia(media);
            s.setTransport(transport);
            if (s.state() == ServerSessionState.INITIAL) {
                s.setState(ServerSessionState.PRE_PLAY);
                s.setPathAndQuery(path, query);
            }
            RtspResponse.Builder b = reply.response().toBuilder()
                    .setHeader(RtspHeaderNames.TRANSPORT, answerTransport(server, spec, media, ch, record));
            done.accept(Replies.outcome(conn, req, Reply.of(b.build()), s));
        });
    }

    private static boolean supported(RtspServer server, ServerConnection conn, TransportSpec t, boolean record) {
        boolean secure = conn.isSecure();
        if (t.profile == TransportProfile.SAVP) {
            // SRTP keys travel in clear inside MIKEY: only over TLS (and SRTP needs the rtsp-srtp integration).
            return false;
        }
        switch (t.protocol) {
            case UDP:
                return server.config().udpEnabled() && conn.tunnel() == Tunnel.NONE && !secure;
            case UDP_MULTICAST:
                return !record && server.config().multicastEnabled() && conn.tunnel() == Tunnel.NONE && !secure;
            case TCP:
                return true;
            default:
                return false;
        }
    }

    private static boolean channelInUse(ServerSession s, int channel) {
        for (SessionMedia m : s.setupMediaList()) {
            if (m.isRtpChannel(channel) || m.isRtcpChannel(channel)) {
                return true;
            }
        }
        return false;
    }

    private static String answerTransport(RtspServer server, TransportSpec spec, SessionMedia media, int[] ch,
            boolean record) {
        StringBuilder sb = new StringBuilder(TransportSpec.profileToken(spec.protocol, spec.profile));
        switch (spec.protocol) {
            case UDP -> sb.append(";unicast;client_port=").append(spec.clientPorts[0]).append('-')
                    .append(spec.clientPorts[1]).append(";server_port=").append(server.udp().rtpAddress().getPort())
                    .append('-').append(server.udp().rtcpAddress().getPort());
            case UDP_MULTICAST -> sb.append(";multicast;destination=").append(media.multicast.group().getHostAddress())
                    .append(";port=").append(media.multicast.rtpPort()).append('-').append(media.multicast.rtcpPort())
                    .append(";ttl=").append(server.config().multicastTtl());
            case TCP -> sb.append(";unicast;interleaved=").append(ch[0]).append('-').append(ch[1]);
            default -> throw new IllegalStateException();
        }
        if (!record && media.streamMedia != null && media.streamMedia.formats.length == 1) {
            // One SSRC per Transport header: only when the media has a single format.
            sb.append(";ssrc=").append(String.format("%08X", media.streamMedia.formats[0].localSsrc));
        }
        if (record) {
            sb.append(";mode=record");
        }
        return sb.toString();
    }

    // ------------------------------------------------------------------------------------------ PLAY

    static void play(ServerSession s, ServerConnection conn, RtspRequest req, Consumer<Outcome> done) {
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
        UrlRules.PathQuery pq = UrlRules.pathAndQuery(req.uri());
        if (state == ServerSessionState.PRE_PLAY && !pq.path().equals(s.path())
                && !UrlRules.setupTargetPathMatches(req.uri(), s.path())) {
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
                String rtpInfo = rtpInfo(s, req.uri());
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

    private static String rtpInfo(ServerSession s, String uri) {
        StringBuilder sb = new StringBuilder();
        String origin = UrlRules.origin(uri);
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

    static void record(ServerSession s, ServerConnection conn, RtspRequest req, Consumer<Outcome> done) {
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

    static void pause(ServerSession s, ServerConnection conn, RtspRequest req, Consumer<Outcome> done) {
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

    static void parameter(ServerSession s, ServerConnection conn, RtspRequest req, Consumer<Outcome> done) {
        RequestRouter.parameter(conn, s, req, done);
    }
}
