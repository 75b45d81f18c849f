package io.rtsp4j.sdp.format;

import java.util.Map;

/**
 * Linear PCM, big-endian (RFC 3551 L8, L16, RFC 3190 L24): {@code L16/44100/2} on static payload type 10,
 * {@code L16/44100/1} on 11, or any depth, rate and channel count on a dynamic payload type.
 */
public final class LpcmFormat extends BaseFormat {

    private final int bitDepth;
    private final int sampleRate;
    private final int channelCount;

    /**
     * Creates the format.
     *
     * @param payloadType the payload type
     * @param bitDepth 8, 16 or 24
     * @param sampleRate the sampling rate in Hz
     * @param channelCount the channel count
     */
    public LpcmFormat(int payloadType, int bitDepth, int sampleRate, int channelCount) {
        super(payloadType);
        if (bitDepth != 8 && bitDepth != 16 && bitDepth != 24) {
            throw new IllegalArgumentException("unsupported LPCM bit depth " + bitDepth);
        }
        if (sampleRate <= 0 || channelCount <= 0) {
            throw new IllegalArgumentException("invalid LPCM sample rate or channel count");
        }
        this.bitDepth = bitDepth;
        this.sampleRate = sampleRate;
        this.channelCount = channelCount;
    }

    static LpcmFormat decode(int payloadType, RtpMapValue map) {
        if (map.raw() == null && (payloadType == 10 || payloadType == 11)) {
            return new LpcmFormat(payloadType, 16, 44100, payloadType == 10 ? 2 : 1);
        }
        int depth = switch (map.codec()) {
            case "l8" -> 8;
            case "l24" -> 24;
            default -> 16;
        };
        return new LpcmFormat(payloadType, depth, map.rate("LPCM"), map.channels("LPCM", 1));
    }

    /**
     * The bits per sample.
     *
     * @return 8, 16 or 24
     */
    public int bitDepth() {
        return bitDepth;
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
        return "LPCM";
    }

    @Override
    public String rtpMap() {
        return "L" + bitDepth + "/" + sampleRate + "/" + channelCount;
    }

    @Override
    Map<String, String> computeFmtp() {
        return Map.of();
    }

    @Override
    public LpcmFormat withPayloadType(int payloadType) {
        return new LpcmFormat(payloadType, bitDepth, sampleRate, channelCount);
    }
}
