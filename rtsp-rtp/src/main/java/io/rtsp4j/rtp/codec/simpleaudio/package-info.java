/**
 * Audio formats that carry exactly one frame per RTP packet (Opus RFC 7587, G.711 RFC 3551,
 * G.722 ...).
 */
package io.rtsp4j.rtp.codec.simpleaudio;
