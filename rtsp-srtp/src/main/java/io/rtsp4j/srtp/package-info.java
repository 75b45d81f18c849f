/**
 * SRTP and SRTCP packet protection (RFC 3711; AES-GCM from RFC 7714) on Netty {@code ByteBuf}s.
 *
 * <p>{@link io.rtsp4j.srtp.SrtpKeyMaterial} holds what key management negotiates (profile, master key and salt,
 * MKI, streams); {@link io.rtsp4j.srtp.SrtpContext#create(SrtpKeyMaterial)} makes a context for one direction,
 * whose {@code protectRtp}, {@code unprotectRtp}, {@code protectRtcp} and {@code unprotectRtcp} work in place
 * and report failures as {@link io.rtsp4j.srtp.SrtpResult} values.
 */
package io.rtsp4j.srtp;
