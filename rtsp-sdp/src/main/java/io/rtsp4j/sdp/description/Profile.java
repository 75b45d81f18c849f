package io.rtsp4j.sdp.description;

/** The RTP profile of a media: plain RTP or SRTP. */
public enum Profile {
    /** {@code RTP/AVP} (RFC 3551). */
    AVP,
    /** {@code RTP/SAVP} (RFC 3711): SRTP, keys exchanged with MIKEY ({@code a=key-mgmt}). */
    SAVP
}
