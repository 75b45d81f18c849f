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
import io.rtsp4j.base.headers.SessionHeader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Connection-level request processing: the generic checks every request passes, the requests that need no
 * session (OPTIONS, DESCRIBE, GET_/SET_PARAMETER outside a session) and the routing of session requests to
 * their session (found by {@code Session} header or by the connection's binding, or created).
 */
final class RequestRouter {

    private RequestRouter() {
    }

    /**
     * The checks that end a request before routing: CSeq, {@code *} URL, URL syntax.
     *
     * @return an outcome when the request is refused, {@code null} to go on
     */
    static Outcome check(ServerConnection conn, RtspRequest request) {
        List<String> cseq = request.headers().getAll(RtspHeaderNames.CSEQ);
        if (cseq.size() != 1) {
            // Without a CSeq the client cannot match the answer: gortsplib and RFC 2326 both close here.
            return Outcome.closing(RtspResponse.builder(RtspStatus.BAD_REQUEST).build(), "CSeq is missing");
        }
        if ("*".equals(request.uri())) {
            if (!request.method().equals(RtspMethod.OPTIONS)) {
                // gortsplib closes here; like any other bad URL the client can retry with a real one.
                return Outcome.of(error(RtspStatus.BAD_REQUEST, "invalid path: '*' is only valid for OPTIONS"));
            }
            return null;
        }
        try {
            RtspUrl.parse(request.uri());
        } catch (RtspUrlException e) {
            // The client can fix its URL and retry on the same connection.
            return Outcome.of(error(RtspStatus.BAD_REQUEST, "invalid URL '" + request.uri() + "': " + e.getMessage()));
        }
        List<String> session = request.headers().getAll(RtspHeaderNames.SESSION);
        if (!session.isEmpty()) {
            try {
                SessionHeader.parse(session);
            } catch (HeaderParseException e) {
                return Outcome.of(error(RtspStatus.BAD_REQUEST, "invalid Session header: " + e.getMessage()));
            }
        }
        return null;
    }

    /** Processes a request that passed {@link #check}; {@code done} may be called on any thread. */
    static void route(ServerConnection conn, RtspRequest request, Consumer<Outcome> done) {
        RtspServer server = conn.server;
        RtspMethod method = request.method();
        Set<RtspMethod> supported = server.supportedMethods();
        RtspUrl url = parsedUrl(request);
        String sessionId = sessionId(request);

        if (method.equals(RtspMethod.OPTIONS)) {
            RtspResponse.Builder ok = RtspResponse.builder(RtspStatus.OK)
                    .header(RtspHeaderNames.PUBLIC, publicHeader(supported));
            if (sessionId != null) {
                ServerSession s = server.session(sessionId);
                if (s == null) {
                    done.accept(Outcome.of(error(RtspStatus.SESSION_NOT_FOUND, "session not found")));
                    return;
                }
                // OPTIONS with a Session header is a keep-alive (VLC, FFmpeg).
                s.touchRequest();
                done.accept(Outcome.of(ok.build()).withSession(s));
                return;
            }
            done.accept(Outcome.of(ok.build()));
            return;
        }

        if (method.equals(RtspMethod.DESCRIBE)) {
            if (!supported.contains(method)) {
                done.accept(Outcome.of(RtspResponse.builder(RtspStatus.NOT_IMPLEMENTED).build()));
                return;
            }
            RequestContext ctx = requestContext(conn, null, request, url);
            Replies.resolve(server.callbacks().describe(ctx), conn.channel.eventLoop(),
                    reply -> done.accept(describeOutcome(conn, request, url, reply)));
            return;
        }

        boolean parameter = method.equals(RtspMethod.GET_PARAMETER) || method.equals(RtspMethod.SET_PARAMETER);
        if (!parameter && !ServerConnection.isSessionMethod(method)) {
            done.accept(Outcome.of(RtspResponse.builder(RtspStatus.NOT_IMPLEMENTED).build()));
            return;
        }

        ServerSession bound = conn.session();
        ServerSession session;
        if (sessionId != null) {
            if (bound != null && !bound.id().equals(sessionId)) {
                done.accept(Outcome.closing(error(RtspStatus.BAD_REQUEST, "connection is linked to another session"),
                        "connection is linked to another session"));
                return;
            }
            session = server.session(sessionId);
            if (session == null) {
                if (method.equals(RtspMethod.SETUP) || method.equals(RtspMethod.ANNOUNCE)) {
                    // A SETUP with an id we do not know (e.g. after a server restart) starts afresh, as in gortsplib.
                    session = null;
                } else {
                    done.accept(Outcome.of(error(RtspStatus.SESSION_NOT_FOUND, "session not found")));
                    return;
                }
            } else {
                if (!session.authorIpMatches(conn)) {
                    done.accept(Outcome.closing(
                            error(RtspStatus.BAD_REQUEST, "cannot use a session created with a different IP"),
                            "cannot use a session created with a different IP"));
                    return;
                }
                if (session.isPinnedToOtherConnection(conn)) {
                    done.accept(Outcome.closing(
                            error(RtspStatus.BAD_REQUEST, "session is linked to another connection"),
                            "session is linked to another connection"));
                    return;
                }
            }
        } else {
            // Clients do not have the id before the first SETUP answer, and some omit it afterwards on the same
            // connection: the connection's binding identifies the session then.
            session = bound;
        }

        if (session == null) {
            if (parameter) {
                parameter(conn, null, request, url, done);
                return;
            }
            if (method.equals(RtspMethod.PLAY) || method.equals(RtspMethod.RECORD) || method.equals(RtspMethod.PAUSE)
                    || method.equals(RtspMethod.TEARDOWN)) {
                done.accept(Outcome.of(error(RtspStatus.SESSION_NOT_FOUND, "session not found")));
                return;
            }
            // ANNOUNCE or SETUP: a new session.
            if (!supported.contains(method)) {
                done.accept(Outcome.of(RtspResponse.builder(RtspStatus.NOT_IMPLEMENTED).build()));
                return;
            }
            session = server.createSession(conn);
            if (session == null) {
                done.accept(Outcome.closing(error(RtspStatus.SERVICE_UNAVAILABLE, "too many sessions"),
                        "too many sessions"));
                return;
            }
        }
        ServerSession target = session;
        target.execute(() -> target.handle(conn, request, url, done));
    }

    /** The URL of a request that passed {@link #check}, {@code null} for {@code *}. */
    private static RtspUrl parsedUrl(RtspRequest request) {
        if ("*".equals(request.uri())) {
            return null;
        }
        try {
            return RtspUrl.parse(request.uri());
        } catch (RtspUrlException e) {
            throw new IllegalStateException("checked before", e);
        }
    }

    /** The session id of a request that passed {@link #check} (without {@code ;timeout=}), or {@code null}. */
    private static String sessionId(RtspRequest request) {
        List<String> values = request.headers().getAll(RtspHeaderNames.SESSION);
        if (values.isEmpty()) {
            return null;
        }
        try {
            return SessionHeader.parse(values).id();
        } catch (HeaderParseException e) {
            throw new IllegalStateException("checked before", e);
        }
    }

    static RequestContext requestContext(ServerConnection conn, ServerSession session, RtspRequest request,
            RtspUrl url) {
        RtspPaths.PathAndQuery pq = url == null ? new RtspPaths.PathAndQuery("", "") : RtspPaths.forRequest(url);
        return new RequestContext(conn, session, request, pq.path(), pq.query(), null,
                session == null ? null : session.transport());
    }

    /**
     * GET_PARAMETER and SET_PARAMETER, inside a session or not. GET_PARAMETER is the keep-alive of most clients:
     * when the handler does not implement it ({@link Reply#notImplemented()}, the default) it is answered
     * {@code 200} with an empty {@code text/parameters} body.
     */
    static void parameter(ServerConnection conn, ServerSession session, RtspRequest request, RtspUrl url,
            Consumer<Outcome> done) {
        RtspServer server = conn.server;
        boolean get = request.method().equals(RtspMethod.GET_PARAMETER);
        if (!get && !server.supportedMethods().contains(RtspMethod.SET_PARAMETER)) {
            done.accept(Outcome.of(RtspResponse.builder(RtspStatus.NOT_IMPLEMENTED).build()).withSession(session));
            return;
        }
        RequestContext ctx = requestContext(conn, session, request, url);
        Reply r = get ? server.callbacks().getParameter(ctx) : server.callbacks().setParameter(ctx);
        Replies.resolve(r, session != null ? session.loop : conn.channel.eventLoop(), reply -> {
            if (get && reply == Reply.notImplemented()) {
                done.accept(Outcome.of(emptyParameters()).withSession(session));
                return;
            }
            done.accept(Replies.outcome(conn, request, reply, session));
        });
    }

    static RtspResponse emptyParameters() {
        return RtspResponse.builder(RtspStatus.OK).header(RtspHeaderNames.CONTENT_TYPE, "text/parameters").build();
    }

    private static Outcome describeOutcome(ServerConnection conn, RtspRequest request, RtspUrl url, Reply reply) {
        Outcome base = Replies.outcome(conn, request, reply, null);
        if (reply.statusCode() != 200 || base.closeReason() != null) {
            return base;
        }
        RtspResponse response = base.response();
        ServerStream stream = reply.stream();
        if (stream == null) {
            if (response.body().length == 0) {
                return Outcome.closing(error(RtspStatus.INTERNAL_SERVER_ERROR,
                        "DESCRIBE handler returned 200 without a stream or a body"), "handler error");
            }
            return base;
        }
        byte[] sdp;
        try {
            boolean backChannels = request.headers().getAll(RtspHeaderNames.REQUIRE).stream()
                    .anyMatch(v -> v.toLowerCase().contains("www.onvif.org/ver20/backchannel"));
            boolean vlcMulticast = RtspPaths.forRequest(url).query().contains("vlcmulticast");
            sdp = stream.describeSdp(vlcMulticast, backChannels, conn.isSecure()).getBytes(StandardCharsets.UTF_8);
        } catch (RuntimeException e) {
            return Outcome.closing(error(RtspStatus.INTERNAL_SERVER_ERROR, "cannot generate SDP: " + e.getMessage()),
                    "cannot generate SDP: " + e.getMessage());
        }
        RtspResponse.Builder b = response.toBuilder()
                // The request URL and a slash: FFmpeg and GStreamer resolve trackID=N against it.
                .setHeader(RtspHeaderNames.CONTENT_BASE, contentBase(conn, request.uri()))
                .setHeader(RtspHeaderNames.CONTENT_TYPE, "application/sdp")
                .body(sdp);
        return new Outcome(b.build(), null, null, null);
    }

    /**
     * The request URL and a slash (FFmpeg and GStreamer resolve {@code trackID=N} against it), with the
     * {@code rtsps} scheme on a TLS connection even when the client wrote {@code rtsp://}: URLs the server hands
     * out must lead back to TLS.
     */
    static String contentBase(ServerConnection conn, String uri) {
        String u = schemeFor(conn, uri);
        return u.endsWith("/") ? u : u + "/";
    }

    /** {@code uri} with its scheme made {@code rtsps} on a TLS connection; unchanged otherwise. */
    static String schemeFor(ServerConnection conn, String uri) {
        if (conn.isSecure() && uri.regionMatches(true, 0, "rtsp://", 0, 7)) {
            return "rtsps://" + uri.substring(7);
        }
        return uri;
    }

    static String publicHeader(Set<RtspMethod> supported) {
        return supported.stream().map(RtspMethod::name).collect(Collectors.joining(", "));
    }

    /** An error response whose body says why, as text (shown by curl-like tools, ignored by players). */
    static RtspResponse error(RtspStatus status, String why) {
        return RtspResponse.builder(status)
                .header(RtspHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8")
                .body((why + "\n").getBytes(StandardCharsets.UTF_8))
                .build();
    }
}
