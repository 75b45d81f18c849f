package io.rtsp4j.sdp;

import java.util.List;
import java.util.Objects;

/**
 * One media description: the {@code m=} line and the lines after it.
 *
 * @param type the media type as written: {@code video}, {@code audio}, {@code application},
 *     {@code application/TP-LINK}, {@code metadata}, {@code text}, ...
 * @param port the port (0 for RTSP, where transport is negotiated by SETUP)
 * @param portCount the {@code /<count>} of the port, 0 when absent
 * @param protos the transport protocol split on {@code /}, e.g. {@code [RTP, AVP]}
 * @param formats the format tokens as written (payload types, or vendor tokens like {@code smart/1/90000})
 * @param title the {@code i=} line, or {@code null}
 * @param connection the {@code c=} line, or {@code null}
 * @param bandwidths the {@code b=} lines
 * @param encryptionKey the {@code k=} line, or {@code null}
 * @param attributes the {@code a=} lines in order
 */
public record MediaDescription(String type, int port, int portCount, List<String> protos, List<String> formats,
                               String title, Connection connection, List<Bandwidth> bandwidths,
                               String encryptionKey, List<Attribute> attributes) {

    /**
     * Validates and copies the components.
     *
     * @param type the media type
     * @param port the port
     * @param portCount the port count
     * @param protos the protocol tokens
     * @param formats the format tokens
     * @param title the title
     * @param connection the connection
     * @param bandwidths the bandwidths
     * @param encryptionKey the encryption key
     * @param attributes the attributes
     */
    public MediaDescription {
        Objects.requireNonNull(type, "type");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (portCount < 0) {
            throw new IllegalArgumentException("negative port count: " + portCount);
        }
        protos = protos == null ? List.of() : List.copyOf(protos);
        formats = formats == null ? List.of() : List.copyOf(formats);
        bandwidths = bandwidths == null ? List.of() : List.copyOf(bandwidths);
        attributes = attributes == null ? List.of() : List.copyOf(attributes);
    }

    /**
     * The value of the first attribute with this key.
     *
     * @param key the attribute name (case-sensitive)
     * @return the value ({@code ""} for a flag), or {@code null} when absent
     */
    public String attribute(String key) {
        return Attributes.first(attributes, key);
    }

    /**
     * Whether an attribute with this key is present.
     *
     * @param key the attribute name (case-sensitive)
     * @return {@code true} if present
     */
    public boolean hasAttribute(String key) {
        return attribute(key) != null;
    }

    /**
     * The protocol as written on the {@code m=} line, e.g. {@code RTP/AVP}.
     *
     * @return the protocol tokens joined with {@code /}
     */
    public String proto() {
        return String.join("/", protos);
    }
}
