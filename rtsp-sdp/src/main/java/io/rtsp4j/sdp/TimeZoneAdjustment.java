package io.rtsp4j.sdp;

/**
 * One adjustment of a time zone line ({@code z=<adjustment time> <offset> ...}).
 *
 * @param adjustmentTime when the adjustment happens (NTP seconds, unsigned)
 * @param offset the offset in seconds (negative allowed)
 */
public record TimeZoneAdjustment(long adjustmentTime, long offset) {
}
