package io.rtsp4j.sdp.format;

import io.rtsp4j.sdp.SdpParseException;
import java.util.Map;

/**
 * G.726 ADPCM audio at 8000 Hz: {@code G726-16/24/32/40} (RFC 3551, little-endian packing) or
 * {@code AAL2-G726-16/24/32/40} (big-endian packing), on a dynamic payload type.
 */
public final class G726Format extends BaseFormat {

    private final int bitRate;
    private final boolean bigEndian;

    /**
     * Creates the format.
     *
     * @param payloadType the dynamic payload type
     * @param bitRate 16, 24, 32 or 40 (kbit/s)
     * @param bigEndian {@code true} for the AAL2 (big-endian) packing
     */
    public G726Format(int payloadType, int bitRate, boolean bigEndian) {
        super(payloadType);
        if (bitRate != 16 && bitRate != 24 && bitRate != 32 && bitRate != 40) {
            throw new IllegalArgumentException("unsupported G726 bit rate " + bitRate);
        }
        this.bitRate = bitRate;
        this.bigEndian = bigEndian;
    }

    static G726Format decode(int payloadType, RtpMapValue map) {
        String codec = map.codec();
        boolean bigEndian = codec.startsWith("aal2-");
        String rate = codec.substring(codec.lastIndexOf('-') + 1);
        int bitRate = switch (rate) {
            case "16" -> 16;
            case "24" -> 24;
            case "32" -> 32;
            case "40" -> 40;
            default -> throw new SdpParseException("invalid G726 rtpmap '" + map.raw() + "': unknown bit rate");
        };
        if (map.rate("G726") != 8000) {
            throw new SdpParseException("invalid G726 rtpmap '" + map.raw() + "': clock rate must be 8000");
        }
        return new G726Format(payloadType, bitRate, bigEndian);
    }

    /**
     * The bit rate.
     *
     * @return 16, 24, 32 or 40 kbit/s
     */
    public int bitRate() {
        return bitRate;
    }

    /**
     * Whether the codewords are packed big-endian (AAL2).
     *
     * @return {@code true} for {@code AAL2-G726-*}
     */
    public boolean bigEndian() {
        return bigEndian;
    }

    @Override
    public int clockRate() {
        return 8000;
    }

    @Override
    public String codec() {
        return "G726";
    }

    @Override
    public String rtpMap() {
        return (bigEndian ? "AAL2-G726-" : "G726-") + bitRate + "/8000";
    }

    @Override
    Map<String, String> computeFmtp() {
        return Map.of();
    }

    @Override
    public G726Format withPayloadType(int payloadType) {
        return new G726Format(payloadType, bitRate, bigEndian);
    }
}
