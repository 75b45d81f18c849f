package io.rtsp4j.rtp.codec;

import java.security.SecureRandom;

/**
 * Settings shared by all packetizers: payload type, SSRC, initial sequence number and maximum payload size.
 * Codec-specific settings (H.264 packetization mode, AAC AU-header sizes, ...) are constructor arguments of each
 * packetizer. Immutable.
 */
public final class PacketizerConfig {

    /**
     * Default maximum payload size: 1500 (Ethernet MTU) - 20 (IPv4) - 8 (UDP) - 12 (RTP header) - 10 (SRTP
     * authentication tag), so that packets fit unfragmented even when encrypted.
     */
    public static final int DEFAULT_MAX_PAYLOAD_SIZE = 1450;

    /** Largest accepted maximum payload size (a UDP datagram of 65535 bytes minus IP, UDP and RTP headers). */
    public static final int MAX_MAX_PAYLOAD_SIZE = 65_535 - 20 - 8 - 12;

    /** Value of {@link #payloadType()} when the format's default (static) payload type is to be used. */
    public static final int FORMAT_DEFAULT_PAYLOAD_TYPE = -1;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final int payloadType;
    private final long ssrc;
    private final int initialSequenceNumber;
    private final int maxPayloadSize;

    private PacketizerConfig(Builder b) {
        this.payloadType = b.payloadType;
        this.ssrc = b.ssrc;
        this.initialSequenceNumber = b.initialSequenceNumber;
        this.maxPayloadSize = b.maxPayloadSize;
    }

    /**
     * A builder with a random SSRC and initial sequence number (RFC 3550 section 5.1), the format's default
     * payload type and {@value #DEFAULT_MAX_PAYLOAD_SIZE} bytes of payload.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A configuration with the given payload type and random SSRC and initial sequence number.
     *
     * @param payloadType 0..127
     * @return the configuration
     */
    public static PacketizerConfig of(int payloadType) {
        return builder().payloadType(payloadType).build();
    }

    /**
     * The payload type, or {@link #FORMAT_DEFAULT_PAYLOAD_TYPE}.
     *
     * @return 0..127 or -1
     */
    public int payloadType() {
        return payloadType;
    }

    /**
     * The payload type, falling back to a format's default.
     *
     * @param formatDefault the format's static payload type (or a dynamic default)
     * @return the configured payload type, or {@code formatDefault} if none was set
     */
    public int payloadTypeOr(int formatDefault) {
        return payloadType == FORMAT_DEFAULT_PAYLOAD_TYPE ? formatDefault : payloadType;
    }

    /**
     * The SSRC.
     *
     * @return 0..0xFFFFFFFF
     */
    public long ssrc() {
        return ssrc;
    }

    /**
     * The sequence number of the first packet.
     *
     * @return 0..65535
     */
    public int initialSequenceNumber() {
        return initialSequenceNumber;
    }

    /**
     * The maximum payload size of a packet in bytes.
     *
     * @return the size
     */
    public int maxPayloadSize() {
        return maxPayloadSize;
    }

    @Override
    public String toString() {
        return "PacketizerConfig{payloadType=" + payloadType + ", ssrc=" + ssrc + ", initialSequenceNumber="
                + initialSequenceNumber + ", maxPayloadSize=" + maxPayloadSize + '}';
    }

    /** Builds a {@link PacketizerConfig}. */
    public static final class Builder {
        private int payloadType = FORMAT_DEFAULT_PAYLOAD_TYPE;
        private long ssrc = RANDOM.nextInt() & 0xFFFFFFFFL;
        private int initialSequenceNumber = RANDOM.nextInt(0x10000);
        private int maxPayloadSize = DEFAULT_MAX_PAYLOAD_SIZE;

        private Builder() {
        }

        /**
         * Sets the payload type (dynamic formats default to 96).
         *
         * @param payloadType 0..127
         * @return this builder
         */
        public Builder payloadType(int payloadType) {
            if (payloadType < 0 || payloadType > 127) {
                throw new IllegalArgumentException("payload type must be 0..127, got " + payloadType);
            }
            this.payloadType = payloadType;
            return this;
        }

        /**
         * Sets the SSRC (default: random).
         *
         * @param ssrc 0..0xFFFFFFFF
         * @return this builder
         */
        public Builder ssrc(long ssrc) {
            if (ssrc < 0 || ssrc > 0xFFFFFFFFL) {
                throw new IllegalArgumentException("SSRC must be 0..0xFFFFFFFF, got " + ssrc);
            }
            this.ssrc = ssrc;
            return this;
        }

        /**
         * Sets the first sequence number (default: random).
         *
         * @param initialSequenceNumber 0..65535
         * @return this builder
         */
        public Builder initialSequenceNumber(int initialSequenceNumber) {
            if (initialSequenceNumber < 0 || initialSequenceNumber > 0xFFFF) {
                throw new IllegalArgumentException("sequence number must be 0..65535, got "
                        + initialSequenceNumber);
            }
            this.initialSequenceNumber = initialSequenceNumber;
            return this;
        }

        /**
         * Sets the maximum payload size (default {@value #DEFAULT_MAX_PAYLOAD_SIZE}).
         *
         * @param maxPayloadSize 16..{@value #MAX_MAX_PAYLOAD_SIZE} (some formats need more, e.g. 188 for MPEG-TS)
         * @return this builder
         */
        public Builder maxPayloadSize(int maxPayloadSize) {
            if (maxPayloadSize < 16 || maxPayloadSize > MAX_MAX_PAYLOAD_SIZE) {
                throw new IllegalArgumentException("max payload size must be 16.." + MAX_MAX_PAYLOAD_SIZE + ", got "
                        + maxPayloadSize);
            }
            this.maxPayloadSize = maxPayloadSize;
            return this;
        }

        /**
         * Creates the configuration.
         *
         * @return the configuration
         */
        public PacketizerConfig build() {
            return new PacketizerConfig(this);
        }
    }
}
