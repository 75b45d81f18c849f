package io.rtsp4j.auth;

/**
 * Whether the {@code uri} of a Digest response designates the request, given what real clients put there.
 * Accepted, besides the request-URI itself:
 *
 * <ul>
 *   <li>the request-URI in relative form, path and query only ({@code /path?query}): Bosch BVMS
 *       (gortsplib#1118);</li>
 *   <li>for SETUP only, the stream's base URL, that is the request-URI without its last segment when that
 *       segment is a control attribute such as {@code trackID=3}, {@code streamid=0}, {@code stream=1} or
 *       {@code track2}: with the trailing slash (VLC) or without (HappyTime NVR).</li>
 * </ul>
 *
 * <p>The response hash is always computed over the {@code uri} the client sent, so accepting these forms only
 * widens which URL a valid response may name, never what a response proves.
 */
final class DigestUris {

    private DigestUris() {
    }

    static boolean matches(String requestUri, String digestUri, boolean setup) {
        if (digestUri.equals(requestUri)) {
            return true;
        }
        String relative = relativeForm(requestUri);
        if (relative != null && digestUri.equals(relative)) {
            return true;
        }
        if (setup) {
            int lastSlash = requestUri.lastIndexOf('/');
            if (lastSlash >= 1 && isControlSegment(requestUri, lastSlash + 1)) {
                String baseWithSlash = requestUri.substring(0, lastSlash + 1);
                return digestUri.equals(baseWithSlash) || digestUri.equals(requestUri.substring(0, lastSlash));
            }
        }
        return false;
    }

    /** {@code rtsp://host:port/path?query} to {@code /path?query}; null when there is no path. */
    static String relativeForm(String uri) {
        int scheme = uri.indexOf("://");
        if (scheme < 0) {
            return null;
        }
        int path = uri.indexOf('/', scheme + 3);
        return path < 0 ? null : uri.substring(path);
    }

    /** {@code letters ['='] digits} to the end of the string, e.g. {@code trackID=3}, {@code track2}. */
    private static boolean isControlSegment(String s, int from) {
        int i = from;
        int n = s.length();
        while (i < n && isLetter(s.charAt(i))) {
            i++;
        }
        if (i == from) {
            return false;
        }
        if (i < n && s.charAt(i) == '=') {
            i++;
        }
        int digits = i;
        while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        return i == n && i > digits;
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }
}
