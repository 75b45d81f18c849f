package io.rtsp4j.sdp.codec;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The LATM {@code StreamMuxConfig} (ISO/IEC 14496-3 §1.7.3.1), the {@code config} parameter of
 * {@code MP4A-LATM} (RFC 6416), for {@code audioMuxVersion} 0.
 *
 * <p>Encoders often truncate the configuration right after the first {@code AudioSpecificConfig}
 * (for example {@code config=40002310}); the missing fields then take their usual values
 * ({@code frameLengthType} 0, {@code latmBufferFullness} 255, no other data, no CRC), and
 * {@link #encode()} writes them out in full.
 *
 * <p>The {@code AudioSpecificConfig} may end with the backward-compatible SBR/PS sync extension
 * ({@link AudioSpecificConfig.Signalling#BACKWARD_COMPATIBLE}), although the standard only reads it where
 * the configuration's length is known: GStreamer's {@code rtpmp4apay} copies FFmpeg's AAC configuration
 * ({@code 119056e500}) into {@code config=40002320adca00}, and FFmpeg reads it back. Its layer then
 * needs {@code frameLengthType} 0 or 1, so that nothing after it can be read as part of the extension.
 *
 * @param allStreamsSameTimeFraming {@code allStreamsSameTimeFraming}
 * @param numSubFrames {@code numSubFrames} (0..63: one more payload per frame than this)
 * @param programs the programs, each with its layers (at least one of each)
 * @param otherDataLenBits the length of the other data in bits, or -1 when {@code otherDataPresent} is 0
 * @param crcCheckSum the CRC, or -1 when {@code crcCheckPresent} is 0
 */
public record StreamMuxConfig(boolean allStreamsSameTimeFraming, int numSubFrames, List<Program> programs,
                              long otherDataLenBits, int crcCheckSum) {

    /**
     * One program of the multiplex.
     *
     * @param layers its layers (1..8)
     */
    public record Program(List<Layer> layers) {
        /**
         * Copies and validates the layers.
         *
         * @param layers the layers
         */
        public Program {
            layers = List.copyOf(layers);
            if (layers.isEmpty() || layers.size() > 8) {
                throw new CodecConfigException("StreamMuxConfig: a program needs 1 to 8 layers");
            }
        }
    }

    /**
     * One layer of a program.
     *
     * @param audioSpecificConfig the configuration of this layer, or {@code null} when it uses the
     *     configuration of the previous layer ({@code useSameConfig})
     * @param frameLengthType {@code frameLengthType} (0 = variable frame length, the common case)
     * @param latmBufferFullness {@code latmBufferFullness} when {@code frameLengthType} is 0 (255 = variable rate)
     * @param frameLength {@code frameLength} when {@code frameLengthType} is 1
     * @param celpFrameLengthTableIndex {@code CELPframeLengthTableIndex} for types 3, 4 and 5
     * @param hvxcFrameLengthTableIndex {@code HVXCframeLengthTableIndex} for types 6 and 7
     */
    public record Layer(AudioSpecificConfig audioSpecificConfig, int frameLengthType, int latmBufferFullness,
                        int frameLength, int celpFrameLengthTableIndex, boolean hvxcFrameLengthTableIndex) {
        /**
         * Validates the field ranges.
         *
         * @param audioSpecificConfig the configuration or {@code null}
         * @param frameLengthType the frame length type
         * @param latmBufferFullness the buffer fullness
         * @param frameLength the frame length
         * @param celpFrameLengthTableIndex the CELP index
         * @param hvxcFrameLengthTableIndex the HVXC index
         */
        public Layer {
            if (frameLengthType < 0 || frameLengthType > 7 || frameLengthType == 2) {
                throw new CodecConfigException("StreamMuxConfig: unsupported frameLengthType " + frameLengthType);
            }
            if (audioSpecificConfig != null
                    && audioSpecificConfig.signalling() == AudioSpecificConfig.Signalling.BACKWARD_COMPATIBLE
                    && frameLengthType > 1) {
                // the CELP/HVXC fields could read as the 0x548 PS extension of the configuration before them
                throw new CodecConfigException("StreamMuxConfig: frameLengthType " + frameLengthType
                        + " after a configuration with a sync extension");
            }
            if (latmBufferFullness < 0 || latmBufferFullness > 255 || frameLength < 0 || frameLength > 511
                    || celpFrameLengthTableIndex < 0 || celpFrameLengthTableIndex > 63) {
                throw new CodecConfigException("StreamMuxConfig: layer field out of range");
            }
        }

        /**
         * The usual layer: variable frame length, buffer fullness 255.
         *
         * @param config the audio configuration
         * @return the layer
         */
        public static Layer of(AudioSpecificConfig config) {
            return new Layer(Objects.requireNonNull(config, "config"), 0, 255, 0, 0, false);
        }
    }

    /**
     * Copies and validates the components.
     *
     * @param allStreamsSameTimeFraming all streams share time framing
     * @param numSubFrames the number of sub-frames minus one
     * @param programs the programs
     * @param otherDataLenBits the other data length, or -1
     * @param crcCheckSum the CRC, or -1
     */
    public StreamMuxConfig {
        programs = List.copyOf(programs);
        if (programs.isEmpty() || programs.size() > 16) {
            throw new CodecConfigException("StreamMuxConfig: needs 1 to 16 programs");
        }
        if (numSubFrames < 0 || numSubFrames > 63) {
            throw new CodecConfigException("StreamMuxConfig: numSubFrames out of range");
        }
        if (programs.get(0).layers().get(0).audioSpecificConfig() == null) {
            throw new CodecConfigException("StreamMuxConfig: the first layer needs an AudioSpecificConfig");
        }
        if (otherDataLenBits < -1 || otherDataLenBits > 0xFFFFFFFFL || crcCheckSum < -1 || crcCheckSum > 255) {
            throw new CodecConfigException("StreamMuxConfig: other data length or CRC out of range");
        }
    }

    /**
     * The common single-program, single-layer configuration.
     *
     * @param config the audio configuration
     * @return the configuration
     */
    public static StreamMuxConfig of(AudioSpecificConfig config) {
        return new StreamMuxConfig(true, 0, List.of(new Program(List.of(Layer.of(config)))), -1, -1);
    }

    /**
     * The {@code AudioSpecificConfig} of the first layer of the first program: the stream's audio format.
     *
     * @return the first configuration
     */
    public AudioSpecificConfig firstConfig() {
        return programs.get(0).layers().get(0).audioSpecificConfig();
    }

    /**
     * Parses a configuration.
     *
     * @param data the bytes (the hex-decoded {@code config} of RFC 6416)
     * @return the configuration
     * @throws CodecConfigException if the bytes are invalid or use an unsupported feature
     */
    public static StreamMuxConfig parse(byte[] data) {
        Objects.requireNonNull(data, "data");
        BitReader r = new BitReader(data, 0, "StreamMuxConfig");
        if (r.flag()) {
            throw new CodecConfigException("StreamMuxConfig: audioMuxVersion 1 is not supported");
        }
        boolean sameTimeFraming = r.flag();
        int numSubFrames = r.bits(6);
        int numPrograms = r.bits(4) + 1;
        List<Program> programs = new ArrayList<>();
        boolean truncated = false;
        for (int p = 0; p < numPrograms && !truncated; p++) {
            int numLayers = r.bits(3) + 1;
            List<Layer> layers = new ArrayList<>();
            for (int l = 0; l < numLayers; l++) {
                boolean useSameConfig = (p != 0 || l != 0) && r.flag();
                AudioSpecificConfig asc = useSameConfig ? null : AudioSpecificConfig.read(r, true);
                if (r.remaining() < 3) {
                    // truncated after the configuration: the usual defaults
                    layers.add(new Layer(asc, 0, 255, 0, 0, false));
                    truncated = true;
                    break;
                }
                int frameLengthType = r.bits(3);
                int fullness = 0;
                int frameLength = 0;
                int celp = 0;
                boolean hvxc = false;
                switch (frameLengthType) {
                    case 0 -> fullness = r.remaining() >= 8 ? r.bits(8) : 255;
                    case 1 -> frameLength = r.bits(9);
                    case 3, 4, 5 -> celp = r.bits(6);
                    case 6, 7 -> hvxc = r.flag();
                    default -> throw new CodecConfigException("StreamMuxConfig: reserved frameLengthType 2");
                }
                layers.add(new Layer(asc, frameLengthType, fullness, frameLength, celp, hvxc));
            }
            programs.add(new Program(layers));
        }
        long otherDataLenBits = -1;
        int crc = -1;
        if (!truncated && r.remaining() > 0 && r.flag()) {
            otherDataLenBits = 0;
            boolean escape;
            int rounds = 0;
            do {
                if (++rounds > 4) {
                    throw new CodecConfigException("StreamMuxConfig: otherDataLenBits too long");
                }
                escape = r.flag();
                otherDataLenBits = (otherDataLenBits << 8) | r.bits(8);
            } while (escape);
        }
        if (!truncated && r.remaining() > 0 && r.flag()) {
            crc = r.bits(8);
        }
        return new StreamMuxConfig(sameTimeFraming, numSubFrames, programs, otherDataLenBits, crc);
    }

    /**
     * Encodes the configuration.
     *
     * @return the bytes, padded with zero bits to a byte boundary
     */
    public byte[] encode() {
        BitWriter w = new BitWriter();
        w.flag(false); // audioMuxVersion
        w.flag(allStreamsSameTimeFraming);
        w.bits(numSubFrames, 6);
        w.bits(programs.size() - 1, 4);
        for (int p = 0; p < programs.size(); p++) {
            List<Layer> layers = programs.get(p).layers();
            w.bits(layers.size() - 1, 3);
            for (int l = 0; l < layers.size(); l++) {
                Layer layer = layers.get(l);
                if (p != 0 || l != 0) {
                    w.flag(layer.audioSpecificConfig() == null); // useSameConfig
                }
                if (layer.audioSpecificConfig() != null) {
                    layer.audioSpecificConfig().write(w);
                }
                w.bits(layer.frameLengthType(), 3);
                switch (layer.frameLengthType()) {
                    case 0 -> w.bits(layer.latmBufferFullness(), 8);
                    case 1 -> w.bits(layer.frameLength(), 9);
                    case 3, 4, 5 -> w.bits(layer.celpFrameLengthTableIndex(), 6);
                    default -> w.flag(layer.hvxcFrameLengthTableIndex());
                }
            }
        }
        w.flag(otherDataLenBits >= 0);
        if (otherDataLenBits >= 0) {
            int bytes = 1;
            while (bytes < 4 && (otherDataLenBits >>> (8 * bytes)) != 0) {
                bytes++;
            }
            for (int i = bytes - 1; i >= 0; i--) {
                w.flag(i > 0); // otherDataLenEsc
                w.bits((otherDataLenBits >>> (8 * i)) & 0xff, 8);
            }
        }
        w.flag(crcCheckSum >= 0);
        if (crcCheckSum >= 0) {
            w.bits(crcCheckSum, 8);
        }
        return w.toByteArray();
    }
}
