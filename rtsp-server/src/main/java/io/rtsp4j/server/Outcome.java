package io.rtsp4j.server;

import io.rtsp4j.base.RtspResponse;

/**
 * The result of processing one request, handed back to the connection that writes it.
 *
 * @param response the response (CSeq and Server are added by the connection)
 * @param session the session whose id goes into the {@code Session} header, or {@code null} for none
 * @param closeReason when not {@code null}, the connection is closed after the response, for this reason
 * @param afterWrite run on the connection's event loop right after the response was written (before any other
 *     write): this is where a TCP player starts receiving packets, so that none precedes the PLAY response
 */
record Outcome(RtspResponse response, ServerSession session, Throwable closeReason, Runnable afterWrite) {

    static Outcome of(RtspResponse response) {
        return new Outcome(response, null, null, null);
    }

    static Outcome closing(RtspResponse response, String reason) {
        return new Outcome(response, null, new RtspServerException(reason), null);
    }

    Outcome withSession(ServerSession s) {
        return new Outcome(response, s, closeReason, afterWrite);
    }

    Outcome andThen(Runnable r) {
        return new Outcome(response, session, closeReason, r);
    }
}
