package io.rtsp4j.base.headers;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * An {@code RTP-Info} header (RFC 2326 §12.33): for each stream of a PLAY response, its URL and the RTP
 * sequence number and timestamp of the first packet after the PLAY.
 *
 * <p>The URL may be absolute or, as some servers send it, just the control path ({@code url=trackID=0}).
 * It may be quoted (RFC 7826 style). Parameters other than {@code url}, {@code seq} and {@code rtptime}
 * (e.g. {@code ssrc}) are ignored.
 */
public final class RtpInfo {

    private static final String NAME = "RTP-Info";

    /**
     * One stream of an RTP-Info header.
     *
     * @param url the stream URL (never empty)
     * @param sequenceNumber the sequence number 0..65535, or {@code null} when absent
     * @param timestamp the RTP timestamp 0..2^32-1, or {@code null} when absent
     */
    public record Entry(String url, Integer sequenceNumber, Long timestamp) {

        /**
         * Checks the fields.
         *
         * @param url the stream URL (never empty; no double quote, CR, LF or NUL)
         * @param sequenceNumber 0..65535 or {@code null}
         * @param timestamp 0..2^32-1 or {@code null}
         * @throws IllegalArgumentException if a field is out of range
         */
        public Entry {
            Objects.requireNonNull(url, "url");
            if (url.isEmpty() || url.indexOf('"') >= 0 || HeaderValues.hasForbidden(url)) {
                throw new IllegalArgumentException("invalid RTP-Info url '" + url + "'");
            }
            if (sequenceNumber != null && (sequenceNumber < 0 || sequenceNumber > 0xFFFF)) {
                throw new IllegalArgumentException("sequence number " + sequenceNumber + " out of range");
            }
            if (timestamp != null && (timestamp < 0 || timestamp > 0xFFFFFFFFL)) {
                throw new IllegalArgumentException("timestamp " + timestamp + " out of range");
            }
        }
    }

    private final List<Entry> entries;

    private RtpInfo(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /**
     * An RTP-Info value.
     *
     * @param entries at least one entry
     * @return the value
     * @throws IllegalArgumentException if the list is empty
     */
    public static RtpInfo of(List<Entry> entries) {
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("RTP-Info needs at least one entry");
        }
        return new RtpInfo(entries);
    }

    /**
     * Parses the only value of the header.
     *
     * @param values every value of the header ({@code RtspHeaders.getAll})
     * @return the value
     * @throws HeaderParseException if there is not exactly one value or it is malformed
     */
    public static RtpInfo parse(List<String> values) throws HeaderParseException {
        return parse(HeaderValues.single(NAME, values));
    }

    /**
     * Parses a value.
     *
     * @param value e.g. {@code url=rtsp://h/s/trackID=0;seq=4917;rtptime=2113445524,url=...}
     * @return the value
     * @throws HeaderParseException if an entry has no url, or seq/rtptime is not a number in range
     */
    public static RtpInfo parse(String value) throws HeaderParseException {
        List<Entry> out = new ArrayList<>();
        for (String item : HeaderValues.split(value, ',')) {
            if (item.isEmpty()) {
                continue;
            }
            String url = null;
            Integer seq = null;
            Long ts = null;
            for (String part : HeaderValues.split(item, ';')) {
                if (part.isEmpty()) {
                    continue;
                }
                int eq = part.indexOf('=');
                String key = (eq < 0 ? part : part.substring(0, eq)).strip().toLowerCase(Locale.ROOT);
                String v = eq < 0 ? "" : HeaderValues.unquote(part.substring(eq + 1).strip());
                switch (key) {
                    case "url":
                        url = v;
                        break;
                    case "seq":
                        seq = (int) HeaderValues.parseUnsigned(NAME, "seq", v, 0xFFFF);
                        break;
                    case "rtptime":
                        ts = HeaderValues.parseUnsigned(NAME, "rtptime", v, 0xFFFFFFFFL);
                        break;
                    default:
                        break;
                }
            }
            if (url == null || url.isEmpty()) {
                throw new HeaderParseException(NAME, "url is missing in '" + HeaderValues.excerpt(item) + "'");
            }
            try {
                out.add(new Entry(url, seq, ts));
            } catch (IllegalArgumentException e) {
                throw new HeaderParseException(NAME, "invalid url '" + HeaderValues.excerpt(url) + "'");
            }
        }
        if (out.isEmpty()) {
            throw new HeaderParseException(NAME, "no entry given");
        }
        return new RtpInfo(out);
    }

    /**
     * The entries, one per stream.
     *
     * @return an unmodifiable, non-empty list
     */
    public List<Entry> entries() {
        return entries;
    }

    /**
     * The canonical header value.
     *
     * @return e.g. {@code url=rtsp://h/s/trackID=0;seq=4917;rtptime=2113445524}
     */
    public String format() {
        StringBuilder sb = new StringBuilder();
        for (Entry e : entries) {
            if (sb.length() > 0) {
                sb.append(',');
            }
            String url = e.url();
            // RFC 2326 writes the URL bare; one holding a separator must be quoted (RFC 7826 style)
            boolean quote = url.indexOf(',') >= 0 || url.indexOf(';') >= 0;
            sb.append("url=").append(quote ? "\"" + url + "\"" : url);
            if (e.sequenceNumber() != null) {
                sb.append(";seq=").append(e.sequenceNumber());
            }
            if (e.timestamp() != null) {
                sb.append(";rtptime=").append(e.timestamp());
            }
        }
        return sb.toString();
    }

    /**
     * Values are equal when their entries are equal, in order.
     *
     * @param o the other object
     * @return whether equal
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof RtpInfo && ((RtpInfo) o).entries.equals(entries);
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
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
