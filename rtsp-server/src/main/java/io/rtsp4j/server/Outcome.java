package io.rtsp4j.server;

import io.rtsp4j.base.RtspResponse;

/**
 * The result of processing one request, handed back to the connection that writes it.
 *
 * @param response the response (CSeq and Server are added by the connection)
 * @param session the session whose id goes into the {@code Session} header, or {@code null} for none
 * @param closeReason when not {@code null}, the connection is closed after the response, for this reason
 * @param beforeWrite run on the connection's event loop right before the response is written: a TCP player
 *     joins its stream here, so that packets written meanwhile from other threads queue behind the response
 * @param afterWrite run on the connection's event loop right after the response was written
 */
record Outcome(RtspResponse response, ServerSession session, Throwable closeReason, Runnable beforeWrite,
        Runnable afterWrite) {

    Outcome(RtspResponse response, ServerSession session, Throwable closeReason, Runnable afterWrite) {
        this(response, session, closeReason, null, afterWrite);
    }

    static Outcome of(RtspResponse response) {
        return new Outcome(response, null, null, null, null);
    }

    static Outcome closing(RtspResponse response, String reason) {
        return new Outcome(response, null, new RtspServerException(reason), null, null);
    }

    Outcome withSession(ServerSession s) {
        return new Outcome(response, s, closeReason, beforeWrite, afterWrite);
    }

    Outcome andThen(Runnable r) {
        return new Outcome(response, session, closeReason, beforeWrite, r);
    }

    Outcome andBefore(Runnable r) {
        return new Outcome(response, session, closeReason, r, afterWrite);
    }
}
