package io.rtsp4j.sdp;

import java.util.List;

/**
 * A session description as written: every line type of RFC 8866, in a form that reads and writes back
 * unchanged. Absent lines are {@code null} (single lines) or empty lists.
 *
 * <p>This is the raw layer; most code wants the interpreted {@link io.rtsp4j.sdp.description.Session}.
 *
 * @param version the {@code v=} value (0)
 * @param origin the {@code o=} line, or {@code null} when missing
 * @param sessionName the {@code s=} value, or {@code null} when missing
 * @param sessionInformation the {@code i=} value, or {@code null}
 * @param uri the {@code u=} value, or {@code null}
 * @param emailAddress the first {@code e=} value, or {@code null}
 * @param phoneNumber the first {@code p=} value, or {@code null}
 * @param connection the session-level {@code c=} line, or {@code null}
 * @param bandwidths the session-level {@code b=} lines
 * @param timings the {@code t=} lines with their {@code r=} lines
 * @param timeZones the adjustments of the {@code z=} line
 * @param encryptionKey the session-level {@code k=} value, or {@code null}
 * @param attributes the session-level {@code a=} lines in order
 * @param media the media descriptions in order
 */
public record SessionDescription(int version, Origin origin, String sessionName, String sessionInformation,
                                 String uri, String emailAddress, String phoneNumber, Connection connection,
                                 List<Bandwidth> bandwidths, List<Timing> timings,
                                 List<TimeZoneAdjustment> timeZones, String encryptionKey,
                                 List<Attribute> attributes, List<MediaDescription> media) {

    /**
     * Copies the lists.
     *
     * @param version the version
     * @param origin the origin
     * @param sessionName the session name
     * @param sessionInformation the session information
     * @param uri the URI
     * @param emailAddress the e-mail address
     * @param phoneNumber the phone number
     * @param connection the connection
     * @param bandwidths the bandwidths
     * @param timings the timings
     * @param timeZones the time zones
     * @param encryptionKey the encryption key
     * @param attributes the attributes
     * @param media the media descriptions
     */
    public SessionDescription {
        bandwidths = bandwidths == null ? List.of() : List.copyOf(bandwidths);
        timings = timings == null ? List.of() : List.copyOf(timings);
        timeZones = timeZones == null ? List.of() : List.copyOf(timeZones);
        attributes = attributes == null ? List.of() : List.copyOf(attributes);
        media = media == null ? List.of() : List.copyOf(media);
    }

    /**
     * Reads an SDP; same as {@link SdpReader#parse(String)}.
     *
     * @param sdp the SDP text
     * @return the description
     * @throws SdpParseException if the text is not a session description
     */
    public static SessionDescription parse(String sdp) {
        return SdpReader.parse(sdp);
    }

    /**
     * Writes this description; same as {@link SdpWriter#write(SessionDescription)}.
     *
     * @return the SDP text with CRLF line endings
     */
    public String toSdp() {
        return SdpWriter.write(this);
    }

    /**
     * The value of the first session-level attribute with this key.
     *
     * @param key the attribute name (case-sensitive)
     * @return the value ({@code ""} for a flag), or {@code null} when absent
     */
    public String attribute(String key) {
        return Attributes.first(attributes, key);
    }

    /**
     * Whether a session-level attribute with this key is present.
     *
     * @param key the attribute name (case-sensitive)
     * @return {@code true} if present
     */
    public boolean hasAttribute(String key) {
        return attribute(key) != null;
    }
}
