package io.rtsp4j.base.codec;

/** A part of a message exceeds one of the limits of {@link RtspDecoderConfig}. */
public final class TooLongException extends RtspDecodeException {

    private static final long serialVersionUID = 1L;

    /** The limit that was exceeded. */
    public enum Limit {
        /** {@link RtspDecoderConfig#maxMethodLength()}. */
        METHOD,
        /** {@link RtspDecoderConfig#maxUriLength()}. */
        URI,
        /** The status line of a response (its reason phrase is limited by {@link RtspDecoderConfig#maxHeaderValueLength()}). */
        STATUS_LINE,
        /** {@link RtspDecoderConfig#maxHeaderCount()}. */
        HEADER_COUNT,
        /** {@link RtspDecoderConfig#maxHeaderNameLength()}. */
        HEADER_NAME,
        /** {@link RtspDecoderConfig#maxHeaderValueLength()}. */
        HEADER_VALUE,
        /** {@link RtspDecoderConfig#maxBodyLength()}. */
        BODY,
        /** {@link RtspDecoderConfig#maxInterleavedPayloadLength()}. */
        INTERLEAVED_PAYLOAD
    }

    private final Limit limit;
    private final long maximum;

    /**
     * Creates the exception.
     *
     * @param limit which limit
     * @param maximum the configured maximum
     * @param detail what exceeded it, e.g. {@code "Content-Length 200000"}
     */
    public TooLongException(Limit limit, long maximum, String detail) {
        super(detail + " exceeds the " + limit.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                + " limit of " + maximum);
        this.limit = limit;
        this.maximum = maximum;
    }

    /**
     * Which limit was exceeded.
     *
     * @return the limit
     */
    public Limit limit() {
        return limit;
    }

    /**
     * The configured maximum of that limit.
     *
     * @return the maximum (bytes, or lines for {@link Limit#HEADER_COUNT})
     */
    public long maximum() {
        return maximum;
    }
}
