/**
 * The RTSP message model: {@link io.rtsp4j.base.RtspRequest}, {@link io.rtsp4j.base.RtspResponse},
 * {@link io.rtsp4j.base.InterleavedFrame}, their parts ({@link io.rtsp4j.base.RtspMethod},
 * {@link io.rtsp4j.base.RtspStatus}, {@link io.rtsp4j.base.RtspVersion}, {@link io.rtsp4j.base.RtspHeaders})
 * and RTSP URLs ({@link io.rtsp4j.base.RtspUrl}, {@link io.rtsp4j.base.RtspPaths}).
 *
 * <p>Requests and responses are immutable values built with builders; headers are kept in insertion order
 * with canonical names. Nothing in this package does I/O: the Netty codec lives in
 * {@code io.rtsp4j.base.codec}.
 */
package io.rtsp4j.base;
