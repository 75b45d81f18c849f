package io.rtsp4j.base;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * An absolute {@code rtsp://} or {@code rtsps://} URL (RFC 2326 §3.2), as found in request lines.
 *
 * <pre>{@code
 * RtspUrl url = RtspUrl.parse("rtsp://user:pa%23ss@[fe80::1%eth0]:8554/cam%201?profile=2");
 * url.user();        // "user"
 * url.password();    // "pa#ss"
 * url.host();        // "fe80::1%eth0"
 * url.port();        // 8554
 * url.path();        // "/cam 1"      (decoded)
 * url.rawPath();     // "/cam%201"    (as sent)
 * url.query();       // "profile=2"   (raw)
 * url.requestUri();  // "/cam%201?profile=2"
 * }</pre>
 *
 * <p>Parsing is lenient where devices need it: an {@code @} inside the password does not have to be
 * escaped (the last {@code @} ends the credentials), IPv6 zone ids may be written raw ({@code %wl0}) and a
 * {@code %} that does not start a valid escape is kept as is. URLs with a fragment or without {@code //}
 * (opaque) are rejected. Instances are immutable; equality is by {@link #toString()}.
 */
public final class RtspUrl {

    private final String scheme;
    private final String user;
    private final String password;
    private final String host;
    private final int port;
    private final String rawPath;
    private final String path;
    private final String query;

    private RtspUrl(String scheme, String user, String password, String host, int port, String rawPath,
            String query) {
        this.scheme = scheme;
        this.user = user;
        this.password = password;
        this.host = host;
        this.port = port;
        this.rawPath = rawPath;
        this.path = decode(rawPath);
        this.query = query;
    }

    /**
     * Parses a URL.
     *
     * @param text e.g. {@code rtsp://cam.local:554/stream1?x=1}
     * @return the URL
     * @throws RtspUrlException if the scheme is missing or not rtsp/rtsps, the URL is opaque or has a
     *     fragment, or the host or port is invalid
     */
    public static RtspUrl parse(String text) throws RtspUrlException {
        int colon = text.indexOf(':');
        if (colon <= 0 || !isScheme(text.substring(0, colon))) {
            throw new RtspUrlException("parse \"" + text + "\": missing protocol scheme");
        }
        String scheme = text.substring(0, colon).toLowerCase(Locale.ROOT);
        if (!scheme.equals("rtsp") && !scheme.equals("rtsps")) {
            throw new RtspUrlException("unsupported scheme '" + scheme + "'");
        }
        if (!text.startsWith("//", colon + 1)) {
            throw new RtspUrlException("URLs with opaque data are not supported");
        }
        if (text.indexOf('#') >= 0) {
            throw new RtspUrlException("URLs with fragments are not supported");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c <= ' ' || c == 0x7f) {
                throw new RtspUrlException("invalid character 0x" + Integer.toHexString(c) + " at index " + i
                        + " of URL");
            }
        }
        int authStart = colon + 3;
        int authEnd = authStart;
        while (authEnd < text.length() && text.charAt(authEnd) != '/' && text.charAt(authEnd) != '?') {
            authEnd++;
        }
        String authority = text.substring(authStart, authEnd);
        String user = null;
        String password = null;
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            String userInfo = authority.substring(0, at);
            int sep = userInfo.indexOf(':');
            user = decode(sep < 0 ? userInfo : userInfo.substring(0, sep));
            password = sep < 0 ? null : decode(userInfo.substring(sep + 1));
            authority = authority.substring(at + 1);
        }
        String host;
        String portText = null;
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 0) {
                throw new RtspUrlException("missing ']' in host");
            }
            host = authority.substring(1, close);
            String after = authority.substring(close + 1);
            if (!after.isEmpty()) {
                if (after.charAt(0) != ':') {
                    throw new RtspUrlException("invalid characters after host: '" + after + "'");
                }
                portText = after.substring(1);
            }
            if (host.isEmpty() || host.indexOf(':') < 0) {
                throw new RtspUrlException("invalid IPv6 host '" + host + "'");
            }
        } else {
            int pc = authority.indexOf(':');
            host = pc < 0 ? authority : authority.substring(0, pc);
            portText = pc < 0 ? null : authority.substring(pc + 1);
            if (host.indexOf('[') >= 0 || host.indexOf(']') >= 0) {
                throw new RtspUrlException("invalid host '" + host + "'");
            }
        }
        if (host.isEmpty()) {
            throw new RtspUrlException("missing host");
        }
        int port = -1;
        if (portText != null && !portText.isEmpty()) {
            port = parsePort(portText);
        }
        String rest = text.substring(authEnd);
        int q = rest.indexOf('?');
        String rawPath = q < 0 ? rest : rest.substring(0, q);
        String query = q < 0 ? null : rest.substring(q + 1);
        return new RtspUrl(scheme, user, password, host, port, rawPath, query);
    }

    private static boolean isScheme(String s) {
        if (s.isEmpty() || !Character.isLetter(s.charAt(0)) || s.charAt(0) > 'z') {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '+'
                    || c == '-' || c == '.';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static int parsePort(String s) throws RtspUrlException {
        if (s.length() > 5) {
            throw new RtspUrlException("invalid port '" + s + "'");
        }
        int p = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw new RtspUrlException("invalid port '" + s + "'");
            }
            p = p * 10 + (c - '0');
        }
        if (p > 65535) {
            throw new RtspUrlException("invalid port '" + s + "'");
        }
        return p;
    }

    /** Percent-decodes as UTF-8; a '%' not followed by two hex digits stays as it is. */
    static String decode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            byte b = bytes[i];
            if (b == '%' && i + 2 < bytes.length && hex(bytes[i + 1]) >= 0 && hex(bytes[i + 2]) >= 0) {
                out.write(hex(bytes[i + 1]) << 4 | hex(bytes[i + 2]));
                i += 2;
            } else {
                out.write(b);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int hex(byte b) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        }
        if (b >= 'a' && b <= 'f') {
            return b - 'a' + 10;
        }
        if (b >= 'A' && b <= 'F') {
            return b - 'A' + 10;
        }
        return -1;
    }

    /** Escapes user info: keeps unreserved and sub-delims, escapes the rest (and ':' in the user). */
    private static String encodeUserInfo(String s, boolean isUser) {
        StringBuilder sb = new StringBuilder(s.length());
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            boolean keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "-._~!$&'()*+,;=".indexOf(c) >= 0 || (c == ':' && !isUser);
            if (keep) {
                sb.append(c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return sb.toString();
    }

    /**
     * The scheme, lower case.
     *
     * @return {@code "rtsp"} or {@code "rtsps"}
     */
    public String scheme() {
        return scheme;
    }

    /**
     * Whether the scheme is {@code rtsps} (RTSP over TLS).
     *
     * @return true for rtsps
     */
    public boolean isSecure() {
        return scheme.equals("rtsps");
    }

    /**
     * The user name, percent-decoded.
     *
     * @return the user, or {@code null} when the URL has no credentials
     */
    public String user() {
        return user;
    }

    /**
     * The password, percent-decoded.
     *
     * @return the password, or {@code null} when the URL has none
     */
    public String password() {
        return password;
    }

    /**
     * The host: a name, an IPv4 address or an IPv6 address without brackets (zone id included).
     *
     * @return the host
     */
    public String host() {
        return host;
    }

    /**
     * The port.
     *
     * @return the port, or -1 when the URL has none
     */
    public int port() {
        return port;
    }

    /**
     * The port, or the default of the scheme (554 for rtsp, 322 for rtsps) when the URL has none.
     *
     * @return the port to connect to
     */
    public int portOrDefault() {
        return port >= 0 ? port : isSecure() ? 322 : 554;
    }

    /**
     * Host and port as written in URLs: IPv6 hosts in brackets, port only when present.
     *
     * @return e.g. {@code "[fe80::1%wl0]:8554"} or {@code "cam.local"}
     */
    public String authority() {
        String h = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return port >= 0 ? h + ":" + port : h;
    }

    /**
     * The path as sent, percent-escapes kept.
     *
     * @return e.g. {@code "/test/prox%23ied"}, empty when the URL has no path
     */
    public String rawPath() {
        return rawPath;
    }

    /**
     * The path, percent-decoded.
     *
     * @return e.g. {@code "/test/prox#ied"}, empty when the URL has no path
     */
    public String path() {
        return path;
    }

    /**
     * The query as sent (not decoded: its format is up to the application).
     *
     * @return the text after {@code ?}, possibly empty, or {@code null} when there is no {@code ?}
     */
    public String query() {
        return query;
    }

    /**
     * Path and query as in an origin-form request target: the raw path ({@code /} when empty) and the query.
     *
     * @return e.g. {@code "/test/stream?key=val"}
     */
    public String requestUri() {
        String p = rawPath.isEmpty() ? "/" : rawPath;
        return query == null ? p : p + "?" + query;
    }

    /**
     * This URL without user and password, e.g. to echo in {@code Content-Base} or to log.
     *
     * @return the URL without credentials (this instance when it has none)
     */
    public RtspUrl withoutCredentials() {
        if (user == null && password == null) {
            return this;
        }
        return new RtspUrl(scheme, null, null, host, port, rawPath, query);
    }

    /**
     * The canonical text of the URL: lower-case scheme, credentials re-escaped, path and query as sent.
     *
     * @return e.g. {@code rtsp://user:pa%23ss@[fe80::1%wl0]:8554/prox%23ied}
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(64).append(scheme).append("://");
        if (user != null) {
            sb.append(encodeUserInfo(user, true));
            if (password != null) {
                sb.append(':').append(encodeUserInfo(password, false));
            }
            sb.append('@');
        }
        sb.append(authority()).append(rawPath);
        if (query != null) {
            sb.append('?').append(query);
        }
        return sb.toString();
    }

    /**
     * URLs are equal when their canonical texts are equal.
     *
     * @param o the other object
     * @return whether equal
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof RtspUrl && o.toString().equals(toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }
}
