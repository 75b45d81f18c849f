package io.rtsp4j.server;

import io.netty.buffer.ByteBuf;
import io.rtsp4j.rtp.RtpPacket;
import io.rtsp4j.rtp.rtcp.RtcpPacket;
import io.rtsp4j.rtp.rtcp.RtcpPackets;
import io.rtsp4j.sdp.description.Media;
import io.rtsp4j.sdp.format.MediaFormat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One media of a {@link ServerStream} and its fan-out: the formats (with their SSRCs and sender reports), the
 * readers that are playing it, and the multicast group when multicast readers exist.
 */
final class StreamMedia {

    /** Bytes in front of each encoded packet, where TCP readers find their {@code $} frame header. */
    static final int FRAME_HEADER = 4;

    final ServerStream stream;
    final int index;
    volatile Media media;
    /** The media the stream was created with: writers keep using it after {@code reloadDescription}. */
    final Media initialMedia;
    final StreamFormat[] formats;
    private volatile ReaderTarget[] readers = new ReaderTarget[0];
    volatile ServerStream.MulticastAddress fixedMulticast;
    private MulticastGroup multicast;
    private int multicastReaders;
    private int activeMulticastReaders;

    final AtomicLong outboundBytes = new AtomicLong();
    final AtomicLong outboundRtp = new AtomicLong();
    final AtomicLong outboundRtcp = new AtomicLong();
    final AtomicLong dropped = new AtomicLong();

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

    ReaderTarget[] readers() {
        return readers;
    }

    synchronized void addReader(ReaderTarget r) {
        ReaderTarget[] old = readers;
        ReaderTarget[] next = new ReaderTarget[old.length + 1];
        System.arraycopy(old, 0, next, 0, old.length);
        next[old.length] = r;
        readers = next;
    }

    synchronized void removeReader(ReaderTarget r) {
        ReaderTarget[] old = readers;
        List<ReaderTarget> keep = new ArrayList<>(old.length);
        for (ReaderTarget t : old) {
            if (t != r) {
                keep.add(t);
            }
        }
        readers = keep.toArray(new ReaderTarget[0]);
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

        // Encode once, with room for the interleaved header in front; the stream's SSRC replaces the caller's in
        // this shared copy only.
        ByteBuf buf = stream.server.allocator().directBuffer(FRAME_HEADER + size);
        ByteBuf secure = null; // the SRTP copy, protected once for every secure reader when the first needs it
        try {
            // Channel 2N is what FFmpeg, GStreamer and VLC ask for media N: most readers share this header.
            buf.writeByte('$').writeByte((2 * index) & 0xff).writeShort(size);
            packet.encodeTo(buf);
            buf.setInt(FRAME_HEADER + 8, (int) f.localSsrc);
            ReaderTarget[] rs = readers;
            for (ReaderTarget r : rs) {
                boolean sent;
                if (r.media.srtp == null) {
                    sent = r.sendRtp(buf, size);
                } else {
                    secure = secure != null ? secure : protectFramed(buf, size);
                    sent = secure != PROTECTION_FAILED && r.sendRtp(secure, secure.readableBytes() - FRAME_HEADER);
                }
                if (sent) {
                    outboundRtp.incrementAndGet();
                    outboundBytes.addAndGet(size);
                } else {
                    dropped.incrementAndGet();
                }
                if (randomAccess && r.needsSenderReport && !stream.server.config().disableSenderReports()) {
                    ByteBuf sr = stream.senderReportFor(f);
                    if (sr != null) {
                        r.needsSenderReport = false;
                        sendRtcpTo(r, sr);
                    }
                }
            }
            MulticastGroup g = activeMulticast();
            if (g != null) {
                if (multicastSecure) {
                    secure = secure != null ? secure : protectFramed(buf, size);
                }
                if (!multicastSecure) {
                    g.sendRtp(buf.retainedSlice(FRAME_HEADER, size));
                } else if (secure != PROTECTION_FAILED) {
                    g.sendRtp(secure.retainedSlice(FRAME_HEADER, secure.readableBytes() - FRAME_HEADER));
                }
                outboundRtp.incrementAndGet();
                outboundBytes.addAndGet(size);
                if (randomAccess && g.needsSenderReport && !stream.server.config().disableSenderReports()) {
                    ByteBuf sr = stream.senderReportFor(f);
                    if (sr != null) {
                        g.needsSenderReport = false;
                        if (!multicastSecure) {
                            g.sendRtcp(sr);
                        } else {
                            ByteBuf protectedSr = protectRtcp(sr);
                            sr.release();
                            if (protectedSr != PROTECTION_FAILED) {
                                g.sendRtcp(protectedSr);
                            }
                        }
                    }
                }
            }
        } finally {
            buf.release();
            if (secure != null && secure != PROTECTION_FAILED) {
                secure.release();
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
        ByteBuf secure = null; // the SRTCP copy, protected once for every secure reader
        try {
            for (ReaderTarget r : readers) {
                if (r.media.srtp == null) {
                    r.sendRtcp(buf);
                } else {
                    secure = secure != null ? secure : protectRtcp(buf);
                    if (secure != PROTECTION_FAILED) {
                        r.sendRtcp(secure);
                    }
                }
                outboundRtcp.incrementAndGet();
                outboundBytes.addAndGet(size);
            }
            MulticastGroup g = activeMulticast();
            if (g != null) {
                if (multicastSecure) {
                    secure = secure != null ? secure : protectRtcp(buf);
                }
                if (!multicastSecure) {
                    g.sendRtcp(buf.retainedDuplicate());
                } else if (secure != PROTECTION_FAILED) {
                    g.sendRtcp(secure.retainedDuplicate());
                }
                outboundRtcp.incrementAndGet();
                outboundBytes.addAndGet(size);
            }
        } finally {
            buf.release();
            if (secure != null && secure != PROTECTION_FAILED) {
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
                    : stream.server.multicastAllocator().allocate();
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

    /** Marks a failed protection within one write, so that it is tried once per packet, not once per reader. */
    private static final ByteBuf PROTECTION_FAILED = io.netty.buffer.Unpooled.EMPTY_BUFFER;

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
                    s = new MediaSrtp(MediaSrtp.profile(stream.server), ssrcs(new long[0]));
                    srtp = s;
                }
            }
        }
        return s;
    }


    private ByteBuf protectFramed(ByteBuf framed, int size) {
        ByteBuf out = srtp().protectFramed(stream.server.allocator(), framed, size);
        return out == null ? PROTECTION_FAILED : out;
    }

    private ByteBuf protectRtcp(ByteBuf plain) {
        ByteBuf out = srtp().protectRtcp(stream.server.allocator(), plain);
        return out == null ? PROTECTION_FAILED : out;
    }

    /** A reader's own sender report, protected for a secure reader; takes ownership of {@code sr}. */
    private void sendRtcpTo(ReaderTarget r, ByteBuf sr) {
        try {
            if (r.media.srtp == null) {
                r.sendRtcp(sr);
                return;
            }
            ByteBuf out = protectRtcp(sr);
            if (out != PROTECTION_FAILED) {
                try {
                    r.sendRtcp(out);
                } finally {
                    out.release();
                }
            }
        } finally {
            sr.release();
        }
    }

    StreamStats.MediaStats stats() {
        List<StreamStats.FormatStats> fs = new ArrayList<>();
        for (StreamFormat f : formats) {
            fs.add(new StreamStats.FormatStats(f.payloadType, f.localSsrc, f.written));
        }
        return new StreamStats.MediaStats(outboundBytes.get(), outboundRtp.get(), outboundRtcp.get(), dropped.get(),
                List.copyOf(fs));
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
