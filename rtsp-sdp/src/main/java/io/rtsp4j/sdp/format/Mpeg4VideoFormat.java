package io.rtsp4j.sdp.format;

import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * MPEG-4 Part 2 video (RFC 6416), {@code MP4V-ES/90000} on a dynamic payload type, with the
 * visual object sequence headers in {@code config}.
 */
public final class Mpeg4VideoFormat extends BaseFormat {

    private final int profileLevelId;
    private final byte[] config;

    /**
     * Creates the format.
     *
     * @param payloadType the dynamic payload type
     * @param profileLevelId {@code profile-level-id} (1 = Simple Profile level 1, the default)
     * @param config the configuration headers, or {@code null} (copied)
     */
    public Mpeg4VideoFormat(int payloadType, int profileLevelId, byte[] config) {
        super(payloadType);
        if (profileLevelId < 0 || profileLevelId > 255) {
            throw new IllegalArgumentException("profile-level-id out of range: " + profileLevelId);
        }
        this.profileLevelId = profileLevelId;
        this.config = config == null ? null : config.clone();
    }

    static Mpeg4VideoFormat decode(int payloadType, Map<String, String> params) {
        String pl = params.get("profile-level-id");
        int profileLevelId = pl == null ? 1 : Fmtp.parseInt(pl, "profile-level-id", "MPEG4Video", 0, 255);
        String c = params.get("config");
        byte[] config = c == null ? null : Fmtp.hex(c, "config", "MPEG4Video");
        return new Mpeg4VideoFormat(payloadType, profileLevelId, config);
    }

    /**
     * The profile and level.
     *
     * @return {@code profile-level-id}
     */
    public int profileLevelId() {
        return profileLevelId;
    }

    /**
     * The configuration headers (visual object sequence, visual object, video object layer).
     *
     * @return a copy, or {@code null} when absent
     */
    public byte[] config() {
        return config == null ? null : config.clone();
    }

    @Override
    public int clockRate() {
        return 90000;
    }

    @Override
    public String codec() {
        return "MPEG4Video";
    }

    @Override
    public String rtpMap() {
        return "MP4V-ES/90000";
    }

    @Override
    Map<String, String> computeFmtp() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("profile-level-id", Integer.toString(profileLevelId));
        if (config != null) {
            m.put("config", HexFormat.of().withUpperCase().formatHex(config));
        }
        return Fmtp.sorted(m);
    }

    @Override
    public Mpeg4VideoFormat withPayloadType(int payloadType) {
        return new Mpeg4VideoFormat(payloadType, profileLevelId, config);
    }
}
