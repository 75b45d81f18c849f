/**
 * MIKEY (RFC 3830) messages as RTSP and SDP carry them (RFC 4567): the common header with the SRTP-ID map,
 * and the T, RAND, SP and KEMAC payloads, with their encoding and decoding
 * ({@link io.rtsp4j.srtp.mikey.MikeyMessage}); the validation and conversion to and from SRTP key material
 * ({@link io.rtsp4j.srtp.mikey.MikeySrtp}).
 */
package io.rtsp4j.srtp.mikey;
