package io.rtsp4j.srtp.mikey;

/**
 * One entry of the SRTP-ID crypto session map of the MIKEY header (RFC 3830 §6.1.1): which security policy an
 * RTP stream uses and the stream's SSRC and rollover counter.
 *
 * @param policyNo the number of the SP payload that applies, 0..255
 * @param ssrc the SSRC, an unsigned 32-bit value
 * @param roc the SRTP rollover counter, an unsigned 32-bit value
 */
public record MikeySrtpIdEntry(int policyNo, long ssrc, long roc) {

    /**
     * Checks the ranges.
     *
     * @param policyNo the policy number, 0..255
     * @param ssrc the SSRC, 0..2^32-1
     * @param roc the rollover counter, 0..2^32-1
     * @throws IllegalArgumentException when a value is out of range
     */
    public MikeySrtpIdEntry {
        Fields.checkU8(policyNo, "policy number");
        Fields.checkU32(ssrc, "SSRC");
        Fields.checkU32(roc, "ROC");
    }
}
