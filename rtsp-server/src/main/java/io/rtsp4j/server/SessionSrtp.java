package io.rtsp4j.server;

import io.netty.buffer.ByteBuf;
import io.rtsp4j.srtp.SrtpContext;
import io.rtsp4j.srtp.SrtpResult;

/**
 * The SRTP state of one media a session set up with {@code RTP/SAVP}: the context that unprotects what the client
 * sends (keyed by the client's {@code KeyMgmt} in SETUP) and the protector of what the server sends to it.
 *
 * <p>For a reader the outbound protector is the stream media's (one key per stream media, shared by every secure
 * reader); for a publisher it is the session's own (a fresh key returned in the SETUP answer, for the receiver
 * reports and firewall packets the server sends). Inbound packets that fail (authentication, replay, a second
 * SSRC) are reported as decode errors and dropped; they never close the session.
 *
 * <p>RTP and RTCP may arrive on different threads (two UDP sockets): the inbound context is used under this
 * object's monitor.
 */
final class SessionSrtp {

    /** The client's key, or {@code null} when a reader sent none (its RTCP is then dropped). */
    private final SrtpContext inbound;
    /** What the server sends to this client. */
    final MediaSrtp outbound;
    /** Publishers: the first authenticated RTP SSRC, after which other SSRCs are refused. */
    private final boolean latchSsrc;
    private long latchedSsrc = -1;

    SessionSrtp(SrtpContext inbound, MediaSrtp outbound, boolean latchSsrc) {
        this.inbound = inbound;
        this.outbound = outbound;
        this.latchSsrc = latchSsrc;
    }

    /**
     * Verifies and decrypts an SRTP packet in place.
     *
     * @param buf the packet; not retained or released; on success its writer index has moved back
     * @return {@code null} when the packet is now plain RTP, otherwise why it was refused
     */
    synchronized String unprotectRtp(ByteBuf buf) {
        if (inbound == null) {
            return "received an SRTP packet but the client sent no key (KeyMgmt) in SETUP";
        }
        if (buf.readableBytes() >= 12 && latchSsrc && latchedSsrc >= 0) {
            long ssrc = buf.getUnsignedInt(buf.readerIndex() + 8);
            if (ssrc != latchedSsrc) {
                // Other SSRCs would each make the context allocate state: refuse them before any crypto.
                return "received packet with wrong SSRC " + ssrc + ", expected " + latchedSsrc;
            }
        }
        SrtpResult r = inbound.unprotectRtp(buf);
        if (!r.isOk()) {
            return "SRTP: " + describe(r);
        }
        if (latchSsrc && latchedSsrc < 0) {
            latchedSsrc = buf.getUnsignedInt(buf.readerIndex() + 8);
        }
        return null;
    }

    /**
     * Verifies and (when its E flag is set) decrypts an SRTCP packet in place.
     *
     * @param buf the packet; not retained or released
     * @return {@code null} when the packet is now plain RTCP, otherwise why it was refused
     */
    synchronized String unprotectRtcp(ByteBuf buf) {
        if (inbound == null) {
            return "received an SRTCP packet but the client sent no key (KeyMgmt) in SETUP";
        }
        SrtpResult r = inbound.unprotectRtcp(buf);
        return r.isOk() ? null : "SRTCP: " + describe(r);
    }

    /** Whether the client gave a key (multicast RTCP is matched to a media by trying each media's key). */
    boolean hasInboundKey() {
        return inbound != null;
    }

    static String describe(SrtpResult r) {
        return switch (r) {
            case OK -> "ok";
            case TOO_SHORT -> "packet too short";
            case MALFORMED -> "not an RTP/RTCP version 2 packet";
            case AUTH_FAILED -> "authentication failed (wrong key, or a forged or corrupted packet)";
            case REPLAYED -> "replayed packet (index already received or older than the replay window)";
            case UNKNOWN_SSRC -> "too many SSRCs";
            case UNKNOWN_MKI -> "unknown master key identifier (MKI)";
            case BUFFER_NOT_WRITABLE -> "buffer not writable";
            case INDEX_EXHAUSTED -> "packet index exhausted: the key must be renewed";
        };
    }
}
