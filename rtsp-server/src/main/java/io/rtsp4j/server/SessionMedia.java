package io.rtsp4j.server;

import io.rtsp4j.rtp.report.RtcpReceiver;
import io.rtsp4j.rtp.time.PtsDecoder;
import io.rtsp4j.sdp.description.Media;
import io.rtsp4j.sdp.format.MediaFormat;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One media a session set up: its transport endpoints, its formats (with RTCP receivers when the session
 * receives them) and its counters.
 */
final class SessionMedia {

    final Media media;
    /** Position in the stream's description (readers) or in the announced description (publishers). */
    final int index;
    /** The stream media (readers only). */
    final StreamMedia streamMedia;
    final boolean receives;

    InetSocketAddress clientRtp;
    InetSocketAddress clientRtcp;
    int rtpChannel = -1;
    ServerStream.MulticastAddress multicast;

    final Format[] formats;
    UdpListener.Receiver udpRtpReceiver;
    UdpListener.Receiver udpRtcpReceiver;
    /**
     * The SRTP state when the media was set up with {@code RTP/SAVP}, else {@code null}. Set by SETUP before the
     * media is published to writers (the stream's reader list is a volatile array), never changed afterwards.
     */
    SessionSrtp srtp;
    /** Where a playing reader's packets go; set and cleared on the session's loop, read from writers. */
    volatile ReaderTarget target;

    final AtomicLong inboundBytes = new AtomicLong();
    final AtomicLong inboundRtp = new AtomicLong();
    final AtomicLong inboundRtpErrors = new AtomicLong();
    final AtomicLong inboundRtcp = new AtomicLong();
    final AtomicLong inboundRtcpErrors = new AtomicLong();
    final AtomicLong outboundBytes = new AtomicLong();
    final AtomicLong outboundRtp = new AtomicLong();
    final AtomicLong outboundRtcp = new AtomicLong();
    final AtomicLong reportedLost = new AtomicLong();

    SessionMedia(Media media, int index, StreamMedia streamMedia, boolean receives) {
        this.media = media;
        this.index = index;
        this.streamMedia = streamMedia;
        this.receives = receives;
        List<MediaFormat> fs = media.formats();
        this.formats = new Format[fs.size()];
        for (int i = 0; i < fs.size(); i++) {
            formats[i] = new Format(fs.get(i));
        }
    }

    Format format(int payloadType) {
        for (Format f : formats) {
            if (f.format.payloadType() == payloadType) {
                return f;
            }
        }
        return null;
    }

    boolean isRtpChannel(int channel) {
        return rtpChannel >= 0 && channel == rtpChannel;
    }

    boolean isRtcpChannel(int channel) {
        return rtpChannel >= 0 && channel == rtpChannel + 1;
    }

    /**
     * One format of a set-up media. Its RTCP receiver is not thread-safe and is used by the thread that reads the
     * RTP packets, the one that reads RTCP, the report timer and stats readers: every use holds this object's
     * monitor (a publisher's own lock, never taken on the fan-out path to readers).
     */
    static final class Format implements RtcpReceiver.PacketSink {
        final MediaFormat format;
        final RandomAccessDetector detector;
        volatile RtcpReceiver receiver;
        PtsDecoder.Track ptsTrack;
        /** Packets the receiver released in order, delivered after the monitor is left (RTP reading thread only). */
        final java.util.ArrayList<io.rtsp4j.rtp.RtpPacket> ready = new java.util.ArrayList<>();
        /** Packets found lost by the last {@code onPacket} (RTP reading thread only). */
        long lostNow;
        /** Sender-report state of the packets written to the session directly (guarded by this monitor). */
        io.rtsp4j.rtp.report.RtcpSender directSender;

        Format(MediaFormat format) {
            this.format = format;
            this.detector = RandomAccessDetector.forCodec(format.codec());
        }

        @Override
        public void onPacket(io.rtsp4j.rtp.RtpPacket packet) {
            ready.add(packet);
        }

        @Override
        public void onPacketsLost(long count) {
            lostNow += count;
        }
    }
}
