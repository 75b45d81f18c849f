package io.rtsp4j.srtp.mikey;

import java.time.Instant;

/**
 * The timestamp payload T (RFC 3830 §6.6), which lets the receiver reject replayed key exchanges.
 *
 * @param tsType {@link #TS_TYPE_NTP_UTC}, {@link #TS_TYPE_NTP} (both 64-bit NTP timestamps) or
 *     {@link #TS_TYPE_COUNTER} (a 32-bit counter)
 * @param value the timestamp; for the NTP types an unsigned 64-bit NTP timestamp (seconds since 1900 in the
 *     high 32 bits, fraction in the low 32 bits) held in a {@code long}
 */
public record MikeyTimestampPayload(int tsType, long value) implements MikeyPayload {

    /** NTP timestamp in UTC. */
    public static final int TS_TYPE_NTP_UTC = 0;
    /** NTP timestamp (time zone unspecified). */
    public static final int TS_TYPE_NTP = 1;
    /** 32-bit counter. */
    public static final int TS_TYPE_COUNTER = 2;

    /** Seconds from 1900-01-01 (NTP epoch) to 1970-01-01. */
    private static final long NTP_TO_UNIX_SECONDS = 2_208_988_800L;

    /**
     * Checks the type and, for counters, the range.
     *
     * @param tsType the timestamp type, 0..2
     * @param value the timestamp
     * @throws IllegalArgumentException when the type is unknown or a counter exceeds 32 bits
     */
    public MikeyTimestampPayload {
        if (tsType < TS_TYPE_NTP_UTC || tsType > TS_TYPE_COUNTER) {
            throw new IllegalArgumentException("unknown timestamp type " + tsType);
        }
        if (tsType == TS_TYPE_COUNTER) {
            Fields.checkU32(value, "counter");
        }
    }

    /**
     * An NTP-UTC timestamp for an instant.
     *
     * @param instant the time, between 1968 and 2104
     * @return the payload
     */
    public static MikeyTimestampPayload ntpUtc(Instant instant) {
        long seconds = instant.getEpochSecond() + NTP_TO_UNIX_SECONDS;
        long fraction = ((long) instant.getNano() << 32) / 1_000_000_000L;
        return new MikeyTimestampPayload(TS_TYPE_NTP_UTC, (seconds << 32) | fraction);
    }

    /**
     * The instant of an NTP timestamp. Seconds values with the top bit clear are read as NTP era 1
     * (from 2036-02-07), as RFC 4330 §3 suggests, so the range is 1968 to 2104.
     *
     * @return the instant
     * @throws IllegalStateException for a counter timestamp
     */
    public Instant toInstant() {
        if (tsType == TS_TYPE_COUNTER) {
            throw new IllegalStateException("a counter timestamp has no time");
        }
        long seconds = value >>> 32;
        if ((seconds & 0x8000_0000L) == 0) {
            seconds += 1L << 32;
        }
        long nanos = ((value & 0xFFFF_FFFFL) * 1_000_000_000L) >>> 32;
        return Instant.ofEpochSecond(seconds - NTP_TO_UNIX_SECONDS, nanos);
    }

    @Override
    public int payloadType() {
        return TYPE_T;
    }

    static MikeyTimestampPayload decodeBody(MikeyReader in) throws MikeyException {
        int typeAt = in.position();
        int type = in.u8("T payload TS type");
        switch (type) {
            case TS_TYPE_NTP_UTC:
            case TS_TYPE_NTP:
                return new MikeyTimestampPayload(type, in.u64("T payload NTP timestamp"));
            case TS_TYPE_COUNTER:
                return new MikeyTimestampPayload(type, in.u32("T payload counter"));
            default:
                throw new MikeyException("unsupported T payload TS type " + type, typeAt);
        }
    }

    void encodeBody(MikeyWriter out) {
        out.u8(tsType);
        if (tsType == TS_TYPE_COUNTER) {
            out.u32(value);
        } else {
            out.u64(value);
        }
    }

    @Override
    public String toString() {
        return tsType == TS_TYPE_COUNTER ? "T{counter=" + value + '}'
                : "T{type=" + tsType + ", " + Long.toUnsignedString(value) + " = " + toInstant() + '}';
    }
}
