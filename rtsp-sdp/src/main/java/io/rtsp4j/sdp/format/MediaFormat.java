package io.rtsp4j.sdp.format;

import java.util.Map;

/**
 * An RTP payload format of a media: what one payload type of an {@code m=} line carries.
 *
 * <p>Implementations are immutable. {@link #rtpMap()} and {@link #fmtp()} are what a server writes in
 * the SDP it announces; decoding them with {@link MediaFormats#decode(String, int, String, String)} gives
 * an equal format.
 */
public interface MediaFormat {

    /**
     * The RTP payload type (0..127).
     *
     * @return the payload type
     */
    int payloadType();

    /**
     * The RTP clock rate in Hz.
     *
     * @return the clock rate, or 0 when unknown (a generic format without rate: no RTCP timing possible)
     */
    int clockRate();

    /**
     * The codec name: {@code H264}, {@code H265}, {@code MPEG4Audio}, {@code MPEG4AudioLATM}, {@code Opus},
     * {@code G711}, {@code G722}, {@code G726}, {@code LPCM}, {@code MJPEG}, {@code MPEG1Audio},
     * {@code MPEG1Video}, {@code MPEG4Video}, {@code MPEGTS}, {@code VP8}, {@code VP9}, {@code AV1},
     * {@code AC3}, {@code KLV}, {@code Speex}, {@code Vorbis} or {@code Generic}.
     *
     * @return the codec name
     */
    String codec();

    /**
     * The {@code a=rtpmap} value written after the payload type, e.g. {@code H264/90000}.
     *
     * @return the rtpmap value, or {@code null} when the format writes no rtpmap (static payload types
     *     such as MPEG-1 audio and video)
     */
    String rtpMap();

    /**
     * The {@code a=fmtp} parameters, sorted by name.
     *
     * @return the parameters; empty when the format writes no fmtp
     */
    Map<String, String> fmtp();

    /**
     * The {@code a=fmtp} value written after the payload type: by default the parameters of
     * {@link #fmtp()} as {@code key=value} joined with {@code "; "}.
     *
     * @return the fmtp value, or {@code null} when there is none
     */
    default String fmtpValue() {
        Map<String, String> fmtp = fmtp();
        return fmtp.isEmpty() ? null : Fmtp.join(fmtp);
    }

    /**
     * The same format under another payload type.
     *
     * @param payloadType the new payload type (0..127)
     * @return the format with that payload type
     */
    MediaFormat withPayloadType(int payloadType);
}
