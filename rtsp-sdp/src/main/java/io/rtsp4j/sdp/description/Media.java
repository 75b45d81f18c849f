package io.rtsp4j.sdp.description;

import io.rtsp4j.sdp.Attribute;
import io.rtsp4j.sdp.MediaDescription;
import io.rtsp4j.sdp.SdpParseException;
import io.rtsp4j.sdp.format.MediaFormat;
import io.rtsp4j.sdp.format.MediaFormats;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One media stream of a {@link Session}: its type, optional id ({@code a=mid}), direction, profile,
 * MIKEY key material, control attribute and formats.
 *
 * <p>Immutable; {@link #toBuilder()} makes modified copies, e.g.
 * {@code media.toBuilder().control("trackID=0").build()}. Two medias are equal when they write the same
 * SDP: the {@link #direction()} read from an SDP is information only, not written and not compared.
 */
public final class Media {

    /** The {@code video} media type. */
    public static final String VIDEO = "video";
    /** The {@code audio} media type. */
    public static final String AUDIO = "audio";
    /** The {@code application} media type (metadata, KLV, ...). */
    public static final String APPLICATION = "application";

    private static final String MIKEY_PREFIX = "mikey ";
    private static final Pattern SMART_TOKEN = Pattern.compile("smart/[0-9]/[0-9]+");
    private static final Pattern SMART_RTPMAP = Pattern.compile("([0-9]+) .+/[0-9]+");

    private final String type;
    private final String id;
    private final Direction direction;
    private final boolean backChannel;
    private final Profile profile;
    private final byte[] keyMgmt;
    private final String control;
    private final List<MediaFormat> formats;

    private Media(Builder b) {
        this.type = Objects.requireNonNull(b.type, "type");
        if (type.isEmpty() || type.chars().anyMatch(c -> c == ' ' || c == '\t' || c == '\r' || c == '\n')) {
            throw new IllegalArgumentException("invalid media type '" + type + "'");
        }
        this.id = b.id == null || b.id.isEmpty() ? null : checkId(b.id);
        this.direction = b.direction;
        this.backChannel = b.backChannel;
        this.profile = Objects.requireNonNull(b.profile, "profile");
        this.keyMgmt = b.keyMgmt == null ? null : b.keyMgmt.clone();
        this.control = Objects.requireNonNull(b.control, "control");
        if (control.indexOf('\r') >= 0 || control.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("control must be a single line");
        }
        this.formats = List.copyOf(b.formats);
        if (formats.isEmpty()) {
            throw new SdpParseException("no formats found");
        }
    }

    private static String checkId(String id) {
        for (int i = 0; i < id.length(); i++) {
            if (!Character.isLetterOrDigit(id.charAt(i))) {
                throw new SdpParseException("invalid mid: " + id);
            }
        }
        return id;
    }

    /**
     * A media of the given type with these formats and default settings (no id, profile AVP, no control).
     *
     * @param type the media type, e.g. {@link #VIDEO}
     * @param formats at least one format
     * @return the media
     */
    public static Media of(String type, MediaFormat... formats) {
        return builder(type).formats(Arrays.asList(formats)).build();
    }

    /**
     * A builder for a media of the given type.
     *
     * @param type the media type, e.g. {@link #VIDEO}
     * @return a builder
     */
    public static Builder builder(String type) {
        return new Builder(type);
    }

    /**
     * A builder initialised with the values of this media.
     *
     * @return a builder
     */
    public Builder toBuilder() {
        Builder b = new Builder(type);
        b.id = id;
        b.direction = direction;
        b.backChannel = backChannel;
        b.profile = profile;
        b.keyMgmt = keyMgmt;
        b.control = control;
        b.formats.addAll(formats);
        return b;
    }

    /**
     * Interprets one media description of an SDP.
     *
     * @param md the raw media description
     * @return the media; its {@link #backChannel()} is {@code a=sendonly} (a {@link Session} clears it when
     *     every media is sendonly)
     * @throws SdpParseException if the media has no formats, an invalid id, payload type, key-mgmt or format
     */
    public static Media fromSdp(MediaDescription md) {
        return fromSdp(md, false);
    }

    /**
     * Interprets one media description; with {@code lenient}, formats are decoded with
     * {@link MediaFormats#decodeLenient}.
     */
    static Media fromSdp(MediaDescription md, boolean lenient) {
        Builder b = new Builder(md.type());
        b.id = md.attribute("mid");
        for (Attribute a : md.attributes()) {
            Direction d = Direction.fromAttribute(a.key());
            if (d != null) {
                b.direction = d;
                break;
            }
        }
        b.backChannel = md.hasAttribute("sendonly");
        b.profile = md.protos().contains("SAVP") ? Profile.SAVP : Profile.AVP;
        String keyMgmt = md.attribute("key-mgmt");
        if (keyMgmt != null && !keyMgmt.isEmpty()) {
            b.keyMgmt = decodeKeyMgmt(keyMgmt);
        }
        String control = md.attribute("control");
        b.control = control == null ? "" : control;
        // one pass over the attributes: the first rtpmap and fmtp of each payload type
        String[] rtpMaps = new String[128];
        String[] fmtps = new String[128];
        for (Attribute a : md.attributes()) {
            if (a.key().equals("rtpmap")) {
                indexFormatAttribute(rtpMaps, a.value());
            } else if (a.key().equals("fmtp")) {
                indexFormatAttribute(fmtps, a.value());
            }
        }
        for (String token : md.formats()) {
            int payloadType = payloadType(replaceSmartPayloadType(token, md.attributes()));
            b.formats.add(lenient
                    ? MediaFormats.decodeLenient(md.type(), payloadType, rtpMaps[payloadType], fmtps[payloadType])
                    : MediaFormats.decode(md.type(), payloadType, rtpMaps[payloadType], fmtps[payloadType]));
        }
        return b.build();
    }

    static byte[] decodeKeyMgmt(String value) {
        if (!value.startsWith(MIKEY_PREFIX)) {
            throw new SdpParseException("unsupported key-mgmt: " + excerpt(value));
        }
        try {
            return Base64.getDecoder().decode(value.substring(MIKEY_PREFIX.length()).strip());
        } catch (IllegalArgumentException e) {
            throw new SdpParseException("invalid key-mgmt: the MIKEY message is not base64");
        }
    }

    static String encodeKeyMgmt(byte[] mikey) {
        return MIKEY_PREFIX + Base64.getEncoder().encodeToString(mikey);
    }

    private static String excerpt(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }

    /**
     * TP-Link and Mercury cameras write {@code smart/1/90000} instead of a payload type; the real one is
     * in the rtpmap ({@code a=rtpmap:95 TP-LINK/90000}).
     */
    private static String replaceSmartPayloadType(String token, List<Attribute> attributes) {
        if (!SMART_TOKEN.matcher(token).matches()) {
            return token;
        }
        for (Attribute a : attributes) {
            if (a.key().equals("rtpmap")) {
                Matcher m = SMART_RTPMAP.matcher(a.value().strip());
                if (m.matches()) {
                    return m.group(1);
                }
            }
        }
        return token;
    }

    private static int payloadType(String token) {
        if (token.isEmpty() || token.length() > 3 || !token.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new SdpParseException("invalid payload type '" + excerpt(token) + "'");
        }
        int pt = Integer.parseInt(token);
        if (pt > 127) {
            throw new SdpParseException("invalid payload type '" + token + "'");
        }
        return pt;
    }

    /** Records the value after "PT " of a rtpmap/fmtp attribute, unless that payload type has one already. */
    private static void indexFormatAttribute(String[] byPayloadType, String value) {
        String v = value.strip();
        int space = v.indexOf(' ');
        if (space <= 0 || space > 3) {
            return;
        }
        int pt = 0;
        for (int i = 0; i < space; i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return;
            }
            pt = pt * 10 + (c - '0');
        }
        if (pt < byPayloadType.length && byPayloadType[pt] == null) {
            byPayloadType[pt] = v.substring(space + 1).strip();
        }
    }

    /**
     * Writes this media as a raw media description: {@code m=<type> 0 RTP/AVP <pts>}, then {@code a=mid},
     * {@code a=sendonly} for a back channel, {@code a=key-mgmt}, {@code a=control} and the
     * {@code rtpmap}/{@code fmtp} of each format.
     *
     * @param recvOnly whether to add {@code a=recvonly} (a {@link Session} with a back channel marks its
     *     other medias so)
     * @return the media description
     */
    public MediaDescription toMediaDescription(boolean recvOnly) {
        List<Attribute> attributes = new ArrayList<>();
        if (id != null) {
            attributes.add(new Attribute("mid", id));
        }
        if (backChannel) {
            attributes.add(Attribute.flag("sendonly"));
        }
        if (keyMgmt != null) {
            attributes.add(new Attribute("key-mgmt", encodeKeyMgmt(keyMgmt)));
        }
        attributes.add(new Attribute("control", control));
        List<String> payloadTypes = new ArrayList<>();
        for (MediaFormat f : formats) {
            String pt = Integer.toString(f.payloadType());
            payloadTypes.add(pt);
            String rtpMap = f.rtpMap();
            if (rtpMap != null) {
                attributes.add(new Attribute("rtpmap", pt + " " + rtpMap));
            }
            String fmtp = f.fmtpValue();
            if (fmtp != null) {
                attributes.add(new Attribute("fmtp", pt + " " + fmtp));
            }
        }
        if (recvOnly) {
            attributes.add(Attribute.flag("recvonly"));
        }
        return new MediaDescription(type, 0, 0, List.of("RTP", profile.name()), payloadTypes, null, null,
                List.of(), null, attributes);
    }

    /**
     * The absolute URL of this media, for SETUP: the {@code a=control} attribute resolved against the
     * Content-Base (or, without it, the request URL).
     *
     * <ul>
     *   <li>no control (or {@code *}): the base URL;</li>
     *   <li>an absolute {@code rtsp://} or {@code rtsps://} URL: its path and query, with the host and
     *       credentials of the base (cameras often announce an internal address);</li>
     *   <li>{@code ?query}: appended to the base;</li>
     *   <li>{@code /path}: replaces the path of the base;</li>
     *   <li>anything else: appended after the base and a {@code /}, even when the base has a query
     *       ({@code rtsp://h/p?q=1/trackID=0}).</li>
     * </ul>
     *
     * @param baseUrl the Content-Base or request URL
     * @return the media URL
     */
    public String resolveControl(String baseUrl) {
        return ControlUrls.resolve(control, Objects.requireNonNull(baseUrl, "baseUrl"));
    }

    /**
     * The media type.
     *
     * @return {@code video}, {@code audio}, {@code application}, or any type as written
     */
    public String type() {
        return type;
    }

    /**
     * The media id ({@code a=mid}).
     *
     * @return the id, or {@code null}
     */
    public String id() {
        return id;
    }

    /**
     * The direction attribute as read from the SDP (information only: {@link #toMediaDescription(boolean)}
     * writes {@code sendonly} for back channels and nothing else).
     *
     * @return the first direction attribute of the media, or {@code null} when it has none
     */
    public Direction direction() {
        return direction;
    }

    /**
     * Whether this media is an ONVIF back channel: the client sends audio to the camera.
     *
     * @return {@code true} for a {@code sendonly} media among non-sendonly ones
     */
    public boolean backChannel() {
        return backChannel;
    }

    /**
     * The RTP profile.
     *
     * @return {@link Profile#SAVP} when the protocol says SRTP
     */
    public Profile profile() {
        return profile;
    }

    /**
     * The MIKEY message of the media's {@code a=key-mgmt:mikey} (not decoded here).
     *
     * @return a copy of the message bytes, or {@code null}
     */
    public byte[] keyMgmt() {
        return keyMgmt == null ? null : keyMgmt.clone();
    }

    /**
     * The control attribute.
     *
     * @return its value, {@code ""} when absent
     */
    public String control() {
        return control;
    }

    /**
     * The formats, in the order of the {@code m=} line.
     *
     * @return the formats (at least one)
     */
    public List<MediaFormat> formats() {
        return formats;
    }

    /**
     * The first format of a given type.
     *
     * @param <T> the format type
     * @param type the format class, e.g. {@code H264Format.class}
     * @return the format, or {@code null} when the media has none of this type
     */
    public <T extends MediaFormat> T format(Class<T> type) {
        for (MediaFormat f : formats) {
            if (type.isInstance(f)) {
                return type.cast(f);
            }
        }
        return null;
    }

    /**
     * The format with a payload type.
     *
     * @param payloadType the payload type
     * @return the format, or {@code null}
     */
    public MediaFormat format(int payloadType) {
        for (MediaFormat f : formats) {
            if (f.payloadType() == payloadType) {
                return f;
            }
        }
        return null;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Media m)) {
            return false;
        }
        return type.equals(m.type) && Objects.equals(id, m.id) && backChannel == m.backChannel && profile == m.profile && Arrays.equals(keyMgmt, m.keyMgmt)
                && control.equals(m.control) && formats.equals(m.formats);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, id, backChannel, profile, Arrays.hashCode(keyMgmt), control, formats);
    }

    @Override
    public String toString() {
        return "Media[" + type + (id != null ? " mid=" + id : "") + (backChannel ? " backChannel" : "")
                + " " + profile + " control=" + control + " " + formats + "]";
    }

    /** Builds a {@link Media}. */
    public static final class Builder {
        private final String type;
        private String id;
        private Direction direction;
        private boolean backChannel;
        private Profile profile = Profile.AVP;
        private byte[] keyMgmt;
        private String control = "";
        private final List<MediaFormat> formats = new ArrayList<>();

        private Builder(String type) {
            this.type = type;
        }

        /**
         * Sets the media id ({@code a=mid}); letters and digits only.
         *
         * @param id the id, or {@code null}
         * @return this builder
         */
        public Builder id(String id) {
            this.id = id;
            return this;
        }

        /**
         * Marks the media as an ONVIF back channel (written as {@code a=sendonly}).
         *
         * @param backChannel whether the client sends on this media
         * @return this builder
         */
        public Builder backChannel(boolean backChannel) {
            this.backChannel = backChannel;
            return this;
        }

        /**
         * Sets the RTP profile.
         *
         * @param profile AVP or SAVP
         * @return this builder
         */
        public Builder profile(Profile profile) {
            this.profile = Objects.requireNonNull(profile, "profile");
            return this;
        }

        /**
         * Sets the MIKEY message of {@code a=key-mgmt}.
         *
         * @param mikey the encoded MIKEY message, or {@code null} (copied)
         * @return this builder
         */
        public Builder keyMgmt(byte[] mikey) {
            this.keyMgmt = mikey == null ? null : mikey.clone();
            return this;
        }

        /**
         * Sets the control attribute, e.g. {@code trackID=0}.
         *
         * @param control the value, {@code ""} for none
         * @return this builder
         */
        public Builder control(String control) {
            this.control = Objects.requireNonNull(control, "control");
            return this;
        }

        /**
         * Adds a format.
         *
         * @param format the format
         * @return this builder
         */
        public Builder addFormat(MediaFormat format) {
            formats.add(Objects.requireNonNull(format, "format"));
            return this;
        }

        /**
         * Replaces the formats.
         *
         * @param newFormats the formats
         * @return this builder
         */
        public Builder formats(List<? extends MediaFormat> newFormats) {
            formats.clear();
            for (MediaFormat f : newFormats) {
                addFormat(f);
            }
            return this;
        }

        /**
         * Builds the media.
         *
         * @return the media
         * @throws IllegalArgumentException if there is no format or the id is not alphanumeric
         */
        public Media build() {
            return new Media(this);
        }
    }
}
