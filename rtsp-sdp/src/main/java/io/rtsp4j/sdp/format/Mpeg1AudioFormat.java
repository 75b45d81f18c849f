package io.rtsp4j.sdp.format;

import java.util.Map;

/**
 * MPEG-1/MPEG-2 audio, layers 1 to 3 (RFC 2250); no rtpmap is written.
 *
 * <p>Recognised by its static payload type 14; it has no parameters.
 */
public final class Mpeg1AudioFormat extends BaseFormat {

    /** Creates the format with its static payload type 14. */
    public Mpeg1AudioFormat() {
        super(14);
    }

    private Mpeg1AudioFormat(int payloadType) {
        super(payloadType);
    }

    @Override
    public int clockRate() {
        return 90000;
    }

    @Override
    public String codec() {
        return "MPEG1Audio";
    }

    @Override
    public String rtpMap() {
        return null;
    }

    @Override
    Map<String, String> computeFmtp() {
        return Map.of();
    }

    @Override
    public Mpeg1AudioFormat withPayloadType(int payloadType) {
        return new Mpeg1AudioFormat(payloadType);
    }
}
