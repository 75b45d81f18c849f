/**
 * Motion JPEG over RTP (RFC 2435) with in-band quantization tables and restart markers.
 */
package io.rtsp4j.rtp.codec.mjpeg;
