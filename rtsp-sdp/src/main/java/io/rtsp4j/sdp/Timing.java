package io.rtsp4j.sdp;

import java.util.List;

/**
 * A timing line ({@code t=<start> <stop>}) with its repeat lines. Times are NTP seconds (unsigned);
 * {@code t=0 0} means a permanent session, and the reader maps {@code t=now-} to it.
 *
 * @param startTime the start time
 * @param stopTime the stop time
 * @param repeatTimes the {@code r=} lines following it
 */
public record Timing(long startTime, long stopTime, List<RepeatTime> repeatTimes) {

    /** The permanent session {@code t=0 0} every RTSP server announces. */
    public static final Timing PERMANENT = new Timing(0, 0, List.of());

    /**
     * Copies the repeat times.
     *
     * @param startTime the start time
     * @param stopTime the stop time
     * @param repeatTimes the repeat lines
     */
    public Timing {
        repeatTimes = repeatTimes == null ? List.of() : List.copyOf(repeatTimes);
    }
}
