/**
 * RTSP 1.0 messages, their Netty wire codec, typed headers and RTSP URLs.
 *
 * <ul>
 *   <li>{@code io.rtsp4j.base}: the message model ({@link io.rtsp4j.base.RtspRequest},
 *       {@link io.rtsp4j.base.RtspResponse}, {@link io.rtsp4j.base.InterleavedFrame}, ...), URLs and the
 *       path rules real clients need.</li>
 *   <li>{@code io.rtsp4j.base.codec}: the Netty decoder and encoder.</li>
 *   <li>{@code io.rtsp4j.base.headers}: typed header values (Transport, Session, RTP-Info, Range, KeyMgmt,
 *       WWW-Authenticate, Authorization).</li>
 * </ul>
 */
module io.rtsp4j.base {
    requires transitive io.netty.buffer;
    requires transitive io.netty.common;
    requires transitive io.netty.codec;
    requires transitive io.netty.transport;

    exports io.rtsp4j.base;
    exports io.rtsp4j.base.codec;
    exports io.rtsp4j.base.headers;
}
