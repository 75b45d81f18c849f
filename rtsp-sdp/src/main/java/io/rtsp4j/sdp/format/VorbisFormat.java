package io.rtsp4j.sdp.format;

import io.rtsp4j.sdp.SdpParseException;
import java.util.Map;
import java.util.Objects;

/**
 * Vorbis audio (RFC 5215), {@code VORBIS/<rate>/<channels>} on a dynamic payload type, with the packed
 * headers in the required {@code configuration} parameter.
 */
public final class VorbisFormat extends BaseFormat {

    private final int sampleRate;
    private final int channelCount;
    private final byte[] configuration;

    /**
     * Creates the format.
     *
     * @param payloadType the dynamic payload type
     * @param sampleRate the sampling rate in Hz
     * @param channelCount the channel count
     * @param configuration the packed configuration headers (RFC 5215 §3.2.1), copied
     */
    public VorbisFormat(int payloadType, int sampleRate, int channelCount, byte[] configuration) {
        super(payloadType);
        if (sampleRate <= 0 || channelCount <= 0) {
            throw new IllegalArgumentException("invalid Vorbis sample rate or channel count");
        }
        this.sampleRate = sampleRate;
        this.channelCount = channelCount;
        this.configuration = Objects.requireNonNull(configuration, "configuration").clone();
    }

    static VorbisFormat decode(int payloadType, RtpMapValue map, Map<String, String> params) {
        int rate = map.rate("Vorbis");
        int channels = map.channels("Vorbis", 1);
        String conf = params.get("configuration");
        if (conf == null) {
            throw new SdpParseException("Vorbis configuration is missing");
        }
        byte[] bytes = Fmtp.base64(conf);
        if (bytes == null || bytes.length == 0) {
            throw Fmtp.invalid("Vorbis", "configuration", conf);
        }
        return new VorbisFormat(payloadType, rate, channels, bytes);
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

    /**
     * The packed configuration headers.
     *
     * @return a copy of the bytes
     */
    public byte[] configuration() {
        return configuration.clone();
    }

    @Override
    public int clockRate() {
        return sampleRate;
    }

    @Override
    public String codec() {
        return "Vorbis";
    }

    @Override
    public String rtpMap() {
        return "VORBIS/" + sampleRate + "/" + channelCount;
    }

    @Override
    Map<String, String> computeFmtp() {
        return Map.of("configuration", Fmtp.base64(configuration));
    }

    @Override
    public VorbisFormat withPayloadType(int payloadType) {
        return new VorbisFormat(payloadType, sampleRate, channelCount, configuration);
    }
}
