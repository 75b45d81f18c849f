package io.rtsp4j.sdp;

import java.util.List;

/**
 * A repeat line ({@code r=<interval> <duration> <offsets>...}), in seconds (the reader converts the
 * {@code d}, {@code h}, {@code m}, {@code s} unit suffixes).
 *
 * @param interval the repeat interval
 * @param duration the active duration
 * @param offsets the offsets from the start time
 */
public record RepeatTime(long interval, long duration, List<Long> offsets) {

    /**
     * Copies the offsets.
     *
     * @param interval the repeat interval
     * @param duration the active duration
     * @param offsets the offsets
     */
    public RepeatTime {
        offsets = offsets == null ? List.of() : List.copyOf(offsets);
    }
}
