package io.rtsp4j.server;

/** How a session's media travels between the server and the client. */
public enum TransportProtocol {
    /** RTP and RTCP over UDP unicast, to the client ports given in SETUP. */
    UDP,
    /** RTP and RTCP over UDP multicast, to a group the server allocates per stream media. */
    UDP_MULTICAST,
    /** RTP and RTCP interleaved in the RTSP TCP connection ({@code $} frames). */
    TCP
}
