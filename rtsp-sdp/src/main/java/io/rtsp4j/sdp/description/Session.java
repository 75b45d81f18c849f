package io.rtsp4j.sdp.description;

import io.rtsp4j.sdp.Attribute;
import io.rtsp4j.sdp.Connection;
import io.rtsp4j.sdp.MediaDescription;
import io.rtsp4j.sdp.Origin;
import io.rtsp4j.sdp.SdpParseException;
import io.rtsp4j.sdp.SdpReader;
import io.rtsp4j.sdp.SdpWriter;
import io.rtsp4j.sdp.SessionDescription;
import io.rtsp4j.sdp.Timing;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The description of an RTSP stream: title, medias and their formats, plus SRTP key material and FEC
 * groups.
 *
 * <p>Reading ({@link #parse(String)}) applies the rules of gortsplib: media ids must be alphanumeric,
 * unique and present on all medias or none; FEC groups ({@code a=group:FEC}) must name existing ids;
 * {@code key-mgmt} must be MIKEY; a {@code sendonly} media is an ONVIF back channel unless every media is
 * {@code sendonly} (cameras that mark all their medias so, mediamtx#5074). Any invalid media rejects the
 * whole description. {@link #parseLenient(String)} applies the same rules but keeps a format whose codec
 * parameters are invalid as a {@link io.rtsp4j.sdp.format.GenericFormat}: what a relay needs, since it
 * forwards the packets without decoding them.
 *
 * <p>Writing ({@link #toSdp()}) gives the canonical SDP a server sends: a fixed origin, {@code c=IN IP4
 * 0.0.0.0} (or the multicast address), {@code t=0 0}, and per media {@code m=<type> 0 RTP/AVP <pts>},
 * {@code a=control} and the formats' {@code rtpmap} and {@code fmtp}. Two sessions are equal when they
 * write the same SDP ({@link #connection()} and {@link Media#direction()} are information only).
 *
 * <pre>{@code
 * Session s = Session.builder().title("camera")
 *     .addMedia(Media.of(Media.VIDEO, new H264Format(96, sps, pps, 1)))
 *     .build()
 *     .withTrackIdControls();          // a=control:trackID=0 ...
 * String sdp = s.toSdp();
 * }</pre>
 */
public final class Session {

    private final String title;
    private final Connection connection;
    private final String multicastAddress;
    private final byte[] keyMgmt;
    private final List<List<String>> fecGroups;
    private final List<Media> medias;

    private Session(Builder b) {
        this.title = Objects.requireNonNull(b.title, "title");
        if (title.indexOf('\r') >= 0 || title.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("title must be a single line");
        }
        this.connection = b.connection;
        this.multicastAddress = b.multicastAddress;
        this.keyMgmt = b.keyMgmt == null ? null : b.keyMgmt.clone();
        List<List<String>> groups = new ArrayList<>();
        for (List<String> g : b.fecGroups) {
            groups.add(List.copyOf(g));
        }
        this.fecGroups = List.copyOf(groups);
        this.medias = List.copyOf(b.medias);
        validate();
    }

    private void validate() {
        if (medias.isEmpty()) {
            throw new SdpParseException("no media streams are present in SDP");
        }
        Set<String> ids = new HashSet<>();
        int withId = 0;
        for (Media m : medias) {
            if (m.id() != null) {
                withId++;
                if (!ids.add(m.id())) {
                    throw new SdpParseException("duplicate media IDs");
                }
            }
        }
        if (withId != 0 && withId != medias.size()) {
            throw new SdpParseException("media IDs sent partially");
        }
        for (List<String> group : fecGroups) {
            for (String id : group) {
                if (!ids.contains(id)) {
                    throw new SdpParseException("FEC group points to an invalid media ID: " + id);
                }
            }
        }
    }

    /**
     * Reads a session from SDP text.
     *
     * @param sdp the SDP (a DESCRIBE response or ANNOUNCE body)
     * @return the session
     * @throws SdpParseException if the SDP or one of its medias is invalid; the message names the line
     */
    public static Session parse(String sdp) {
        SessionDescription sd = SdpReader.parse(sdp);
        return fromSdp(sd, mediaLines(sdp), false);
    }

    /**
     * Reads a session from SDP text like {@link #parse(String)}, except that a format whose codec
     * parameters cannot be decoded (an invalid AAC {@code config}, H.264 {@code packetization-mode=3}, a
     * missing required parameter) does not reject the SDP: it becomes a
     * {@link io.rtsp4j.sdp.format.GenericFormat} keeping its payload type, {@code rtpmap} and {@code fmtp}
     * as received, with the clock rate of the {@code rtpmap};
     * {@link io.rtsp4j.sdp.format.GenericFormat#decodeProblem()} says what was wrong. A server reading an
     * ANNOUNCE uses this, so that a publisher is not refused because of one format it can relay without
     * understanding. Structural errors (unreadable lines, ports, payload types, no media, media ids,
     * {@code key-mgmt}, an {@code rtpmap} without readable clock rate) still fail.
     *
     * <pre>{@code
     * Session s = Session.parseLenient(announceBody);
     * for (Media m : s.medias()) {
     *     for (MediaFormat f : m.formats()) {
     *         if (f instanceof GenericFormat g && g.decodeProblem() != null) {
     *             log.warn("payload type {} relayed without decoding: {}", g.payloadType(), g.decodeProblem());
     *         }
     *     }
     * }
     * }</pre>
     *
     * @param sdp the SDP (typically an ANNOUNCE body)
     * @return the session; equal to {@link #parse(String)}'s whenever that succeeds
     * @throws SdpParseException if the SDP is structurally invalid; the message names the line
     */
    public static Session parseLenient(String sdp) {
        SessionDescription sd = SdpReader.parse(sdp);
        return fromSdp(sd, mediaLines(sdp), true);
    }

    /**
     * Interprets a raw session description.
     *
     * @param sd the description
     * @return the session
     * @throws SdpParseException if the description or one of its medias is invalid
     */
    public static Session fromSdp(SessionDescription sd) {
        return fromSdp(sd, null, false);
    }

    private static Session fromSdp(SessionDescription sd, int[] mediaLines, boolean lenient) {
        Builder b = builder();
        String name = sd.sessionName();
        b.title = name == null || name.equals(" ") ? "" : name;
        b.connection = sd.connection();
        String keyMgmt = sd.attribute("key-mgmt");
        if (keyMgmt != null && !keyMgmt.isEmpty()) {
            b.keyMgmt = Media.decodeKeyMgmt(keyMgmt);
        }
        List<Media> medias = new ArrayList<>();
        for (int i = 0; i < sd.media().size(); i++) {
            try {
                medias.add(Media.fromSdp(sd.media().get(i), lenient));
            } catch (SdpParseException e) {
                int line = mediaLines != null && i < mediaLines.length ? mediaLines[i] : 0;
                throw new SdpParseException(line, "media " + (i + 1) + " is invalid: " + e.problem(), e);
            }
        }
        // Cameras that mark every media sendonly do not have back channels (mediamtx#5074).
        if (!medias.isEmpty() && medias.stream().allMatch(Media::backChannel)) {
            medias.replaceAll(m -> m.toBuilder().backChannel(false).build());
        }
        b.medias.addAll(medias);
        for (Attribute a : sd.attributes()) {
            if (a.key().equals("group") && a.value().startsWith("FEC ")) {
                b.fecGroups.add(Arrays.asList(a.value().substring(4).split(" ", -1)));
            }
        }
        return b.build();
    }

    /** The line numbers of the m= lines, counted as the reader counts them. */
    private static int[] mediaLines(String sdp) {
        List<Integer> lines = new ArrayList<>();
        int line = 0;
        int pos = 0;
        while (pos <= sdp.length()) {
            int end = sdp.indexOf('\n', pos);
            if (end < 0) {
                end = sdp.length();
            }
            line++;
            int s = pos;
            while (s < end && (sdp.charAt(s) == ' ' || sdp.charAt(s) == '\t' || sdp.charAt(s) == '\r'
                    || sdp.charAt(s) == '\uFEFF')) {
                s++;
            }
            if (end - s >= 2 && sdp.charAt(s) == 'm' && sdp.charAt(s + 1) == '=') {
                lines.add(line);
            }
            pos = end + 1;
        }
        return lines.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * Writes the canonical SDP of this session (CRLF line endings).
     *
     * @return the SDP text
     */
    public String toSdp() {
        return SdpWriter.write(toSessionDescription());
    }

    /**
     * The raw description {@link #toSdp()} writes.
     *
     * @return the description
     */
    public SessionDescription toSessionDescription() {
        List<Attribute> attributes = new ArrayList<>();
        for (List<String> group : fecGroups) {
            attributes.add(new Attribute("group", "FEC " + String.join(" ", group)));
        }
        if (keyMgmt != null) {
            attributes.add(new Attribute("key-mgmt", Media.encodeKeyMgmt(keyMgmt)));
        }
        boolean hasBackChannel = hasBackChannel();
        List<MediaDescription> mds = new ArrayList<>();
        for (Media m : medias) {
            mds.add(m.toMediaDescription(hasBackChannel && !m.backChannel()));
        }
        // RFC 8866 §5.3: "s= " when the session has no meaningful name
        String name = title.isEmpty() ? " " : title;
        // the connection line is required by some clients (Darwin Streaming Server heritage)
        Connection c = Connection.ip4(multicastAddress != null ? multicastAddress : "0.0.0.0");
        return new SessionDescription(0, Origin.of(0, 0, "127.0.0.1"), name, null, null, null, null, c,
                List.of(), List.of(Timing.PERMANENT), List.of(), null, attributes, mds);
    }

    /**
     * A copy whose medias have the control attributes {@code trackID=0}, {@code trackID=1}, ... in order,
     * as a server announces them (and as clients such as the Grandstream GXV3500 expect).
     *
     * @return the renumbered session
     */
    public Session withTrackIdControls() {
        Builder b = toBuilder();
        b.medias.clear();
        for (int i = 0; i < medias.size(); i++) {
            b.medias.add(medias.get(i).toBuilder().control("trackID=" + i).build());
        }
        return b.build();
    }

    /**
     * Whether a media is an ONVIF back channel.
     *
     * @return {@code true} when at least one media is a back channel
     */
    public boolean hasBackChannel() {
        for (Media m : medias) {
            if (m.backChannel()) {
                return true;
            }
        }
        return false;
    }

    /**
     * A builder for a new session.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder initialised with the values of this session.
     *
     * @return a builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.title = title;
        b.connection = connection;
        b.multicastAddress = multicastAddress;
        b.keyMgmt = keyMgmt;
        b.fecGroups.addAll(fecGroups);
        b.medias.addAll(medias);
        return b;
    }

    /**
     * The title ({@code s=}).
     *
     * @return the title, {@code ""} when absent or {@code "s= "}
     */
    public String title() {
        return title;
    }

    /**
     * The session-level connection line as read from an SDP. It is information only: {@link #toSdp()}
     * writes {@code 0.0.0.0} or {@link #multicastAddress()}.
     *
     * @return the connection, or {@code null}
     */
    public Connection connection() {
        return connection;
    }

    /**
     * The multicast address {@link #toSdp()} announces.
     *
     * @return the address (with optional {@code /ttl}), or {@code null} for a unicast session
     */
    public String multicastAddress() {
        return multicastAddress;
    }

    /**
     * Whether the session announces a multicast address.
     *
     * @return {@code true} when {@link #multicastAddress()} is set
     */
    public boolean isMulticast() {
        return multicastAddress != null;
    }

    /**
     * The session-level MIKEY message of {@code a=key-mgmt:mikey} (not decoded here).
     *
     * @return a copy of the message bytes, or {@code null}
     */
    public byte[] keyMgmt() {
        return keyMgmt == null ? null : keyMgmt.clone();
    }

    /**
     * The FEC groups of RFC 5109 ({@code a=group:FEC 1 2}), each a list of media ids.
     *
     * @return the groups
     */
    public List<List<String>> fecGroups() {
        return fecGroups;
    }

    /**
     * The medias, in SDP order.
     *
     * @return at least one media
     */
    public List<Media> medias() {
        return medias;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Session s)) {
            return false;
        }
        return title.equals(s.title) && Objects.equals(multicastAddress, s.multicastAddress) && Arrays.equals(keyMgmt, s.keyMgmt)
                && fecGroups.equals(s.fecGroups) && medias.equals(s.medias);
    }

    @Override
    public int hashCode() {
        return Objects.hash(title, multicastAddress, Arrays.hashCode(keyMgmt), fecGroups, medias);
    }

    @Override
    public String toString() {
        return "Session[" + title + " " + medias + "]";
    }

    /** Builds a {@link Session}. */
    public static final class Builder {
        private String title = "";
        private Connection connection;
        private String multicastAddress;
        private byte[] keyMgmt;
        private final List<List<String>> fecGroups = new ArrayList<>();
        private final List<Media> medias = new ArrayList<>();

        private Builder() {
        }

        /**
         * Sets the title ({@code s=}).
         *
         * @param title the title, {@code ""} for none
         * @return this builder
         */
        public Builder title(String title) {
            this.title = Objects.requireNonNull(title, "title");
            return this;
        }

        /**
         * Announces a multicast session: {@link Session#toSdp()} writes {@code c=IN IP4 <address>}.
         *
         * @param address the group address with optional {@code /ttl}, e.g. {@code 239.1.2.3/16};
         *     {@code null} for unicast
         * @return this builder
         */
        public Builder multicastAddress(String address) {
            this.multicastAddress = address;
            return this;
        }

        /**
         * Sets the session-level MIKEY message ({@code a=key-mgmt:mikey ...}).
         *
         * @param mikey the encoded MIKEY message, or {@code null} (copied)
         * @return this builder
         */
        public Builder keyMgmt(byte[] mikey) {
            this.keyMgmt = mikey == null ? null : mikey.clone();
            return this;
        }

        /**
         * Adds an FEC group of media ids.
         *
         * @param mediaIds the ids of the protected and the FEC medias
         * @return this builder
         */
        public Builder addFecGroup(List<String> mediaIds) {
            fecGroups.add(List.copyOf(mediaIds));
            return this;
        }

        /**
         * Adds a media.
         *
         * @param media the media
         * @return this builder
         */
        public Builder addMedia(Media media) {
            medias.add(Objects.requireNonNull(media, "media"));
            return this;
        }

        /**
         * Replaces the medias.
         *
         * @param newMedias the medias
         * @return this builder
         */
        public Builder medias(List<Media> newMedias) {
            medias.clear();
            newMedias.forEach(this::addMedia);
            return this;
        }

        /**
         * Builds the session.
         *
         * @return the session
         * @throws SdpParseException if there is no media, or media ids or FEC groups are inconsistent
         */
        public Session build() {
            return new Session(this);
        }
    }
}
