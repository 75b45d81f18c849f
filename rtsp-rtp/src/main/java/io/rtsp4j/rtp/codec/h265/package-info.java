/**
 * H.265 over RTP (RFC 7798): single NAL unit, aggregation (AP) and fragmentation (FU) packets and key
 * frame detection.
 */
package io.rtsp4j.rtp.codec.h265;
