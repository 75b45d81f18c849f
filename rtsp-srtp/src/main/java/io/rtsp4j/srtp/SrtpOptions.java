package io.rtsp4j.srtp;

/**
 * Local policy of an {@link SrtpContext}, independent of the negotiated key material: replay window size
 * and which SSRCs the context admits. Immutable; build with {@link #builder()}.
 */
public final class SrtpOptions {

    /** Default replay window: 128 packets, as libsrtp. */
    public static final int DEFAULT_REPLAY_WINDOW = 128;
    /** Largest replay window: 32768 packets, half the sequence number space (and GStreamer's limit). */
    public static final int MAX_REPLAY_WINDOW = 32768;
    /** Default limit of SSRCs one context tracks. */
    public static final int DEFAULT_MAX_SSRCS = 64;
    /** Largest accepted {@link #maxSsrcs()}. */
    public static final int MAX_SSRCS_LIMIT = 1024;

    private static final SrtpOptions DEFAULTS = new Builder().build();

    private final int replayWindow;
    private final boolean knownSsrcsOnly;
    private final int maxSsrcs;

    private SrtpOptions(Builder builder) {
        this.replayWindow = builder.replayWindow;
        this.knownSsrcsOnly = builder.knownSsrcsOnly;
        this.maxSsrcs = builder.maxSsrcs;
    }

    /**
     * The default options: replay window 128, any SSRC admitted, at most 64 SSRCs.
     *
     * @return the shared default instance
     */
    public static SrtpOptions defaults() {
        return DEFAULTS;
    }

    /**
     * A builder starting from the defaults.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder starting from these options.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.replayWindow = replayWindow;
        b.knownSsrcsOnly = knownSsrcsOnly;
        b.maxSsrcs = maxSsrcs;
        return b;
    }

    /**
     * Number of packet indexes behind the highest one that are still accepted (once each); 0 switches replay
     * protection off.
     *
     * @return the window size in packets
     */
    public int replayWindow() {
        return replayWindow;
    }

    /**
     * Whether only the SSRCs of {@link SrtpKeyMaterial#streams()} are admitted; other SSRCs get
     * {@link SrtpResult#UNKNOWN_SSRC}.
     *
     * @return true to admit declared SSRCs only
     */
    public boolean knownSsrcsOnly() {
        return knownSsrcsOnly;
    }

    /**
     * How many SSRCs the context keeps state for; packets of further SSRCs get {@link SrtpResult#UNKNOWN_SSRC}.
     * This bounds the memory a peer can make the context allocate.
     *
     * @return the limit
     */
    public int maxSsrcs() {
        return maxSsrcs;
    }

    @Override
    public String toString() {
        return "SrtpOptions{replayWindow=" + replayWindow + ", knownSsrcsOnly=" + knownSsrcsOnly + ", maxSsrcs="
                + maxSsrcs + '}';
    }

    /** Builds {@link SrtpOptions}. */
    public static final class Builder {
        private int replayWindow = DEFAULT_REPLAY_WINDOW;
        private boolean knownSsrcsOnly;
        private int maxSsrcs = DEFAULT_MAX_SSRCS;

        private Builder() {
        }

        /**
         * Sets the replay window.
         *
         * @param packets 0 (no replay protection) to {@link #MAX_REPLAY_WINDOW}
         * @return this builder
         * @throws IllegalArgumentException when out of range
         */
        public Builder replayWindow(int packets) {
            if (packets < 0 || packets > MAX_REPLAY_WINDOW) {
                throw new IllegalArgumentException("replay window must be 0.." + MAX_REPLAY_WINDOW + ": " + packets);
            }
            this.replayWindow = packets;
            return this;
        }

        /**
         * Admits only the SSRCs announced in the key material.
         *
         * @param knownOnly true to reject other SSRCs
         * @return this builder
         */
        public Builder knownSsrcsOnly(boolean knownOnly) {
            this.knownSsrcsOnly = knownOnly;
            return this;
        }

        /**
         * Sets how many SSRCs a context tracks.
         *
         * @param count 1 to {@link #MAX_SSRCS_LIMIT}
         * @return this builder
         * @throws IllegalArgumentException when out of range
         */
        public Builder maxSsrcs(int count) {
            if (count < 1 || count > MAX_SSRCS_LIMIT) {
                throw new IllegalArgumentException("maxSsrcs must be 1.." + MAX_SSRCS_LIMIT + ": " + count);
            }
            this.maxSsrcs = count;
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the immutable options
         */
        public SrtpOptions build() {
            return new SrtpOptions(this);
        }
    }
}
