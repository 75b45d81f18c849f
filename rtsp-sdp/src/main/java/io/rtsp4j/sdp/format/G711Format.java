package io.rtsp4j.sdp.format;

import java.util.Map;

/**
 * G.711 audio: µ-law ({@code PCMU}, static payload type 0) or A-law ({@code PCMA}, 8), or either on a
 * dynamic payload type with any rate and channel count ({@code PCMA/16000/2}).
 */
public final class G711Format extends BaseFormat {

    private final boolean muLaw;
    private final int sampleRate;
    private final int channelCount;

    /**
     * Creates the format.
     *
     * @param payloadType 0 (µ-law), 8 (A-law) or a dynamic payload type
     * @param muLaw {@code true} for µ-law (PCMU), {@code false} for A-law (PCMA)
     * @param sampleRate the sampling rate (8000 for the static payload types)
     * @param channelCount the channel count
     */
    public G711Format(int payloadType, boolean muLaw, int sampleRate, int channelCount) {
        super(payloadType);
        if (sampleRate <= 0 || channelCount <= 0) {
            throw new IllegalArgumentException("invalid G711 sample rate or channel count");
        }
        this.muLaw = muLaw;
        this.sampleRate = sampleRate;
        this.channelCount = channelCount;
    }

    /**
     * The usual 8 kHz mono G.711 on its static payload type.
     *
     * @param muLaw {@code true} for PCMU (payload type 0), {@code false} for PCMA (payload type 8)
     * @return the format
     */
    public static G711Format of(boolean muLaw) {
        return new G711Format(muLaw ? 0 : 8, muLaw, 8000, 1);
    }

    static G711Format decode(int payloadType, RtpMapValue map) {
        boolean muLaw;
        if (payloadType == 0 || payloadType == 8) {
            muLaw = payloadType == 0;
        } else {
            muLaw = map.codec().equals("pcmu");
        }
        if (map.raw() == null) {
            return new G711Format(payloadType, muLaw, 8000, 1);
        }
        return new G711Format(payloadType, muLaw, map.rate("G711"), map.channels("G711", 1));
    }

    /**
     * Whether this is µ-law.
     *
     * @return {@code true} for PCMU, {@code false} for PCMA
     */
    public boolean muLaw() {
        return muLaw;
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
        return "G711";
    }

    @Override
    public String rtpMap() {
        return (muLaw ? "PCMU/" : "PCMA/") + sampleRate + (channelCount != 1 ? "/" + channelCount : "");
    }

    @Override
    Map<String, String> computeFmtp() {
        return Map.of();
    }

    @Override
    public G711Format withPayloadType(int payloadType) {
        return new G711Format(payloadType, muLaw, sampleRate, channelCount);
    }
}
