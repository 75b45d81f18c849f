/**
 * AV1 over RTP (AOM AV1 RTP payload specification): OBU aggregation and fragmentation.
 */
package io.rtsp4j.rtp.codec.av1;
