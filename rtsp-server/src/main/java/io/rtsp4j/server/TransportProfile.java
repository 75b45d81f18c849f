package io.rtsp4j.server;

/** The RTP profile of a session: plain RTP or SRTP. */
public enum TransportProfile {
    /** {@code RTP/AVP}: plain RTP. */
    AVP,
    /** {@code RTP/SAVP}: SRTP keyed with MIKEY (RTSPS only). */
    SAVP
}
