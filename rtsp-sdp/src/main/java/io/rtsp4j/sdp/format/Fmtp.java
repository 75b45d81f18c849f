package io.rtsp4j.sdp.format;

import io.rtsp4j.sdp.SdpParseException;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Parsing and writing of fmtp parameter lists and their values. */
final class Fmtp {

    private Fmtp() {
    }

    /**
     * Splits {@code a=1; B=2;} into a map, keys lower-cased when asked; entries without {@code =} are
     * skipped, as real devices write odd things there.
     */
    static Map<String, String> parse(String fmtp, boolean lowerCaseKeys) {
        Map<String, String> out = new LinkedHashMap<>();
        if (fmtp == null) {
            return out;
        }
        for (String kv : fmtp.split(";", -1)) {
            String entry = kv.strip();
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String key = entry.substring(0, eq);
            out.put(lowerCaseKeys ? key.toLowerCase(Locale.ROOT) : key, entry.substring(eq + 1));
        }
        return out;
    }

    static String join(Map<String, String> params) {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, String> e : params.entrySet()) {
            if (b.length() > 0) {
                b.append("; ");
            }
            b.append(e.getKey()).append('=').append(e.getValue());
        }
        return b.toString();
    }

    /** A read-only map sorted by key, the canonical order of the written fmtp. */
    static Map<String, String> sorted(Map<String, String> params) {
        return Collections.unmodifiableMap(new TreeMap<>(params));
    }

    static int parseInt(String value, String key, String codec, int min, int max) {
        String v = value.strip();
        if (v.isEmpty() || v.length() > 10) {
            throw invalid(codec, key, value);
        }
        for (int i = 0; i < v.length(); i++) {
            if (v.charAt(i) < '0' || v.charAt(i) > '9') {
                throw invalid(codec, key, value);
            }
        }
        long n = Long.parseLong(v);
        if (n < min || n > max) {
            throw invalid(codec, key, value);
        }
        return (int) n;
    }

    static byte[] base64(String value) {
        try {
            return Base64.getDecoder().decode(value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static String base64(byte[] data) {
        return Base64.getEncoder().encodeToString(data);
    }

    static byte[] hex(String value, String key, String codec) {
        try {
            byte[] out = HexFormat.of().parseHex(value.strip());
            if (out.length == 0) {
                throw invalid(codec, key, value);
            }
            return out;
        } catch (IllegalArgumentException e) {
            throw invalid(codec, key, value);
        }
    }

    static SdpParseException invalid(String codec, String key, String value) {
        String v = value.length() > 60 ? value.substring(0, 60) + "..." : value;
        return new SdpParseException("invalid " + codec + " " + key + " '" + v + "'");
    }
}
