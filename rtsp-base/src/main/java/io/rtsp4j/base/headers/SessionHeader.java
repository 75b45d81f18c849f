package io.rtsp4j.base.headers;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A {@code Session} header (RFC 2326 §12.37): the session id and, in responses, the timeout in seconds.
 *
 * <p>Clients must send the id back without parameters, but some echo the whole value, e.g.
 * {@code 12345678;timeout=60} (Larix Broadcaster, mediamtx#815): compare {@link #id()} with the session's id,
 * never the raw header value. Unknown parameters are ignored.
 */
public final class SessionHeader {

    private static final String NAME = "Session";

    private final String id;
    private final Integer timeout;

    private SessionHeader(String id, Integer timeout) {
        this.id = id;
        this.timeout = timeout;
    }

    /**
     * A session header value.
     *
     * @param id the session id: visible ASCII without {@code ';'} or {@code ','}
     * @param timeout the timeout in seconds (at least 0), or {@code null} to omit it
     * @return the value
     * @throws IllegalArgumentException if the id is empty or has forbidden characters, or the timeout is negative
     */
    public static SessionHeader of(String id, Integer timeout) {
        if (!validId(id)) {
            throw new IllegalArgumentException("invalid session id '" + id + "'");
        }
        if (timeout != null && timeout < 0) {
            throw new IllegalArgumentException("negative session timeout " + timeout);
        }
        return new SessionHeader(id, timeout);
    }

    private static boolean validId(String id) {
        if (id == null || id.isEmpty()) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c <= ' ' || c >= 0x7f || c == ';' || c == ',') {
                return false;
            }
        }
        return true;
    }

    /**
     * Parses the only value of the header.
     *
     * @param values every value of the header ({@code RtspHeaders.getAll})
     * @return the session header
     * @throws HeaderParseException if there is not exactly one value or it is malformed
     */
    public static SessionHeader parse(List<String> values) throws HeaderParseException {
        return parse(HeaderValues.single(NAME, values));
    }

    /**
     * Parses a value.
     *
     * @param value e.g. {@code A3eqwsafq3rFASqew;timeout=47} or {@code A3eqwsafq3rFASqew; timeout = 47}
     * @return the session header
     * @throws HeaderParseException if the id is empty or invalid, or the timeout is not a number
     */
    public static SessionHeader parse(String value) throws HeaderParseException {
        List<String> parts = HeaderValues.split(value, ';');
        String id = parts.get(0);
        if (!validId(id)) {
            throw new HeaderParseException(NAME, "invalid session id '" + HeaderValues.excerpt(id) + "'");
        }
        Integer timeout = null;
        for (int i = 1; i < parts.size(); i++) {
            String p = parts.get(i);
            int eq = p.indexOf('=');
            if (eq < 0) {
                continue;
            }
            if (p.substring(0, eq).strip().toLowerCase(Locale.ROOT).equals("timeout")) {
                String t = HeaderValues.unquote(p.substring(eq + 1).strip());
                timeout = (int) HeaderValues.parseUnsigned(NAME, "timeout", t, Integer.MAX_VALUE);
            }
        }
        return new SessionHeader(id, timeout);
    }

    /**
     * The session id.
     *
     * @return the id, without parameters
     */
    public String id() {
        return id;
    }

    /**
     * The timeout in seconds.
     *
     * @return the timeout, or {@code null} when absent (RFC 2326 default: 60 s)
     */
    public Integer timeout() {
        return timeout;
    }

    /**
     * The canonical header value.
     *
     * @return {@code id} or {@code id;timeout=N}
     */
    public String format() {
        return timeout == null ? id : id + ";timeout=" + timeout;
    }

    /**
     * Values are equal when id and timeout are equal.
     *
     * @param o the other object
     * @return whether equal
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof SessionHeader && ((SessionHeader) o).id.equals(id)
                && Objects.equals(((SessionHeader) o).timeout, timeout);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, timeout);
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
