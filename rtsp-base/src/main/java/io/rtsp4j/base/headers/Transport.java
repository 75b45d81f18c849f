package io.rtsp4j.base.headers;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One transport specification of a {@code Transport} header (RFC 2326 §12.39), e.g.
 * {@code RTP/AVP;unicast;client_port=5000-5001;mode=play}. A header may list several alternatives; see
 * {@link Transports}.
 *
 * <p>Parsed leniently, as gortsplib does for the cameras and players it meets:
 * <ul>
 *   <li>the profile may appear anywhere among the parameters and in any case ({@code RTP/AVP},
 *       {@code RTP/AVP/UDP}, {@code RTP/AVP/TCP}, {@code RTP/SAVP}, {@code RTP/SAVP/UDP},
 *       {@code RTP/SAVP/TCP}); it is required;</li>
 *   <li>parameter values may be quoted ({@code mode="PLAY"}), names and {@code mode} values are
 *       case-insensitive, and {@code mode=receive} (old FFmpeg, Darwin) means record;</li>
 *   <li>a single port ({@code client_port=5000}) means the pair {@code 5000-5001};</li>
 *   <li>{@code ssrc} may have leading spaces (Hikvision, Dahua) and an odd number of hex digits; an SSRC
 *       that is not valid hex or longer than 8 digits is ignored rather than rejected;</li>
 *   <li>empty {@code source=} / {@code destination=} are ignored, as are unknown parameters.</li>
 * </ul>
 *
 * <p>The canonical form writes the parameters in a fixed order: profile, delivery, source, destination,
 * interleaved, append, port, ttl, layers, client_port, server_port, ssrc (8 upper-case hex digits), mode
 * (gortsplib's order, with RFC 2326's append and layers added).
 */
public final class Transport {

    private static final String NAME = "Transport";

    /** The lower transport. */
    public enum Protocol {
        /** RTP over UDP ({@code RTP/AVP} or {@code RTP/AVP/UDP}). */
        UDP,
        /** RTP interleaved in the RTSP connection ({@code RTP/AVP/TCP}). */
        TCP
    }

    /** The RTP profile. */
    public enum Profile {
        /** {@code RTP/AVP} (RFC 3551). */
        AVP,
        /** {@code RTP/SAVP}: SRTP (RFC 3711). */
        SAVP
    }

    /** Unicast or multicast delivery. */
    public enum Delivery {
        /** {@code unicast}. */
        UNICAST,
        /** {@code multicast}. */
        MULTICAST
    }

    /** The direction of the session. */
    public enum Mode {
        /** {@code mode=play}: the server sends media. */
        PLAY,
        /** {@code mode=record} (or the old {@code receive}): the client sends media. */
        RECORD
    }

    private final Protocol protocol;
    private final Profile profile;
    private final Delivery delivery;
    private final String source;
    private final String destination;
    private final PortPair interleaved;
    private final boolean append;
    private final Integer ttl;
    private final Integer layers;
    private final PortPair ports;
    private final PortPair clientPorts;
    private final PortPair serverPorts;
    private final Long ssrc;
    private final Mode mode;

    private Transport(Builder b) {
        this.protocol = b.protocol;
        this.profile = b.profile;
        this.delivery = b.delivery;
        this.source = b.source;
        this.destination = b.destination;
        this.interleaved = b.interleaved;
        this.append = b.append;
        this.ttl = b.ttl;
        this.layers = b.layers;
        this.ports = b.ports;
        this.clientPorts = b.clientPorts;
        this.serverPorts = b.serverPorts;
        this.ssrc = b.ssrc;
        this.mode = b.mode;
    }

    /**
     * Starts a transport.
     *
     * @param protocol the lower transport
     * @param profile the RTP profile
     * @return a builder with no other parameter set
     */
    public static Builder builder(Protocol protocol, Profile profile) {
        return new Builder(protocol, profile);
    }

    /**
     * A builder initialised with this transport.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder b = new Builder(protocol, profile);
        b.delivery = delivery;
        b.source = source;
        b.destination = destination;
        b.interleaved = interleaved;
        b.append = append;
        b.ttl = ttl;
        b.layers = layers;
        b.ports = ports;
        b.clientPorts = clientPorts;
        b.serverPorts = serverPorts;
        b.ssrc = ssrc;
        b.mode = mode;
        return b;
    }

    /**
     * Parses the only value of a Transport header that must hold exactly one transport.
     *
     * @param values every value of the header ({@code RtspHeaders.getAll})
     * @return the transport
     * @throws HeaderParseException if there is not exactly one value or it is malformed
     */
    public static Transport parse(List<String> values) throws HeaderParseException {
        return parse(HeaderValues.single(NAME, values));
    }

    /**
     * Parses one transport specification (no commas).
     *
     * @param value e.g. {@code RTP/AVP/TCP;unicast;interleaved=0-1}
     * @return the transport
     * @throws HeaderParseException if the profile is missing or repeated, or a parameter value is invalid
     */
    public static Transport parse(String value) throws HeaderParseException {
        Protocol protocol = null;
        Profile profile = null;
        Builder b = new Builder(Protocol.UDP, Profile.AVP);
        for (String part : HeaderValues.split(value, ';')) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            if (eq < 0) {
                String flag = part.toUpperCase(Locale.ROOT);
                switch (flag) {
                    case "RTP/AVP":
                    case "RTP/AVP/UDP":
                    case "RTP/AVP/TCP":
                    case "RTP/SAVP":
                    case "RTP/SAVP/UDP":
                    case "RTP/SAVP/TCP":
                        if (profile != null) {
                            throw new HeaderParseException(NAME, "more than one profile ('"
                                    + HeaderValues.excerpt(value) + "')");
                        }
                        profile = flag.startsWith("RTP/SAVP") ? Profile.SAVP : Profile.AVP;
                        protocol = flag.endsWith("/TCP") ? Protocol.TCP : Protocol.UDP;
                        break;
                    case "UNICAST":
                        b.delivery = Delivery.UNICAST;
                        break;
                    case "MULTICAST":
                        b.delivery = Delivery.MULTICAST;
                        break;
                    case "APPEND":
                        b.append = true;
                        break;
                    default:
                        if (flag.startsWith("RTP/")) {
                            throw new HeaderParseException(NAME, "unsupported profile '" + HeaderValues.excerpt(part)
                                    + "'");
                        }
                        break; // unknown flags are ignored
                }
                continue;
            }
            String key = part.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            String raw = part.substring(eq + 1);
            String v = HeaderValues.unquote(raw.strip());
            switch (key) {
                case "source":
                    b.source = address("source", v);
                    break;
                case "destination":
                    b.destination = address("destination", v);
                    break;
                case "interleaved":
                    b.interleaved = PortPair.parse(NAME, "interleaved channels", v, 255);
                    break;
                case "ttl":
                    b.ttl = (int) HeaderValues.parseUnsigned(NAME, "ttl", v, 255);
                    break;
                case "layers":
                    b.layers = (int) HeaderValues.parseUnsigned(NAME, "layers", v, Integer.MAX_VALUE);
                    break;
                case "port":
                    b.ports = PortPair.parse(NAME, "ports", v, 65535);
                    break;
                case "client_port":
                    b.clientPorts = PortPair.parse(NAME, "client ports", v, 65535);
                    break;
                case "server_port":
                    b.serverPorts = PortPair.parse(NAME, "server ports", v, 65535);
                    break;
                case "ssrc":
                    b.ssrc = parseSsrc(raw);
                    break;
                case "mode":
                    b.mode = parseMode(v);
                    break;
                default:
                    break; // unknown parameters are ignored
            }
        }
        if (profile == null) {
            throw new HeaderParseException(NAME, "profile is missing ('" + HeaderValues.excerpt(value) + "')");
        }
        b.protocol = protocol;
        b.profile = profile;
        return b.build();
    }

    /** An address parameter: empty means absent (sent by some cameras); it must be writable back unquoted. */
    private static String address(String what, String v) throws HeaderParseException {
        if (v.isEmpty()) {
            return null;
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c <= ' ' || c == ';' || c == ',' || c == '"' || c == 0x7f) {
                throw new HeaderParseException(NAME, "invalid " + what + " '" + HeaderValues.excerpt(v) + "'");
            }
        }
        return v;
    }

    /**
     * SSRC as gortsplib reads it: leading spaces trimmed (Hikvision/Dahua send {@code ssrc= 4317f}), odd
     * digit counts padded, anything else unusable ignored (null) rather than failing the whole header.
     */
    private static Long parseSsrc(String raw) {
        String s = HeaderValues.unquote(raw.strip());
        if (s.isEmpty() || s.length() > 8) {
            return null;
        }
        long v = 0;
        for (int i = 0; i < s.length(); i++) {
            int d = Character.digit(s.charAt(i), 16);
            if (d < 0) {
                return null;
            }
            v = v << 4 | d;
        }
        return v;
    }

    private static Mode parseMode(String v) throws HeaderParseException {
        switch (v.strip().toLowerCase(Locale.ROOT)) {
            case "play":
                return Mode.PLAY;
            case "record":
            case "receive":
                return Mode.RECORD;
            default:
                throw new HeaderParseException(NAME, "invalid mode '" + HeaderValues.excerpt(v) + "'");
        }
    }

    /**
     * The canonical header value.
     *
     * @return e.g. {@code RTP/AVP;unicast;client_port=5000-5001;server_port=8000-8001;ssrc=0A1B2C3D}
     */
    public String format() {
        StringBuilder sb = new StringBuilder(80);
        sb.append(profile == Profile.SAVP ? "RTP/SAVP" : "RTP/AVP");
        if (protocol == Protocol.TCP) {
            sb.append("/TCP");
        }
        if (delivery != null) {
            sb.append(delivery == Delivery.UNICAST ? ";unicast" : ";multicast");
        }
        if (source != null) {
            sb.append(";source=").append(source);
        }
        if (destination != null) {
            sb.append(";destination=").append(destination);
        }
        if (interleaved != null) {
            sb.append(";interleaved=").append(interleaved);
        }
        if (append) {
            sb.append(";append");
        }
        if (ports != null) {
            sb.append(";port=").append(ports);
        }
        if (ttl != null) {
            sb.append(";ttl=").append(ttl);
        }
        if (layers != null) {
            sb.append(";layers=").append(layers);
        }
        if (clientPorts != null) {
            sb.append(";client_port=").append(clientPorts);
        }
        if (serverPorts != null) {
            sb.append(";server_port=").append(serverPorts);
        }
        if (ssrc != null) {
            sb.append(";ssrc=").append(String.format("%08X", ssrc));
        }
        if (mode != null) {
            sb.append(mode == Mode.PLAY ? ";mode=play" : ";mode=record");
        }
        return sb.toString();
    }

    /**
     * The lower transport.
     *
     * @return UDP or TCP
     */
    public Protocol protocol() {
        return protocol;
    }

    /**
     * The RTP profile.
     *
     * @return AVP or SAVP
     */
    public Profile profile() {
        return profile;
    }

    /**
     * Unicast or multicast.
     *
     * @return the delivery, or {@code null} when not stated
     */
    public Delivery delivery() {
        return delivery;
    }

    /**
     * The {@code source} address.
     *
     * @return the address as written, or {@code null}
     */
    public String source() {
        return source;
    }

    /**
     * The {@code destination} address.
     *
     * @return the address as written, or {@code null}
     */
    public String destination() {
        return destination;
    }

    /**
     * The interleaved channels (TCP).
     *
     * @return the channels (each 0..255), or {@code null}
     */
    public PortPair interleaved() {
        return interleaved;
    }

    /**
     * The {@code append} flag (record into an existing resource).
     *
     * @return whether present
     */
    public boolean append() {
        return append;
    }

    /**
     * The multicast time-to-live.
     *
     * @return 0..255, or {@code null}
     */
    public Integer ttl() {
        return ttl;
    }

    /**
     * The number of multicast layers.
     *
     * @return the layers, or {@code null}
     */
    public Integer layers() {
        return layers;
    }

    /**
     * The multicast {@code port} pair.
     *
     * @return the ports, or {@code null}
     */
    public PortPair ports() {
        return ports;
    }

    /**
     * The client's RTP/RTCP ports (UDP unicast).
     *
     * @return the ports, or {@code null}
     */
    public PortPair clientPorts() {
        return clientPorts;
    }

    /**
     * The server's RTP/RTCP ports (UDP unicast).
     *
     * @return the ports, or {@code null}
     */
    public PortPair serverPorts() {
        return serverPorts;
    }

    /**
     * The SSRC.
     *
     * @return the SSRC as an unsigned 32-bit value, or {@code null}
     */
    public Long ssrc() {
        return ssrc;
    }

    /**
     * The mode.
     *
     * @return PLAY, RECORD, or {@code null} when absent (RFC 2326: absent means play)
     */
    public Mode mode() {
        return mode;
    }

    /**
     * Transports are equal when every parameter is equal.
     *
     * @param o the other object
     * @return whether equal
     */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Transport)) {
            return false;
        }
        Transport t = (Transport) o;
        return protocol == t.protocol && profile == t.profile && delivery == t.delivery
                && Objects.equals(source, t.source) && Objects.equals(destination, t.destination)
                && Objects.equals(interleaved, t.interleaved) && append == t.append && Objects.equals(ttl, t.ttl)
                && Objects.equals(layers, t.layers) && Objects.equals(ports, t.ports)
                && Objects.equals(clientPorts, t.clientPorts) && Objects.equals(serverPorts, t.serverPorts)
                && Objects.equals(ssrc, t.ssrc) && mode == t.mode;
    }

    @Override
    public int hashCode() {
        return Objects.hash(protocol, profile, delivery, source, destination, interleaved, append, ttl, layers, ports,
                clientPorts, serverPorts, ssrc, mode);
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

    /** Builds {@link Transport}s. Unset parameters are absent. */
    public static final class Builder {

        private Protocol protocol;
        private Profile profile;
        private Delivery delivery;
        private String source;
        private String destination;
        private PortPair interleaved;
        private boolean append;
        private Integer ttl;
        private Integer layers;
        private PortPair ports;
        private PortPair clientPorts;
        private PortPair serverPorts;
        private Long ssrc;
        private Mode mode;

        private Builder(Protocol protocol, Profile profile) {
            this.protocol = Objects.requireNonNull(protocol, "protocol");
            this.profile = Objects.requireNonNull(profile, "profile");
        }

        /**
         * Sets the delivery.
         *
         * @param delivery unicast, multicast or {@code null}
         * @return this
         */
        public Builder delivery(Delivery delivery) {
            this.delivery = delivery;
            return this;
        }

        /**
         * Sets the source address.
         *
         * @param source the address, or {@code null}
         * @return this
         */
        public Builder source(String source) {
            this.source = checkAddress(source);
            return this;
        }

        /**
         * Sets the destination address.
         *
         * @param destination the address, or {@code null}
         * @return this
         */
        public Builder destination(String destination) {
            this.destination = checkAddress(destination);
            return this;
        }

        private static String checkAddress(String a) {
            if (a != null && (a.isEmpty() || a.indexOf(';') >= 0 || a.indexOf(',') >= 0 || a.indexOf('"') >= 0
                    || HeaderValues.hasForbidden(a))) {
                throw new IllegalArgumentException("invalid address '" + a + "'");
            }
            return a;
        }

        /**
         * Sets the interleaved channels.
         *
         * @param interleaved the channels (each 0..255), or {@code null}
         * @return this
         * @throws IllegalArgumentException if a channel is above 255
         */
        public Builder interleaved(PortPair interleaved) {
            if (interleaved != null && (interleaved.first() > 255 || interleaved.second() > 255)) {
                throw new IllegalArgumentException("interleaved channels " + interleaved + " out of range 0..255");
            }
            this.interleaved = interleaved;
            return this;
        }

        /**
         * Sets the append flag.
         *
         * @param append whether to write {@code append}
         * @return this
         */
        public Builder append(boolean append) {
            this.append = append;
            return this;
        }

        /**
         * Sets the multicast TTL.
         *
         * @param ttl 0..255, or {@code null}
         * @return this
         * @throws IllegalArgumentException if out of range
         */
        public Builder ttl(Integer ttl) {
            if (ttl != null && (ttl < 0 || ttl > 255)) {
                throw new IllegalArgumentException("ttl " + ttl + " out of range 0..255");
            }
            this.ttl = ttl;
            return this;
        }

        /**
         * Sets the number of layers.
         *
         * @param layers at least 0, or {@code null}
         * @return this
         */
        public Builder layers(Integer layers) {
            if (layers != null && layers < 0) {
                throw new IllegalArgumentException("layers " + layers + " is negative");
            }
            this.layers = layers;
            return this;
        }

        /**
         * Sets the multicast port pair.
         *
         * @param ports the ports, or {@code null}
         * @return this
         */
        public Builder ports(PortPair ports) {
            this.ports = ports;
            return this;
        }

        /**
         * Sets the client ports.
         *
         * @param clientPorts the ports, or {@code null}
         * @return this
         */
        public Builder clientPorts(PortPair clientPorts) {
            this.clientPorts = clientPorts;
            return this;
        }

        /**
         * Sets the server ports.
         *
         * @param serverPorts the ports, or {@code null}
         * @return this
         */
        public Builder serverPorts(PortPair serverPorts) {
            this.serverPorts = serverPorts;
            return this;
        }

        /**
         * Sets the SSRC.
         *
         * @param ssrc an unsigned 32-bit value, or {@code null}
         * @return this
         * @throws IllegalArgumentException if not in 0..2^32-1
         */
        public Builder ssrc(Long ssrc) {
            if (ssrc != null && (ssrc < 0 || ssrc > 0xFFFFFFFFL)) {
                throw new IllegalArgumentException("ssrc " + ssrc + " is not an unsigned 32-bit value");
            }
            this.ssrc = ssrc;
            return this;
        }

        /**
         * Sets the mode.
         *
         * @param mode play, record or {@code null}
         * @return this
         */
        public Builder mode(Mode mode) {
            this.mode = mode;
            return this;
        }

        /**
         * Builds the transport.
         *
         * @return the value
         */
        public Transport build() {
            return new Transport(this);
        }
    }
}
