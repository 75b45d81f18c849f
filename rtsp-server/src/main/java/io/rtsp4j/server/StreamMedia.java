package io.rtsp4j.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.EventLoop;
import io.rtsp4j.rtp.RtpPacket;
import io.rtsp4j.rtp.rtcp.RtcpPacket;
import io.rtsp4j.rtp.rtcp.RtcpPackets;
import io.rtsp4j.sdp.description.Media;
import io.rtsp4j.sdp.format.MediaFormat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One media of a {@link ServerStream} and its fan-out: the formats (with their SSRCs and sender reports), the
 * readers that are playing it (grouped by event loop, see {@link LoopReaders}), and the multicast group when
 * multicast readers exist.
 */
final class StreamMedia {

    /** Bytes in front of each encoded packet, where TCP readers find their {@code $} frame header. */
    static final int FRAME_HEADER = 4;

    /**
     * Whether the RTP packet in a {@code $} frame has its marker bit set ({@link FramedPacket#endsFrame}, for frames
     * that come without their packet). Readable in SRTP packets too (the header is not encrypted).
     */
    static boolean endsFrame(ByteBuf framed) {
        return (framed.getByte(framed.readerIndex() + FRAME_HEADER + 1) & 0x80) != 0;
    }

    final ServerStream stream;
    final int index;
    volatile Media media;
    /** The media the stream was created with: writers keep using it after {@code reloadDescription}. */
    final Media initialMedia;
    final StreamFormat[] formats;
    /** The readers, grouped by the event loop that writes to them; a group stays once created (its counters). */
    private volatile LoopReaders[] loops = new LoopReaders[0];
    /** Readers in {@link #loops}: packets are not even encoded while nobody reads. */
    private volatile int readerCount;
    /** Readers taking the SRTP-protected frame: only then is it produced. */
    private volatile int secureReaderCount;
    volatile ServerStream.MulticastAddress fixedMulticast;
    private MulticastGroup multicast;
    private int multicastReaders;
    private int activeMulticastReaders;

    // Multicast and RTCP counters (written by the writer's thread); the readers' RTP counters are in the loops.
    final AtomicLong outboundBytes = new AtomicLong();
    final AtomicLong outboundRtp = new AtomicLong();
    final AtomicLong outboundRtcp = new AtomicLong();

    StreamMedia(ServerStream stream, int index, Media media, long[] usedSsrcs) {
        this.stream = stream;
        this.index = index;
        this.media = media;
        this.initialMedia = media;
        List<MediaFormat> fs = media.formats();
        this.formats = new StreamFormat[fs.size()];
        long[] used = usedSsrcs;
        for (int i = 0; i < fs.size(); i++) {
            long ssrc;
            do {
                ssrc = stream.server.random().nextInt() & 0xffffffffL;
            } while (ssrc == 0 || contains(used, ssrc));
            used = append(used, ssrc);
            formats[i] = new StreamFormat(fs.get(i), ssrc, stream.server);
        }
    }

    long[] ssrcs(long[] used) {
        long[] out = used;
        for (StreamFormat f : formats) {
            out = append(out, f.localSsrc);
        }
        return out;
    }

    StreamFormat format(int payloadType) {
        for (StreamFormat f : formats) {
            if (f.payloadType == payloadType) {
                return f;
            }
        }
        return null;
    }

    /** @return every reader now (a copy) */
    List<ReaderTarget> readers() {
        List<ReaderTarget> out = new ArrayList<>();
        for (LoopReaders l : loops) {
            l.collect(out);
        }
        return out;
    }

    synchronized void addReader(ReaderTarget r) {
        EventLoop loop = r.loop();
        LoopReaders group = null;
        for (LoopReaders l : loops) {
            if (l.loop == loop) {
                group = l;
                break;
            }
        }
        if (group == null) {
            group = new LoopReaders(loop, this, stream.server.config().writeQueueSize());
            LoopReaders[] old = loops;
            LoopReaders[] next = Arrays.copyOf(old, old.length + 1);
            next[old.length] = group;
            loops = next;
        }
        group.add(r);
        readerCount++;
        if (r.secure()) {
            secureReaderCount++;
        }
    }

    synchronized void removeReader(ReaderTarget r) {
        for (LoopReaders l : loops) {
            if (l.remove(r)) {
                readerCount--;
                if (r.secure()) {
                    secureReaderCount--;
                }
                return;
            }
        }
    }

    // ------------------------------------------------------------------------------------------ writes

    void writeRtp(RtpPacket packet, Instant ntp) {
        StreamFormat f = format(packet.payloadType());
        if (f == null) {
            throw new IllegalArgumentException("payload type " + packet.payloadType() + " is not a format of media "
                    + index);
        }
        int size = packet.encodedSize();
        int max = stream.server.config().maxPacketSize();
        if (size > max) {
            throw new IllegalArgumentException("RTP packet size (" + size + ") is greater than the maximum allowed ("
                    + max + ")");
        }
        boolean randomAccess = f.detector.isRandomAccess(packet.payload());
        long ntpNanos = ntp.getEpochSecond() * 1_000_000_000L + ntp.getNano();
        f.onWritten(packet.sequenceNumber(), packet.timestamp(), packet.payloadSize(), ntpNanos, randomAccess);

        MulticastGroup g = activeMulticast();
        if (readerCount == 0 && g == null) {
            return;
        }
        FramedPacket p = frame(packet, f, size, randomAccess);
        try {
            if (needsSecure(g)) {
                // SRTP: protected once per packet for every secure reader (and the secure multicast group).
                p.secure = srtp().protectFramed(stream.server.allocator(), p.plain, size); // null: failed
            }
            for (LoopReaders l : loops) {
                l.enqueue(p);
            }
            if (g != null) {
                ByteBuf fr = p.frame(multicastSecure); // null: SRTP protection failed (logged)
                if (fr != null) {
                    g.sendRtp(fr.retainedSlice(FRAME_HEADER, fr.readableBytes() - FRAME_HEADER));
                }
                outboundRtp.incrementAndGet();
                outboundBytes.addAndGet(size);
                if (randomAccess && g.needsSenderReport && !stream.server.config().disableSenderReports()) {
                    ByteBuf sr = stream.senderReportFor(f);
                    if (sr != null) {
                        g.needsSenderReport = false;
                        ByteBuf out = multicastSecure ? srtp().protectRtcpReleasing(stream.server.allocator(), sr) : sr;
                        if (out != null) { // null: SRTCP protection failed (logged)
                            g.sendRtcp(out);
                        }
                    }
                }
            }
        } finally {
            p.release();
        }
    }

    /** Whether something takes SRTP/SRTCP: a secure reader, or the multicast group {@code g} when it is secure. */
    private boolean needsSecure(MulticastGroup g) {
        return secureReaderCount > 0 || (g != null && multicastSecure);
    }

    /**
     * THE place where a packet becomes what readers receive: encoded once, with the stream's SSRC, behind a
     * {@code $} frame header, into a pooled buffer shared by every reader. (SRTP: the protected frame for
     * {@linkplain ReaderTarget#secure() secure} readers is produced here too, once per packet, when
     * {@code secureReaderCount > 0}, and set as {@link FramedPacket#secure}.)
     *
     * @return the packet, owned by the caller
     */
    private FramedPacket frame(RtpPacket packet, StreamFormat f, int size, boolean randomAccess) {
        ByteBuf buf = stream.server.allocator().directBuffer(FRAME_HEADER + size);
        try {
            // Channel 2N is what FFmpeg, GStreamer and VLC ask for media N: most readers share this header.
            int channel = (2 * index) & 0xff;
            buf.writeByte('$').writeByte(channel).writeShort(size);
            packet.encodeTo(buf);
            // The stream's SSRC replaces the caller's in this shared copy only.
            buf.setInt(FRAME_HEADER + 8, (int) f.localSsrc);
            return new FramedPacket(buf, channel, f, randomAccess, packet.marker());
        } catch (RuntimeException e) {
            buf.release();
            throw e;
        }
    }

    /** Right after a reader's first random-access packet: its first sender report. The reader's loop only. */
    void sendFirstReport(ReaderTarget r, StreamFormat f) {
        if (stream.server.config().disableSenderReports()) {
            return;
        }
        ByteBuf sr = stream.senderReportFor(f);
        if (sr != null) {
            r.needsSenderReport = false;
            ByteBuf out = r.secure() ? srtp().protectRtcpReleasing(stream.server.allocator(), sr) : sr;
            if (out != null) { // null: SRTCP protection failed (logged)
                try {
                    r.writeRtcp(out);
                } finally {
                    out.release();
                }
            }
        }
    }

    void writeRtcp(List<? extends RtcpPacket> packets) {
        int size = RtcpPackets.encodedSize(packets);
        int max = stream.server.config().maxPacketSize();
        if (size > max) {
            throw new IllegalArgumentException("RTCP packet size (" + size + ") is greater than the maximum allowed ("
                    + max + ")");
        }
        ByteBuf buf = RtcpPackets.encodeCompound(packets, stream.server.allocator());
        MulticastGroup g = activeMulticast();
        // The SRTCP copy, protected once for every secure reader and the secure group (null: none, or failed).
        ByteBuf secure = needsSecure(g) ? srtp().protectRtcp(stream.server.allocator(), buf) : null;
        try {
            for (ReaderTarget r : readers()) {
                ByteBuf out = r.secure() ? secure : buf;
                if (out != null) {
                    r.sendRtcp(out);
                }
                outboundRtcp.incrementAndGet();
                outboundBytes.addAndGet(size);
            }
            if (g != null) {
                ByteBuf out = multicastSecure ? secure : buf;
                if (out != null) {
                    g.sendRtcp(out.retainedDuplicate());
                }
                outboundRtcp.incrementAndGet();
                outboundBytes.addAndGet(size);
            }
        } finally {
            buf.release();
            if (secure != null) {
                secure.release();
            }
        }
    }

    // ------------------------------------------------------------------------------------------ multicast

    /** The group packets go to: set only while at least one multicast reader plays (read without a lock). */
    private volatile MulticastGroup active;

    private MulticastGroup activeMulticast() {
        return active;
    }

    /**
     * Reserves the media's multicast group for a reader's SETUP, allocating it for the first one. A group carries
     * either plain RTP or SRTP, as its first reader asked: a reader asking for the other profile while the group is
     * in use gets {@code null}.
     */
    synchronized ServerStream.MulticastAddress acquireMulticast(boolean secure) {
        if (multicast == null) {
            ServerStream.MulticastAddress addr = fixedMulticast != null ? fixedMulticast
                    : stream.server.multicastAllocator().allocate(secure);
            multicast = new MulticastGroup(stream.server, addr);
            multicastSecure = secure;
        } else if (multicastSecure != secure) {
            return null;
        }
        multicastReaders++;
        return multicast.address();
    }

    synchronized void multicastReaderActive(boolean active) {
        activeMulticastReaders += active ? 1 : -1;
        if (active && multicast != null && activeMulticastReaders == 1) {
            multicast.needsSenderReport = true;
        }
        this.active = activeMulticastReaders > 0 ? multicast : null;
    }

    /** Releases a reader's reservation; the group is closed with the last reader (or when forced). */
    synchronized void releaseMulticast(boolean force) {
        if (!force) {
            multicastReaders--;
        }
        if (multicast != null && (force || multicastReaders <= 0)) {
            this.active = null;
            multicast.close();
            multicast = null;
            multicastReaders = 0;
            activeMulticastReaders = 0;
        }
    }

    // ------------------------------------------------------------------------------------------ SRTP

    /** The media's SRTP key and protector, made at its first secure use (DESCRIBE or SETUP over TLS). */
    private volatile MediaSrtp srtp;
    /** Whether the multicast group carries SRTP (guarded by this monitor, read by the writer after activation). */
    private volatile boolean multicastSecure;

    MediaSrtp srtp() {
        MediaSrtp s = srtp;
        if (s == null) {
            synchronized (this) {
                s = srtp;
                if (s == null) {
                    s = new MediaSrtp(stream.server.config().srtpProfile(), ssrcs(new long[0]));
                    srtp = s;
                }
            }
        }
        return s;
    }

    StreamStats.MediaStats stats() {
        List<StreamStats.FormatStats> fs = new ArrayList<>();
        for (StreamFormat f : formats) {
            fs.add(new StreamStats.FormatStats(f.payloadType, f.localSsrc, f.written));
        }
        long bytes = outboundBytes.get();
        long rtp = outboundRtp.get();
        long dropped = 0;
        for (LoopReaders l : loops) {
            bytes += l.sentBytes();
            rtp += l.sentRtp();
            dropped += l.dropped();
        }
        return new StreamStats.MediaStats(bytes, rtp, outboundRtcp.get(), dropped, List.copyOf(fs));
    }

    private static boolean contains(long[] a, long v) {
        for (long x : a) {
            if (x == v) {
                return true;
            }
        }
        return false;
    }

    private static long[] append(long[] a, long v) {
        long[] b = new long[a.length + 1];
        System.arraycopy(a, 0, b, 0, a.length);
        b[a.length] = v;
        return b;
    }
}
