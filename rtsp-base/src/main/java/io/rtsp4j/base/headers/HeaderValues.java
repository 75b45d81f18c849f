package io.rtsp4j.base.headers;

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
}
