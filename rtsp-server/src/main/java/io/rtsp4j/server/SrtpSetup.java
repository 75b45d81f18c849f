package io.rtsp4j.server;

import io.rtsp4j.base.RtspHeaderNames;
import io.rtsp4j.base.RtspRequest;
import io.rtsp4j.base.headers.HeaderParseException;
import io.rtsp4j.base.headers.KeyMgmt;
import io.rtsp4j.srtp.SrtpContext;
import io.rtsp4j.srtp.mikey.MikeyException;
import io.rtsp4j.srtp.mikey.MikeyMessage;
import io.rtsp4j.srtp.mikey.MikeySrtp;
import java.time.Clock;
import java.util.List;
import java.util.Locale;

/**
 * Key management of a SETUP with {@code RTP/SAVP} (RFC 4567 §3.2 and §7.2, MIKEY of RFC 3830): the client's key
 * from its {@code KeyMgmt} header, and the server's key in the answer.
 *
 * <p>A publisher must send its key (it protects the media the server receives); a reader may (it protects the
 * reader's receiver reports; without it they are dropped). Every failure is a {@link KeyManagementException}
 * whose message says what was wrong, answered with {@code 463 Key Management Failure}: RFC 4567 §7.2 defines 463
 * for RTSP/1.0 (RFC 7826 moved the meaning to 466 for RTSP/2.0, which this server does not speak).
 */
final class SrtpSetup {

    private SrtpSetup() {
    }

    /** The client's validated key: the context that unprotects what it sends. */
    record ClientKey(SrtpContext inbound) {
    }

    /** A key management failure: answered 463 with the message as the reason. */
    static final class KeyManagementException extends Exception {
        private static final long serialVersionUID = 1L;

        KeyManagementException(String message) {
            super(message);
        }
    }

    /**
     * Reads and validates the client's key: one {@code KeyMgmt} header with {@code prot=mikey} whose MIKEY message
     * passes {@link MikeySrtp#validate} (PSK initiator message, time within ±1 h, AES-CM/HMAC-SHA1 policy with
     * encryption and authentication on, exactly one 30-byte key).
     *
     * <p>A publisher may instead have announced its key in the SDP ({@code a=key-mgmt:mikey}, RFC 4567 §3.1, at
     * media or session level): it is used, with the same checks, when its SETUP has no {@code KeyMgmt}.
     *
     * @param announced the MIKEY message of the announced media (or session), or {@code null}
     * @return the client's key; a context without key ({@code inbound == null}) for a reader that sent none
     * @throws KeyManagementException when the header is missing (publisher) or any check fails
     */
    static ClientKey clientKey(RtspRequest req, boolean record, Clock clock, byte[] announced)
            throws KeyManagementException {
        List<String> values = req.headers().getAll(RtspHeaderNames.KEY_MGMT);
        if (values.isEmpty()) {
            if (record && announced != null) {
                return fromMikey(announced, clock, "a=key-mgmt of the announced SDP");
            }
            if (record) {
                throw new KeyManagementException("RTP/SAVP needs a KeyMgmt header with the publisher's MIKEY key");
            }
            return new ClientKey(null);
        }
        KeyMgmt header;
        try {
            header = KeyMgmt.parse(values);
        } catch (HeaderParseException e) {
            throw new KeyManagementException("invalid KeyMgmt header: " + e.getMessage());
        }
        if (!header.protocol().toLowerCase(Locale.ROOT).equals(KeyMgmt.MIKEY)) {
            throw new KeyManagementException("unsupported key management protocol '" + header.protocol()
                    + "' (only mikey)");
        }
        return fromMikey(header.data(), clock, "KeyMgmt");
    }

    private static ClientKey fromMikey(byte[] data, Clock clock, String where) throws KeyManagementException {
        try {
            MikeyMessage message = MikeyMessage.decode(data);
            MikeySrtp.validate(message, clock);
            return new ClientKey(SrtpContext.create(MikeySrtp.fromMikey(message)));
        } catch (MikeyException e) {
            throw new KeyManagementException("invalid MIKEY message in " + where + ": " + e.getMessage());
        } catch (RuntimeException e) {
            // The MIKEY checks come first; this only guards against key material the SRTP module refuses.
            throw new KeyManagementException("unusable MIKEY key in " + where + ": " + e.getMessage());
        }
    }

    /** The MIKEY message a publisher announced for a media: the media's {@code a=key-mgmt}, else the session's. */
    static byte[] announcedKey(io.rtsp4j.sdp.description.Session announced, int mediaIndex) {
        if (announced == null || mediaIndex < 0 || mediaIndex >= announced.medias().size()) {
            return null;
        }
        byte[] media = announced.medias().get(mediaIndex).keyMgmt();
        return media != null ? media : announced.keyMgmt();
    }

    /**
     * The SRTP state of a media being set up: readers share the stream media's outbound key, publishers get a
     * fresh key of their own (for the receiver reports and firewall packets the server sends them) and their first
     * RTP SSRC is latched.
     */
    static SessionSrtp sessionSrtp(ServerSession s, SessionMedia media, ClientKey key) {
        if (media.streamMedia != null) {
            return new SessionSrtp(key.inbound(), media.streamMedia.srtp(), false);
        }
        MediaSrtp own = new MediaSrtp(s.server.config().srtpProfile(), new long[] {s.localSsrc()});
        return new SessionSrtp(key.inbound(), own, true);
    }

    /** The {@code KeyMgmt} of the SETUP answer: the server's key for this media, for the request URL. */
    static String keyMgmtHeader(SessionSrtp srtp, String url, Clock clock) {
        byte[] mikey = srtp.outbound.mikey(clock).encode();
        String uri = url.indexOf('"') >= 0 ? null : url;
        return KeyMgmt.of(KeyMgmt.MIKEY, uri, mikey).format();
    }
}
