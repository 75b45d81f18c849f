package io.rtsp4j.examples.relay;

import io.rtsp4j.base.RtspStatus;
import io.rtsp4j.server.Reply;
import io.rtsp4j.server.RequestContext;
import io.rtsp4j.server.RtspServer;
import io.rtsp4j.server.ServerConnection;
import io.rtsp4j.server.ServerHandler;
import io.rtsp4j.server.ServerSession;
import io.rtsp4j.server.ServerSessionState;
import io.rtsp4j.server.ServerStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relay: any number of paths, one publisher per path (ANNOUNCE + RECORD), any number of readers per path
 * (DESCRIBE + SETUP + PLAY). A new publisher replaces the old one unless {@code refuseSecondPublisher}; readers of
 * an empty path get {@code 404}; readers are closed when their publisher leaves.
 */
public final class RelayHandler implements ServerHandler {

    private static final Logger LOG = LoggerFactory.getLogger(RelayHandler.class);

    private final Supplier<RtspServer> server;
    private final boolean refuseSecondPublisher;
    private final String user;
    private final String pass;
    private final Map<String, Publication> paths = new ConcurrentHashMap<>();
    private final AtomicLong writeErrors = new AtomicLong();
    private final AtomicLong lastWriteErrorLog = new AtomicLong(System.nanoTime() - 2_000_000_000L);
    private final AtomicLong suppressedWriteErrors = new AtomicLong();

    /** What is published on a path. */
    private record Publication(ServerSession publisher, ServerStream stream) {
    }

    /**
     * Creates the handler.
     *
     * @param server the server, once created (streams are created on it)
     * @param refuseSecondPublisher refuse a publisher on a path that has one, instead of replacing it
     * @param user the user required to publish and read, or {@code null} for none
     * @param pass the password
     */
    public RelayHandler(Supplier<RtspServer> server, boolean refuseSecondPublisher, String user, String pass) {
        this.server = server;
        this.refuseSecondPublisher = refuseSecondPublisher;
        this.user = user == null || user.isEmpty() ? null : user;
        this.pass = pass == null ? "" : pass;
    }

    private boolean authorized(RequestContext ctx) {
        return user == null || ctx.connection().verifyCredentials(ctx.request(), user, pass);
    }

    @Override
    public void onConnectionOpen(ServerConnection connection) {
        LOG.debug("connection opened from {}", connection.remoteAddress());
    }

    @Override
    public void onConnectionClose(ServerConnection connection, Throwable reason) {
        LOG.debug("connection from {} closed: {}", connection.remoteAddress(), reason.getMessage());
    }

    @Override
    public void onSessionClose(ServerSession session, Throwable reason) {
        LOG.info("session {} on '{}' closed: {}", session.id().substring(0, 8), session.path(), reason.getMessage());
        paths.computeIfPresent(session.path(), (p, pub) -> {
            if (pub.publisher() == session) {
                pub.stream().close();
                return null;
            }
            return pub;
        });
    }

    @Override
    public Reply onDescribe(RequestContext ctx) {
        if (!authorized(ctx)) {
            return Reply.authenticationFailed();
        }
        Publication pub = paths.get(ctx.path());
        return pub == null ? Reply.status(RtspStatus.NOT_FOUND) : Reply.ok(pub.stream());
    }

    @Override
    public Reply onAnnounce(RequestContext ctx) {
        if (!authorized(ctx)) {
            return Reply.authenticationFailed();
        }
        ServerStream stream;
        synchronized (paths) {
            Publication old = paths.get(ctx.path());
            if (old != null) {
                if (refuseSecondPublisher) {
                    return Reply.status(RtspStatus.BAD_REQUEST).thenClose();
                }
                LOG.info("path '{}': new publisher replaces the old one", ctx.path());
                paths.remove(ctx.path());
                old.stream().close();
                old.publisher().close();
            }
            try {
                stream = new ServerStream(server.get(), ctx.description());
            } catch (IllegalArgumentException e) {
                return Reply.status(RtspStatus.BAD_REQUEST);
            }
            paths.put(ctx.path(), new Publication(ctx.session(), stream));
        }
        LOG.info("path '{}': publisher {} announced {} media(s)", ctx.path(), ctx.connection().remoteAddress(),
                ctx.description().medias().size());
        return Reply.ok();
    }

    @Override
    public Reply onSetup(RequestContext ctx) {
        if (!authorized(ctx)) {
            return Reply.authenticationFailed();
        }
        if (ctx.session().state() == ServerSessionState.PRE_RECORD) {
            return Reply.ok();
        }
        Publication pub = paths.get(ctx.path());
        return pub == null ? Reply.status(RtspStatus.NOT_FOUND) : Reply.ok(pub.stream());
    }

    @Override
    public Reply onPlay(RequestContext ctx) {
        return Reply.ok();
    }

    @Override
    public Reply onRecord(RequestContext ctx) {
        Publication pub = paths.get(ctx.path());
        if (pub == null || pub.publisher() != ctx.session()) {
            return Reply.status(RtspStatus.NOT_FOUND);
        }
        ServerStream stream = pub.stream();
        ctx.session().onPacketRtpAny((media, format, packet) -> {
            try {
                stream.writeRtp(media, packet);
            } catch (RuntimeException e) {
                if (writeErrors.incrementAndGet() % 1000 == 1) {
                    LOG.warn("path '{}': packet not relayed: {}", ctx.path(), e.getMessage());
                }
            }
        });
        return Reply.ok();
    }

    @Override
    public Reply onPause(RequestContext ctx) {
        return Reply.ok();
    }

    @Override
    public void onStreamWriteError(ServerSession session, Throwable error) {
        // Once per second for the whole relay: when the relay falls behind, every reader reports (each at most
        // once per second), which would be hundreds of lines per second.
        long now = System.nanoTime();
        long last = lastWriteErrorLog.get();
        if (now - last < 1_000_000_000L || !lastWriteErrorLog.compareAndSet(last, now)) {
            suppressedWriteErrors.incrementAndGet();
            return;
        }
        long others = suppressedWriteErrors.getAndSet(0);
        LOG.warn("reader {} on '{}': {}{}", session.id().substring(0, 8), session.path(), error.getMessage(),
                others == 0 ? "" : " (and " + others + " more reports from readers in the last second)");
    }

    @Override
    public void onDecodeError(ServerSession session, Throwable error) {
        LOG.debug("session {}: {}", session.id().substring(0, 8), error.getMessage());
    }
}
