package io.rtsp4j.base.headers;

import java.util.ArrayList;
import java.util.List;

/** Helpers shared by the typed headers. */
final class HeaderValues {

    private HeaderValues() {
    }

    /** The only value of a header that must occur exactly once. */
    static String single(String headerName, List<String> values) throws HeaderParseException {
        if (values == null || values.isEmpty()) {
            throw new HeaderParseException(headerName, "value not provided");
        }
        if (values.size() > 1) {
            throw new HeaderParseException(headerName, "value provided multiple times (" + values.size() + ")");
        }
        return values.get(0);
    }

    /** A short, printable excerpt of untrusted input for error messages. */
    static String excerpt(String s) {
        StringBuilder sb = new StringBuilder();
        int n = Math.min(s.length(), 64);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                sb.append(String.format("\\x%02x", (int) c));
            } else {
                sb.append(c);
            }
        }
        if (s.length() > n) {
            sb.append("...");
        }
        return sb.toString();
    }

    /** Parses a non-negative decimal that must fit in a long, or throws. */
    static long parseUnsigned(String headerName, String what, String s, long max) throws HeaderParseException {
        if (s.isEmpty() || s.length() > 19) {
            throw new HeaderParseException(headerName, "invalid " + what + " '" + excerpt(s) + "'");
        }
        long v = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw new HeaderParseException(headerName, "invalid " + what + " '" + excerpt(s) + "'");
            }
            v = v * 10 + (c - '0');
        }
        if (v > max) {
            throw new HeaderParseException(headerName, what + " " + s + " out of range (max " + max + ")");
        }
        return v;
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t';
    }

    /**
     * Splits at a separator that is not inside double quotes. Parts are stripped of surrounding whitespace;
     * an unterminated quote runs to the end.
     */
    static List<String> split(String s, char sep) {
        List<String> out = new ArrayList<>();
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == sep && !quoted) {
                out.add(s.substring(start, i).strip());
                start = i + 1;
            }
        }
        out.add(s.substring(start).strip());
        return out;
    }

    /** Removes one pair of surrounding double quotes, if present. */
    static String unquote(String s) {
        if (s.length() >= 2 && s.charAt(0) == '"' && s.charAt(s.length() - 1) == '"') {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }

    /** Whether a string has a character that would break a header value (CR, LF, NUL). */
    static boolean hasForbidden(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\r' || c == '\n' || c == '\0') {
                return true;
            }
        }
        return false;
    }
}
