package io.rtsp4j.sdp.format;

import java.util.Map;

/**
 * G.722 audio. Its RTP clock is 8000 Hz although it samples at 16 kHz (RFC 3551 §4.5.2).
 *
 * <p>Recognised by its static payload type 9; it has no parameters.
 */
public final class G722Format extends BaseFormat {

    /** Creates the format with its static payload type 9. */
    public G722Format() {
        super(9);
    }

    private G722Format(int payloadType) {
        super(payloadType);
    }

    @Override
    public int clockRate() {
        return 8000;
    }

    @Override
    public String codec() {
        return "G722";
    }

    @Override
    public String rtpMap() {
        return "G722/8000";
    }

    @Override
    Map<String, String> computeFmtp() {
        return Map.of();
    }

    @Override
    public G722Format withPayloadType(int payloadType) {
        return new G722Format(payloadType);
    }
}
