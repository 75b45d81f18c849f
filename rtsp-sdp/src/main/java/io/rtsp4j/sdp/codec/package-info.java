/**
 * Parsers of the codec configurations carried in SDP {@code fmtp} parameters: H.264 and H.265 sequence
 * parameter sets ({@link io.rtsp4j.sdp.codec.H264Sps}, {@link io.rtsp4j.sdp.codec.H265Sps}), the MPEG-4
 * {@link io.rtsp4j.sdp.codec.AudioSpecificConfig} and the LATM {@link io.rtsp4j.sdp.codec.StreamMuxConfig}.
 *
 * <p>Bad input fails with {@link io.rtsp4j.sdp.codec.CodecConfigException} and nothing else.
 */
package io.rtsp4j.sdp.codec;
