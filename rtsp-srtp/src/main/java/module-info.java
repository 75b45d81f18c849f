/**
 * SRTP and SRTCP (RFC 3711, RFC 7714) packet protection on Netty buffers, and MIKEY (RFC 3830) key
 * management messages as RTSP carries them (RFC 4567).
 *
 * <ul>
 *   <li>{@code io.rtsp4j.srtp}: {@link io.rtsp4j.srtp.SrtpContext} protects and unprotects packets in place;
 *       {@link io.rtsp4j.srtp.SrtpKeyMaterial} holds what key management negotiates.</li>
 *   <li>{@code io.rtsp4j.srtp.mikey}: the MIKEY message codec and its conversion to and from SRTP key
 *       material.</li>
 * </ul>
 */
module io.rtsp4j.srtp {
    requires transitive io.netty.buffer;
    requires transitive io.netty.common;
    // Optional: PacketMacs asks HotSpot whether SHA-1 is an intrinsic here (falls back when absent).
    requires static jdk.management;

    exports io.rtsp4j.srtp;
    exports io.rtsp4j.srtp.mikey;
}
