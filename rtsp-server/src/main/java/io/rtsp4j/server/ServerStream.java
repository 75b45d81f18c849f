package io.rtsp4j.server;

import io.netty.buffer.ByteBuf;
import io.netty.util.concurrent.ScheduledFuture;
import io.rtsp4j.rtp.RtpPacket;
import io.rtsp4j.rtp.rtcp.Goodbye;
import io.rtsp4j.rtp.rtcp.RtcpPacket;
import io.rtsp4j.rtp.rtcp.RtcpPackets;
import io.rtsp4j.rtp.rtcp.SenderReport;
import io.rtsp4j.rtp.rtcp.SourceDescription;
import io.rtsp4j.sdp.description.Media;
import io.rtsp4j.sdp.description.Session;
import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * A stream that a server serves to readers: a description (the medias and formats readers can SETUP) and the
 * packets written to it, which reach every reader that is playing.
 *
 * <p>A packet is encoded once and its bytes are shared by all readers (no per-reader copy); each TCP reader has
 * a bounded queue of {@link RtspServerConfig#writeQueueSize()} packets, and a reader that falls behind loses
 * packets (counted in its stats and reported to {@link ServerHandler#onStreamWriteError}) without slowing down
 * the writer or the other readers. The caller's packets are never modified: the stream's own SSRC is written
 * into the shared copy.
 *
 * <p>All methods are thread-safe; writes are normally made from one thread (the publisher's).
 */
public final class ServerStream implements AutoCloseable {

    final RtspServer server;
    private final List<StreamMedia> medias;
    private volatile Session description;
    private volatile boolean closed;
    private final ScheduledFuture<?> reportTask;
    private final String cname;

    /**
     * Creates a stream served by a started server.
     *
     * @param server the server (must be started)
     * @param description the medias and formats of the stream
     * @throws IllegalStateException when the server is not started
     * @throws IllegalArgumentException when the description cannot be served (e.g. H264 packetization-mode 0)
     */
    public ServerStream(RtspServer server, Session description) {
        this.server = Objects.requireNonNull(server, "server");
        Objects.requireNonNull(description, "description");
        if (!server.isStarted()) {
            throw new IllegalStateException("server not present or not started");
        }
        StreamDescriptions.checkServable(description);
        this.description = description;
        List<StreamMedia> list = new ArrayList<>();
        List<Media> ms = description.medias();
        long[] used = new long[0];
        for (int i = 0; i < ms.size(); i++) {
            StreamMedia sm = new StreamMedia(this, i, ms.get(i), used);
            used = sm.ssrcs(used);
            list.add(sm);
        }
        this.medias = List.copyOf(list);
        this.cname = "rtsp4j-" + Long.toHexString(server.random().nextLong());
        long period = server.config().senderReportPeriod().toMillis();
        this.reportTask = server.config().disableSenderReports() ? null
                : server.eventLoopGroup().next().scheduleAtFixedRate(this::sendReports, period, period,
                        TimeUnit.MILLISECONDS);
        server.streamOpened(this);
    }

    /** @return the description the stream was created with (or last reloaded with) */
    public Session description() {
        return description;
    }

    /**
     * Writes an RTP packet to every reader of a media, with the current wall clock as its NTP time.
     *
     * @param media one of the description's medias
     * @param packet the packet; not modified and not released (the caller keeps ownership)
     * @throws IllegalArgumentException when the media is not the stream's, its payload type is not one of the
     *     media's formats, or it is larger than the server's max packet size
     * @throws IllegalStateException when the stream is closed
     */
    public void writeRtp(Media media, RtpPacket packet) {
        writeRtp(media, packet, server.config().clock().instant());
    }

    /**
     * Writes an RTP packet to every reader of a media.
     *
     * @param media one of the description's medias
     * @param packet the packet; not modified and not released
     * @param ntp the absolute time of the packet, used in sender reports
     * @throws IllegalArgumentException also when the media is a back channel (readers send on it, never the stream)
     */
    public void writeRtp(Media media, RtpPacket packet, Instant ntp) {
        if (closed) {
            throw new IllegalStateException("stream is closed");
        }
        StreamMedia sm = streamMedia(media);
        if (sm.media.backChannel()) {
            throw new IllegalArgumentException("media is a back channel: readers send on it, the stream never does");
        }
        sm.writeRtp(packet, ntp);
    }

    /**
     * Writes an RTCP packet to every reader of a media.
     *
     * @param media one of the description's medias
     * @param packet the packet
     */
    public void writeRtcp(Media media, RtcpPacket packet) {
        if (closed) {
            throw new IllegalStateException("stream is closed");
        }
        streamMedia(media).writeRtcp(List.of(packet));
    }

    /**
     * Replaces the description served to future DESCRIBE requests, e.g. when a publisher's H264 SPS/PPS change.
     * The new description must have the same medias with the same payload types.
     *
     * @param updated the new description
     */
    public void reloadDescription(Session updated) {
        StreamDescriptions.checkCompatible(description, updated);
        StreamDescriptions.checkServable(updated);
        this.description = updated;
        for (int i = 0; i < medias.size(); i++) {
            medias.get(i).media = updated.medias().get(i);
        }
    }

    /**
     * Fixes the multicast group and ports of a media instead of allocating them from the server's range (ONVIF
     * profiles need fixed addresses). Call before the first multicast reader.
     *
     * @param media one of the description's medias
     * @param group the multicast group
     * @param rtpPort the RTP port (even)
     * @param rtcpPort the RTCP port (RTP + 1)
     */
    public void setMulticastAddress(Media media, InetAddress group, int rtpPort, int rtcpPort) {
        if (!group.isMulticastAddress() || rtpPort % 2 != 0 || rtcpPort != rtpPort + 1) {
            throw new IllegalArgumentException("multicast address must be a group with an even RTP port and RTCP = RTP + 1");
        }
        streamMedia(media).fixedMulticast = new MulticastAddress(group, rtpPort, rtcpPort);
    }

    /** @return the counters of the stream */
    public StreamStats stats() {
        List<StreamStats.MediaStats> list = new ArrayList<>();
        long bytes = 0;
        long rtp = 0;
        long rtcp = 0;
        for (StreamMedia sm : medias) {
            StreamStats.MediaStats ms = sm.stats();
            list.add(ms);
            bytes += ms.outboundBytes();
            rtp += ms.outboundRtpPackets();
            rtcp += ms.outboundRtcpPackets();
        }
        return new StreamStats(bytes, rtp, rtcp, List.copyOf(list));
    }

    /** @return whether {@link #close()} was called */
    public boolean isClosed() {
        return closed;
    }

    /** Closes the stream: readers get an RTCP BYE and their sessions are closed. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (reportTask != null) {
            reportTask.cancel(false);
        }
        for (StreamMedia sm : medias) {
            List<Long> ssrcs = new ArrayList<>();
            for (StreamFormat f : sm.formats) {
                ssrcs.add(f.localSsrc);
            }
            sm.writeRtcp(List.of(new Goodbye(ssrcs, "stream closed")));
        }
        List<ServerSession> readers = new ArrayList<>();
        for (StreamMedia sm : medias) {
            for (ReaderTarget r : sm.readers()) {
                if (!readers.contains(r.session)) {
                    readers.add(r.session);
                }
            }
        }
        for (ServerSession s : server.sessionsOf(this)) {
            if (!readers.contains(s)) {
                readers.add(s);
            }
        }
        for (ServerSession s : readers) {
            s.close(new RtspServerException("stream closed"));
        }
        for (StreamMedia sm : medias) {
            sm.releaseMulticast(true);
        }
        server.streamClosed(this);
    }

    // ------------------------------------------------------------------------------------------ internals

    List<StreamMedia> streamMedias() {
        return medias;
    }

    StreamMedia streamMedia(Media media) {
        for (StreamMedia sm : medias) {
            if (sm.media == media || sm.initialMedia == media) {
                return sm;
            }
        }
        for (StreamMedia sm : medias) {
            if (sm.media.equals(media) || sm.initialMedia.equals(media)) {
                return sm;
            }
        }
        throw new IllegalArgumentException("media is not part of this stream");
    }

    /** The SDP answered to DESCRIBE. */
    String describeSdp(boolean vlcMulticast, boolean backChannels, boolean secure) {
        String groupHint = vlcMulticast && server.config().multicastEnabled()
                ? server.config().multicastRange().network().getHostAddress() : null;
        java.util.function.IntFunction<byte[]> keys = !secure ? null
                : i -> medias.get(i).srtp().mikey(server.config().clock()).encode();
        return StreamDescriptions.forDescribe(description, groupHint, backChannels, keys);
    }

    /** Periodic sender reports to every playing reader (and multicast group). */
    private void sendReports() {
        if (closed) {
            return;
        }
        for (StreamMedia sm : medias) {
            for (StreamFormat f : sm.formats) {
                SenderReport sr = f.buildReport();
                if (sr != null) {
                    sm.writeRtcp(List.of(sr, SourceDescription.cname(f.localSsrc, cname)));
                }
            }
        }
    }

    /** An SR + SDES compound for one format, or {@code null} when the format has sent no random-access packet. */
    ByteBuf senderReportFor(StreamFormat f) {
        SenderReport sr = f.buildReport();
        if (sr == null) {
            return null;
        }
        return RtcpPackets.encodeCompound(List.of(sr, SourceDescription.cname(f.localSsrc, cname)),
                server.allocator());
    }

    /** A multicast group and its ports. */
    record MulticastAddress(InetAddress group, int rtpPort, int rtcpPort) {
    }
}
