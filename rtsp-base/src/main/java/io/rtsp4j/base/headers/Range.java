package io.rtsp4j.base.headers;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A {@code Range} header (RFC 2326 §12.29, §3.5–3.7) in one of its three units, plus the optional
 * {@code ;time=} parameter (when the range should start):
 *
 * <ul>
 *   <li>{@link Npt}: normal play time, {@code npt=123.45-125}, {@code npt=0-}, {@code npt=now-},
 *       {@code npt=1:02:03.5-} (written back in seconds: {@code npt=3723.5-});</li>
 *   <li>{@link Smpte}: SMPTE time codes, {@code smpte=10:07:33:05.01-} (also {@code smpte-30-drop},
 *       {@code smpte-25});</li>
 *   <li>{@link Clock}: absolute UTC times, {@code clock=19961108T142300Z-19961108T143520Z}.</li>
 * </ul>
 *
 * <pre>{@code
 * if (Range.parse(value) instanceof Range.Npt npt && npt.start() != null && !npt.start().isNow()) {
 *     seek(npt.start().offset());
 * }
 * }</pre>
 */
public sealed interface Range permits Range.Npt, Range.Smpte, Range.Clock {

    /**
     * The {@code time} parameter: the wall-clock time at which the range should start.
     *
     * @return the time, or {@code null} when absent
     */
    Instant time();

    /**
     * The canonical header value.
     *
     * @return e.g. {@code npt=0-} or {@code clock=19961108T142300Z-;time=19970123T143720Z}
     */
    String format();

    /**
     * Parses the only value of the header.
     *
     * @param values every value of the header ({@code RtspHeaders.getAll})
     * @return the range
     * @throws HeaderParseException if there is not exactly one value or it is malformed
     */
    static Range parse(List<String> values) throws HeaderParseException {
        return parse(HeaderValues.single(RangeSyntax.NAME, values));
    }

    /**
     * Parses a value.
     *
     * @param value e.g. {@code npt=0-}
     * @return the range
     * @throws HeaderParseException if the unit is unknown or a time is malformed
     */
    static Range parse(String value) throws HeaderParseException {
        return RangeSyntax.parse(value);
    }

    /**
     * A normal-play-time position: an offset from the start of the presentation, or {@code now} (live).
     *
     * @param offset the offset (not negative), or {@code null} for {@code now}
     */
    record NptTime(Duration offset) {

        /** {@code now}: the current position of a live stream. */
        public static final NptTime NOW = new NptTime(null);

        /**
         * Checks the offset.
         *
         * @param offset the offset, not negative, or {@code null} for {@code now}
         * @throws IllegalArgumentException if the offset is negative
         */
        public NptTime {
            if (offset != null && offset.isNegative()) {
                throw new IllegalArgumentException("negative npt offset " + offset);
            }
        }

        /**
         * An offset position.
         *
         * @param offset the offset from the start
         * @return the position
         */
        public static NptTime of(Duration offset) {
            return new NptTime(Objects.requireNonNull(offset, "offset"));
        }

        /**
         * Whether this is {@code now}.
         *
         * @return true for {@link #NOW}
         */
        public boolean isNow() {
            return offset == null;
        }

        /**
         * The header form: {@code now}, or seconds with up to nine decimals, trailing zeros dropped.
         *
         * @return e.g. {@code "123.45"}
         */
        @Override
        public String toString() {
            return offset == null ? "now" : RangeSyntax.seconds(offset);
        }
    }

    /**
     * An npt range.
     *
     * @param start the start, or {@code null} in the {@code npt=-end} form
     * @param end the end, or {@code null} for an open range
     * @param time the {@code time} parameter, or {@code null}
     */
    record Npt(NptTime start, NptTime end, Instant time) implements Range {

        /**
         * Checks that the range has a start or an end.
         *
         * @param start the start, or {@code null}
         * @param end the end, or {@code null}
         * @param time the {@code time} parameter, or {@code null}
         * @throws IllegalArgumentException if both start and end are null
         */
        public Npt {
            if (start == null && end == null) {
                throw new IllegalArgumentException("an npt range needs a start or an end");
            }
            RangeSyntax.checkUtc(time);
        }

        @Override
        public String format() {
            return "npt=" + (start == null ? "" : start) + "-" + (end == null ? "" : end) + RangeSyntax.timeParam(time);
        }
    }

    /**
     * A SMPTE time code: hours, minutes and seconds, then frames and sub-frames (hundredths of a frame).
     *
     * @param time whole seconds since the start, not negative
     * @param frame the frame, 0..99
     * @param subframe the sub-frame, 0..99
     */
    record SmpteTime(Duration time, int frame, int subframe) {

        /**
         * Checks the fields.
         *
         * @param time whole seconds, not negative
         * @param frame 0..99
         * @param subframe 0..99
         * @throws IllegalArgumentException if a field is out of range
         */
        public SmpteTime {
            Objects.requireNonNull(time, "time");
            if (time.isNegative() || time.getNano() != 0) {
                throw new IllegalArgumentException("SMPTE time must be whole, non-negative seconds: " + time);
            }
            if (frame < 0 || frame > 99 || subframe < 0 || subframe > 99) {
                throw new IllegalArgumentException("SMPTE frame " + frame + "." + subframe + " out of range");
            }
        }

        /**
         * The header form, {@code h:mm:ss[:ff[.ss]]}.
         *
         * @return e.g. {@code "10:07:33:05.01"}
         */
        @Override
        public String toString() {
            long s = time.getSeconds();
            StringBuilder sb = new StringBuilder().append(s / 3600).append(':');
            RangeSyntax.twoDigits(sb, (int) (s / 60 % 60)).append(':');
            RangeSyntax.twoDigits(sb, (int) (s % 60));
            if (frame > 0 || subframe > 0) {
                RangeSyntax.twoDigits(sb.append(':'), frame);
                if (subframe > 0) {
                    RangeSyntax.twoDigits(sb.append('.'), subframe);
                }
            }
            return sb.toString();
        }
    }

    /**
     * A SMPTE range.
     *
     * @param type the unit as written: {@code smpte}, {@code smpte-30-drop} or {@code smpte-25}
     * @param start the start
     * @param end the end, or {@code null} for an open range
     * @param time the {@code time} parameter, or {@code null}
     */
    record Smpte(String type, SmpteTime start, SmpteTime end, Instant time) implements Range {

        /**
         * Checks the fields.
         *
         * @param type {@code smpte}, {@code smpte-30-drop} or {@code smpte-25}
         * @param start the start
         * @param end the end, or {@code null}
         * @param time the {@code time} parameter, or {@code null}
         * @throws IllegalArgumentException if the type is unknown
         */
        public Smpte {
            if (!RangeSyntax.isSmpteType(type)) {
                throw new IllegalArgumentException("unknown SMPTE type '" + type + "'");
            }
            Objects.requireNonNull(start, "start");
            RangeSyntax.checkUtc(time);
        }

        @Override
        public String format() {
            return type + "=" + start + "-" + (end == null ? "" : end) + RangeSyntax.timeParam(time);
        }
    }

    /**
     * An absolute (UTC) range.
     *
     * @param start the start, years 0..9999
     * @param end the end, or {@code null} for an open range
     * @param time the {@code time} parameter, or {@code null}
     */
    record Clock(Instant start, Instant end, Instant time) implements Range {

        /**
         * Checks the fields.
         *
         * @param start the start, years 0..9999
         * @param end the end, or {@code null}
         * @param time the {@code time} parameter, or {@code null}
         * @throws IllegalArgumentException if a time is outside years 0..9999
         */
        public Clock {
            Objects.requireNonNull(start, "start");
            RangeSyntax.checkUtc(start);
            RangeSyntax.checkUtc(end);
            RangeSyntax.checkUtc(time);
        }

        @Override
        public String format() {
            return "clock=" + RangeSyntax.utc(start) + "-" + (end == null ? "" : RangeSyntax.utc(end))
                    + RangeSyntax.timeParam(time);
        }
    }
}
