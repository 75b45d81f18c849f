package io.rtsp4j.sdp.format;

import io.rtsp4j.sdp.codec.CodecConfigException;
import io.rtsp4j.sdp.codec.H264Sps;
import io.rtsp4j.sdp.codec.NalUnits;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * H.264 video (RFC 6184), {@code H264/90000} on a dynamic payload type (or 35, used by Bosch cameras).
 *
 * <p>Decoding keeps {@code packetization-mode} and the SPS and PPS of {@code sprop-parameter-sets}
 * (start codes removed, extra parameter sets dropped). Parameter sets whose SPS does not parse, as when a
 * camera puts H.265 ones there, are ignored: the decoder then waits for in-band ones. The written
 * {@code profile-level-id} is taken from the SPS, since cameras often announce a wrong one.
 */
public final class H264Format extends BaseFormat {

    private final byte[] sps;
    private final byte[] pps;
    private final int packetizationMode;
    private final H264Sps parsedSps;

    /**
     * Creates the format.
     *
     * @param payloadType the payload type (96..127, or 35)
     * @param sps the sequence parameter set NAL unit, or {@code null} (copied)
     * @param pps the picture parameter set NAL unit, or {@code null} (copied)
     * @param packetizationMode 0 (single NAL unit), 1 (non-interleaved) or 2 (interleaved)
     * @throws IllegalArgumentException if the SPS is given but cannot be parsed
     */
    public H264Format(int payloadType, byte[] sps, byte[] pps, int packetizationMode) {
        this(payloadType, sps == null ? null : sps.clone(), pps == null ? null : pps.clone(), packetizationMode,
                sps == null ? null : H264Sps.parse(sps));
    }

    private H264Format(int payloadType, byte[] sps, byte[] pps, int packetizationMode, H264Sps parsedSps) {
        super(payloadType);
        if (packetizationMode < 0 || packetizationMode > 2) {
            throw new IllegalArgumentException("packetization-mode must be 0, 1 or 2: " + packetizationMode);
        }
        this.sps = sps;
        this.pps = pps;
        this.packetizationMode = packetizationMode;
        this.parsedSps = parsedSps;
    }

    static H264Format decode(int payloadType, Map<String, String> params) {
        int mode = 0;
        String pm = params.get("packetization-mode");
        if (pm != null) {
            mode = Fmtp.parseInt(pm, "packetization-mode", "H264", 0, 2);
        }
        byte[] sps = null;
        byte[] pps = null;
        H264Sps parsed = null;
        String sprop = params.get("sprop-parameter-sets");
        if (sprop != null) {
            String[] sets = sprop.strip().split(",", -1);
            if (sets.length >= 2) {
                byte[] s = Fmtp.base64(sets[0]);
                byte[] p = Fmtp.base64(sets[1]);
                if (s != null && p != null && s.length > 0 && p.length > 0) {
                    s = NalUnits.stripStartCode(s);
                    p = NalUnits.stripStartCode(p);
                    parsed = p.length > 0 ? parseOrNull(s) : null;
                    if (parsed != null) {
                        sps = s;
                        pps = p;
                    }
                }
            }
        }
        return new H264Format(payloadType, sps, pps, mode, parsed);
    }

    private static H264Sps parseOrNull(byte[] sps) {
        try {
            return H264Sps.parse(sps);
        } catch (CodecConfigException e) {
            return null;
        }
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
     * The packetization mode: 0 single NAL unit, 1 non-interleaved (FU-A, STAP-A), 2 interleaved.
     *
     * @return the mode
     */
    public int packetizationMode() {
        return packetizationMode;
    }

    /**
     * The facts of the SPS: resolution, profile, level, frame rate.
     *
     * @return the parsed SPS, or {@code null} when the format has none
     */
    public H264Sps parsedSps() {
        return parsedSps;
    }

    /**
     * The {@code profile-level-id} derived from the SPS.
     *
     * @return six upper-case hex digits, or {@code null} without SPS
     */
    public String profileLevelId() {
        return parsedSps == null ? null : parsedSps.profileLevelId();
    }

    /**
     * This format with other parameter sets, as a server does when the stream brings new ones.
     *
     * @param newSps the new SPS (parsed: must be valid), or {@code null}
     * @param newPps the new PPS, or {@code null}
     * @return the updated format
     */
    public H264Format withParameterSets(byte[] newSps, byte[] newPps) {
        return new H264Format(payloadType(), newSps, newPps, packetizationMode);
    }

    @Override
    public int clockRate() {
        return 90000;
    }

    @Override
    public String codec() {
        return "H264";
    }

    @Override
    public String rtpMap() {
        return "H264/90000";
    }

    @Override
    Map<String, String> computeFmtp() {
        Map<String, String> m = new LinkedHashMap<>();
        if (packetizationMode != 0) {
            m.put("packetization-mode", Integer.toString(packetizationMode));
        }
        if (sps != null || pps != null) {
            String value = (sps != null ? Fmtp.base64(sps) : "")
                    + (sps != null && pps != null ? "," : "")
                    + (pps != null ? Fmtp.base64(pps) : "");
            m.put("sprop-parameter-sets", value);
        }
        if (parsedSps != null) {
            m.put("profile-level-id", parsedSps.profileLevelId());
        }
        return Fmtp.sorted(m);
    }

    @Override
    public H264Format withPayloadType(int payloadType) {
        return new H264Format(payloadType, sps, pps, packetizationMode, parsedSps);
    }
}
