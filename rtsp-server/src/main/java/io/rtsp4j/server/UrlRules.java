package io.rtsp4j.server;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

/**
 * How the server reads request URLs: the path and query given to handlers, and the media a SETUP designates,
 * in every form real clients send (gortsplib-server.md §4.4):
 * <ul>
 *   <li>FFmpeg appends the control after the query: {@code rtsp://h/path?query/trackID=1};</li>
 *   <li>GStreamer inserts it before the query: {@code rtsp://h/path/trackID=1?query}, and sends the base URL with a
 *   trailing slash;</li>
 *   <li>VLC and others SETUP the base URL itself when the SDP has no control attribute.</li>
 * </ul>
 */
final class UrlRules {

    private UrlRules() {
    }

    /** A path (percent-decoding left to the application) and a query without {@code ?}. */
    record PathQuery(String path, String query) {
    }

    /** The path and query of a reader's SETUP, and the media index it designates. */
    record SetupTarget(String path, String query, int trackId) {
    }

    /** The parts of an rtsp/rtsps URL the server needs. */
    record Parts(String scheme, String authority, String path, String query) {
    }

    /** Parses an rtsp:// or rtsps:// URL; {@code null} when it is not one. */
    static Parts parse(String uri) {
        if (uri == null) {
            return null;
        }
        String lower = uri.length() >= 8 ? uri.substring(0, 8).toLowerCase() : uri.toLowerCase();
        String scheme;
        if (lower.startsWith("rtsp://")) {
            scheme = "rtsp";
        } else if (lower.startsWith("rtsps://")) {
            scheme = "rtsps";
        } else {
            return null;
        }
        String rest = uri.substring(scheme.length() + 3);
        int slash = indexOfAny(rest, '/', '?');
        String authority = slash < 0 ? rest : rest.substring(0, slash);
        if (authority.isEmpty() || authority.indexOf(' ') >= 0) {
            return null;
        }
        String pathAndQuery = slash < 0 ? "" : rest.substring(slash);
        int q = pathAndQuery.indexOf('?');
        String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
        String query = q < 0 ? "" : pathAndQuery.substring(q + 1);
        int hash = query.indexOf('#');
        if (hash >= 0 || path.indexOf('#') >= 0) {
            return null;
        }
        try {
            // Validates the host part (IPv6 literal, port) the way java.net does.
            new URI(scheme, stripCredentials(authority), null, null, null);
        } catch (URISyntaxException e) {
            return null;
        }
        return new Parts(scheme, authority, path, query);
    }

    /** The session id of a {@code Session} header, without parameters such as {@code ;timeout=60}. */
    static String sessionId(String header) {
        if (header == null) {
            return null;
        }
        int semi = header.indexOf(';');
        String id = (semi < 0 ? header : header.substring(0, semi)).trim();
        return id.isEmpty() ? null : id;
    }

    /**
     * Path and query for DESCRIBE, PLAY, PAUSE, RECORD, GET_/SET_PARAMETER: a trailing slash of the query (FFmpeg,
     * {@code ?q=1/}) or of the path (GStreamer, {@code /path/}) is dropped.
     */
    static PathQuery pathAndQuery(String uri) {
        Parts p = parse(uri);
        if (p == null) {
            return new PathQuery("", "");
        }
        String path = p.path();
        String query = p.query();
        if (query.endsWith("/")) {
            query = query.substring(0, query.length() - 1);
        } else if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return new PathQuery(path, query);
    }

    /** Path and query of an ANNOUNCE: verbatim. */
    static PathQuery announcePathAndQuery(String uri) {
        Parts p = parse(uri);
        return p == null ? new PathQuery("", "") : new PathQuery(p.path(), p.query());
    }

    /** The target of a reader's SETUP, or {@code null} for a form no known client sends. */
    static SetupTarget setupTarget(String uri) {
        Parts p = parse(uri);
        if (p == null) {
            return null;
        }
        String path = p.path();
        String query = p.query();
        int i = query.lastIndexOf("/trackID=");
        if (i >= 0) { // FFmpeg: path?query/trackID=N
            Integer id = trackId(query.substring(i + 9));
            return id == null ? null : new SetupTarget(path, query.substring(0, i), id);
        }
        i = path.lastIndexOf("/trackID=");
        if (i >= 0) { // GStreamer: path/trackID=N?query
            Integer id = trackId(path.substring(i + 9));
            return id == null ? null : new SetupTarget(path.substring(0, i), query, id);
        }
        if (query.endsWith("/")) { // no control, FFmpeg form
            return new SetupTarget(path, query.substring(0, query.length() - 1), 0);
        }
        if (path.length() > 1 && path.endsWith("/")) { // no control, GStreamer form
            return new SetupTarget(path.substring(0, path.length() - 1), query, 0);
        }
        if (path.isEmpty() || path.equals("/")) {
            return new SetupTarget(path, query, 0);
        }
        return null;
    }

    /** A track id: a decimal number below 2^31; {@code null} otherwise. */
    private static Integer trackId(String s) {
        if (s.isEmpty() || s.length() > 10) {
            return null;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return null;
            }
        }
        long v = Long.parseLong(s);
        return v > Integer.MAX_VALUE ? null : (int) v;
    }

    /**
     * The announced media a publisher's SETUP designates: its control is matched against the SETUP URL as an
     * absolute URL, in FFmpeg's form ({@code path?query/control}) or GStreamer's ({@code path/control?query}).
     *
     * @return the media index, or -1
     */
    static int findAnnouncedMedia(List<String> controls, String announceUri, String setupUri) {
        Parts a = parse(announceUri);
        Parts s = parse(setupUri);
        if (a == null || s == null) {
            return -1;
        }
        for (int i = 0; i < controls.size(); i++) {
            String control = controls.get(i) == null ? "" : controls.get(i);
            if (control.startsWith("rtsp://") || control.startsWith("rtsps://")) {
                if (control.equals(setupUri) || sameWithoutCredentials(control, setupUri)) {
                    return i;
                }
                continue;
            }
            String c = control.startsWith("/") ? control.substring(1) : control;
            String ffmpeg = a.query().isEmpty()
                    ? join(a.path(), c) + ""
                    : a.path() + "?" + a.query() + (a.query().endsWith("/") ? "" : "/") + c;
            String setupPq = s.path() + (s.query().isEmpty() && !setupUri.contains("?") ? "" : "?" + s.query());
            if (ffmpeg.equals(setupPq) || (a.query().isEmpty() && join(a.path(), c).equals(s.path()))) {
                return i;
            }
            // GStreamer: path/control?query
            if (join(a.path(), c).equals(s.path()) && s.query().equals(a.query())) {
                return i;
            }
            if (c.isEmpty() && (s.path().equals(a.path()) || s.path().equals(a.path() + "/"))) {
                return i;
            }
        }
        return -1;
    }

    private static String join(String path, String control) {
        if (control.isEmpty()) {
            return path;
        }
        return path.endsWith("/") ? path + control : path + "/" + control;
    }

    private static boolean sameWithoutCredentials(String a, String b) {
        Parts pa = parse(a);
        Parts pb = parse(b);
        return pa != null && pb != null && stripCredentials(pa.authority()).equalsIgnoreCase(stripCredentials(pb.authority()))
                && pa.path().equals(pb.path()) && pa.query().equals(pb.query());
    }

    /** Whether a URL designates {@code path} in any SETUP form (some clients PLAY a track URL). */
    static boolean setupTargetPathMatches(String uri, String path) {
        SetupTarget t = setupTarget(uri);
        return t != null && t.path().equals(path);
    }

    /** {@code Content-Base} of a DESCRIBE answer: the request URL with a trailing slash. */
    static String contentBase(String uri) {
        return uri.endsWith("/") ? uri : uri + "/";
    }

    /** {@code scheme://host[:port]} of a request URL, without credentials. */
    static String origin(String uri) {
        Parts p = parse(uri);
        return p == null ? "" : p.scheme() + "://" + stripCredentials(p.authority());
    }

    static String stripCredentials(String authority) {
        int at = authority.lastIndexOf('@');
        return at < 0 ? authority : authority.substring(at + 1);
    }

    private static int indexOfAny(String s, char a, char b) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == a || c == b) {
                return i;
            }
        }
        return -1;
    }
}
