package io.rtsp4j.rtp.time;

import java.util.Objects;

/**
 * Turns the RTP timestamps of several tracks of one session into presentation timestamps (PTS) on a common
 * timeline, handling 32-bit wrap-around.
 *
 * <p>RTP timestamps of different tracks start at random values and are unrelated, so the first track that delivers
 * a packet whose PTS equals its DTS (a key frame for video, any audio packet) becomes the <em>leading track</em>
 * and starts at PTS 0. A track that starts later begins at the leading track's current PTS plus the wall-clock
 * time elapsed since the leading track's last PTS==DTS packet, converted to its own clock rate. Afterwards each
 * track advances by the signed 32-bit difference between consecutive timestamps, so wrap-around and small
 * backward steps (B-frames) are handled.
 *
 * <p>Not thread-safe: use one decoder per session from one thread (e.g. the session's event loop).
 */
public final class PtsDecoder {

    /** Returned by {@link #decode} while a track has not started (or has no clock rate). */
    public static final long NO_PTS = Long.MIN_VALUE;

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final WallClock clock;
    private Track leadingTrack;
    private long leadingNowNanos;
    private long leadingPts;

    /**
     * Creates a decoder.
     *
     * @param clock the wall clock used to place tracks that start after the leading track
     */
    public PtsDecoder(WallClock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Registers a track.
     *
     * @param clockRate the track's RTP clock rate in Hz; 0 means the track has no timing (never decoded)
     * @return the track handle to pass to {@link #decode}
     */
    public Track addTrack(int clockRate) {
        if (clockRate < 0) {
            throw new IllegalArgumentException("clock rate must not be negative, got " + clockRate);
        }
        return new Track(this, clockRate);
    }

    /**
     * Decodes the timestamp of a packet of {@code track}.
     *
     * @param track a track of this decoder
     * @param rtpTimestamp the packet's RTP timestamp, 0..0xFFFFFFFF
     * @param ptsEqualsDts whether the packet's PTS equals its DTS (see the payload format's key frame detection)
     * @return the PTS in units of the track's clock rate, or {@link #NO_PTS} until the track's first PTS==DTS
     *         packet, and always for a clock rate of 0
     */
    public long decode(Track track, long rtpTimestamp, boolean ptsEqualsDts) {
        if (track.decoder != this) {
            throw new IllegalArgumentException("track belongs to another decoder");
        }
        if (track.clockRate == 0) {
            return NO_PTS;
        }
        int ts = (int) rtpTimestamp;
        if (!track.started) {
            if (!ptsEqualsDts) {
                return NO_PTS;
            }
            long now = clock.nowNanos();
            if (leadingTrack == null) {
                leadingTrack = track;
                leadingNowNanos = now;
                leadingPts = 0;
            }
            long start = rescale(leadingPts, track.clockRate, leadingTrack.clockRate)
                    + rescale(now - leadingNowNanos, track.clockRate, NANOS_PER_SECOND);
            track.started = true;
            track.overall = start;
            track.previous = ts;
            return start;
        }
        track.overall += ts - track.previous; // signed 32-bit step: wrap-around and B-frames
        track.previous = ts;
        if (track == leadingTrack && ptsEqualsDts) {
            leadingNowNanos = clock.nowNanos();
            leadingPts = track.overall;
        }
        return track.overall;
    }

    /** value * multiplier / divisor without overflowing for large values: integer part first, then remainder. */
    private static long rescale(long value, long multiplier, long divisor) {
        return value / divisor * multiplier + value % divisor * multiplier / divisor;
    }

    /** A track of a {@link PtsDecoder}. */
    public static final class Track {
        private final PtsDecoder decoder;
        private final int clockRate;
        private boolean started;
        private long overall;
        private int previous;

        private Track(PtsDecoder decoder, int clockRate) {
            this.decoder = decoder;
            this.clockRate = clockRate;
        }

        /**
         * The track's clock rate.
         *
         * @return Hz, 0 for none
         */
        public int clockRate() {
            return clockRate;
        }

        /**
         * Shortcut for {@code decoder.decode(this, rtpTimestamp, ptsEqualsDts)}.
         *
         * @param rtpTimestamp the packet's RTP timestamp
         * @param ptsEqualsDts whether the packet's PTS equals its DTS
         * @return the PTS, or {@link #NO_PTS}
         */
        public long decode(long rtpTimestamp, boolean ptsEqualsDts) {
            return decoder.decode(this, rtpTimestamp, ptsEqualsDts);
        }

        /**
         * Converts a PTS of this track into nanoseconds.
         *
         * @param pts a PTS returned for this track
         * @return nanoseconds
         */
        public long toNanos(long pts) {
            if (clockRate == 0) {
                throw new IllegalStateException("track has no clock rate");
            }
            return rescale(pts, NANOS_PER_SECOND, clockRate);
        }
    }
}
