/**
 * AC-3 audio over RTP (RFC 4184).
 */
package io.rtsp4j.rtp.codec.ac3;
