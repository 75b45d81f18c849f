package io.rtsp4j.server;

/**
 * Counters of one connection, readable at any time (also after close).
 *
 * @param inboundBytes bytes received on the connection (RTSP and interleaved media)
 * @param outboundBytes bytes sent on the connection
 */
public record ConnectionStats(long inboundBytes, long outboundBytes) {
}
