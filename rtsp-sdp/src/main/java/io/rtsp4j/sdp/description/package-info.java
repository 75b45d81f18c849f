/**
 * The interpreted stream description of RTSP: a {@link io.rtsp4j.sdp.description.Session} of
 * {@link io.rtsp4j.sdp.description.Media}s, each with its {@link io.rtsp4j.sdp.format.MediaFormat}s.
 *
 * <p>{@link io.rtsp4j.sdp.description.Session#parse(String)} reads the SDP of a DESCRIBE response or an
 * ANNOUNCE request; {@link io.rtsp4j.sdp.description.Session#toSdp()} writes the canonical SDP a server
 * answers DESCRIBE with. Both types are immutable; their builders make modified copies (for example to
 * set {@code a=control:trackID=N}).
 */
package io.rtsp4j.sdp.description;
