/**
 * The RTSP server: {@link io.rtsp4j.server.RtspServer} configured by {@link io.rtsp4j.server.RtspServerConfig},
 * driven by a {@link io.rtsp4j.server.ServerHandler}, serving {@link io.rtsp4j.server.ServerStream}s to
 * {@link io.rtsp4j.server.ServerSession}s over TCP, UDP and multicast.
 */
package io.rtsp4j.server;
