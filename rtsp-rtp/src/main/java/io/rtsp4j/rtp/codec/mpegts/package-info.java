/**
 * MPEG-2 transport stream over RTP (RFC 2250 section 2): whole 188-byte TS packets per RTP packet.
 */
package io.rtsp4j.rtp.codec.mpegts;
