/**
 * VP9 over RTP (RFC 9628) with flexible-mode picture IDs and the scalability structure on key frames.
 */
package io.rtsp4j.rtp.codec.vp9;
