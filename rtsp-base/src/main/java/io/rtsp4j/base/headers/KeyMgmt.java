package io.rtsp4j.base.headers;

import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A {@code KeyMgmt} header (RFC 4567 §3.2), which carries SRTP keys in SETUP requests and responses:
 * {@code prot=mikey;uri="rtsps://h/s/trackID=0";data="<base64 MIKEY message>"}.
 *
 * <p>This class only handles the header syntax: {@link #data()} is the raw key management message (for
 * {@code prot=mikey}, a MIKEY message that the rtsp-srtp module decodes). {@code prot} and {@code data} are
 * required, {@code uri} is optional; one key management specification per header value.
 */
public final class KeyMgmt {

    private static final String NAME = "KeyMgmt";

    /** The protocol identifier of MIKEY (RFC 4567 §3.2). */
    public static final String MIKEY = "mikey";

    private final String protocol;
    private final String uri;
    private final byte[] data;

    private KeyMgmt(String protocol, String uri, byte[] data) {
        this.protocol = protocol;
        this.uri = uri;
        this.data = data;
    }

    /**
     * A KeyMgmt value.
     *
     * @param protocol the key management protocol, usually {@link #MIKEY}
     * @param uri the URI the keys apply to, or {@code null}
     * @param data the key management message (copied)
     * @return the value
     * @throws IllegalArgumentException if the protocol is not a plain token or the URI contains a quote,
     *     CR, LF or NUL
     */
    public static KeyMgmt of(String protocol, String uri, byte[] data) {
        if (!isProtocolToken(protocol)) {
            throw new IllegalArgumentException("invalid key management protocol '" + protocol + "'");
        }
        if (uri != null && (uri.indexOf('"') >= 0 || HeaderValues.hasForbidden(uri))) {
            throw new IllegalArgumentException("invalid KeyMgmt uri '" + uri + "'");
        }
        return new KeyMgmt(protocol, uri, data.clone());
    }

    private static boolean isProtocolToken(String s) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c < 128 && Character.isLetterOrDigit(c)) && c != '-' && c != '_' && c != '.') {
                return false;
            }
        }
        return true;
    }

    /**
     * Parses the only value of the header.
     *
     * @param values every value of the header ({@code RtspHeaders.getAll})
     * @return the value
     * @throws HeaderParseException if there is not exactly one value or it is malformed
     */
    public static KeyMgmt parse(List<String> values) throws HeaderParseException {
        return parse(HeaderValues.single(NAME, values));
    }

    /**
     * Parses a value.
     *
     * @param value e.g. {@code prot=mikey;uri="rtsps://h/s";data="AQAF..."}
     * @return the value
     * @throws HeaderParseException if {@code prot} or {@code data} is missing, {@code data} is not base64, or
     *     the value holds several specifications
     */
    public static KeyMgmt parse(String value) throws HeaderParseException {
        if (HeaderValues.split(value, ',').size() > 1) {
            throw new HeaderParseException(NAME, "several key management specifications are not supported");
        }
        String prot = null;
        String uri = null;
        String data = null;
        for (String part : HeaderValues.split(value, ';')) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            if (eq < 0) {
                throw new HeaderParseException(NAME, "parameter without value '" + HeaderValues.excerpt(part) + "'");
            }
            String key = part.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            String v = HeaderValues.unquote(part.substring(eq + 1).strip());
            switch (key) {
                case "prot":
                    prot = v;
                    break;
                case "uri":
                    uri = v;
                    break;
                case "data":
                    data = v;
                    break;
                default:
                    break;
            }
        }
        if (prot == null) {
            throw new HeaderParseException(NAME, "prot is missing");
        }
        if (!isProtocolToken(prot)) {
            throw new HeaderParseException(NAME, "invalid prot '" + HeaderValues.excerpt(prot) + "'");
        }
        if (uri != null && (uri.indexOf('"') >= 0 || HeaderValues.hasForbidden(uri))) {
            throw new HeaderParseException(NAME, "invalid uri '" + HeaderValues.excerpt(uri) + "'");
        }
        if (data == null) {
            throw new HeaderParseException(NAME, "data is missing");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(data);
        } catch (IllegalArgumentException e) {
            throw new HeaderParseException(NAME, "data is not valid base64 ('" + HeaderValues.excerpt(data) + "')");
        }
        if (bytes.length == 0) {
            throw new HeaderParseException(NAME, "data is empty");
        }
        return new KeyMgmt(prot, uri, bytes);
    }

    /**
     * The key management protocol.
     *
     * @return e.g. {@code "mikey"}
     */
    public String protocol() {
        return protocol;
    }

    /**
     * The URI the keys apply to.
     *
     * @return the URI, or {@code null}
     */
    public String uri() {
        return uri;
    }

    /**
     * The key management message (for MIKEY: the decoded MIKEY message bytes).
     *
     * @return a copy of the bytes
     */
    public byte[] data() {
        return data.clone();
    }

    /**
     * The canonical header value.
     *
     * @return {@code prot=<p>;uri="<uri>";data="<base64>"} (uri omitted when absent)
     */
    public String format() {
        StringBuilder sb = new StringBuilder("prot=").append(protocol);
        if (uri != null) {
            sb.append(";uri=\"").append(uri).append('"');
        }
        return sb.append(";data=\"").append(Base64.getEncoder().encodeToString(data)).append('"').toString();
    }

    /**
     * Values are equal when protocol, URI and data are equal.
     *
     * @param o the other object
     * @return whether equal
     */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof KeyMgmt)) {
            return false;
        }
        KeyMgmt k = (KeyMgmt) o;
        return protocol.equals(k.protocol) && Objects.equals(uri, k.uri) && Arrays.equals(data, k.data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(protocol, uri, Arrays.hashCode(data));
    }

    /**
     * Same as {@link #format()}.
     *
     * @return the canonical header value
     */
    @Override
    public String toString() {
        return format();
    }
}
