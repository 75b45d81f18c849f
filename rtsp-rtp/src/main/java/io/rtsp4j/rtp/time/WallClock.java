package io.rtsp4j.rtp.time;

import java.time.Instant;

/**
 * The wall clock read by the RTCP logic and the PTS decoder, injected so that tests can fix it.
 */
@FunctionalInterface
public interface WallClock {

    /**
     * The current time.
     *
     * @return nanoseconds since 1970-01-01T00:00:00Z
     */
    long nowNanos();

    /**
     * The system clock ({@link Instant#now()}, microsecond resolution on most platforms).
     *
     * @return the system wall clock
     */
    static WallClock system() {
        return () -> NtpTime.toUnixNanos(Instant.now());
    }

    /**
     * A clock that always returns the same time.
     *
     * @param instant the time to return
     * @return a fixed clock
     */
    static WallClock fixed(Instant instant) {
        long nanos = NtpTime.toUnixNanos(instant);
        return () -> nanos;
    }
}
