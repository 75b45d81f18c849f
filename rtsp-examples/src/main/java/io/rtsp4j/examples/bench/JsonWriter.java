package io.rtsp4j.examples.bench;

import java.util.Locale;

/** Writes one JSON object, fields in the order they are added (the CLI has no JSON library at run time). */
final class JsonWriter {

    private final StringBuilder sb = new StringBuilder("{");
    private boolean first = true;

    private JsonWriter name(String name) {
        if (!first) {
            sb.append(',');
        }
        first = false;
        string(name);
        sb.append(':');
        return this;
    }

    JsonWriter field(String name, String value) {
        name(name);
        if (value == null) {
            sb.append("null");
        } else {
            string(value);
        }
        return this;
    }

    JsonWriter field(String name, long value) {
        name(name).sb.append(value);
        return this;
    }

    JsonWriter field(String name, boolean value) {
        name(name).sb.append(value);
        return this;
    }

    /** A number rounded to {@code decimals}; NaN, infinities and {@code null} become {@code null}. */
    JsonWriter field(String name, Double value, int decimals) {
        name(name);
        if (value == null || value.isNaN() || value.isInfinite()) {
            sb.append("null");
        } else {
            String s = String.format(Locale.ROOT, "%." + decimals + "f", value);
            if (s.contains(".")) {
                s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
            }
            sb.append(s.equals("-0") ? "0" : s);
        }
        return this;
    }

    /** A nested object. */
    JsonWriter field(String name, JsonWriter object) {
        name(name).sb.append(object);
        return this;
    }

    /** An array of strings. */
    JsonWriter field(String name, Iterable<String> values) {
        name(name).sb.append('[');
        boolean f = true;
        for (String v : values) {
            if (!f) {
                sb.append(',');
            }
            f = false;
            string(v);
        }
        sb.append(']');
        return this;
    }

    private void string(String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    @Override
    public String toString() {
        return sb + "}";
    }
}
