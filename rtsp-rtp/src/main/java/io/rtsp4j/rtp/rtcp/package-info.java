/**
 * RTCP packets (RFC 3550 section 6): sender and receiver reports, source descriptions, BYE, APP,
 * unknown packet types and compound packets. Decoding is bounds checked; malformed input raises
 * {@link io.rtsp4j.rtp.rtcp.RtcpDecodeException}.
 */
package io.rtsp4j.rtp.rtcp;
