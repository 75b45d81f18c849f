/**
 * MPEG-4 Audio (AAC) over RTP with the RFC 3640 AAC-hbr mode (mpeg4-generic), including ADTS-wrapped
 * access units sent by some cameras.
 */
package io.rtsp4j.rtp.codec.mpeg4audio;
