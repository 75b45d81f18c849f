package io.rtsp4j.sdp.format;

import io.rtsp4j.sdp.SdpParseException;
import io.rtsp4j.sdp.codec.AudioSpecificConfig;
import io.rtsp4j.sdp.codec.CodecConfigException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * MPEG-4 audio (AAC) in the generic RFC 3640 format, {@code mpeg4-generic/<rate>/<channels>} on a
 * dynamic payload type, {@code AAC-hbr} mode.
 *
 * <p>{@code config} (the {@link AudioSpecificConfig}) and {@code sizelength} are required;
 * {@code streamtype} must be 5 and {@code mode} {@code AAC-hbr} (also accepted as {@code AAC_hbr}) when
 * present. The written {@code rtpmap} and clock rate come from the configuration: the SBR/PS output
 * rate, and 2 channels with Parametric Stereo.
 */
public final class Mpeg4AudioFormat extends BaseFormat {

    private final int profileLevelId;
    private final AudioSpecificConfig config;
    private final int sizeLength;
    private final int indexLength;
    private final int indexDeltaLength;

    /**
     * Creates the format.
     *
     * @param payloadType the dynamic payload type
     * @param profileLevelId {@code profile-level-id} (1 by default)
     * @param config the audio configuration
     * @param sizeLength AU-size bits in the AU header (13 for AAC-hbr)
     * @param indexLength AU-Index bits (3 for AAC-hbr)
     * @param indexDeltaLength AU-Index-delta bits (3 for AAC-hbr)
     */
    public Mpeg4AudioFormat(int payloadType, int profileLevelId, AudioSpecificConfig config, int sizeLength,
                            int indexLength, int indexDeltaLength) {
        super(payloadType);
        this.config = Objects.requireNonNull(config, "config");
        if (profileLevelId < 0 || sizeLength < 1 || sizeLength > 100 || indexLength < 0 || indexLength > 100
                || indexDeltaLength < 0 || indexDeltaLength > 100) {
            throw new IllegalArgumentException("invalid MPEG4Audio parameters");
        }
        this.profileLevelId = profileLevelId;
        this.sizeLength = sizeLength;
        this.indexLength = indexLength;
        this.indexDeltaLength = indexDeltaLength;
    }

    /**
     * The AAC-hbr format with the usual header lengths (13/3/3).
     *
     * @param payloadType the dynamic payload type
     * @param config the audio configuration
     * @return the format
     */
    public static Mpeg4AudioFormat aacHbr(int payloadType, AudioSpecificConfig config) {
        return new Mpeg4AudioFormat(payloadType, 1, config, 13, 3, 3);
    }

    static Mpeg4AudioFormat decode(int payloadType, Map<String, String> params) {
        String streamType = params.get("streamtype");
        if (streamType != null && !streamType.strip().equals("5")) {
            throw new SdpParseException("unsupported MPEG4Audio streamtype '" + streamType + "'");
        }
        String mode = params.get("mode");
        if (mode != null && !mode.strip().toLowerCase(Locale.ROOT).replace('_', '-').equals("aac-hbr")) {
            throw new SdpParseException("unsupported MPEG4Audio mode '" + mode + "'");
        }
        String pl = params.get("profile-level-id");
        int profileLevelId = pl == null ? 1
                : Fmtp.parseInt(pl, "profile-level-id", "MPEG4Audio", 0, Integer.MAX_VALUE);
        String c = params.get("config");
        if (c == null) {
            throw new SdpParseException("MPEG4Audio config is missing");
        }
        AudioSpecificConfig config;
        try {
            config = AudioSpecificConfig.parse(Fmtp.hex(c, "config", "MPEG4Audio"));
        } catch (CodecConfigException e) {
            throw new SdpParseException("invalid MPEG4Audio config '" + c + "': " + e.getMessage());
        }
        String sl = params.get("sizelength");
        if (sl == null) {
            throw new SdpParseException("MPEG4Audio sizelength is missing");
        }
        int sizeLength = Fmtp.parseInt(sl, "sizelength", "MPEG4Audio", 1, 100);
        String il = params.get("indexlength");
        int indexLength = il == null ? 0 : Fmtp.parseInt(il, "indexlength", "MPEG4Audio", 0, 100);
        String idl = params.get("indexdeltalength");
        int indexDeltaLength = idl == null ? 0 : Fmtp.parseInt(idl, "indexdeltalength", "MPEG4Audio", 0, 100);
        return new Mpeg4AudioFormat(payloadType, profileLevelId, config, sizeLength, indexLength,
                indexDeltaLength);
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
     * The audio configuration.
     *
     * @return the AudioSpecificConfig
     */
    public AudioSpecificConfig config() {
        return config;
    }

    /**
     * The number of bits of the AU-size field.
     *
     * @return {@code sizelength}
     */
    public int sizeLength() {
        return sizeLength;
    }

    /**
     * The number of bits of the AU-Index field.
     *
     * @return {@code indexlength}, 0 when absent
     */
    public int indexLength() {
        return indexLength;
    }

    /**
     * The number of bits of the AU-Index-delta field.
     *
     * @return {@code indexdeltalength}, 0 when absent
     */
    public int indexDeltaLength() {
        return indexDeltaLength;
    }

    @Override
    public int clockRate() {
        return config.outputSampleRate();
    }

    @Override
    public String codec() {
        return "MPEG4Audio";
    }

    @Override
    public String rtpMap() {
        return "mpeg4-generic/" + config.outputSampleRate() + "/" + config.outputChannelCount();
    }

    @Override
    Map<String, String> computeFmtp() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("streamtype", "5");
        m.put("mode", "AAC-hbr");
        m.put("profile-level-id", Integer.toString(profileLevelId));
        m.put("config", HexFormat.of().formatHex(config.encode()));
        m.put("sizelength", Integer.toString(sizeLength));
        if (indexLength > 0) {
            m.put("indexlength", Integer.toString(indexLength));
        }
        if (indexDeltaLength > 0) {
            m.put("indexdeltalength", Integer.toString(indexDeltaLength));
        }
        return Fmtp.sorted(m);
    }

    @Override
    public Mpeg4AudioFormat withPayloadType(int payloadType) {
        return new Mpeg4AudioFormat(payloadType, profileLevelId, config, sizeLength, indexLength, indexDeltaLength);
    }
}
