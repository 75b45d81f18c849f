/**
 * VP8 over RTP (RFC 7741).
 */
package io.rtsp4j.rtp.codec.vp8;
