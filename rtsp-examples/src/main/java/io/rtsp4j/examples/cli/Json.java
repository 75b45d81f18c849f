package io.rtsp4j.examples.cli;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A tiny JSON writer for the CLI output (no JSON library in the main code): maps (in their iteration
 * order), lists, strings, numbers, booleans and {@code null}, pretty-printed with two-space indentation.
 */
public final class Json {

    private Json() {
    }

    /**
     * Writes a value as pretty-printed JSON.
     *
     * @param value a {@link Map} with string keys, {@link List}, {@link CharSequence}, {@link Number},
     *     {@link Boolean} or {@code null}, nested freely
     * @return the JSON text, without trailing newline
     * @throws IllegalArgumentException for other value types or non-finite numbers
     */
    public static String write(Object value) {
        StringBuilder b = new StringBuilder();
        write(b, value, 0);
        return b.toString();
    }

    private static void write(StringBuilder b, Object value, int indent) {
        if (value == null) {
            b.append("null");
        } else if (value instanceof CharSequence s) {
            string(b, s.toString());
        } else if (value instanceof Boolean bool) {
            b.append(bool.booleanValue());
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new IllegalArgumentException("JSON has no " + d);
            }
            b.append(d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d));
        } else if (value instanceof Number n) {
            b.append(n.toString());
        } else if (value instanceof Map<?, ?> map) {
            object(b, map, indent);
        } else if (value instanceof List<?> list) {
            array(b, list, indent);
        } else {
            throw new IllegalArgumentException("cannot write " + value.getClass().getName() + " as JSON");
        }
    }

    private static void object(StringBuilder b, Map<?, ?> map, int indent) {
        if (map.isEmpty()) {
            b.append("{}");
            return;
        }
        b.append("{\n");
        Iterator<? extends Map.Entry<?, ?>> it = map.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<?, ?> e = it.next();
            pad(b, indent + 1);
            string(b, String.valueOf(e.getKey()));
            b.append(": ");
            write(b, e.getValue(), indent + 1);
            b.append(it.hasNext() ? ",\n" : "\n");
        }
        pad(b, indent);
        b.append('}');
    }

    private static void array(StringBuilder b, List<?> list, int indent) {
        if (list.isEmpty()) {
            b.append("[]");
            return;
        }
        b.append("[\n");
        for (int i = 0; i < list.size(); i++) {
            pad(b, indent + 1);
            write(b, list.get(i), indent + 1);
            b.append(i + 1 < list.size() ? ",\n" : "\n");
        }
        pad(b, indent);
        b.append(']');
    }

    private static void pad(StringBuilder b, int indent) {
        b.append("  ".repeat(indent));
    }

    private static void string(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                default -> {
                    // control characters must be escaped; U+2028/2029 too, for JavaScript consumers
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }
}
