/**
 * The RTP packet (RFC 3550 section 5) with header extensions (RFC 8285), decoded from and encoded into Netty
 * buffers without copying the payload, and static accessors on raw packets for relays.
 */
package io.rtsp4j.rtp;
