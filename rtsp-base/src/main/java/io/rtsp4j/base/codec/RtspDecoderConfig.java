package io.rtsp4j.base.codec;

/**
 * The limits of {@link RtspDecoder}. Immutable; start from {@link #DEFAULT} or {@link #builder()}.
 *
 * <p>The defaults are those of gortsplib, which has met the requests of most cameras and players in use:
 *
 * <table>
 *   <caption>Limits and defaults</caption>
 *   <tr><th>limit</th><th>default</th><th>when exceeded</th></tr>
 *   <tr><td>method name</td><td>{@value #DEFAULT_MAX_METHOD_LENGTH} B</td><td>400, decoding goes on</td></tr>
 *   <tr><td>request-URI</td><td>{@value #DEFAULT_MAX_URI_LENGTH} B</td><td>414, decoding goes on</td></tr>
 *   <tr><td>header lines</td><td>{@value #DEFAULT_MAX_HEADER_COUNT}</td><td>400, connection unusable</td></tr>
 *   <tr><td>header name</td><td>{@value #DEFAULT_MAX_HEADER_NAME_LENGTH} B</td><td>400, decoding goes on</td></tr>
 *   <tr><td>header value (and reason phrase)</td><td>{@value #DEFAULT_MAX_HEADER_VALUE_LENGTH} B</td>
 *       <td>400, decoding goes on</td></tr>
 *   <tr><td>body</td><td>{@value #DEFAULT_MAX_BODY_LENGTH} B</td><td>413, the body is skipped</td></tr>
 *   <tr><td>interleaved payload</td><td>{@value #DEFAULT_MAX_INTERLEAVED_PAYLOAD_LENGTH} B</td>
 *       <td>the frame is skipped</td></tr>
 * </table>
 */
public final class RtspDecoderConfig {

    /** Default maximum length of a method name: {@value}. */
    public static final int DEFAULT_MAX_METHOD_LENGTH = 64;
    /** Default maximum length of a request-URI: {@value}. */
    public static final int DEFAULT_MAX_URI_LENGTH = 2048;
    /** Default maximum number of header lines: {@value}. */
    public static final int DEFAULT_MAX_HEADER_COUNT = 255;
    /** Default maximum length of a header name: {@value}. */
    public static final int DEFAULT_MAX_HEADER_NAME_LENGTH = 512;
    /** Default maximum length of a header value: {@value}. */
    public static final int DEFAULT_MAX_HEADER_VALUE_LENGTH = 2048;
    /** Default maximum body length: {@value} (128 KiB). */
    public static final int DEFAULT_MAX_BODY_LENGTH = 128 * 1024;
    /** Default maximum payload of an interleaved frame: {@value}, all that the 16-bit length can say. */
    public static final int DEFAULT_MAX_INTERLEAVED_PAYLOAD_LENGTH = 0xFFFF;

    /** The defaults. */
    public static final RtspDecoderConfig DEFAULT = builder().build();

    private final int maxMethodLength;
    private final int maxUriLength;
    private final int maxHeaderCount;
    private final int maxHeaderNameLength;
    private final int maxHeaderValueLength;
    private final int maxBodyLength;
    private final int maxInterleavedPayloadLength;

    private RtspDecoderConfig(Builder b) {
        this.maxMethodLength = b.maxMethodLength;
        this.maxUriLength = b.maxUriLength;
        this.maxHeaderCount = b.maxHeaderCount;
        this.maxHeaderNameLength = b.maxHeaderNameLength;
        this.maxHeaderValueLength = b.maxHeaderValueLength;
        this.maxBodyLength = b.maxBodyLength;
        this.maxInterleavedPayloadLength = b.maxInterleavedPayloadLength;
    }

    /**
     * A builder with the default limits.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder initialised with these limits.
     *
     * @return the builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.maxMethodLength = maxMethodLength;
        b.maxUriLength = maxUriLength;
        b.maxHeaderCount = maxHeaderCount;
        b.maxHeaderNameLength = maxHeaderNameLength;
        b.maxHeaderValueLength = maxHeaderValueLength;
        b.maxBodyLength = maxBodyLength;
        b.maxInterleavedPayloadLength = maxInterleavedPayloadLength;
        return b;
    }

    /**
     * Maximum length of a method name in bytes.
     *
     * @return the limit
     */
    public int maxMethodLength() {
        return maxMethodLength;
    }

    /**
     * Maximum length of a request-URI in bytes.
     *
     * @return the limit
     */
    public int maxUriLength() {
        return maxUriLength;
    }

    /**
     * Maximum number of header lines of one message.
     *
     * @return the limit
     */
    public int maxHeaderCount() {
        return maxHeaderCount;
    }

    /**
     * Maximum length of a header name in bytes.
     *
     * @return the limit
     */
    public int maxHeaderNameLength() {
        return maxHeaderNameLength;
    }

    /**
     * Maximum length of a header value in bytes (after unfolding), also used for a response's reason phrase.
     *
     * @return the limit
     */
    public int maxHeaderValueLength() {
        return maxHeaderValueLength;
    }

    /**
     * Maximum body length in bytes.
     *
     * @return the limit
     */
    public int maxBodyLength() {
        return maxBodyLength;
    }

    /**
     * Maximum payload length of an interleaved frame in bytes.
     *
     * @return the limit, at most 65535
     */
    public int maxInterleavedPayloadLength() {
        return maxInterleavedPayloadLength;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof RtspDecoderConfig)) {
            return false;
        }
        RtspDecoderConfig c = (RtspDecoderConfig) o;
        return maxMethodLength == c.maxMethodLength && maxUriLength == c.maxUriLength
                && maxHeaderCount == c.maxHeaderCount && maxHeaderNameLength == c.maxHeaderNameLength
                && maxHeaderValueLength == c.maxHeaderValueLength && maxBodyLength == c.maxBodyLength
                && maxInterleavedPayloadLength == c.maxInterleavedPayloadLength;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(maxMethodLength, maxUriLength, maxHeaderCount, maxHeaderNameLength,
                maxHeaderValueLength, maxBodyLength, maxInterleavedPayloadLength);
    }

    @Override
    public String toString() {
        return "RtspDecoderConfig(method=" + maxMethodLength + ", uri=" + maxUriLength + ", headers="
                + maxHeaderCount + ", name=" + maxHeaderNameLength + ", value=" + maxHeaderValueLength
                + ", body=" + maxBodyLength + ", interleaved=" + maxInterleavedPayloadLength + ")";
    }

    /** Builds {@link RtspDecoderConfig}s; every setter rejects values below 1. */
    public static final class Builder {

        private int maxMethodLength = DEFAULT_MAX_METHOD_LENGTH;
        private int maxUriLength = DEFAULT_MAX_URI_LENGTH;
        private int maxHeaderCount = DEFAULT_MAX_HEADER_COUNT;
        private int maxHeaderNameLength = DEFAULT_MAX_HEADER_NAME_LENGTH;
        private int maxHeaderValueLength = DEFAULT_MAX_HEADER_VALUE_LENGTH;
        private int maxBodyLength = DEFAULT_MAX_BODY_LENGTH;
        private int maxInterleavedPayloadLength = DEFAULT_MAX_INTERLEAVED_PAYLOAD_LENGTH;

        private Builder() {
        }

        private static int positive(String what, int value) {
            if (value < 1) {
                throw new IllegalArgumentException(what + " must be at least 1, got " + value);
            }
            return value;
        }

        /**
         * Sets the maximum method length.
         *
         * @param bytes the limit, at least 1
         * @return this
         */
        public Builder maxMethodLength(int bytes) {
            this.maxMethodLength = positive("maxMethodLength", bytes);
            return this;
        }

        /**
         * Sets the maximum request-URI length.
         *
         * @param bytes the limit, at least 1
         * @return this
         */
        public Builder maxUriLength(int bytes) {
            this.maxUriLength = positive("maxUriLength", bytes);
            return this;
        }

        /**
         * Sets the maximum number of header lines.
         *
         * @param lines the limit, at least 1
         * @return this
         */
        public Builder maxHeaderCount(int lines) {
            this.maxHeaderCount = positive("maxHeaderCount", lines);
            return this;
        }

        /**
         * Sets the maximum header name length.
         *
         * @param bytes the limit, at least 1
         * @return this
         */
        public Builder maxHeaderNameLength(int bytes) {
            this.maxHeaderNameLength = positive("maxHeaderNameLength", bytes);
            return this;
        }

        /**
         * Sets the maximum header value length.
         *
         * @param bytes the limit, at least 1
         * @return this
         */
        public Builder maxHeaderValueLength(int bytes) {
            this.maxHeaderValueLength = positive("maxHeaderValueLength", bytes);
            return this;
        }

        /**
         * Sets the maximum body length.
         *
         * @param bytes the limit, at least 1
         * @return this
         */
        public Builder maxBodyLength(int bytes) {
            this.maxBodyLength = positive("maxBodyLength", bytes);
            return this;
        }

        /**
         * Sets the maximum interleaved payload length.
         *
         * @param bytes the limit, 1 to 65535
         * @return this
         * @throws IllegalArgumentException if out of range
         */
        public Builder maxInterleavedPayloadLength(int bytes) {
            if (bytes > DEFAULT_MAX_INTERLEAVED_PAYLOAD_LENGTH) {
                throw new IllegalArgumentException("maxInterleavedPayloadLength cannot exceed 65535, got " + bytes);
            }
            this.maxInterleavedPayloadLength = positive("maxInterleavedPayloadLength", bytes);
            return this;
        }

        /**
         * Builds the config.
         *
         * @return the immutable config
         */
        public RtspDecoderConfig build() {
            return new RtspDecoderConfig(this);
        }
    }
}
