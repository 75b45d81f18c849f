package io.rtsp4j.auth;

/** Safe rendering of untrusted strings in result details and exception messages. */
final class Texts {

    private static final int MAX = 96;

    private Texts() {
    }

    /** At most {@value #MAX} characters, control characters escaped, quoted. */
    static String quoted(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder(Math.min(s.length(), MAX) + 8).append('\'');
        int n = Math.min(s.length(), MAX);
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
        return sb.append('\'').toString();
    }
}
