/**
 * MPEG-1/2 video elementary streams over RTP (RFC 2250 section 3.4).
 */
package io.rtsp4j.rtp.codec.mpeg1video;
