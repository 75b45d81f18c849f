package io.rtsp4j.server;

import io.netty.util.concurrent.EventExecutor;
import io.rtsp4j.base.RtspHeaderNames;
import io.rtsp4j.base.RtspRequest;
import io.rtsp4j.base.RtspResponse;
import io.rtsp4j.base.RtspStatus;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns handler {@link Reply replies} (possibly asynchronous) into outcomes. */
final class Replies {

    private static final Logger LOG = LoggerFactory.getLogger(Replies.class);

    private Replies() {
    }

    /**
     * Calls {@code then} with the final reply: at once for a direct reply, on {@code loop} when an async reply
     * completes. A failed or {@code null} reply becomes {@code 500} and closes the connection.
     */
    static void resolve(Reply reply, EventExecutor loop, Consumer<Reply> then) {
        if (reply == null) {
            then.accept(Reply.status(RtspStatus.INTERNAL_SERVER_ERROR).thenClose());
            return;
        }
        if (reply.pending() == null) {
            then.accept(reply);
            return;
        }
        reply.pending().whenComplete((r, error) -> {
            Reply next;
            if (error != null) {
                LOG.warn("handler failed: {}", error.toString(), error);
                next = Reply.status(RtspStatus.INTERNAL_SERVER_ERROR).thenClose();
            } else {
                next = r;
            }
            if (loop.inEventLoop()) {
                resolve(next, loop, then);
            } else {
                loop.execute(() -> resolve(next, loop, then));
            }
        });
    }

    /**
     * The outcome of a resolved reply: authentication failures become a challenge (connection kept) or a refusal
     * (connection closed), {@link Reply#thenClose()} closes.
     */
    static Outcome outcome(ServerConnection conn, RtspRequest request, Reply reply, ServerSession session) {
        if (reply.isAuthenticationFailed()) {
            ConnectionAuth.Failure failure = conn.auth.lastFailure();
            if (failure == ConnectionAuth.Failure.WRONG_CREDENTIALS) {
                // Wrong credentials: refuse without a new challenge and close, as gortsplib and most cameras do.
                return Outcome.closing(RtspResponse.builder(RtspStatus.UNAUTHORIZED).build(), "authentication error");
            }
            RtspResponse.Builder b = RtspResponse.builder(RtspStatus.UNAUTHORIZED);
            for (String challenge : conn.auth.challenges(failure == ConnectionAuth.Failure.STALE)) {
                b.header(RtspHeaderNames.WWW_AUTHENTICATE, challenge);
            }
            return Outcome.of(b.build());
        }
        Outcome o = Outcome.of(reply.response()).withSession(session);
        if (reply.closeAfter()) {
            o = new Outcome(o.response(), o.session(), new RtspServerException("closed by the handler"), null);
        }
        return o;
    }
}
