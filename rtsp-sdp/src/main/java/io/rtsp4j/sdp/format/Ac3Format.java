package io.rtsp4j.sdp.format;

import java.util.Map;

/** AC-3 audio (RFC 4184): {@code AC3/<rate>[/<channels>]} on a dynamic payload type, 6 channels by default. */
public final class Ac3Format extends BaseFormat {

    private final int sampleRate;
    private final int channelCount;

    /**
     * Creates the format.
     *
     * @param payloadType the dynamic payload type
     * @param sampleRate 32000, 44100 or 48000 usually
     * @param channelCount the channel count
     */
    public Ac3Format(int payloadType, int sampleRate, int channelCount) {
        super(payloadType);
        if (sampleRate <= 0 || channelCount <= 0) {
            throw new IllegalArgumentException("invalid AC3 sample rate or channel count");
        }
        this.sampleRate = sampleRate;
        this.channelCount = channelCount;
    }

    static Ac3Format decode(int payloadType, RtpMapValue map) {
        // RFC 4184 §4.1: without a channel count, 5.1 is assumed
        return new Ac3Format(payloadType, map.rate("AC3"), map.channels("AC3", 6));
    }

    /**
     * The sampling rate.
     *
     * @return Hz
     */
    public int sampleRate() {
        return sampleRate;
    }

    /**
     * The channel count.
     *
     * @return channels
     */
    public int channelCount() {
        return channelCount;
    }

    @Override
    public int clockRate() {
        return sampleRate;
    }

    @Override
    public String codec() {
        return "AC3";
    }

    @Override
    public String rtpMap() {
        return "AC3/" + sampleRate + "/" + channelCount;
    }

    @Override
    Map<String, String> computeFmtp() {
        return Map.of();
    }

    @Override
    public Ac3Format withPayloadType(int payloadType) {
        return new Ac3Format(payloadType, sampleRate, channelCount);
    }
}
