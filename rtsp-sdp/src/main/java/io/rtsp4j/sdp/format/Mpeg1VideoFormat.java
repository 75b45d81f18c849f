package io.rtsp4j.sdp.format;

import java.util.Map;

/**
 * MPEG-1/MPEG-2 video elementary stream (RFC 2250); no rtpmap is written, as for every static payload type of RFC 3551 that needs none.
 *
 * <p>Recognised by its static payload type 32; it has no parameters.
 */
public final class Mpeg1VideoFormat extends BaseFormat {

    /** Creates the format with its static payload type 32. */
    public Mpeg1VideoFormat() {
        super(32);
    }

    private Mpeg1VideoFormat(int payloadType) {
        super(payloadType);
    }

    @Override
    public int clockRate() {
        return 90000;
    }

    @Override
    public String codec() {
        return "MPEG1Video";
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
    public Mpeg1VideoFormat withPayloadType(int payloadType) {
        return new Mpeg1VideoFormat(payloadType);
    }
}
