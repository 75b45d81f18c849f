package io.rtsp4j.sdp.format;

import io.rtsp4j.sdp.SdpParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Opus audio (RFC 7587): {@code opus/48000/2} for mono and stereo (the real channel count is in
 * {@code sprop-stereo}), and {@code multiopus/48000/<n>} for 3 to 8 channels with the stream layout of
 * RFC 7845 channel mapping family 1 ({@code num_streams}, {@code coupled_streams},
 * {@code channel_mapping}).
 */
public final class OpusFormat extends BaseFormat {

    /** Streams, coupled streams and channel mapping per channel count (RFC 7845 §5.1.1.2, Vorbis order). */
    private static final int[][][] LAYOUTS = {
        null,
        {{1, 0}, {0}},
        {{1, 1}, {0, 1}},
        {{2, 1}, {0, 2, 1}},
        {{2, 2}, {0, 1, 2, 3}},
        {{3, 2}, {0, 4, 1, 2, 3}},
        {{4, 2}, {0, 4, 1, 2, 3, 5}},
        {{4, 3}, {0, 4, 1, 2, 3, 5, 6}},
        {{5, 3}, {0, 6, 1, 2, 3, 4, 5, 7}},
    };

    private final int channelCount;
    private final int streams;
    private final int coupledStreams;
    private final int[] channelMapping;

    /**
     * Creates the format with the standard layout for the channel count.
     *
     * @param payloadType the dynamic payload type
     * @param channelCount 1 to 8
     */
    public OpusFormat(int payloadType, int channelCount) {
        this(payloadType, channelCount, layout(channelCount)[0][0], layout(channelCount)[0][1],
                layout(channelCount)[1]);
    }

    /**
     * Creates a multichannel format with an explicit stream layout.
     *
     * @param payloadType the dynamic payload type
     * @param channelCount 1 to 8
     * @param streams the number of Opus streams
     * @param coupledStreams how many of them are stereo
     * @param channelMapping for each output channel, the decoded channel it comes from (copied)
     */
    public OpusFormat(int payloadType, int channelCount, int streams, int coupledStreams, int[] channelMapping) {
        super(payloadType);
        layout(channelCount);
        if (streams < 1 || coupledStreams < 0 || coupledStreams > streams || streams + coupledStreams > 255
                || channelMapping.length != channelCount) {
            throw new IllegalArgumentException("invalid Opus stream layout");
        }
        for (int m : channelMapping) {
            if (m < 0 || (m >= streams + coupledStreams && m != 255)) {
                throw new IllegalArgumentException("invalid Opus channel mapping");
            }
        }
        this.channelCount = channelCount;
        this.streams = streams;
        this.coupledStreams = coupledStreams;
        this.channelMapping = channelMapping.clone();
    }

    private static int[][] layout(int channelCount) {
        if (channelCount < 1 || channelCount > 8) {
            throw new IllegalArgumentException("unsupported Opus channel count " + channelCount);
        }
        return LAYOUTS[channelCount];
    }

    static OpusFormat decode(int payloadType, RtpMapValue map, Map<String, String> params) {
        if (map.rate("Opus") != 48000) {
            throw new SdpParseException("invalid Opus rtpmap '" + map.raw() + "': clock rate must be 48000");
        }
        if (map.codec().equals("opus")) {
            String stereo = params.get("sprop-stereo");
            return new OpusFormat(payloadType, stereo != null && stereo.strip().equals("1") ? 2 : 1);
        }
        if (map.channels() == null) {
            throw new SdpParseException("invalid multiopus rtpmap '" + map.raw() + "': channel count missing");
        }
        int channels = Fmtp.parseInt(map.channels(), "channel count", "multiopus", 1, 8);
        if (!params.containsKey("num_streams") && !params.containsKey("coupled_streams")
                && !params.containsKey("channel_mapping")) {
            return new OpusFormat(payloadType, channels);
        }
        int[][] standard = layout(channels);
        int streams = params.containsKey("num_streams")
                ? Fmtp.parseInt(params.get("num_streams"), "num_streams", "multiopus", 1, 255) : standard[0][0];
        int coupled = params.containsKey("coupled_streams")
                ? Fmtp.parseInt(params.get("coupled_streams"), "coupled_streams", "multiopus", 0, 255)
                : standard[0][1];
        int[] mapping = standard[1];
        String m = params.get("channel_mapping");
        if (m != null) {
            String[] parts = m.strip().split(",", -1);
            if (parts.length != channels) {
                throw Fmtp.invalid("multiopus", "channel_mapping", m);
            }
            mapping = new int[channels];
            for (int i = 0; i < channels; i++) {
                mapping[i] = Fmtp.parseInt(parts[i], "channel_mapping", "multiopus", 0, 255);
            }
        }
        try {
            return new OpusFormat(payloadType, channels, streams, coupled, mapping);
        } catch (IllegalArgumentException e) {
            throw new SdpParseException("invalid multiopus layout: " + e.getMessage());
        }
    }

    /**
     * The channel count.
     *
     * @return 1 to 8
     */
    public int channelCount() {
        return channelCount;
    }

    /**
     * The number of Opus streams in each packet.
     *
     * @return streams
     */
    public int streams() {
        return streams;
    }

    /**
     * The number of stereo (coupled) streams.
     *
     * @return coupled streams
     */
    public int coupledStreams() {
        return coupledStreams;
    }

    /**
     * The channel mapping.
     *
     * @return a copy of the mapping, one entry per channel
     */
    public int[] channelMapping() {
        return channelMapping.clone();
    }

    @Override
    public int clockRate() {
        return 48000;
    }

    @Override
    public String codec() {
        return "Opus";
    }

    @Override
    public String rtpMap() {
        return channelCount <= 2 ? "opus/48000/2" : "multiopus/48000/" + channelCount;
    }

    @Override
    Map<String, String> computeFmtp() {
        if (channelCount <= 2) {
            return Map.of("sprop-stereo", channelCount == 2 ? "1" : "0");
        }
        StringBuilder mapping = new StringBuilder();
        for (int i = 0; i < channelMapping.length; i++) {
            mapping.append(i == 0 ? "" : ",").append(channelMapping[i]);
        }
        Map<String, String> m = new LinkedHashMap<>();
        m.put("num_streams", Integer.toString(streams));
        m.put("coupled_streams", Integer.toString(coupledStreams));
        m.put("channel_mapping", mapping.toString());
        m.put("sprop-maxcapturerate", "48000");
        return Fmtp.sorted(m);
    }

    @Override
    public OpusFormat withPayloadType(int payloadType) {
        return new OpusFormat(payloadType, channelCount, streams, coupledStreams, channelMapping);
    }
}
