package io.rtsp4j.sdp.codec;

import java.util.Objects;

/**
 * An MPEG-4 Audio {@code AudioSpecificConfig} (ISO/IEC 14496-3 §1.6.2.1), the {@code config} of AAC in
 * SDP, for the AAC object types RTSP devices use (Main, LC, SSR, LTP), with the three ways of signalling
 * SBR (HE-AAC) and PS (HE-AAC v2) the standard defines ({@link Signalling}).
 *
 * <p>Reading stops after the {@code GASpecificConfig} and the optional backward-compatible sync extension
 * ({@code syncExtensionType 0x2b7}, extension object type 5, {@code sbrPresentFlag}, the rate, then the
 * optional {@code 0x548} {@code psPresentFlag}); anything after it (padding, an unknown extension) is
 * ignored, so {@link #encode()} can be shorter than the input. An explicit {@code psPresentFlag} 0 is not
 * kept (it is also what its absence means to the decoders RTSP streams meet).
 *
 * <p>{@link #extensionObjectType()} and {@link #extensionSampleRate()} say what the stream carries,
 * whatever the signalling: a backward-compatible extension with {@code sbrPresentFlag} 0 (what FFmpeg's
 * AAC-LC encoder writes, {@code 119056e500}) has extension type 0 and signalling
 * {@link Signalling#BACKWARD_COMPATIBLE}.
 *
 * @param objectType the audio object type of the core codec (2 = AAC LC)
 * @param sampleRate the sampling rate of the core codec, in Hz
 * @param channelConfig {@code channelConfiguration} (1..7, 11..13)
 * @param extensionObjectType 5 (SBR) or 29 (SBR and PS) when the stream uses the extension, otherwise 0
 * @param extensionSampleRate the sampling rate of the SBR/PS output, 0 without extension
 * @param frameLengthFlag {@code frameLengthFlag} (960-sample frames instead of 1024)
 * @param dependsOnCoreCoder {@code dependsOnCoreCoder}
 * @param coreCoderDelay {@code coreCoderDelay} (14 bits), meaningful when {@code dependsOnCoreCoder}
 * @param signalling how the extension is (or is not) written
 */
public record AudioSpecificConfig(int objectType, int sampleRate, int channelConfig, int extensionObjectType,
                                  int extensionSampleRate, boolean frameLengthFlag, boolean dependsOnCoreCoder,
                                  int coreCoderDelay, Signalling signalling) {

    /**
     * How SBR and PS are signalled (ISO/IEC 14496-3 §1.6.5 "Signaling of SBR" and §1.6.6 for PS).
     */
    public enum Signalling {
        /**
         * Nothing written: the extension type is 0; a decoder may still find SBR/PS in the stream
         * (implicit signalling).
         */
        IMPLICIT,
        /**
         * Explicit hierarchical signalling: the configuration starts with object type 5 or 29, then the
         * extension rate, then the core object type. The extension type is 5 or 29.
         */
        HIERARCHICAL,
        /**
         * Explicit backward-compatible signalling: a core configuration followed by the sync extension
         * {@code 0x2b7} with {@code sbrPresentFlag} (and {@code 0x548} {@code psPresentFlag} when PS is
         * present). Extension type 0 means {@code sbrPresentFlag} 0: the stream is known to have no SBR.
         */
        BACKWARD_COMPATIBLE
    }

    /** AAC Main. */
    public static final int AOT_AAC_MAIN = 1;
    /** AAC Low Complexity. */
    public static final int AOT_AAC_LC = 2;
    /** Spectral Band Replication (HE-AAC). */
    public static final int AOT_SBR = 5;
    /** Parametric Stereo (HE-AAC v2). */
    public static final int AOT_PS = 29;

    /** {@code syncExtensionType} announcing the SBR part of a backward-compatible extension. */
    private static final int SYNC_EXTENSION_SBR = 0x2b7;
    /** {@code syncExtensionType} announcing {@code psPresentFlag} after the SBR part. */
    private static final int SYNC_EXTENSION_PS = 0x548;

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
     * @param signalling the signalling of the extension
     * @throws CodecConfigException if a value cannot be encoded
     */
    public AudioSpecificConfig {
        Objects.requireNonNull(signalling, "signalling");
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
        if (signalling == Signalling.IMPLICIT && extensionObjectType != 0) {
            throw new CodecConfigException("AudioSpecificConfig: extension type " + extensionObjectType
                    + " needs explicit signalling");
        }
        if (signalling == Signalling.HIERARCHICAL && extensionObjectType == 0) {
            throw new CodecConfigException("AudioSpecificConfig: hierarchical signalling needs an extension type");
        }
    }

    /**
     * A configuration whose signalling follows from the extension type, as configurations were written
     * before {@link Signalling} existed: {@link Signalling#HIERARCHICAL} with an extension, otherwise
     * {@link Signalling#IMPLICIT}.
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
    public AudioSpecificConfig(int objectType, int sampleRate, int channelConfig, int extensionObjectType,
                               int extensionSampleRate, boolean frameLengthFlag, boolean dependsOnCoreCoder,
                               int coreCoderDelay) {
        this(objectType, sampleRate, channelConfig, extensionObjectType, extensionSampleRate, frameLengthFlag,
                dependsOnCoreCoder, coreCoderDelay,
                extensionObjectType == 0 ? Signalling.IMPLICIT : Signalling.HIERARCHICAL);
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
        return read(new BitReader(data, 0, "AudioSpecificConfig"), false);
    }

    /**
     * Reads a configuration at the reader's position.
     *
     * @param r the reader
     * @param unbounded whether the configuration has no known length (inside a {@code StreamMuxConfig}
     *     with {@code audioMuxVersion} 0): what follows it is then not padding but the next fields
     */
    static AudioSpecificConfig read(BitReader r, boolean unbounded) {
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
        Signalling signalling = extensionType == 0 ? Signalling.IMPLICIT : Signalling.HIERARCHICAL;
        // The standard reads the sync extension only while bits_to_decode() >= 16, which a configuration
        // of unknown length (LATM audioMuxVersion 0) does not have; GStreamer still puts FFmpeg's
        // extension there, and FFmpeg reads it. Nothing valid can be mistaken for it: inside a
        // StreamMuxConfig its first 3 bits would be the reserved frameLengthType 2.
        if (extensionType == 0 && r.remaining() >= 16 && r.peek(11) == SYNC_EXTENSION_SBR) {
            if (r.peek(16) == (SYNC_EXTENSION_SBR << 5 | AOT_SBR)) {
                r.skip(16);
                signalling = Signalling.BACKWARD_COMPATIBLE;
                // FFmpeg reads a missing sbrPresentFlag as 0 (the standard only asks for 16 bits here)
                if (r.remaining() > 0 && r.flag()) { // sbrPresentFlag
                    extensionType = AOT_SBR;
                    extensionSampleRate = sampleRate(r);
                    if (r.remaining() >= 12 && r.peek(11) == SYNC_EXTENSION_PS) {
                        r.skip(11);
                        if (r.flag()) { // psPresentFlag
                            extensionType = AOT_PS;
                        }
                    }
                }
            } else if (unbounded) {
                // the extension's length depends on its object type: the next fields cannot be found
                r.skip(11);
                throw new CodecConfigException("AudioSpecificConfig: unsupported sync extension object type "
                        + objectType(r));
            }
        }
        return new AudioSpecificConfig(type, sampleRate, channelConfig, extensionType, extensionSampleRate,
                frameLengthFlag, dependsOnCoreCoder, coreCoderDelay, signalling);
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
        if (signalling == Signalling.HIERARCHICAL) {
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
        if (signalling == Signalling.BACKWARD_COMPATIBLE) {
            w.bits(SYNC_EXTENSION_SBR, 11);
            w.bits(AOT_SBR, 5);
            w.flag(extensionObjectType != 0); // sbrPresentFlag
            if (extensionObjectType != 0) {
                writeRate(w, extensionSampleRate);
                if (extensionObjectType == AOT_PS) {
                    w.bits(SYNC_EXTENSION_PS, 11);
                    w.flag(true); // psPresentFlag
                }
            }
        }
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
