package io.rtsp4j.sdp.description;

import java.util.Locale;

/** Resolution of {@code a=control} against the Content-Base (or request) URL. */
final class ControlUrls {

    private ControlUrls() {
    }

    static String resolve(String control, String baseUrl) {
        if (control.isEmpty() || control.equals("*")) {
            return baseUrl;
        }
        String lower = control.toLowerCase(Locale.ROOT);
        if (lower.startsWith("rtsp://") || lower.startsWith("rtsps://")) {
            // absolute: keep scheme, path and query of the control, take host and credentials from the base,
            // as cameras often write their internal address there
            int schemeEnd = control.indexOf("://") + 3;
            int pathStart = authorityEnd(control, schemeEnd);
            int baseSchemeEnd = baseUrl.indexOf("://");
            if (baseSchemeEnd < 0) {
                return control;
            }
            baseSchemeEnd += 3;
            String baseAuthority = baseUrl.substring(baseSchemeEnd, authorityEnd(baseUrl, baseSchemeEnd));
            return control.substring(0, schemeEnd) + baseAuthority + control.substring(pathStart);
        }
        if (control.charAt(0) == '?') {
            return baseUrl + control;
        }
        if (control.charAt(0) == '/') {
            // path-absolute reference (RFC 3986 §5.2.2): replaces the path of the base
            int baseSchemeEnd = baseUrl.indexOf("://");
            if (baseSchemeEnd < 0) {
                return baseUrl + control;
            }
            return baseUrl.substring(0, authorityEnd(baseUrl, baseSchemeEnd + 3)) + control;
        }
        // relative: appended after the base, even after a query (rtsp://h/p?q=1/trackID=0), as all cameras do
        return baseUrl + (baseUrl.endsWith("/") ? "" : "/") + control;
    }

    private static int authorityEnd(String url, int from) {
        for (int i = from; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c == '/' || c == '?' || c == '#') {
                return i;
            }
        }
        return url.length();
    }
}
