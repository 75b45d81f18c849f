package io.rtsp4j.sdp;

import java.util.Objects;

/**
 * An attribute line: {@code a=<key>:<value>}, or the flag {@code a=<key>} whose value is {@code ""}.
 * The value is kept exactly as written (leading spaces included).
 *
 * @param key the attribute name
 * @param value the value, {@code ""} for a flag attribute
 */
public record Attribute(String key, String value) {

    /**
     * Validates the components.
     *
     * @param key the attribute name
     * @param value the value
     */
    public Attribute {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }

    /**
     * A flag attribute such as {@code a=sendonly}.
     *
     * @param key the attribute name
     * @return the attribute with an empty value
     */
    public static Attribute flag(String key) {
        return new Attribute(key, "");
    }

    /**
     * Whether this attribute has no value.
     *
     * @return {@code true} for a flag attribute
     */
    public boolean isFlag() {
        return value.isEmpty();
    }
}
