package io.rtsp4j.server;

import io.rtsp4j.base.RtspRequest;
import io.rtsp4j.sdp.description.Session;

/**
 * What a handler gets with a request: the connection, the session (if any), the request, and the path and query
 * the server derived from the request URL with the rules of FFmpeg, GStreamer and VLC URL forms (for SETUP of
 * a publisher and RECORD: those of the ANNOUNCE).
 *
 * @param connection the connection the request came in on
 * @param session the session, or {@code null} for requests outside a session (DESCRIBE, OPTIONS, ...)
 * @param request the request
 * @param path the path, e.g. {@code "/mystream"} (may be empty for {@code rtsp://host:8554})
 * @param query the query without {@code ?}, or an empty string
 * @param description the announced description (ANNOUNCE only), otherwise {@code null}
 * @param transport the negotiated transport (SETUP only), otherwise {@code null}
 */
public record RequestContext(
        ServerConnection connection,
        ServerSession session,
        RtspRequest request,
        String path,
        String query,
        Session description,
        SessionTransport transport) {
}
