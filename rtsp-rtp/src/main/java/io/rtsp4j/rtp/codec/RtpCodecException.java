package io.rtsp4j.rtp.codec;

/**
 * A depacketizer could not turn RTP packets into a media unit. The {@link #reason()} tells routine conditions
 * (a lost packet) from broken senders; the message names what is wrong.
 *
 * <p>The depacketizer has discarded the partial unit when it throws, and accepts the next packet normally. The
 * exception carries no stack trace: it reports bad or incomplete input and must be cheap to create.
 */
public final class RtpCodecException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why a packet could not be depacketized. */
    public enum Reason {
        /** The payload does not follow the payload format. */
        MALFORMED,
        /** A packet of a fragmented unit is missing (sequence gap); the partial unit was discarded. */
        PACKET_LOST,
        /** The unit exceeds a configured limit (size, number of NAL units/OBUs/frames). */
        TOO_LARGE,
        /** The payload uses a feature of the format that is not implemented (e.g. interleaving). */
        UNSUPPORTED
    }

    /** Why the packet could not be depacketized. */
    private final Reason reason;

    /**
     * Creates the exception.
     *
     * @param reason the category
     * @param message what is wrong
     */
    public RtpCodecException(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    /**
     * A malformed-payload error.
     *
     * @param message what is wrong
     * @return the exception
     */
    public static RtpCodecException malformed(String message) {
        return new RtpCodecException(Reason.MALFORMED, message);
    }

    /**
     * The category of the error.
     *
     * @return the reason
     */
    public Reason reason() {
        return reason;
    }
}
