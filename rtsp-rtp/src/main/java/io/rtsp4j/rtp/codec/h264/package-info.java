/**
 * H.264 over RTP (RFC 6184): single NAL unit, STAP-A and FU-A packets, Annex-B helpers and key frame
 * detection.
 */
package io.rtsp4j.rtp.codec.h264;
