package io.rtsp4j.base.headers;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code key=value} parameter list of the authentication headers ({@code WWW-Authenticate},
 * {@code Authorization}; RFC 7235 §2.1 auth-params), e.g. {@code realm="cam", nonce="abc", stale=FALSE}.
 *
 * <p>Parsing is lenient the way devices need it: values may be quoted (with {@code \} escapes, RFC 7230
 * quoted-pair) or bare tokens; parameters are separated by commas and/or whitespace; a key without
 * {@code =} gets an empty value. A key may occur only once (compared case-insensitively): a duplicated
 * {@code nonce} or {@code response} is a sign of a parser-confusion attack, not of a real client.
 */
public final class AuthParams {

    private static final String LIST_NAME = "key=value list";

    private AuthParams() {
    }

    /**
     * Parses a parameter list.
     *
     * @param input the list, e.g. {@code key1="v,1", key2=v2}
     * @return the parameters in order, keys as written, values unquoted; unmodifiable
     * @throws HeaderParseException if a key is empty, a quoted value is not terminated or a key repeats
     */
    public static Map<String, String> parse(String input) throws HeaderParseException {
        return parse(LIST_NAME, input);
    }

    static Map<String, String> parse(String headerName, String input) throws HeaderParseException {
        Map<String, String> out = new LinkedHashMap<>();
        Map<String, Boolean> seen = new LinkedHashMap<>();
        int n = input.length();
        int i = 0;
        while (true) {
            while (i < n && (input.charAt(i) == ',' || HeaderValues.isSpace(input.charAt(i)))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            int keyStart = i;
            while (i < n && input.charAt(i) != '=' && input.charAt(i) != ',' && !HeaderValues.isSpace(input.charAt(i))) {
                i++;
            }
            String key = input.substring(keyStart, i);
            if (key.isEmpty()) {
                throw new HeaderParseException(headerName, "empty key at index " + keyStart);
            }
            int afterKey = i;
            while (i < n && HeaderValues.isSpace(input.charAt(i))) {
                i++;
            }
            String value;
            if (i < n && input.charAt(i) == '=') {
                i++;
                while (i < n && HeaderValues.isSpace(input.charAt(i))) {
                    i++;
                }
                if (i < n && input.charAt(i) == '"') {
                    StringBuilder sb = new StringBuilder();
                    i++;
                    boolean closed = false;
                    while (i < n) {
                        char c = input.charAt(i++);
                        if (c == '"') {
                            closed = true;
                            break;
                        }
                        if (c == '\\' && i < n) {
                            c = input.charAt(i++);
                        }
                        sb.append(c);
                    }
                    if (!closed) {
                        throw new HeaderParseException(headerName, "unterminated quoted value of '"
                                + HeaderValues.excerpt(key) + "'");
                    }
                    value = sb.toString();
                } else {
                    int valueStart = i;
                    while (i < n && input.charAt(i) != ',' && !HeaderValues.isSpace(input.charAt(i))) {
                        i++;
                    }
                    value = input.substring(valueStart, i);
                }
            } else {
                // a bare key ("key1, key2=v2"): keep it with an empty value
                i = afterKey;
                value = "";
            }
            if (seen.put(key.toLowerCase(Locale.ROOT), Boolean.TRUE) != null) {
                throw new HeaderParseException(headerName, "key '" + HeaderValues.excerpt(key) + "' repeated");
            }
            out.put(key, value);
        }
        return Collections.unmodifiableMap(out);
    }

    /**
     * Quotes a value for a parameter list: wraps it in double quotes and escapes {@code "} and {@code \}.
     *
     * @param value the raw value
     * @return the quoted string
     */
    public static String quote(String value) {
        StringBuilder sb = new StringBuilder(value.length() + 2);
        appendQuoted(sb, value);
        return sb.toString();
    }

    static void appendQuoted(StringBuilder sb, String value) {
        sb.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\');
            }
            sb.append(c);
        }
        sb.append('"');
    }

    /** Finds a parameter by key, case-insensitively (auth-param names are case-insensitive, RFC 7235). */
    static String get(Map<String, String> params, String key) {
        for (Map.Entry<String, String> e : params.entrySet()) {
            if (e.getKey().equalsIgnoreCase(key)) {
                return e.getValue();
            }
        }
        return null;
    }
}
