package io.rtsp4j.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A tolerant SDP reader: accepts what real cameras, encoders and servers send.
 *
 * <p>Tolerated deviations from RFC 8866 (each one seen in the wild):
 * <ul>
 *   <li>LF-only, CRLF or mixed line endings, stray {@code \r}, blank lines, leading blanks, a byte order
 *       mark;</li>
 *   <li>missing {@code v=}, {@code o=}, {@code s=} or {@code t=}; session attributes before {@code s=};
 *       session lines ({@code t=}, {@code s=}, ...) after the first {@code m=};</li>
 *   <li>origins with user names containing spaces, a missing user name or address, hexadecimal
 *       ({@code 0xAC4EC96E}, {@code 103bdb6f}), negative or fractional ids, {@code -0} glued to the id,
 *       {@code IP} instead of {@code IN}, {@code IPV4} instead of {@code IP4};</li>
 *   <li>connections without address type ({@code c=IN 10.0.0.1}) or address ({@code c=IN}: ignored),
 *       {@code c=In}, a repeated prefix ({@code c=IN c=IN IP4 0.0.0.0}), non-IN networks
 *       ({@code c=SM ...}: ignored);</li>
 *   <li>{@code t=now-}, {@code r=} without offsets or before any {@code t=}, unit suffixes
 *       ({@code 7d 1h});</li>
 *   <li>any bandwidth type, any media type ({@code application/TP-LINK}, {@code metadata}, {@code text}),
 *       any protocol ({@code RTP/AVP/TCP}, {@code MP2T/AVP}) and any format token
 *       ({@code smart/1/90000}).</li>
 * </ul>
 * Lines whose type letter RFC 8866 does not define, lines without {@code =} and unreadable numbers are
 * rejected with an {@link SdpParseException} naming the line.
 */
public final class SdpReader {

    private static final int MAX_MESSAGE_EXCERPT = 80;

    private SdpReader() {
    }

    /**
     * Reads a session description.
     *
     * @param sdp the SDP text
     * @return the description
     * @throws SdpParseException if a line cannot be understood; the message names the line
     */
    public static SessionDescription parse(String sdp) {
        Objects.requireNonNull(sdp, "sdp");
        return new State().read(sdp);
    }

    /** Mutable accumulator for one media section. */
    private static final class MediaBuilder {
        final String type;
        final int port;
        final int portCount;
        final List<String> protos;
        final List<String> formats;
        String title;
        Connection connection;
        final List<Bandwidth> bandwidths = new ArrayList<>();
        String encryptionKey;
        final List<Attribute> attributes = new ArrayList<>();

        MediaBuilder(String type, int port, int portCount, List<String> protos, List<String> formats) {
            this.type = type;
            this.port = port;
            this.portCount = portCount;
            this.protos = protos;
            this.formats = formats;
        }

        MediaDescription build() {
            return new MediaDescription(type, port, portCount, protos, formats, title, connection, bandwidths,
                    encryptionKey, attributes);
        }
    }

    /** Mutable accumulator for the whole description. */
    private static final class State {
        int version;
        Origin origin;
        String sessionName;
        String sessionInformation;
        String uri;
        String email;
        String phone;
        Connection connection;
        final List<Bandwidth> bandwidths = new ArrayList<>();
        final List<Timing> timings = new ArrayList<>();
        final List<List<RepeatTime>> repeats = new ArrayList<>();
        final List<TimeZoneAdjustment> timeZones = new ArrayList<>();
        String encryptionKey;
        final List<Attribute> attributes = new ArrayList<>();
        final List<MediaBuilder> media = new ArrayList<>();
        MediaBuilder current;

        SessionDescription read(String text) {
            int lineNumber = 0;
            int pos = 0;
            int length = text.length();
            while (pos <= length) {
                int end = text.indexOf('\n', pos);
                if (end < 0) {
                    end = length;
                }
                lineNumber++;
                String line = clean(text, pos, end, lineNumber == 1);
                pos = end + 1;
                if (line.isEmpty()) {
                    continue;
                }
                try {
                    readLine(line);
                } catch (SdpParseException e) {
                    throw e.atLine(lineNumber);
                }
            }
            List<Timing> finalTimings = new ArrayList<>(timings.size());
            for (int i = 0; i < timings.size(); i++) {
                Timing t = timings.get(i);
                finalTimings.add(new Timing(t.startTime(), t.stopTime(), repeats.get(i)));
            }
            List<MediaDescription> medias = new ArrayList<>(media.size());
            for (MediaBuilder m : media) {
                medias.add(m.build());
            }
            return new SessionDescription(version, origin, sessionName, sessionInformation, uri, email, phone,
                    connection, bandwidths, finalTimings, timeZones, encryptionKey, attributes, medias);
        }

        /** The line without CRs and leading blanks (and without a BOM on the first line). */
        private static String clean(String text, int start, int end, boolean first) {
            int s = start;
            if (first && s < end && text.charAt(s) == '\uFEFF') {
                s++;
            }
            while (s < end && (text.charAt(s) == ' ' || text.charAt(s) == '\t' || text.charAt(s) == '\r')) {
                s++;
            }
            String line = text.substring(s, end);
            if (line.indexOf('\r') >= 0) {
                line = line.replace("\r", "");
            }
            if (line.isBlank()) {
                return "";
            }
            return line;
        }

        private void readLine(String line) {
            if (line.length() < 2 || line.charAt(1) != '=') {
                throw new SdpParseException("expected '<type>=<value>', got '" + excerpt(line) + "'");
            }
            char type = line.charAt(0);
            String value = line.substring(2);
            switch (type) {
                case 'v' -> version = parseVersion(value);
                case 'o' -> origin = parseOrigin(value);
                case 's' -> sessionName = value;
                case 'i' -> {
                    if (current != null) {
                        current.title = value;
                    } else {
                        sessionInformation = value;
                    }
                }
                case 'u' -> uri = value;
                case 'e' -> email = email == null ? value : email;
                case 'p' -> phone = phone == null ? value : phone;
                case 'c' -> {
                    Connection c = parseConnection(value);
                    if (current != null) {
                        current.connection = current.connection == null ? c : current.connection;
                    } else {
                        connection = connection == null ? c : connection;
                    }
                }
                case 'b' -> (current != null ? current.bandwidths : bandwidths).add(parseBandwidth(value));
                case 't' -> {
                    timings.add(parseTiming(value));
                    repeats.add(new ArrayList<>());
                }
                case 'r' -> {
                    if (timings.isEmpty()) {
                        // a repeat needs a timing: behave as if the missing t= were "t=0 0"
                        timings.add(Timing.PERMANENT);
                        repeats.add(new ArrayList<>());
                    }
                    repeats.get(repeats.size() - 1).add(parseRepeat(value));
                }
                case 'z' -> timeZones.addAll(parseTimeZones(value));
                case 'k' -> {
                    if (current != null) {
                        current.encryptionKey = value;
                    } else {
                        encryptionKey = value;
                    }
                }
                case 'a' -> (current != null ? current.attributes : attributes).add(parseAttribute(value));
                case 'm' -> {
                    current = parseMedia(value);
                    media.add(current);
                }
                default -> throw new SdpParseException("unknown line type '" + type + "' in '" + excerpt(line) + "'");
            }
        }
    }

    static String excerpt(String s) {
        return s.length() <= MAX_MESSAGE_EXCERPT ? s : s.substring(0, MAX_MESSAGE_EXCERPT) + "...";
    }

    private static int parseVersion(String value) {
        String v = value.trim();
        if (v.isEmpty() || v.length() > 9 || !allDigits(v)) {
            throw new SdpParseException("invalid version '" + excerpt(value) + "'");
        }
        return Integer.parseInt(v);
    }

    // ---------------------------------------------------------------- o=

    static Origin parseOrigin(String value) {
        List<String> tokens = tokens(value);
        int n = tokens.size();
        if (n == 0) {
            throw new SdpParseException("empty origin");
        }
        // The network part is "IN <addrtype> <address>", possibly missing its last one or two words;
        // everything before it is "<username...> <id> <version>", the user name possibly with spaces.
        int net = -1;
        for (int i = Math.max(0, n - 3); i < n; i++) {
            String t = tokens.get(i);
            if (t.equalsIgnoreCase("IN") || t.equalsIgnoreCase("IP")) {
                net = i;
                break;
            }
        }
        List<String> head = net < 0 ? tokens : tokens.subList(0, net);
        if (net < 0 && (n < 2 || !isOriginNumber(tokens.get(n - 1)) || !isOriginNumber(tokens.get(n - 2)))) {
            throw new SdpParseException("invalid origin '" + excerpt(value) + "'");
        }
        String versionToken = head.isEmpty() ? "0" : head.get(head.size() - 1);
        String idToken = head.size() >= 2 ? head.get(head.size() - 2) : "0";
        String username = head.size() >= 3 ? String.join(" ", head.subList(0, head.size() - 2)) : "";
        if (username.isEmpty() && head.size() == 2 && idToken.length() > 1 && idToken.charAt(0) == '-') {
            // "o=-0 0 IN IP4 ..." (LiveReporter): the "-" user name is glued to the id
            username = "-";
            idToken = idToken.substring(1);
        }
        long id = parseOriginNumber(idToken, "session id");
        long version = parseOriginNumber(versionToken, "session version");
        if (net < 0) {
            return new Origin(username, id, version, "", "", "");
        }
        List<String> tail = tokens.subList(net + 1, n);
        String addressType = "IP4";
        String address = "";
        if (tail.size() == 1) {
            String t = tail.get(0);
            String normalized = addressType(t);
            if (normalized != null) {
                addressType = normalized;
            } else {
                address = t;
                addressType = inferAddressType(t);
            }
        } else if (tail.size() == 2) {
            String normalized = addressType(tail.get(0));
            addressType = normalized != null ? normalized : inferAddressType(tail.get(1));
            address = tail.get(1);
        }
        return new Origin(username, id, version, "IN", addressType, address);
    }

    private static boolean isOriginNumber(String t) {
        try {
            parseOriginNumber(t, "");
            return true;
        } catch (SdpParseException e) {
            return false;
        }
    }

    /**
     * Session ids and versions: decimal (unsigned 64-bit), hexadecimal ({@code 0x} prefix or hex letters),
     * negative (absolute value) or fractional (integer part).
     */
    static long parseOriginNumber(String token, String what) {
        String t = token;
        if (t.startsWith("-")) {
            t = t.substring(1);
        }
        boolean hex = false;
        if (t.startsWith("0x") || t.startsWith("0X")) {
            t = t.substring(2);
            hex = true;
        }
        if (!hex) {
            int dot = t.indexOf('.');
            if (dot >= 0 && allDigits(t.substring(dot + 1))) {
                t = t.substring(0, dot);
                if (t.isEmpty()) {
                    t = "0";
                }
            }
        }
        if (t.isEmpty()) {
            throw new SdpParseException("invalid " + what + " '" + excerpt(token) + "'");
        }
        boolean digits = allDigits(t);
        if (!digits) {
            if (!allHexDigits(t)) {
                throw new SdpParseException("invalid " + what + " '" + excerpt(token) + "'");
            }
            hex = true;
        }
        try {
            return Long.parseUnsignedLong(t, hex ? 16 : 10);
        } catch (NumberFormatException e) {
            throw new SdpParseException("invalid " + what + " '" + excerpt(token) + "': out of range");
        }
    }

    private static String addressType(String t) {
        if (t.equalsIgnoreCase("IP4") || t.equalsIgnoreCase("IPV4")) {
            return "IP4";
        }
        if (t.equalsIgnoreCase("IP6") || t.equalsIgnoreCase("IPV6")) {
            return "IP6";
        }
        return null;
    }

    private static String inferAddressType(String address) {
        return address.indexOf(':') >= 0 && address.indexOf('.') < 0 ? "IP6" : "IP4";
    }

    // ---------------------------------------------------------------- c=

    static Connection parseConnection(String value) {
        String v = value;
        // "c=IN c=IN IP4 0.0.0.0" (HIK Media Server): keep the last, complete copy
        int again = v.lastIndexOf("c=");
        if (again >= 0) {
            v = v.substring(again + 2);
        }
        List<String> tokens = tokens(v);
        if (tokens.size() < 2) {
            return null; // "c=IN" without address: nothing to connect to
        }
        String network = tokens.get(0);
        if (!network.equalsIgnoreCase("IN") && !network.equalsIgnoreCase("IP")) {
            return null; // "c=SM SM spk0_trackID2" (Avigilon) and other non-IP networks
        }
        String type = addressType(tokens.get(1));
        if (type == null) {
            // "c=IN 198.51.100.1": the address type is missing
            return new Connection("IN", inferAddressType(tokens.get(1)), tokens.get(1));
        }
        return new Connection("IN", type, tokens.size() > 2 ? tokens.get(2) : "");
    }

    // ---------------------------------------------------------------- b=

    static Bandwidth parseBandwidth(String value) {
        int colon = value.indexOf(':');
        if (colon < 0) {
            throw new SdpParseException("invalid bandwidth '" + excerpt(value) + "': expected <type>:<value>");
        }
        String type = value.substring(0, colon).trim();
        boolean experimental = type.regionMatches(true, 0, "X-", 0, 2);
        if (experimental) {
            type = type.substring(2);
        }
        String number = value.substring(colon + 1).trim();
        return new Bandwidth(experimental, type, parseUnsigned(number, "bandwidth value"));
    }

    // ---------------------------------------------------------------- t= r= z=

    static Timing parseTiming(String value) {
        List<String> tokens = tokens(value);
        if (tokens.isEmpty()) {
            throw new SdpParseException("empty timing");
        }
        if (tokens.get(0).startsWith("now")) {
            return Timing.PERMANENT; // "t=now-" (FLIR)
        }
        long start = parseUnsigned(tokens.get(0), "start time");
        long stop = tokens.size() > 1 ? parseUnsigned(tokens.get(1), "stop time") : 0;
        return new Timing(start, stop, List.of());
    }

    static RepeatTime parseRepeat(String value) {
        List<String> tokens = tokens(value);
        if (tokens.size() < 2) {
            throw new SdpParseException("invalid repeat time '" + excerpt(value) + "'");
        }
        long interval = parseTimeUnits(tokens.get(0));
        long duration = parseTimeUnits(tokens.get(1));
        List<Long> offsets = new ArrayList<>();
        for (int i = 2; i < tokens.size(); i++) {
            offsets.add(parseTimeUnits(tokens.get(i)));
        }
        return new RepeatTime(interval, duration, offsets);
    }

    static List<TimeZoneAdjustment> parseTimeZones(String value) {
        List<String> tokens = tokens(value);
        if (tokens.isEmpty() || tokens.size() % 2 != 0) {
            throw new SdpParseException("invalid time zones '" + excerpt(value) + "': expected pairs");
        }
        List<TimeZoneAdjustment> out = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i += 2) {
            out.add(new TimeZoneAdjustment(parseUnsigned(tokens.get(i), "adjustment time"),
                    parseTimeUnits(tokens.get(i + 1))));
        }
        return out;
    }

    /** A signed number of seconds with an optional d/h/m/s unit. */
    static long parseTimeUnits(String token) {
        long factor = 1;
        String t = token;
        char last = t.isEmpty() ? 0 : t.charAt(t.length() - 1);
        switch (last) {
            case 'd' -> factor = 86400;
            case 'h' -> factor = 3600;
            case 'm' -> factor = 60;
            case 's' -> factor = 1;
            default -> factor = 0;
        }
        if (factor != 0) {
            t = t.substring(0, t.length() - 1);
        } else {
            factor = 1;
        }
        boolean negative = t.startsWith("-");
        String digits = negative ? t.substring(1) : t;
        if (digits.isEmpty() || digits.length() > 12 || !allDigits(digits)) {
            throw new SdpParseException("invalid time '" + excerpt(token) + "'");
        }
        long v = Long.parseLong(digits) * factor;
        return negative ? -v : v;
    }

    // ---------------------------------------------------------------- a= m=

    static Attribute parseAttribute(String value) {
        int colon = value.indexOf(':');
        if (colon > 0) {
            return new Attribute(value.substring(0, colon), value.substring(colon + 1));
        }
        return new Attribute(value, "");
    }

    private static MediaBuilder parseMedia(String value) {
        List<String> tokens = tokens(value);
        if (tokens.size() < 3) {
            throw new SdpParseException("invalid media description '" + excerpt(value)
                    + "': expected <media> <port> <proto> <fmt>...");
        }
        String portToken = tokens.get(1);
        int slash = portToken.indexOf('/');
        int port = parsePort(slash < 0 ? portToken : portToken.substring(0, slash), portToken);
        int count = 0;
        if (slash >= 0) {
            String c = portToken.substring(slash + 1);
            if (c.isEmpty() || c.length() > 5 || !allDigits(c)) {
                throw new SdpParseException("invalid port count in '" + excerpt(portToken) + "'");
            }
            count = Integer.parseInt(c);
        }
        List<String> protos = List.of(tokens.get(2).split("/", -1));
        return new MediaBuilder(tokens.get(0), port, count, protos, tokens.subList(3, tokens.size()));
    }

    private static int parsePort(String s, String token) {
        if (s.isEmpty() || s.length() > 5 || !allDigits(s)) {
            throw new SdpParseException("invalid port '" + excerpt(token) + "'");
        }
        int port = Integer.parseInt(s);
        if (port > 65535) {
            throw new SdpParseException("port out of range '" + excerpt(token) + "'");
        }
        return port;
    }

    // ---------------------------------------------------------------- helpers

    static long parseUnsigned(String token, String what) {
        if (token.isEmpty() || token.length() > 20 || !allDigits(token)) {
            throw new SdpParseException("invalid " + what + " '" + excerpt(token) + "'");
        }
        try {
            return Long.parseUnsignedLong(token);
        } catch (NumberFormatException e) {
            throw new SdpParseException("invalid " + what + " '" + excerpt(token) + "': out of range");
        }
    }

    /** Splits on runs of spaces and tabs, dropping empty tokens. */
    static List<String> tokens(String s) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            while (i < n && isBlank(s.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !isBlank(s.charAt(i))) {
                i++;
            }
            if (i > start) {
                out.add(s.substring(start, i));
            }
        }
        return out;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    static boolean allDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean allHexDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            if (!hex) {
                return false;
            }
        }
        return true;
    }
}
