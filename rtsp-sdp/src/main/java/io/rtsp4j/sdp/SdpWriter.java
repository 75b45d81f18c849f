package io.rtsp4j.sdp;

import java.util.Objects;

/**
 * Writes a {@link SessionDescription} as SDP text: CRLF line endings, lines in RFC 8866 order
 * ({@code v o s i u e p c b t r z k a}, then each {@code m i c b k a}).
 *
 * <p>The writer writes what the description holds and invents nothing: a description read from an SDP
 * without {@code o=} is written without {@code o=}, so that reading the output gives an equal
 * description. {@link io.rtsp4j.sdp.description.Session#toSdp()} produces complete SDPs for servers.
 */
public final class SdpWriter {

    private static final String CRLF = "\r\n";

    private SdpWriter() {
    }

    /**
     * Writes a session description.
     *
     * @param sd the description
     * @return the SDP text
     */
    public static String write(SessionDescription sd) {
        Objects.requireNonNull(sd, "sd");
        StringBuilder b = new StringBuilder(512);
        line(b, 'v', Integer.toString(sd.version()));
        if (sd.origin() != null) {
            line(b, 'o', origin(sd.origin()));
        }
        optional(b, 's', sd.sessionName());
        optional(b, 'i', sd.sessionInformation());
        optional(b, 'u', sd.uri());
        optional(b, 'e', sd.emailAddress());
        optional(b, 'p', sd.phoneNumber());
        if (sd.connection() != null) {
            line(b, 'c', connection(sd.connection()));
        }
        for (Bandwidth bw : sd.bandwidths()) {
            line(b, 'b', bandwidth(bw));
        }
        for (Timing t : sd.timings()) {
            line(b, 't', Long.toUnsignedString(t.startTime()) + " " + Long.toUnsignedString(t.stopTime()));
            for (RepeatTime r : t.repeatTimes()) {
                StringBuilder v = new StringBuilder().append(r.interval()).append(' ').append(r.duration());
                for (long offset : r.offsets()) {
                    v.append(' ').append(offset);
                }
                line(b, 'r', v.toString());
            }
        }
        if (!sd.timeZones().isEmpty()) {
            StringBuilder v = new StringBuilder();
            for (TimeZoneAdjustment z : sd.timeZones()) {
                if (v.length() > 0) {
                    v.append(' ');
                }
                v.append(Long.toUnsignedString(z.adjustmentTime())).append(' ').append(z.offset());
            }
            line(b, 'z', v.toString());
        }
        optional(b, 'k', sd.encryptionKey());
        for (Attribute a : sd.attributes()) {
            line(b, 'a', attribute(a));
        }
        for (MediaDescription m : sd.media()) {
            writeMedia(b, m);
        }
        return b.toString();
    }

    /**
     * Writes one media description (its {@code m=} line and the lines after it).
     *
     * @param m the media description
     * @return the SDP text of this media section
     */
    public static String write(MediaDescription m) {
        StringBuilder b = new StringBuilder(256);
        writeMedia(b, m);
        return b.toString();
    }

    private static void writeMedia(StringBuilder b, MediaDescription m) {
        StringBuilder v = new StringBuilder().append(m.type()).append(' ').append(m.port());
        if (m.portCount() > 0) {
            v.append('/').append(m.portCount());
        }
        v.append(' ').append(m.proto());
        for (String f : m.formats()) {
            v.append(' ').append(f);
        }
        line(b, 'm', v.toString());
        optional(b, 'i', m.title());
        if (m.connection() != null) {
            line(b, 'c', connection(m.connection()));
        }
        for (Bandwidth bw : m.bandwidths()) {
            line(b, 'b', bandwidth(bw));
        }
        optional(b, 'k', m.encryptionKey());
        for (Attribute a : m.attributes()) {
            line(b, 'a', attribute(a));
        }
    }

    private static String origin(Origin o) {
        StringBuilder v = new StringBuilder().append(o.username()).append(' ')
                .append(Long.toUnsignedString(o.sessionId())).append(' ')
                .append(Long.toUnsignedString(o.sessionVersion()));
        if (!o.networkType().isEmpty()) {
            v.append(' ').append(o.networkType());
            if (!o.addressType().isEmpty()) {
                v.append(' ').append(o.addressType());
            }
            if (!o.unicastAddress().isEmpty()) {
                v.append(' ').append(o.unicastAddress());
            }
        }
        return v.toString();
    }

    private static String connection(Connection c) {
        return c.address().isEmpty()
                ? c.networkType() + " " + c.addressType()
                : c.networkType() + " " + c.addressType() + " " + c.address();
    }

    private static String bandwidth(Bandwidth bw) {
        return (bw.experimental() ? "X-" : "") + bw.type() + ":" + Long.toUnsignedString(bw.bandwidth());
    }

    private static String attribute(Attribute a) {
        return a.value().isEmpty() ? a.key() : a.key() + ":" + a.value();
    }

    private static void optional(StringBuilder b, char type, String value) {
        if (value != null) {
            line(b, type, value);
        }
    }

    private static void line(StringBuilder b, char type, String value) {
        b.append(type).append('=').append(value).append(CRLF);
    }
}
