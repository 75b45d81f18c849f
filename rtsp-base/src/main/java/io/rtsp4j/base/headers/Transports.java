package io.rtsp4j.base.headers;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The value of a {@code Transport} request header: the comma-separated transports a client accepts, in its
 * order of preference (RFC 2326 §12.39). A server picks the first one it supports.
 */
public final class Transports {

    private static final String NAME = "Transport";

    private final List<Transport> transports;

    private Transports(List<Transport> transports) {
        this.transports = List.copyOf(transports);
    }

    /**
     * A list of transports.
     *
     * @param transports at least one transport, in order of preference
     * @return the list value
     * @throws IllegalArgumentException if the list is empty
     */
    public static Transports of(List<Transport> transports) {
        if (transports.isEmpty()) {
            throw new IllegalArgumentException("a Transport header needs at least one transport");
        }
        return new Transports(transports);
    }

    /**
     * Parses the only value of the header.
     *
     * @param values every value of the header ({@code RtspHeaders.getAll})
     * @return the transports
     * @throws HeaderParseException if there is not exactly one value or a transport is malformed
     */
    public static Transports parse(List<String> values) throws HeaderParseException {
        return parse(HeaderValues.single(NAME, values));
    }

    /**
     * Parses a comma-separated list of transports; empty items are skipped.
     *
     * @param value e.g. {@code RTP/AVP;unicast;client_port=3456-3457, RTP/AVP/TCP;unicast;interleaved=0-1}
     * @return the transports
     * @throws HeaderParseException if the list is empty or a transport is malformed
     */
    public static Transports parse(String value) throws HeaderParseException {
        List<Transport> out = new ArrayList<>();
        for (String item : HeaderValues.split(value, ',')) {
            if (!item.isEmpty()) {
                out.add(Transport.parse(item));
            }
        }
        if (out.isEmpty()) {
            throw new HeaderParseException(NAME, "no transport given");
        }
        return new Transports(out);
    }

    /**
     * The transports in order of preference.
     *
     * @return an unmodifiable, non-empty list
     */
    public List<Transport> list() {
        return transports;
    }

    /**
     * The canonical header value: the canonical transports joined by commas.
     *
     * @return e.g. {@code RTP/AVP;unicast;client_port=3456-3457,RTP/AVP/TCP;unicast;interleaved=0-1}
     */
    public String format() {
        StringBuilder sb = new StringBuilder();
        for (Transport t : transports) {
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(t.format());
        }
        return sb.toString();
    }

    /**
     * Lists are equal when their transports are equal, in order.
     *
     * @param o the other object
     * @return whether equal
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof Transports && ((Transports) o).transports.equals(transports);
    }

    @Override
    public int hashCode() {
        return Objects.hash(transports);
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
