package io.rtsp4j.sdp.format;

import io.rtsp4j.sdp.SdpParseException;
import java.util.Map;

/** Speex audio (RFC 5574), {@code speex/<rate>} on a dynamic payload type. */
public final class SpeexFormat extends BaseFormat {

    private final int sampleRate;
    private final Boolean vbr;

    /**
     * Creates the format.
     *
     * @param payloadType the dynamic payload type
     * @param sampleRate 8000, 16000 or 32000 usually
     * @param vbr the {@code vbr} parameter ({@code on}/{@code off}), or {@code null} when absent
     */
    public SpeexFormat(int payloadType, int sampleRate, Boolean vbr) {
        super(payloadType);
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("invalid Speex sample rate " + sampleRate);
        }
        this.sampleRate = sampleRate;
        this.vbr = vbr;
    }

    static SpeexFormat decode(int payloadType, RtpMapValue map, Map<String, String> params) {
        Boolean vbr = null;
        String v = params.get("vbr");
        if (v != null) {
            vbr = switch (v.strip()) {
                case "on" -> Boolean.TRUE;
                case "off" -> Boolean.FALSE;
                default -> throw new SdpParseException("invalid Speex vbr '" + v + "'");
            };
        }
        return new SpeexFormat(payloadType, map.rate("Speex"), vbr);
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
     * Whether variable bit rate is on.
     *
     * @return the {@code vbr} parameter, or {@code null} when absent
     */
    public Boolean vbr() {
        return vbr;
    }

    @Override
    public int clockRate() {
        return sampleRate;
    }

    @Override
    public String codec() {
        return "Speex";
    }

    @Override
    public String rtpMap() {
        return "speex/" + sampleRate;
    }

    @Override
    Map<String, String> computeFmtp() {
        return vbr == null ? Map.of() : Map.of("vbr", vbr ? "on" : "off");
    }

    @Override
    public SpeexFormat withPayloadType(int payloadType) {
        return new SpeexFormat(payloadType, sampleRate, vbr);
    }
}
