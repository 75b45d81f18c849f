package io.rtsp4j.sdp.format;

import java.util.Map;

/**
 * Motion JPEG (RFC 2435).
 *
 * <p>Recognised by its static payload type 26; it has no parameters.
 */
public final class MjpegFormat extends BaseFormat {

    /** Creates the format with its static payload type 26. */
    public MjpegFormat() {
        super(26);
    }

    private MjpegFormat(int payloadType) {
        super(payloadType);
    }

    @Override
    public int clockRate() {
        return 90000;
    }

    @Override
    public String codec() {
        return "MJPEG";
    }

    @Override
    public String rtpMap() {
        return "JPEG/90000";
    }

    @Override
    Map<String, String> computeFmtp() {
        return Map.of();
    }

    @Override
    public MjpegFormat withPayloadType(int payloadType) {
        return new MjpegFormat(payloadType);
    }
}
