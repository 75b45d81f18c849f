package io.rtsp4j.rtp.time;

import java.time.Instant;

/**
 * Conversions between wall-clock time and 64-bit NTP timestamps (RFC 5905 section 6, as used by RTCP, RFC 3550
 * section 4): 32 bits of seconds since 1900-01-01 and 32 bits of fraction.
 *
 * <p>NTP timestamps are unsigned 64-bit values stored in a {@code long}; times after 2036-02-07 (era 1) are not
 * supported, as in most RTP implementations. Encoding rounds the fraction to the nearest 1/2^32 s, decoding
 * truncates to whole nanoseconds (as gortsplib does, whose test vectors depend on it); a round trip agrees to
 * within a nanosecond.
 */
public final class NtpTime {

    /** Seconds between the NTP epoch (1900-01-01) and the Unix epoch (1970-01-01). */
    public static final long UNIX_EPOCH_OFFSET_SECONDS = 2_208_988_800L;

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private NtpTime() {
    }

    /**
     * Encodes nanoseconds since the Unix epoch as an NTP timestamp.
     *
     * @param unixNanos nanoseconds since 1970-01-01T00:00:00Z (not before 1900)
     * @return the 64-bit NTP timestamp
     */
    public static long fromUnixNanos(long unixNanos) {
        long seconds = Math.floorDiv(unixNanos, NANOS_PER_SECOND) + UNIX_EPOCH_OFFSET_SECONDS;
        long nanos = Math.floorMod(unixNanos, NANOS_PER_SECOND);
        long fraction = ((nanos << 32) + NANOS_PER_SECOND / 2) / NANOS_PER_SECOND;
        if (fraction == 1L << 32) { // rounding reached the next second
            seconds++;
            fraction = 0;
        }
        return seconds << 32 | fraction;
    }

    /**
     * Decodes an NTP timestamp into nanoseconds since the Unix epoch.
     *
     * @param ntp the 64-bit NTP timestamp
     * @return nanoseconds since 1970-01-01T00:00:00Z
     */
    public static long toUnixNanos(long ntp) {
        long seconds = (ntp >>> 32) - UNIX_EPOCH_OFFSET_SECONDS;
        long nanos = ((ntp & 0xFFFFFFFFL) * NANOS_PER_SECOND) >>> 32;
        return seconds * NANOS_PER_SECOND + nanos;
    }

    /**
     * Encodes an instant as an NTP timestamp.
     *
     * @param instant the time
     * @return the 64-bit NTP timestamp
     */
    public static long fromInstant(Instant instant) {
        return fromUnixNanos(toUnixNanos(instant));
    }

    /**
     * Decodes an NTP timestamp into an instant.
     *
     * @param ntp the 64-bit NTP timestamp
     * @return the time
     */
    public static Instant toInstant(long ntp) {
        return ofUnixNanos(toUnixNanos(ntp));
    }

    /**
     * The middle 32 bits of an NTP timestamp, as carried in the LSR field of reception reports.
     *
     * @param ntp the 64-bit NTP timestamp
     * @return 0..0xFFFFFFFF
     */
    public static long middle32(long ntp) {
        return (ntp >>> 16) & 0xFFFFFFFFL;
    }

    /**
     * Nanoseconds since the Unix epoch of an instant.
     *
     * @param instant the time
     * @return nanoseconds since 1970-01-01T00:00:00Z
     */
    public static long toUnixNanos(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), NANOS_PER_SECOND), instant.getNano());
    }

    /**
     * The instant of a count of nanoseconds since the Unix epoch.
     *
     * @param unixNanos nanoseconds since 1970-01-01T00:00:00Z
     * @return the instant
     */
    public static Instant ofUnixNanos(long unixNanos) {
        return Instant.ofEpochSecond(Math.floorDiv(unixNanos, NANOS_PER_SECOND),
                Math.floorMod(unixNanos, NANOS_PER_SECOND));
    }
}
