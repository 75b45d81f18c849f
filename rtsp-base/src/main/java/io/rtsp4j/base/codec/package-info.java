/**
 * The Netty codec of RTSP over a byte stream: {@link io.rtsp4j.base.codec.RtspDecoder} turns received bytes
 * into {@link io.rtsp4j.base.RtspRequest}, {@link io.rtsp4j.base.RtspResponse},
 * {@link io.rtsp4j.base.InterleavedFrame} and {@link io.rtsp4j.base.codec.RtspDecodeFailure} values;
 * {@link io.rtsp4j.base.codec.RtspEncoder} writes the three message kinds.
 *
 * <pre>{@code
 * pipeline.addLast("rtsp", new RtspCodec(RtspDecoderConfig.DEFAULT));
 * pipeline.addLast("handler", new MyRtspHandler());   // receives the decoded values
 * }</pre>
 */
package io.rtsp4j.base.codec;
