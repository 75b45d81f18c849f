/**
 * Linear PCM (L8, L16, L24, RFC 3551 / RFC 3190) and other sample-based audio such as G.711: samples are
 * split across packets on sample boundaries.
 */
package io.rtsp4j.rtp.codec.lpcm;
