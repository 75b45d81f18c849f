package io.rtsp4j.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.rtsp4j.srtp.SrtpContext;
import io.rtsp4j.srtp.SrtpKeyMaterial;
import io.rtsp4j.srtp.SrtpProfile;
import io.rtsp4j.srtp.SrtpResult;
import io.rtsp4j.srtp.SrtpStream;
import io.rtsp4j.srtp.mikey.MikeyMessage;
import io.rtsp4j.srtp.mikey.MikeySrtp;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbound SRTP side of one stream media: its master key (one per stream media, shared by every secure
 * reader and the secure multicast group, announced in DESCRIBE and in the SETUP answer) and the context that
 * protects each packet once for all of them.
 *
 * <p>The stream's writer thread, the sender-report timer and direct session writes all protect with the same
 * context, which is not thread-safe: every use holds this object's monitor (short: one AES-CM + HMAC pass).
 */
final class MediaSrtp {

    private static final Logger LOG = LoggerFactory.getLogger(MediaSrtp.class);

    /** Key generation: the JDK's default strong-enough generator, shared (SecureRandom is thread-safe). */
    static final SecureRandom RANDOM = new SecureRandom();

    private final SrtpKeyMaterial key;
    private final SrtpContext context;
    private final long[] ssrcs;
    private long lastFailureLogNanos;

    MediaSrtp(SrtpProfile profile, long[] ssrcs) {
        this.key = SrtpKeyMaterial.generate(profile, RANDOM);
        this.context = SrtpContext.create(key);
        this.ssrcs = ssrcs.clone();
    }

    /**
     * The MIKEY message announcing the key (for {@code a=key-mgmt} and the {@code KeyMgmt} header):
     * made fresh for each request, so that its timestamp is current (receivers accept ±1 h) and its SRTP-ID map
     * carries each SSRC's current rollover counter for readers that join late.
     */
    synchronized MikeyMessage mikey(Clock clock) {
        List<SrtpStream> streams = new ArrayList<>(ssrcs.length);
        for (long ssrc : ssrcs) {
            streams.add(new SrtpStream(ssrc, context.rolloverCounter(ssrc).orElse(0)));
        }
        return MikeySrtp.forSrtp(key, streams, clock, RANDOM);
    }

    /**
     * The protected copy of a framed RTP packet: a new buffer with the same {@code $} header (length updated)
     * followed by the SRTP packet, or {@code null} when protection failed (logged, at most once per second).
     *
     * @param framed the plain packet at offset {@link StreamMedia#FRAME_HEADER}; not retained or released
     * @param size the plain RTP packet size
     */
    ByteBuf protectFramed(ByteBufAllocator alloc, ByteBuf framed, int size) {
        ByteBuf out = protect(alloc, framed, StreamMedia.FRAME_HEADER, size, true);
        if (out != null) {
            out.setShort(2, size + context.rtpOverhead());
        }
        return out;
    }

    /**
     * The protected copy of an RTCP compound packet, or {@code null} when protection failed.
     *
     * @param plain the packet as its readable bytes; not retained or released
     */
    ByteBuf protectRtcp(ByteBufAllocator alloc, ByteBuf plain) {
        return protect(alloc, plain, 0, plain.readableBytes(), false);
    }

    /** Protects an unframed RTP packet into a new buffer; {@code null} on failure. Does not take ownership. */
    ByteBuf protectRtp(ByteBufAllocator alloc, ByteBuf plain) {
        return protect(alloc, plain, 0, plain.readableBytes(), true);
    }

    /** {@link #protectRtcp} that takes ownership of {@code plain}: releases it and returns the copy (or null). */
    ByteBuf protectRtcpReleasing(ByteBufAllocator alloc, ByteBuf plain) {
        try {
            return protectRtcp(alloc, plain);
        } finally {
            plain.release();
        }
    }

    /** {@link #protectRtp} that takes ownership of {@code plain}: releases it and returns the copy (or null). */
    ByteBuf protectRtpReleasing(ByteBufAllocator alloc, ByteBuf plain) {
        try {
            return protectRtp(alloc, plain);
        } finally {
            plain.release();
        }
    }

    /**
     * Copies {@code header} bytes then a {@code size}-byte packet from {@code src}'s reader index into a new buffer
     * with room for the SRTP/SRTCP overhead and protects the packet in place (the header is copied as is);
     * {@code null} on failure (logged at most once per second). Does not take ownership of {@code src}.
     */
    private ByteBuf protect(ByteBufAllocator alloc, ByteBuf src, int header, int size, boolean rtp) {
        int overhead = rtp ? context.rtpOverhead() : context.rtcpOverhead();
        ByteBuf out = alloc.directBuffer(header + size + overhead);
        out.writeBytes(src, src.readerIndex(), header + size);
        out.readerIndex(header);
        SrtpResult r;
        synchronized (this) {
            r = rtp ? context.protectRtp(out) : context.protectRtcp(out);
        }
        if (!r.isOk()) {
            out.release();
            failed(rtp ? "RTP" : "RTCP", r);
            return null;
        }
        out.readerIndex(0);
        return out;
    }

    private void failed(String what, SrtpResult r) {
        long now = System.nanoTime();
        synchronized (this) {
            if (now - lastFailureLogNanos < 1_000_000_000L && lastFailureLogNanos != 0) {
                return;
            }
            lastFailureLogNanos = now;
        }
        // REPLAYED: the same sequence number written twice (e.g. direct writes mixed with stream writes).
        LOG.warn("SRTP protection of an outbound {} packet failed: {} (packet not sent to secure readers)", what, r);
    }

    /** The key (tests). */
    SrtpKeyMaterial key() {
        return key;
    }
}
