/**
 * The raw SDP model: one record per line type, as the session description carries them.
 *
 * <p>{@link io.rtsp4j.sdp.SdpReader#parse(String)} reads what real devices send (LF or CRLF, blank lines,
 * missing or misplaced mandatory lines, odd origins and connections, any media type and protocol);
 * {@link io.rtsp4j.sdp.SdpWriter#write(SessionDescription)} writes CRLF lines in RFC 8866 order. Reading
 * what the writer wrote gives an equal {@link io.rtsp4j.sdp.SessionDescription}. Malformed input fails
 * with {@link io.rtsp4j.sdp.SdpParseException}, which names the line and the problem.
 */
package io.rtsp4j.sdp;
