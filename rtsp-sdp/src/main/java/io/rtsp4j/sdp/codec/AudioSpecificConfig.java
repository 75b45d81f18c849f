package io.rtsp4j.sdp.codec;

import java.util.Objects;

/**
 * An MPEG-4 Audio {@code AudioSpecificConfig} (ISO/IEC 14496-3 §1.6.2.1), the {@code config} of AAC in
 * SDP, for the AAC object types RTSP devices use (Main, LC, SSR, LTP), optionally wrapped in explicit
 * hierarchical SBR (HE-AAC) or PS (HE-AAC v2) signalling.
 *
 * <p>Reading stops after the {@code GASpecificConfig}; trailing data (a backward-compatible SBR sync
 * extension, padding) is ignored, so {@link #encode()} can be shorter than the input.
 *
 * @param objectType the audio object type (2 = AAC LC)
 * @param sampleRate the sampling rate of the core codec, in Hz
 * @param channelConfig {@code channelConfiguration} (1..7, 11..13)
 * @param extensionObjectType 5 (SBR) or 29 (PS) when signalled, otherwise 0
 * @param extensionSampleRate the sampling rate of the SBR/PS output, 0 without extension
 * @param frameLengthFlag {@code frameLengthFlag} (960-sample frames instead of 1024)
 * @param dependsOnCoreCoder {@code dependsOnCoreCoder}
 * @param coreCoderDelay {@code coreCoderDelay} (14 bits), meaningful when {@code dependsOnCoreCoder}
 */
public record AudioSpecificConfig(int objectType, int sampleRate, int channelConfig, int extensionObjectType,
                                  int extensionSampleRate, boolean frameLengthFlag, boolean dependsOnCoreCoder,
                                  int coreCoderDelay) {

    /** AAC Main. */
    public static final int AOT_AAC_MAIN = 1;
    /** AAC Low Complexity. */
    public static final int AOT_AAC_LC = 2;
    /** Spectral Band Replication (HE-AAC). */
    public static final int AOT_SBR = 5;
    /** Parametric Stereo (HE-AAC v2). */
    public static final int AOT_PS = 29;

    private static final int[] SAMPLE_RATES = {
        96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050, 16000, 12000, 11025, 8000, 7350,
    };

    /**
     * Validates the values so that {@link #encode()} always succeeds.
     *
     * @param objectType the audio object type
     * @param sampleRate the core sampling rate
     * @param channelConfig the channel configuration
     * @param extensionObjectType 0, 5 or 29
     * @param extensionSampleRate the extension sampling rate
     * @param frameLengthFlag the frame length flag
     * @param dependsOnCoreCoder the core coder flag
     * @param coreCoderDelay the core coder delay
     * @throws CodecConfigException if a value cannot be encoded
     */
    public AudioSpecificConfig {
        if (objectType < 1 || objectType > 4) {
            throw new CodecConfigException("AudioSpecificConfig: unsupported audio object type " + objectType);
        }
        checkRate(sampleRate);
        if (channelCount(channelConfig) == 0) {
            throw new CodecConfigException("AudioSpecificConfig: unsupported channel configuration "
                    + channelConfig);
        }
        if (extensionObjectType != 0 && extensionObjectType != AOT_SBR && extensionObjectType != AOT_PS) {
            throw new CodecConfigException("AudioSpecificConfig: unsupported extension type " + extensionObjectType);
        }
        if (extensionObjectType != 0) {
            checkRate(extensionSampleRate);
        } else if (extensionSampleRate != 0) {
            throw new CodecConfigException("AudioSpecificConfig: extension sample rate without extension type");
        }
        if (coreCoderDelay < 0 || coreCoderDelay >= 1 << 14 || (!dependsOnCoreCoder && coreCoderDelay != 0)) {
            throw new CodecConfigException("AudioSpecificConfig: invalid core coder delay " + coreCoderDelay);
        }
    }

    /**
     * Plain AAC LC, the usual configuration.
     *
     * @param sampleRate the sampling rate in Hz
     * @param channelCount 1..6 or 8 channels
     * @return the configuration
     */
    public static AudioSpecificConfig aacLc(int sampleRate, int channelCount) {
        int config = channelCount == 8 ? 7 : channelCount;
        if (config < 1 || config > 7) {
            throw new CodecConfigException("AudioSpecificConfig: no channel configuration for "
                    + channelCount + " channels");
        }
        return new AudioSpecificConfig(AOT_AAC_LC, sampleRate, config, 0, 0, false, false, 0);
    }

    private static void checkRate(int rate) {
        if (rate <= 0 || rate >= 1 << 24) {
            throw new CodecConfigException("AudioSpecificConfig: invalid sample rate " + rate);
        }
    }

    /**
     * Parses a configuration.
     *
     * @param data the bytes (the hex-decoded {@code config} of RFC 3640)
     * @return the configuration
     * @throws CodecConfigException if the bytes are invalid or use an unsupported feature
     */
    public static AudioSpecificConfig parse(byte[] data) {
        Objects.requireNonNull(data, "data");
        return read(new BitReader(data, 0, "AudioSpecificConfig"));
    }

    static AudioSpecificConfig read(BitReader r) {
        int type = objectType(r);
        int sampleRate = sampleRate(r);
        int channelConfig = r.bits(4);
        int extensionType = 0;
        int extensionSampleRate = 0;
        if (type == AOT_SBR || type == AOT_PS) {
            extensionType = type;
            extensionSampleRate = sampleRate(r);
            type = objectType(r);
        }
        if (type < 1 || type > 4) {
            throw new CodecConfigException("AudioSpecificConfig: unsupported audio object type " + type);
        }
        // GASpecificConfig
        boolean frameLengthFlag = r.flag();
        boolean dependsOnCoreCoder = r.flag();
        int coreCoderDelay = dependsOnCoreCoder ? r.bits(14) : 0;
        boolean extensionFlag = r.flag();
        if (channelConfig == 0) {
            throw new CodecConfigException("AudioSpecificConfig: program_config_element is not supported");
        }
        if (extensionFlag && r.remaining() > 0) {
            r.skip(1); // extensionFlag3, reserved
        }
        return new AudioSpecificConfig(type, sampleRate, channelConfig, extensionType, extensionSampleRate,
                frameLengthFlag, dependsOnCoreCoder, coreCoderDelay);
    }

    private static int objectType(BitReader r) {
        int type = r.bits(5);
        return type == 31 ? 32 + r.bits(6) : type;
    }

    private static int sampleRate(BitReader r) {
        int index = r.bits(4);
        if (index == 15) {
            int rate = r.bits(24);
            checkRate(rate);
            return rate;
        }
        if (index >= SAMPLE_RATES.length) {
            throw new CodecConfigException("AudioSpecificConfig: reserved sampling frequency index " + index);
        }
        return SAMPLE_RATES[index];
    }

    /**
     * Encodes the configuration.
     *
     * @return the bytes, padded with zero bits to a byte boundary
     */
    public byte[] encode() {
        BitWriter w = new BitWriter();
        write(w);
        return w.toByteArray();
    }

    void write(BitWriter w) {
        if (extensionObjectType != 0) {
            w.bits(extensionObjectType, 5);
            writeRate(w, sampleRate);
            w.bits(channelConfig, 4);
            writeRate(w, extensionSampleRate);
            w.bits(objectType, 5);
        } else {
            w.bits(objectType, 5);
            writeRate(w, sampleRate);
            w.bits(channelConfig, 4);
        }
        w.flag(frameLengthFlag);
        w.flag(dependsOnCoreCoder);
        if (dependsOnCoreCoder) {
            w.bits(coreCoderDelay, 14);
        }
        w.flag(false); // extensionFlag
    }

    private static void writeRate(BitWriter w, int rate) {
        for (int i = 0; i < SAMPLE_RATES.length; i++) {
            if (SAMPLE_RATES[i] == rate) {
                w.bits(i, 4);
                return;
            }
        }
        w.bits(15, 4);
        w.bits(rate, 24);
    }

    /**
     * The number of channels of the core stream.
     *
     * @return channels (8 for configuration 7)
     */
    public int channelCount() {
        return channelCount(channelConfig);
    }

    private static int channelCount(int config) {
        return switch (config) {
            case 1, 2, 3, 4, 5, 6 -> config;
            case 7, 12 -> 8;
            case 11 -> 7;
            case 13 -> 24;
            default -> 0;
        };
    }

    /**
     * The sampling rate of the decoded output: the SBR/PS rate when signalled, else the core rate.
     *
     * @return the output sampling rate in Hz
     */
    public int outputSampleRate() {
        return extensionSampleRate != 0 ? extensionSampleRate : sampleRate;
    }

    /**
     * The number of decoded output channels: 2 with Parametric Stereo, else {@link #channelCount()}.
     *
     * @return the output channel count
     */
    public int outputChannelCount() {
        return extensionObjectType == AOT_PS ? 2 : channelCount();
    }
}
