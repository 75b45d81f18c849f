/**
 * RTP and RTCP for rtsp4j: packets, compound RTCP, sender and receiver reports (loss, jitter, reordering),
 * NTP/PTS timing and RTP payload formats (packetizers and depacketizers).
 *
 * <ul>
 *   <li>{@code io.rtsp4j.rtp}: the RTP packet ({@link io.rtsp4j.rtp.RtpPacket}) and cheap accessors on raw
 *       buffers ({@link io.rtsp4j.rtp.RtpHeaders}).</li>
 *   <li>{@code io.rtsp4j.rtp.rtcp}: RTCP packets and compound packets.</li>
 *   <li>{@code io.rtsp4j.rtp.report}: per-stream RTCP sender and receiver logic driven by the caller.</li>
 *   <li>{@code io.rtsp4j.rtp.time}: NTP timestamps, clocks and the multi-track PTS decoder.</li>
 *   <li>{@code io.rtsp4j.rtp.codec} and its sub-packages: payload formats.</li>
 * </ul>
 */
module io.rtsp4j.rtp {
    requires transitive io.netty.buffer;
    requires transitive io.netty.common;
    requires transitive io.rtsp4j.sdp;

    exports io.rtsp4j.rtp;
    exports io.rtsp4j.rtp.rtcp;
    exports io.rtsp4j.rtp.report;
    exports io.rtsp4j.rtp.time;
    exports io.rtsp4j.rtp.codec;
    exports io.rtsp4j.rtp.codec.ac3;
    exports io.rtsp4j.rtp.codec.av1;
    exports io.rtsp4j.rtp.codec.klv;
    exports io.rtsp4j.rtp.codec.latm;
    exports io.rtsp4j.rtp.codec.mpeg1audio;
    exports io.rtsp4j.rtp.codec.mpeg1video;
    exports io.rtsp4j.rtp.codec.vp8;
    exports io.rtsp4j.rtp.codec.vp9;
    exports io.rtsp4j.rtp.codec.h264;
    exports io.rtsp4j.rtp.codec.h265;
    exports io.rtsp4j.rtp.codec.lpcm;
    exports io.rtsp4j.rtp.codec.mjpeg;
    exports io.rtsp4j.rtp.codec.mpeg4audio;
    exports io.rtsp4j.rtp.codec.mpegts;
    exports io.rtsp4j.rtp.codec.simpleaudio;
}
