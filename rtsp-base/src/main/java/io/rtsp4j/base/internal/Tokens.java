package io.rtsp4j.base.internal;

/**
 * Character classes of RFC 2326 §15.1 / RFC 7230 §3.2.6 shared by the message model and the codec.
 */
public final class Tokens {

    private static final boolean[] TOKEN = new boolean[128];

    static {
        for (char c = '0'; c <= '9'; c++) {
            TOKEN[c] = true;
        }
        for (char c = 'a'; c <= 'z'; c++) {
            TOKEN[c] = true;
            TOKEN[c - 'a' + 'A'] = true;
        }
        for (char c : "!#$%&'*+-.^_`|~".toCharArray()) {
            TOKEN[c] = true;
        }
    }

    private Tokens() {
    }

    /**
     * Whether a character may appear in a token (method names, header names).
     *
     * @param c the character
     * @return true for the tchar set of RFC 7230
     */
    public static boolean isTokenChar(char c) {
        return c < 128 && TOKEN[c];
    }

    /**
     * Whether a string is a non-empty token.
     *
     * @param s the string
     * @return true when every character is a token character and there is at least one
     */
    public static boolean isToken(CharSequence s) {
        int n = s.length();
        if (n == 0) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (!isTokenChar(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a header name is acceptable: visible ASCII without {@code ':'}. This is wider than a token on
     * purpose: devices send names such as {@code x-Dynamic-Rate} or with odd punctuation, and keeping them is
     * harmless as long as they cannot break the framing.
     *
     * @param s the name
     * @return true when the name can be written as {@code name: value} without changing the framing
     */
    public static boolean isValidHeaderName(CharSequence s) {
        int n = s.length();
        if (n == 0) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c <= 0x20 || c >= 0x7f || c == ':') {
                return false;
            }
        }
        return true;
    }

    /**
     * Index of the first character that must not appear in a header value or a start-line field
     * (CR, LF or NUL: they would split or truncate the message, CWE-113).
     *
     * @param s the value
     * @return the index, or -1 when the value is safe
     */
    public static int indexOfForbiddenValueChar(CharSequence s) {
        if (s instanceof String) {
            // String.indexOf(char) is vectorised; three passes beat one scalar charAt loop by far
            String str = (String) s;
            int i = min(str.indexOf('\r'), str.indexOf('\n'));
            return min(i, str.indexOf('\0'));
        }
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c == '\r' || c == '\n' || c == '\0') {
                return i;
            }
        }
        return -1;
    }

    /** The smaller of two indexOf results, -1 meaning "not found". */
    private static int min(int a, int b) {
        if (a < 0) {
            return b;
        }
        return b < 0 ? a : Math.min(a, b);
    }
}
