/**
 * RTP payload formats: the common {@link io.rtsp4j.rtp.codec.Packetizer} and
 * {@link io.rtsp4j.rtp.codec.Depacketizer} contracts, their settings and errors. One sub-package per format.
 */
package io.rtsp4j.rtp.codec;
