package io.rtsp4j.sdp;

import java.util.Objects;

/**
 * A bandwidth line ({@code b=<type>:<value>}), for example {@code b=AS:4096}.
 *
 * <p>Any type is accepted ({@code CT}, {@code AS}, {@code TIAS}, {@code RS}, {@code RR}, unknown ones);
 * {@code X-} types are experimental and stored without the prefix.
 *
 * @param experimental whether the type had the {@code X-} prefix
 * @param type the type without the {@code X-} prefix
 * @param bandwidth the value (unsigned; kilobits per second for {@code AS}/{@code CT})
 */
public record Bandwidth(boolean experimental, String type, long bandwidth) {

    /**
     * Validates the components.
     *
     * @param experimental whether the type is experimental
     * @param type the type
     * @param bandwidth the value
     */
    public Bandwidth {
        Objects.requireNonNull(type, "type");
    }

    /**
     * The application-specific bandwidth {@code b=AS:<kbps>}.
     *
     * @param kbps kilobits per second
     * @return the bandwidth line
     */
    public static Bandwidth as(long kbps) {
        return new Bandwidth(false, "AS", kbps);
    }
}
