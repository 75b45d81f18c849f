package io.rtsp4j.server;

import io.rtsp4j.base.RtspMethod;
import io.rtsp4j.base.RtspRequest;
import io.rtsp4j.base.RtspResponse;
import java.util.Set;

/**
 * Receives a server's events and decides on its requests. Every method has a default; implement only what you
 * need. <b>Which request callbacks a handler overrides decides the protocol:</b> the {@code Public} header of
 * OPTIONS lists DESCRIBE, ANNOUNCE, SETUP, PLAY, RECORD, PAUSE and SET_PARAMETER only when the handler overrides
 * {@link #onDescribe}, {@link #onAnnounce}, ... and requests of a method the handler does not override get
 * {@code 501 Not Implemented} (GET_PARAMETER and TEARDOWN are always supported). Override
 * {@link #supportedMethods()} to decide this explicitly.
 *
 * <h2>Threads</h2>
 * <ul>
 *   <li>Connection events, {@link #onRequest}, {@link #onResponse} and {@link #onDescribe} run on the event loop
 *   of the connection.</li>
 *   <li>Session events and the session requests (ANNOUNCE, SETUP, PLAY, RECORD, PAUSE, GET_/SET_PARAMETER) run
 *   on the session's event loop (the loop of the connection that created the session).</li>
 *   <li>Packet callbacks registered on a {@link ServerSession} run on the event loop that read the packet
 *   (the TCP connection's, or the UDP socket's).</li>
 * </ul>
 * No callback may block: return {@link Reply#async} for decisions that need I/O.
 */
public interface ServerHandler {

    /**
     * A connection was accepted (before anything was read from it).
     *
     * @param connection the connection
     */
    default void onConnectionOpen(ServerConnection connection) {
    }

    /**
     * A connection was closed.
     *
     * @param connection the connection
     * @param reason why (never {@code null}; its message says what happened)
     */
    default void onConnectionClose(ServerConnection connection, Throwable reason) {
    }

    /**
     * A session was created by an ANNOUNCE or SETUP.
     *
     * @param session the session
     * @param connection the connection that created it
     */
    default void onSessionOpen(ServerSession session, ServerConnection connection) {
    }

    /**
     * A session ended. Its stats stay readable; no packet callback of it starts after this.
     *
     * @param session the session
     * @param reason why (never {@code null})
     */
    default void onSessionClose(ServerSession session, Throwable reason) {
    }

    /**
     * Every request, before it is processed (for logging).
     *
     * @param connection the connection
     * @param request the request
     */
    default void onRequest(ServerConnection connection, RtspRequest request) {
    }

    /**
     * Every response, just before it is written; may return a modified response.
     *
     * @param connection the connection
     * @param response the response
     * @return the response to write
     */
    default RtspResponse onResponse(ServerConnection connection, RtspResponse response) {
        return response;
    }

    /**
     * DESCRIBE. Return {@link Reply#ok(ServerStream)} to serve a stream (the server writes the SDP), or a
     * response with a body of your own, or an error status (e.g. {@code 404} when nothing is published).
     *
     * @param ctx the request context (no session)
     * @return the decision
     */
    default Reply onDescribe(RequestContext ctx) {
        return Reply.notImplemented();
    }

    /**
     * ANNOUNCE of a publisher, after the SDP was validated ({@code ctx.description()}).
     *
     * @param ctx the request context
     * @return the decision
     */
    default Reply onAnnounce(RequestContext ctx) {
        return Reply.notImplemented();
    }

    /**
     * SETUP, once per media. For a reader return {@link Reply#ok(ServerStream)} with the same stream for every
     * SETUP of the session; for a publisher (the session was announced) return {@link Reply#ok()}.
     *
     * @param ctx the request context ({@code ctx.transport()} is the negotiated transport)
     * @return the decision
     */
    default Reply onSetup(RequestContext ctx) {
        return Reply.notImplemented();
    }

    /**
     * PLAY. The session starts receiving the stream's packets when this returns {@code 200}.
     *
     * @param ctx the request context
     * @return the decision
     */
    default Reply onPlay(RequestContext ctx) {
        return Reply.notImplemented();
    }

    /**
     * RECORD. Register the session's packet callbacks here.
     *
     * @param ctx the request context
     * @return the decision
     */
    default Reply onRecord(RequestContext ctx) {
        return Reply.notImplemented();
    }

    /**
     * PAUSE.
     *
     * @param ctx the request context
     * @return the decision
     */
    default Reply onPause(RequestContext ctx) {
        return Reply.notImplemented();
    }

    /**
     * GET_PARAMETER, inside a session or not. Clients use it as a keep-alive: when this returns
     * {@link Reply#notImplemented()} (the default) the server answers {@code 200} with an empty
     * {@code text/parameters} body.
     *
     * @param ctx the request context (session may be {@code null})
     * @return the decision
     */
    default Reply onGetParameter(RequestContext ctx) {
        return Reply.notImplemented();
    }

    /**
     * SET_PARAMETER.
     *
     * @param ctx the request context (session may be {@code null})
     * @return the decision
     */
    default Reply onSetParameter(RequestContext ctx) {
        return Reply.notImplemented();
    }

    /**
     * RTP packets of a publisher (or of a back channel) were lost.
     *
     * @param session the session
     * @param lost how many
     */
    default void onPacketsLost(ServerSession session, long lost) {
    }

    /**
     * A packet from a client could not be decoded (bad RTP/RTCP, unknown payload type, too big, SRTP failure...).
     * The session goes on.
     *
     * @param session the session
     * @param error what was wrong
     */
    default void onDecodeError(ServerSession session, Throwable error) {
    }

    /**
     * A stream could not queue a packet for a reader that is too slow; the packet is dropped for that reader
     * only.
     *
     * @param session the reader's session
     * @param error what happened
     */
    default void onStreamWriteError(ServerSession session, Throwable error) {
    }

    /**
     * The request methods this handler supports; by default derived from which request callbacks the handler's
     * class overrides.
     *
     * @return the methods, in {@code Public} header order
     */
    default Set<RtspMethod> supportedMethods() {
        return HandlerMethods.of(getClass());
    }
}
