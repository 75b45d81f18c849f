package io.rtsp4j.server;

import io.rtsp4j.base.RtspRequest;
import io.rtsp4j.base.RtspResponse;
import io.rtsp4j.base.RtspStatus;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls the user's handler so that an exception in it never breaks the server: event callbacks are logged,
 * decisions become {@code 500} and close the connection.
 */
final class ServerCallbacks {

    private static final Logger LOG = LoggerFactory.getLogger(ServerCallbacks.class);

    private final ServerHandler h;

    ServerCallbacks(ServerHandler handler) {
        this.h = handler;
    }

    void connectionOpen(ServerConnection c) {
        run("onConnectionOpen", () -> h.onConnectionOpen(c));
    }

    void connectionClose(ServerConnection c, Throwable reason) {
        run("onConnectionClose", () -> h.onConnectionClose(c, reason));
    }

    void sessionOpen(ServerSession s, ServerConnection c) {
        run("onSessionOpen", () -> h.onSessionOpen(s, c));
    }

    void sessionClose(ServerSession s, Throwable reason) {
        run("onSessionClose", () -> h.onSessionClose(s, reason));
    }

    void request(ServerConnection c, RtspRequest r) {
        run("onRequest", () -> h.onRequest(c, r));
    }

    RtspResponse response(ServerConnection c, RtspResponse r) {
        try {
            RtspResponse out = h.onResponse(c, r);
            return out != null ? out : r;
        } catch (RuntimeException e) {
            LOG.warn("handler onResponse failed: {}", e.toString(), e);
            return r;
        }
    }

    Reply describe(RequestContext ctx) {
        return decide("onDescribe", () -> h.onDescribe(ctx));
    }

    Reply announce(RequestContext ctx) {
        return decide("onAnnounce", () -> h.onAnnounce(ctx));
    }

    Reply setup(RequestContext ctx) {
        return decide("onSetup", () -> h.onSetup(ctx));
    }

    Reply play(RequestContext ctx) {
        return decide("onPlay", () -> h.onPlay(ctx));
    }

    Reply record(RequestContext ctx) {
        return decide("onRecord", () -> h.onRecord(ctx));
    }

    Reply pause(RequestContext ctx) {
        return decide("onPause", () -> h.onPause(ctx));
    }

    Reply getParameter(RequestContext ctx) {
        return decide("onGetParameter", () -> h.onGetParameter(ctx));
    }

    Reply setParameter(RequestContext ctx) {
        return decide("onSetParameter", () -> h.onSetParameter(ctx));
    }

    void packetsLost(ServerSession s, long lost) {
        run("onPacketsLost", () -> h.onPacketsLost(s, lost));
    }

    void decodeError(ServerSession s, Throwable error) {
        run("onDecodeError", () -> h.onDecodeError(s, error));
    }

    void streamWriteError(ServerSession s, Throwable error) {
        run("onStreamWriteError", () -> h.onStreamWriteError(s, error));
    }

    private static void run(String name, Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            LOG.warn("handler {} failed: {}", name, e.toString(), e);
        }
    }

    private static Reply decide(String name, Supplier<Reply> s) {
        try {
            Reply r = s.get();
            return r != null ? r : Reply.status(RtspStatus.INTERNAL_SERVER_ERROR).thenClose();
        } catch (RuntimeException e) {
            LOG.warn("handler {} failed: {}", name, e.toString(), e);
            return Reply.status(RtspStatus.INTERNAL_SERVER_ERROR).thenClose();
        }
    }
}
