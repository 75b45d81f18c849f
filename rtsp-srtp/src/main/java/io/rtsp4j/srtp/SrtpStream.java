package io.rtsp4j.srtp;

/**
 * One RTP stream as key management announces it: its SSRC and the rollover counter (ROC) it starts with,
 * as in an entry of MIKEY's SRTP-ID map (RFC 3830 §6.1.1).
 *
 * @param ssrc the synchronization source, an unsigned 32-bit value
 * @param rolloverCounter the number of times the 16-bit sequence number has wrapped, an unsigned 32-bit value
 */
public record SrtpStream(long ssrc, long rolloverCounter) {

    /**
     * Checks the ranges.
     *
     * @param ssrc the synchronization source, an unsigned 32-bit value
     * @param rolloverCounter the rollover counter, an unsigned 32-bit value
     * @throws IllegalArgumentException when a value is outside 0 .. 2^32-1
     */
    public SrtpStream {
        if (ssrc < 0 || ssrc > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("SSRC out of the unsigned 32-bit range: " + ssrc);
        }
        if (rolloverCounter < 0 || rolloverCounter > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("rollover counter out of the unsigned 32-bit range: " + rolloverCounter);
        }
    }
}
