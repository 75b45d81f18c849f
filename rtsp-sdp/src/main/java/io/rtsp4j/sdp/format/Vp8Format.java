package io.rtsp4j.sdp.format;

import java.util.LinkedHashMap;
import java.util.Map;

/** VP8 video (RFC 7741), {@code VP8/90000} on a dynamic payload type. */
public final class Vp8Format extends BaseFormat {

    private final Integer maxFr;
    private final Integer maxFs;

    /**
     * Creates the format.
     *
     * @param payloadType the dynamic payload type
     * @param maxFr the {@code max-fr} parameter (maximum frame rate), or {@code null}
     * @param maxFs the {@code max-fs} parameter (maximum frame size in macroblocks), or {@code null}
     */
    public Vp8Format(int payloadType, Integer maxFr, Integer maxFs) {
        super(payloadType);
        this.maxFr = nonNegative(maxFr);
        this.maxFs = nonNegative(maxFs);
    }

    static Integer nonNegative(Integer v) {
        if (v != null && v < 0) {
            throw new IllegalArgumentException("negative parameter " + v);
        }
        return v;
    }

    static Integer optionalInt(Map<String, String> params, String key, String codec) {
        String v = params.get(key);
        return v == null ? null : Fmtp.parseInt(v, key, codec, 0, Integer.MAX_VALUE);
    }

    static Vp8Format decode(int payloadType, Map<String, String> params) {
        return new Vp8Format(payloadType, optionalInt(params, "max-fr", "VP8"), optionalInt(params, "max-fs", "VP8"));
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

    @Override
    public int clockRate() {
        return 90000;
    }

    @Override
    public String codec() {
        return "VP8";
    }

    @Override
    public String rtpMap() {
        return "VP8/90000";
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
        return Fmtp.sorted(m);
    }

    @Override
    public Vp8Format withPayloadType(int payloadType) {
        return new Vp8Format(payloadType, maxFr, maxFs);
    }
}
