/**
 * Tolerant SDP (RFC 8866) for RTSP: a reader that accepts what real cameras send, a canonical writer,
 * session and media descriptions, and every RTP media format an RTSP server meets. No dependencies.
 *
 * <ul>
 *   <li>{@code io.rtsp4j.sdp}: the raw line model ({@link io.rtsp4j.sdp.SessionDescription}),
 *       {@link io.rtsp4j.sdp.SdpReader} and {@link io.rtsp4j.sdp.SdpWriter}.</li>
 *   <li>{@code io.rtsp4j.sdp.description}: the interpreted stream description
 *       ({@link io.rtsp4j.sdp.description.Session}, {@link io.rtsp4j.sdp.description.Media}).</li>
 *   <li>{@code io.rtsp4j.sdp.format}: one type per RTP payload format
 *       ({@link io.rtsp4j.sdp.format.MediaFormat}, {@link io.rtsp4j.sdp.format.MediaFormats}).</li>
 *   <li>{@code io.rtsp4j.sdp.codec}: the codec configuration parsers the formats need (H.264/H.265 SPS,
 *       AAC AudioSpecificConfig, LATM StreamMuxConfig).</li>
 * </ul>
 */
module io.rtsp4j.sdp {
    exports io.rtsp4j.sdp;
    exports io.rtsp4j.sdp.description;
    exports io.rtsp4j.sdp.format;
    exports io.rtsp4j.sdp.codec;
}
