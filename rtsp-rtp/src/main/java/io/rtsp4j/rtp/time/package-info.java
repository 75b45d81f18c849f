/**
 * Timing: NTP 64-bit timestamps ({@link io.rtsp4j.rtp.time.NtpTime}), an injectable wall clock
 * ({@link io.rtsp4j.rtp.time.WallClock}) and the decoder that puts RTP timestamps of several tracks on one
 * timeline ({@link io.rtsp4j.rtp.time.PtsDecoder}).
 */
package io.rtsp4j.rtp.time;
