/**
 * MPEG-4 Audio over RTP in the LATM format of RFC 6416 (MP4A-LATM) with out-of-band configuration.
 */
package io.rtsp4j.rtp.codec.latm;
