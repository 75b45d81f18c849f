package io.rtsp4j.sdp.format;

import java.util.Map;

/**
 * An MPEG-2 transport stream (RFC 2250), static payload type 33 (also accepted on {@code application}
 * medias, as FFmpeg announces it, and as {@code MP2T/90000} on a dynamic payload type).
 */
public final class MpegTsFormat extends BaseFormat {

    /** Creates the format with its static payload type 33. */
    public MpegTsFormat() {
        this(33);
    }

    MpegTsFormat(int payloadType) {
        super(payloadType);
    }

    @Override
    public int clockRate() {
        return 90000;
    }

    @Override
    public String codec() {
        return "MPEGTS";
    }

    @Override
    public String rtpMap() {
        return "MP2T/90000";
    }

    @Override
    Map<String, String> computeFmtp() {
        return Map.of();
    }

    @Override
    public MpegTsFormat withPayloadType(int payloadType) {
        return new MpegTsFormat(payloadType);
    }
}
