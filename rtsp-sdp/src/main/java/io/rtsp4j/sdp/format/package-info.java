/**
 * RTP payload formats: one type per codec an RTSP server meets, each with its payload type, clock rate,
 * {@code rtpmap}/{@code fmtp} in both directions and typed codec parameters.
 *
 * <p>{@link io.rtsp4j.sdp.format.MediaFormats#decode(String, int, String, String)} picks the type from
 * the media type, payload type and {@code rtpmap} encoding name; anything it does not know becomes a
 * {@link io.rtsp4j.sdp.format.GenericFormat}, which writes back its {@code rtpmap} and {@code fmtp}
 * unchanged. Two formats are equal when they have the same type, payload type, {@code rtpmap} and
 * {@code fmtp}.
 */
package io.rtsp4j.sdp.format;
