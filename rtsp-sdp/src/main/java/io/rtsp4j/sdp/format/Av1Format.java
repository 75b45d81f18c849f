package io.rtsp4j.sdp.format;

import java.util.LinkedHashMap;
import java.util.Map;

/** AV1 video (AOM RTP payload format), {@code AV1/90000} on a dynamic payload type. */
public final class Av1Format extends BaseFormat {

    private final Integer levelIdx;
    private final Integer profile;
    private final Integer tier;

    /**
     * Creates the format.
     *
     * @param payloadType the dynamic payload type
     * @param levelIdx the {@code level-idx} parameter, or {@code null}
     * @param profile the {@code profile} parameter, or {@code null}
     * @param tier the {@code tier} parameter, or {@code null}
     */
    public Av1Format(int payloadType, Integer levelIdx, Integer profile, Integer tier) {
        super(payloadType);
        this.levelIdx = Vp8Format.nonNegative(levelIdx);
        this.profile = Vp8Format.nonNegative(profile);
        this.tier = Vp8Format.nonNegative(tier);
    }

    static Av1Format decode(int payloadType, Map<String, String> params) {
        return new Av1Format(payloadType, Vp8Format.optionalInt(params, "level-idx", "AV1"),
                Vp8Format.optionalInt(params, "profile", "AV1"), Vp8Format.optionalInt(params, "tier", "AV1"));
    }

    /**
     * The level index.
     *
     * @return {@code level-idx}, or {@code null}
     */
    public Integer levelIdx() {
        return levelIdx;
    }

    /**
     * The AV1 profile.
     *
     * @return {@code profile}, or {@code null}
     */
    public Integer profile() {
        return profile;
    }

    /**
     * The tier.
     *
     * @return {@code tier}, or {@code null}
     */
    public Integer tier() {
        return tier;
    }

    @Override
    public int clockRate() {
        return 90000;
    }

    @Override
    public String codec() {
        return "AV1";
    }

    @Override
    public String rtpMap() {
        return "AV1/90000";
    }

    @Override
    Map<String, String> computeFmtp() {
        Map<String, String> m = new LinkedHashMap<>();
        if (levelIdx != null) {
            m.put("level-idx", levelIdx.toString());
        }
        if (profile != null) {
            m.put("profile", profile.toString());
        }
        if (tier != null) {
            m.put("tier", tier.toString());
        }
        return Fmtp.sorted(m);
    }

    @Override
    public Av1Format withPayloadType(int payloadType) {
        return new Av1Format(payloadType, levelIdx, profile, tier);
    }
}
