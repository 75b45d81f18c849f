/**
 * RTSP Basic and Digest authentication (RFC 7617, RFC 2617, RFC 7616, and the RFC 2069 form RTSP clients
 * use): server-side challenges and verification ({@link io.rtsp4j.auth.AuthVerifier}) and the client side
 * ({@link io.rtsp4j.auth.AuthSender}). Pure JDK ({@code MessageDigest}, {@code Mac}, {@code SecureRandom}).
 */
module io.rtsp4j.auth {
    requires transitive io.rtsp4j.base;

    exports io.rtsp4j.auth;
}
