package io.rtsp4j.sdp.format;

import io.rtsp4j.sdp.SdpParseException;
import io.rtsp4j.sdp.codec.AudioSpecificConfig;
import io.rtsp4j.sdp.codec.CodecConfigException;
import io.rtsp4j.sdp.codec.StreamMuxConfig;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * MPEG-4 audio in LATM (RFC 6416), {@code MP4A-LATM/<rate>/<channels>} on a dynamic payload type.
 *
 * <p>With {@code cpresent=0} the {@link StreamMuxConfig} is in the {@code config} parameter (required)
 * and the written {@code rtpmap} comes from it. With {@code cpresent=1} (the default) the configuration
 * travels in-band; the {@code rtpmap} rate and channels are then kept as announced.
 */
public final class Mpeg4AudioLatmFormat extends BaseFormat {

    private final int profileLevelId;
    private final Integer bitrate;
    private final boolean cpresent;
    private final StreamMuxConfig config;
    private final Boolean sbrEnabled;
    private final int sampleRate;
    private final int channelCount;

    /**
     * Creates a format whose configuration is in the SDP ({@code cpresent=0}).
     *
     * @param payloadType the dynamic payload type
     * @param profileLevelId {@code profile-level-id} (30 by default)
     * @param bitrate the {@code bitrate} parameter, or {@code null}
     * @param config the stream configuration
     * @param sbrEnabled the {@code SBR-enabled} parameter, or {@code null}
     * @return the format
     */
    public static Mpeg4AudioLatmFormat of(int payloadType, int profileLevelId, Integer bitrate,
                                          StreamMuxConfig config, Boolean sbrEnabled) {
        AudioSpecificConfig asc = config.firstConfig();
        return new Mpeg4AudioLatmFormat(payloadType, profileLevelId, bitrate, false, config, sbrEnabled,
                asc.outputSampleRate(), asc.outputChannelCount());
    }

    /**
     * Creates a format whose configuration travels in-band ({@code cpresent=1}).
     *
     * @param payloadType the dynamic payload type
     * @param profileLevelId {@code profile-level-id}
     * @param sampleRate the {@code rtpmap} clock rate (the sampling rate, or 90000)
     * @param channelCount the {@code rtpmap} channel count
     * @return the format
     */
    public static Mpeg4AudioLatmFormat inBand(int payloadType, int profileLevelId, int sampleRate,
                                              int channelCount) {
        return new Mpeg4AudioLatmFormat(payloadType, profileLevelId, null, true, null, null, sampleRate,
                channelCount);
    }

    private Mpeg4AudioLatmFormat(int payloadType, int profileLevelId, Integer bitrate, boolean cpresent,
                                 StreamMuxConfig config, Boolean sbrEnabled, int sampleRate, int channelCount) {
        super(payloadType);
        if (profileLevelId < 0 || (bitrate != null && bitrate < 0) || sampleRate <= 0 || channelCount <= 0) {
            throw new IllegalArgumentException("invalid MPEG4AudioLATM parameters");
        }
        if (!cpresent && config == null) {
            throw new IllegalArgumentException("MPEG4AudioLATM with cpresent=0 needs a config");
        }
        this.profileLevelId = profileLevelId;
        this.bitrate = bitrate;
        this.cpresent = cpresent;
        this.config = config;
        this.sbrEnabled = sbrEnabled;
        this.sampleRate = sampleRate;
        this.channelCount = channelCount;
    }

    static Mpeg4AudioLatmFormat decode(int payloadType, RtpMapValue map, Map<String, String> params) {
        String pl = params.get("profile-level-id");
        int profileLevelId = pl == null ? 30
                : Fmtp.parseInt(pl, "profile-level-id", "MPEG4AudioLATM", 0, Integer.MAX_VALUE);
        String br = params.get("bitrate");
        Integer bitrate = br == null ? null : Fmtp.parseInt(br, "bitrate", "MPEG4AudioLATM", 0, Integer.MAX_VALUE);
        String cp = params.get("cpresent");
        boolean cpresent = cp == null || cp.strip().equals("1");
        String sbr = params.get("sbr-enabled");
        Boolean sbrEnabled = sbr == null ? null : sbr.strip().equals("1");
        StreamMuxConfig config = null;
        String c = params.get("config");
        if (c != null) {
            try {
                config = StreamMuxConfig.parse(Fmtp.hex(c, "config", "MPEG4AudioLATM"));
            } catch (CodecConfigException e) {
                throw new SdpParseException("invalid MPEG4AudioLATM config '" + c + "': " + e.getMessage());
            }
        }
        if (config != null) {
            AudioSpecificConfig asc = config.firstConfig();
            return new Mpeg4AudioLatmFormat(payloadType, profileLevelId, bitrate, cpresent, config, sbrEnabled,
                    asc.outputSampleRate(), asc.outputChannelCount());
        }
        if (!cpresent) {
            throw new SdpParseException("MPEG4AudioLATM config is missing (cpresent=0)");
        }
        return new Mpeg4AudioLatmFormat(payloadType, profileLevelId, bitrate, true, null, sbrEnabled,
                map.rate("MPEG4AudioLATM"), map.channels("MPEG4AudioLATM", 1));
    }

    /**
     * The profile and level indication.
     *
     * @return {@code profile-level-id}
     */
    public int profileLevelId() {
        return profileLevelId;
    }

    /**
     * The announced bit rate.
     *
     * @return {@code bitrate}, or {@code null}
     */
    public Integer bitrate() {
        return bitrate;
    }

    /**
     * Whether the configuration travels in-band.
     *
     * @return {@code cpresent}
     */
    public boolean cpresent() {
        return cpresent;
    }

    /**
     * The stream configuration.
     *
     * @return the StreamMuxConfig, or {@code null} when it only travels in-band
     */
    public StreamMuxConfig config() {
        return config;
    }

    /**
     * The {@code SBR-enabled} parameter.
     *
     * @return its value, or {@code null} when absent
     */
    public Boolean sbrEnabled() {
        return sbrEnabled;
    }

    /**
     * The channel count written in the {@code rtpmap}.
     *
     * @return channels
     */
    public int channelCount() {
        return channelCount;
    }

    @Override
    public int clockRate() {
        return sampleRate;
    }

    @Override
    public String codec() {
        return "MPEG4AudioLATM";
    }

    @Override
    public String rtpMap() {
        return "MP4A-LATM/" + sampleRate + "/" + channelCount;
    }

    @Override
    Map<String, String> computeFmtp() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("profile-level-id", Integer.toString(profileLevelId));
        m.put("cpresent", cpresent ? "1" : "0");
        if (config != null) {
            m.put("config", HexFormat.of().formatHex(config.encode()));
            m.put("object", Integer.toString(config.firstConfig().objectType()));
        }
        if (bitrate != null) {
            m.put("bitrate", bitrate.toString());
        }
        if (sbrEnabled != null) {
            m.put("SBR-enabled", sbrEnabled ? "1" : "0");
        }
        return Fmtp.sorted(m);
    }

    @Override
    public Mpeg4AudioLatmFormat withPayloadType(int payloadType) {
        return new Mpeg4AudioLatmFormat(payloadType, profileLevelId, bitrate, cpresent, config, sbrEnabled,
                sampleRate, channelCount);
    }
}
