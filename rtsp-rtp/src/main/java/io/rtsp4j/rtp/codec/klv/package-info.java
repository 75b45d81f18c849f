/**
 * SMPTE 336M KLV metadata over RTP (RFC 6597).
 */
package io.rtsp4j.rtp.codec.klv;
