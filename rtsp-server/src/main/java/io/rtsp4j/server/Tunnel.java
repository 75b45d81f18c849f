package io.rtsp4j.server;

/** The tunnel an RTSP connection arrived through. */
public enum Tunnel {
    /** Plain RTSP over TCP (or TLS). */
    NONE,
    /** RTSP over HTTP (the QuickTime GET/POST tunnel). */
    HTTP,
    /** RTSP over WebSocket (ONVIF, subprotocol {@code rtsp.onvif.org}). */
    WEBSOCKET
}
