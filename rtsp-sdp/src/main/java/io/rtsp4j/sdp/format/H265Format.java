package io.rtsp4j.sdp.format;

import io.rtsp4j.sdp.codec.CodecConfigException;
import io.rtsp4j.sdp.codec.H265Sps;
import io.rtsp4j.sdp.codec.NalUnits;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * H.265 video (RFC 7798), {@code H265/90000} on a dynamic payload type, with the VPS, SPS and PPS of
 * {@code sprop-vps}/{@code sprop-sps}/{@code sprop-pps} (start codes removed; values that are not
 * base64 are ignored) and {@code sprop-max-don-diff}.
 */
public final class H265Format extends BaseFormat {

    private final byte[] vps;
    private final byte[] sps;
    private final byte[] pps;
    private final int maxDonDiff;

    /**
     * Creates the format.
     *
     * @param payloadType the dynamic payload type
     * @param vps the video parameter set NAL unit, or {@code null} (copied)
     * @param sps the sequence parameter set NAL unit, or {@code null} (copied)
     * @param pps the picture parameter set NAL unit, or {@code null} (copied)
     * @param maxDonDiff {@code sprop-max-don-diff} (0: no decoding order numbers in the stream)
     */
    public H265Format(int payloadType, byte[] vps, byte[] sps, byte[] pps, int maxDonDiff) {
        super(payloadType);
        if (maxDonDiff < 0 || maxDonDiff > 32767) {
            throw new IllegalArgumentException("sprop-max-don-diff out of range: " + maxDonDiff);
        }
        this.vps = vps == null ? null : vps.clone();
        this.sps = sps == null ? null : sps.clone();
        this.pps = pps == null ? null : pps.clone();
        this.maxDonDiff = maxDonDiff;
    }

    static H265Format decode(int payloadType, Map<String, String> params) {
        String don = params.get("sprop-max-don-diff");
        int maxDonDiff = don == null ? 0 : Fmtp.parseInt(don, "sprop-max-don-diff", "H265", 0, 32767);
        return new H265Format(payloadType, nalu(params.get("sprop-vps")), nalu(params.get("sprop-sps")),
                nalu(params.get("sprop-pps")), maxDonDiff);
    }

    private static byte[] nalu(String value) {
        if (value == null) {
            return null;
        }
        byte[] b = Fmtp.base64(value);
        if (b == null || b.length == 0) {
            return null;
        }
        b = NalUnits.stripStartCode(b);
        return b.length == 0 ? null : b;
    }

    /**
     * The video parameter set.
     *
     * @return a copy of the NAL unit, or {@code null}
     */
    public byte[] vps() {
        return vps == null ? null : vps.clone();
    }

    /**
     * The sequence parameter set.
     *
     * @return a copy of the NAL unit, or {@code null}
     */
    public byte[] sps() {
        return sps == null ? null : sps.clone();
    }

    /**
     * The picture parameter set.
     *
     * @return a copy of the NAL unit, or {@code null}
     */
    public byte[] pps() {
        return pps == null ? null : pps.clone();
    }

    /**
     * The maximum difference of decoding order numbers.
     *
     * @return {@code sprop-max-don-diff}, 0 when absent
     */
    public int maxDonDiff() {
        return maxDonDiff;
    }

    /**
     * The facts of the SPS: resolution, profile, tier, level.
     *
     * @return the parsed SPS, or {@code null} when absent or not parseable
     */
    public H265Sps parsedSps() {
        if (sps == null) {
            return null;
        }
        try {
            return H265Sps.parse(sps);
        } catch (CodecConfigException e) {
            return null;
        }
    }

    @Override
    public int clockRate() {
        return 90000;
    }

    @Override
    public String codec() {
        return "H265";
    }

    @Override
    public String rtpMap() {
        return "H265/90000";
    }

    @Override
    Map<String, String> computeFmtp() {
        Map<String, String> m = new LinkedHashMap<>();
        if (vps != null) {
            m.put("sprop-vps", Fmtp.base64(vps));
        }
        if (sps != null) {
            m.put("sprop-sps", Fmtp.base64(sps));
        }
        if (pps != null) {
            m.put("sprop-pps", Fmtp.base64(pps));
        }
        if (maxDonDiff != 0) {
            m.put("sprop-max-don-diff", Integer.toString(maxDonDiff));
        }
        return Fmtp.sorted(m);
    }

    @Override
    public H265Format withPayloadType(int payloadType) {
        return new H265Format(payloadType, vps, sps, pps, maxDonDiff);
    }
}
