/**
 * MPEG-1/2 audio (MP2, MP3) over RTP (RFC 2250 section 3.5).
 */
package io.rtsp4j.rtp.codec.mpeg1audio;
