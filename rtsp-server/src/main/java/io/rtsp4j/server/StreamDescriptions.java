package io.rtsp4j.server;

import io.rtsp4j.sdp.description.Media;
import io.rtsp4j.sdp.description.Profile;
import io.rtsp4j.sdp.description.Session;
import io.rtsp4j.sdp.format.GenericFormat;
import io.rtsp4j.sdp.format.MediaFormat;
import java.util.ArrayList;
import java.util.List;

/** The server's use of SDP descriptions: parsing ANNOUNCE bodies, checks, and the SDP answered to DESCRIBE. */
final class StreamDescriptions {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(StreamDescriptions.class);

    private StreamDescriptions() {
    }

    /**
     * Parses an announced SDP; the message of the exception says what and where. Leniently: a format whose codec
     * parameters cannot be decoded is kept as a generic format (the server relays packets without decoding them,
     * and refusing a publisher for one unusual config would be worse), with a warning.
     */
    static Session parse(String sdp) {
        Session s;
        try {
            s = Session.parseLenient(sdp);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        for (Media m : s.medias()) {
            for (MediaFormat f : m.formats()) {
                if (f instanceof GenericFormat g && g.decodeProblem() != null) {
                    LOG.warn("announced payload type {} kept without decoding its parameters: {}", g.payloadType(),
                            g.decodeProblem());
                }
            }
        }
        return s;
    }

    /** A publisher may not announce back channels (they are for readers to send). */
    static void checkRecordable(Session description) {
        if (description.medias().isEmpty()) {
            throw new IllegalArgumentException("no media");
        }
        for (Media m : description.medias()) {
            if (m.backChannel()) {
                throw new IllegalArgumentException("back channels cannot be recorded");
            }
        }
    }

    static void checkServable(Session description) {
        if (description.medias().isEmpty()) {
            throw new IllegalArgumentException("a stream needs at least one media");
        }
        for (Media m : description.medias()) {
            if (m.formats().isEmpty()) {
                throw new IllegalArgumentException("a media of a stream needs at least one format");
            }
        }
    }

    static void checkCompatible(Session old, Session updated) {
        if (old.medias().size() != updated.medias().size()) {
            throw new IllegalArgumentException("the new description must have the same medias");
        }
        for (int i = 0; i < old.medias().size(); i++) {
            List<Integer> a = payloadTypes(old.medias().get(i));
            List<Integer> b = payloadTypes(updated.medias().get(i));
            if (!a.equals(b)) {
                throw new IllegalArgumentException("media " + i + " must keep its payload types " + a);
            }
            if (old.medias().get(i).backChannel() != updated.medias().get(i).backChannel()) {
                throw new IllegalArgumentException("media " + i + " must stay " + (old.medias().get(i).backChannel()
                        ? "a back channel" : "a media the stream sends"));
            }
        }
    }

    private static List<Integer> payloadTypes(Media m) {
        List<Integer> out = new ArrayList<>();
        m.formats().forEach(f -> out.add(f.payloadType()));
        return out;
    }

    static boolean isBackChannel(Media m) {
        return m.backChannel();
    }

    /**
     * The SDP of a stream for DESCRIBE: each media's control is {@code trackID=<index>} (the index SETUP
     * understands), back channels only when the client asked for them, and {@code c=} set to the multicast range
     * for VLC's {@code ?vlcmulticast}. Over RTSPS ({@code keyMgmt} not null) every media is {@code RTP/SAVP} with
     * {@code a=key-mgmt:mikey} carrying the stream media's key; otherwise {@code RTP/AVP} without key-mgmt, whatever
     * a publisher announced (its own keys are never passed on).
     */
    static String forDescribe(Session description, String multicastHint, boolean backChannels,
            java.util.function.IntFunction<byte[]> keyMgmt) {
        List<Media> medias = new ArrayList<>();
        List<Media> src = description.medias();
        for (int i = 0; i < src.size(); i++) {
            Media m = src.get(i);
            if (m.backChannel() && !backChannels) {
                continue;
            }
            medias.add(m.toBuilder().control("trackID=" + i)
                    .profile(keyMgmt != null ? Profile.SAVP : Profile.AVP)
                    .keyMgmt(keyMgmt != null ? keyMgmt.apply(i) : null)
                    .build());
        }
        Session.Builder b = description.toBuilder().medias(medias).keyMgmt(null);
        if (multicastHint != null) {
            b.multicastAddress(multicastHint);
        }
        return b.build().toSdp();
    }
}
