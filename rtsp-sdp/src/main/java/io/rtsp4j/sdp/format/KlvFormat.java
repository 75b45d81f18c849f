package io.rtsp4j.sdp.format;

import java.util.Map;

/** SMPTE 336M KLV metadata (RFC 6597), {@code SMPTE336M/90000} on a dynamic payload type. */
public final class KlvFormat extends BaseFormat {

    /**
     * Creates the format.
     *
     * @param payloadType the dynamic payload type
     */
    public KlvFormat(int payloadType) {
        super(payloadType);
    }

    @Override
    public int clockRate() {
        return 90000;
    }

    @Override
    public String codec() {
        return "KLV";
    }

    @Override
    public String rtpMap() {
        return "SMPTE336M/90000";
    }

    @Override
    Map<String, String> computeFmtp() {
        return Map.of();
    }

    @Override
    public KlvFormat withPayloadType(int payloadType) {
        return new KlvFormat(payloadType);
    }
}
