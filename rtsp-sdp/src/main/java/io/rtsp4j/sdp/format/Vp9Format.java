package io.rtsp4j.sdp.format;

import java.util.LinkedHashMap;
import java.util.Map;

/** VP9 video (RFC 9628), {@code VP9/90000} on a dynamic payload type. */
public final class Vp9Format extends BaseFormat {

    private final Integer maxFr;
    private final Integer maxFs;
    private final Integer profileId;

    /**
     * Creates the format.
     *
     * @param payloadType the dynamic payload type
     * @param maxFr the {@code max-fr} parameter, or {@code null}
     * @param maxFs the {@code max-fs} parameter, or {@code null}
     * @param profileId the {@code profile-id} parameter, or {@code null}
     */
    public Vp9Format(int payloadType, Integer maxFr, Integer maxFs, Integer profileId) {
        super(payloadType);
        this.maxFr = Vp8Format.nonNegative(maxFr);
        this.maxFs = Vp8Format.nonNegative(maxFs);
        this.profileId = Vp8Format.nonNegative(profileId);
    }

    static Vp9Format decode(int payloadType, Map<String, String> params) {
        return new Vp9Format(payloadType, Vp8Format.optionalInt(params, "max-fr", "VP9"),
                Vp8Format.optionalInt(params, "max-fs", "VP9"), Vp8Format.optionalInt(params, "profile-id", "VP9"));
    }

    /**
     * The maximum frame rate.
     *
     * @return {@code max-fr}, or {@code null}
     */
    public Integer maxFr() {
        return maxFr;
    }

    /**
     * The maximum frame size in macroblocks.
     *
     * @return {@code max-fs}, or {@code null}
     */
    public Integer maxFs() {
        return maxFs;
    }

    /**
     * The VP9 profile.
     *
     * @return {@code profile-id}, or {@code null}
     */
    public Integer profileId() {
        return profileId;
    }

    @Override
    public int clockRate() {
        return 90000;
    }

    @Override
    public String codec() {
        return "VP9";
    }

    @Override
    public String rtpMap() {
        return "VP9/90000";
    }

    @Override
    Map<String, String> computeFmtp() {
        Map<String, String> m = new LinkedHashMap<>();
        if (maxFr != null) {
            m.put("max-fr", maxFr.toString());
        }
        if (maxFs != null) {
            m.put("max-fs", maxFs.toString());
        }
        if (profileId != null) {
            m.put("profile-id", profileId.toString());
        }
        return Fmtp.sorted(m);
    }

    @Override
    public Vp9Format withPayloadType(int payloadType) {
        return new Vp9Format(payloadType, maxFr, maxFs, profileId);
    }
}
