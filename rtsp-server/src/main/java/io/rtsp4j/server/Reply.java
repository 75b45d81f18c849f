package io.rtsp4j.server;

import io.rtsp4j.base.RtspResponse;
import io.rtsp4j.base.RtspStatus;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

/**
 * A handler's decision on a request: a status or a whole response, for DESCRIBE and SETUP of readers also the
 * stream to serve, and optionally "close the connection after answering". A decision that needs a lookup can be
 * returned as {@link #async(CompletionStage)} so that the handler never blocks an event loop.
 *
 * <pre>{@code
 * public Reply onDescribe(RequestContext ctx) {
 *     ServerStream stream = streams.get(ctx.path());
 *     return stream == null ? Reply.status(RtspStatus.NOT_FOUND) : Reply.ok(stream);
 * }
 * }</pre>
 *
 * <p>The server adds {@code CSeq}, {@code Server}, {@code Session} and, for DESCRIBE with a stream, the SDP body,
 * {@code Content-Base} and {@code Content-Type} itself.
 */
public final class Reply {

    private static final Reply OK = new Reply(RtspResponse.builder(RtspStatus.OK).build(), null, false, false, null);
    private static final Reply NOT_IMPLEMENTED =
            new Reply(RtspResponse.builder(RtspStatus.NOT_IMPLEMENTED).build(), null, false, false, null);
    private static final Reply AUTH_FAILED =
            new Reply(RtspResponse.builder(RtspStatus.UNAUTHORIZED).build(), null, false, true, null);

    private final RtspResponse response;
    private final ServerStream stream;
    private final boolean closeAfter;
    private final boolean authenticationFailed;
    private final CompletionStage<Reply> pending;

    private Reply(RtspResponse response, ServerStream stream, boolean closeAfter, boolean authFailed,
            CompletionStage<Reply> pending) {
        this.response = response;
        this.stream = stream;
        this.closeAfter = closeAfter;
        this.authenticationFailed = authFailed;
        this.pending = pending;
    }

    /**
     * {@code 200 OK}.
     *
     * @return the reply
     */
    public static Reply ok() {
        return OK;
    }

    /**
     * {@code 200 OK} serving a stream (DESCRIBE and SETUP of readers).
     *
     * @param stream the stream
     * @return the reply
     */
    public static Reply ok(ServerStream stream) {
        return new Reply(OK.response, Objects.requireNonNull(stream, "stream"), false, false, null);
    }

    /**
     * A bare status, e.g. {@code Reply.status(RtspStatus.NOT_FOUND)}.
     *
     * @param status the status
     * @return the reply
     */
    public static Reply status(RtspStatus status) {
        return new Reply(RtspResponse.builder(status).build(), null, false, false, null);
    }

    /**
     * A whole response chosen by the handler (extra headers, or a DESCRIBE body served verbatim without a
     * stream).
     *
     * @param response the response
     * @return the reply
     */
    public static Reply of(RtspResponse response) {
        return new Reply(Objects.requireNonNull(response, "response"), null, false, false, null);
    }

    /**
     * The answer when {@link ServerConnection#verifyCredentials} returned false. The server turns it into a
     * {@code 401} with {@code WWW-Authenticate} challenges when the request carried no usable credentials or a
     * stale nonce (the connection stays open so that the client can retry), and into a {@code 401} followed by
     * closing the connection when the credentials were wrong.
     *
     * @return the reply
     */
    public static Reply authenticationFailed() {
        return AUTH_FAILED;
    }

    /**
     * {@code 501 Not Implemented}.
     *
     * @return the reply
     */
    public static Reply notImplemented() {
        return NOT_IMPLEMENTED;
    }

    /**
     * A decision that completes later, on any thread. The server processes nothing else from that connection
     * until it completes. A failed stage answers {@code 500} and closes the connection.
     *
     * @param stage the future decision
     * @return the reply
     */
    public static Reply async(CompletionStage<Reply> stage) {
        return new Reply(null, null, false, false, Objects.requireNonNull(stage, "stage"));
    }

    /**
     * The same reply, with the connection closed after the response is written.
     *
     * @return the reply
     */
    public Reply thenClose() {
        if (pending != null) {
            return async(pending.thenApply(Reply::thenClose));
        }
        return new Reply(response, stream, true, authenticationFailed, null);
    }

    /**
     * The same reply serving a stream.
     *
     * @param stream the stream
     * @return the reply
     */
    public Reply withStream(ServerStream stream) {
        if (pending != null) {
            return async(pending.thenApply(r -> r.withStream(stream)));
        }
        return new Reply(response, stream, closeAfter, authenticationFailed, null);
    }

    /** @return the response, or {@code null} for an async reply */
    public RtspResponse response() {
        return response;
    }

    /** @return the status code, or 0 for an async reply */
    public int statusCode() {
        return response == null ? 0 : response.status().code();
    }

    /** @return the stream, or {@code null} */
    public ServerStream stream() {
        return stream;
    }

    /** @return whether the connection is closed after answering */
    public boolean closeAfter() {
        return closeAfter;
    }

    /** @return whether this is {@link #authenticationFailed()} */
    public boolean isAuthenticationFailed() {
        return authenticationFailed;
    }

    /** @return the pending decision of an async reply, or {@code null} */
    public CompletionStage<Reply> pending() {
        return pending;
    }

    @Override
    public String toString() {
        return pending != null ? "Reply(async)" : "Reply(" + response.status().code() + (stream != null ? ", stream" : "")
                + (closeAfter ? ", close" : "") + ")";
    }
}
