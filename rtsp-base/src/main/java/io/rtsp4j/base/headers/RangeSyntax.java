package io.rtsp4j.base.headers;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/** The parsing and formatting rules behind {@link Range}. */
final class RangeSyntax {

    static final String NAME = "Range";

    private static final Instant MIN_UTC = LocalDateTime.of(0, 1, 1, 0, 0).toInstant(ZoneOffset.UTC);
    private static final Instant MAX_UTC = LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_999)
            .toInstant(ZoneOffset.UTC);

    private RangeSyntax() {
    }

    static Range parse(String value) throws HeaderParseException {
        List<String> parts = HeaderValues.split(value, ';');
        String spec = parts.get(0);
        Instant time = null;
        for (int i = 1; i < parts.size(); i++) {
            String p = parts.get(i);
            int eq = p.indexOf('=');
            if (eq > 0 && p.substring(0, eq).strip().equalsIgnoreCase("time")) {
                time = parseUtc(HeaderValues.unquote(p.substring(eq + 1).strip()));
            }
        }
        int eq = spec.indexOf('=');
        if (eq < 0) {
            throw new HeaderParseException(NAME, "no unit in '" + HeaderValues.excerpt(spec) + "'");
        }
        String unit = spec.substring(0, eq).strip().toLowerCase(Locale.ROOT);
        String range = spec.substring(eq + 1).strip();
        int dash = range.indexOf('-');
        if (dash < 0 || range.indexOf('-', dash + 1) >= 0) {
            throw new HeaderParseException(NAME, "invalid range '" + HeaderValues.excerpt(range) + "'");
        }
        String a = range.substring(0, dash).strip();
        String b = range.substring(dash + 1).strip();
        switch (unit) {
            case "npt": {
                if (a.isEmpty() && b.isEmpty()) {
                    throw new HeaderParseException(NAME, "npt range without start and end");
                }
                return new Range.Npt(a.isEmpty() ? null : parseNpt(a), b.isEmpty() ? null : parseNpt(b), time);
            }
            case "smpte":
            case "smpte-30-drop":
            case "smpte-25":
                return new Range.Smpte(unit, parseSmpte(a), b.isEmpty() ? null : parseSmpte(b), time);
            case "clock":
                return new Range.Clock(parseUtc(a), b.isEmpty() ? null : parseUtc(b), time);
            default:
                throw new HeaderParseException(NAME, "unknown unit '" + HeaderValues.excerpt(unit) + "'");
        }
    }

    static boolean isSmpteType(String type) {
        return "smpte".equals(type) || "smpte-30-drop".equals(type) || "smpte-25".equals(type);
    }

    /** npt-time: {@code now}, {@code sec[.frac]} or {@code h:mm:ss[.frac]}. */
    static Range.NptTime parseNpt(String s) throws HeaderParseException {
        if (s.equalsIgnoreCase("now")) {
            return Range.NptTime.NOW;
        }
        String whole = s;
        int nanos = 0;
        int dot = s.indexOf('.');
        if (dot >= 0) {
            whole = s.substring(0, dot);
            nanos = fraction(s.substring(dot + 1), s);
        }
        long seconds;
        String[] hms = whole.split(":", -1);
        if (hms.length == 1) {
            seconds = number(hms[0], 12, Long.MAX_VALUE, s);
        } else if (hms.length == 3) {
            seconds = number(hms[0], 9, Long.MAX_VALUE, s) * 3600 + number(hms[1], 2, 59, s) * 60
                    + number(hms[2], 2, 59, s);
        } else {
            throw new HeaderParseException(NAME, "invalid npt time '" + HeaderValues.excerpt(s) + "'");
        }
        return Range.NptTime.of(Duration.ofSeconds(seconds, nanos));
    }

    /** smpte-time: {@code h:mm:ss[:ff[.ss]]}. */
    static Range.SmpteTime parseSmpte(String s) throws HeaderParseException {
        String[] f = s.split(":", -1);
        if (f.length != 3 && f.length != 4) {
            throw new HeaderParseException(NAME, "invalid SMPTE time '" + HeaderValues.excerpt(s) + "'");
        }
        long seconds = number(f[0], 9, Long.MAX_VALUE, s) * 3600 + number(f[1], 2, 59, s) * 60
                + number(f[2], 2, 59, s);
        int frame = 0;
        int subframe = 0;
        if (f.length == 4) {
            String ff = f[3];
            int dot = ff.indexOf('.');
            if (dot >= 0) {
                subframe = (int) number(ff.substring(dot + 1), 2, 99, s);
                ff = ff.substring(0, dot);
            }
            frame = (int) number(ff, 2, 99, s);
        }
        return new Range.SmpteTime(Duration.ofSeconds(seconds), frame, subframe);
    }

    /** utc-time: {@code yyyymmddThhmmss[.fraction]Z}. */
    static Instant parseUtc(String s) throws HeaderParseException {
        if (s.length() < 16 || s.charAt(8) != 'T' || s.charAt(s.length() - 1) != 'Z') {
            throw new HeaderParseException(NAME, "invalid UTC time '" + HeaderValues.excerpt(s) + "'");
        }
        String date = s.substring(0, 8);
        String clock = s.substring(9, s.length() - 1);
        int nanos = 0;
        int dot = clock.indexOf('.');
        if (dot >= 0) {
            nanos = fraction(clock.substring(dot + 1), s);
            clock = clock.substring(0, dot);
        }
        if (clock.length() != 6) {
            throw new HeaderParseException(NAME, "invalid UTC time '" + HeaderValues.excerpt(s) + "'");
        }
        try {
            return LocalDateTime.of((int) number(date.substring(0, 4), 4, 9999, s),
                    (int) number(date.substring(4, 6), 2, 12, s), (int) number(date.substring(6, 8), 2, 31, s),
                    (int) number(clock.substring(0, 2), 2, 23, s), (int) number(clock.substring(2, 4), 2, 59, s),
                    (int) number(clock.substring(4, 6), 2, 59, s), nanos).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            throw new HeaderParseException(NAME, "invalid UTC time '" + HeaderValues.excerpt(s) + "'");
        }
    }

    private static long number(String digits, int maxDigits, long max, String context) throws HeaderParseException {
        if (digits.isEmpty() || digits.length() > maxDigits) {
            throw new HeaderParseException(NAME, "invalid time '" + HeaderValues.excerpt(context) + "'");
        }
        long v = 0;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                throw new HeaderParseException(NAME, "invalid time '" + HeaderValues.excerpt(context) + "'");
            }
            v = v * 10 + (c - '0');
        }
        if (v > max) {
            throw new HeaderParseException(NAME, "invalid time '" + HeaderValues.excerpt(context) + "'");
        }
        return v;
    }

    /** Decimal fraction digits as nanoseconds; digits beyond the ninth are dropped. */
    private static int fraction(String digits, String context) throws HeaderParseException {
        int nanos = 0;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                throw new HeaderParseException(NAME, "invalid time '" + HeaderValues.excerpt(context) + "'");
            }
            if (i < 9) {
                nanos = nanos * 10 + (c - '0');
            }
        }
        for (int i = digits.length(); i < 9; i++) {
            nanos *= 10;
        }
        return nanos;
    }

    static String seconds(Duration d) {
        StringBuilder sb = new StringBuilder().append(d.getSeconds());
        appendFraction(sb, d.getNano());
        return sb.toString();
    }

    private static void appendFraction(StringBuilder sb, int nanos) {
        if (nanos == 0) {
            return;
        }
        String frac = String.format("%09d", nanos);
        int end = frac.length();
        while (frac.charAt(end - 1) == '0') {
            end--;
        }
        sb.append('.').append(frac, 0, end);
    }

    static StringBuilder twoDigits(StringBuilder sb, int v) {
        if (v < 10) {
            sb.append('0');
        }
        return sb.append(v);
    }

    static String utc(Instant t) {
        LocalDateTime d = LocalDateTime.ofInstant(t, ZoneOffset.UTC);
        StringBuilder sb = new StringBuilder(24);
        sb.append(String.format("%04d", d.getYear()));
        twoDigits(sb, d.getMonthValue());
        twoDigits(sb, d.getDayOfMonth()).append('T');
        twoDigits(sb, d.getHour());
        twoDigits(sb, d.getMinute());
        twoDigits(sb, d.getSecond());
        appendFraction(sb, d.getNano());
        return sb.append('Z').toString();
    }

    static String timeParam(Instant time) {
        return time == null ? "" : ";time=" + utc(time);
    }

    static void checkUtc(Instant t) {
        if (t != null && (t.isBefore(MIN_UTC) || t.isAfter(MAX_UTC))) {
            throw new IllegalArgumentException("time " + t + " is outside the years 0..9999");
        }
    }
}
