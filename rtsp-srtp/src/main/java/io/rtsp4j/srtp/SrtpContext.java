package io.rtsp4j.srtp;

import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * An SRTP/SRTCP cryptographic context for one direction: it protects what one side sends, or unprotects what
 * it receives, for any number of SSRCs keyed by one master key (RFC 3711 §3.2).
 *
 * <p>Session keys are derived once at creation (RFC 3711 §4.3, key derivation rate 0). Per SSRC the context
 * keeps the rollover counter (ROC) and highest sequence number, from which it guesses each packet's 48-bit
 * index (RFC 3711 §3.3.1), a replay window over those indexes, the SRTCP index to send next and a replay
 * window over received SRTCP indexes. Use one context per direction: a context that both protects and
 * unprotects the same SSRC would take its own packets for replays.
 *
 * <h2>Buffers</h2>
 * All four methods work in place on the readable bytes of the buffer, which hold exactly one packet. They do
 * not take ownership: they neither retain nor release the buffer, and the caller keeps owning it.
 * <ul>
 *   <li>{@code protect*}: on {@link SrtpResult#OK} the payload is replaced by its cipher text, the trailer
 *       (SRTCP E flag and index, MKI, tag) is written after it, the reader index is unchanged and the writer
 *       index has grown by {@link #rtpOverhead()} / {@link #rtcpOverhead()}. That many bytes must be writable:
 *       if {@code writableBytes()} is smaller, the method calls {@code ensureWritable}, which may reallocate
 *       the buffer's memory (a copy, and any array or memory address the caller took before is stale). To stay
 *       allocation-free, allocate packets with that much spare capacity (or {@link SrtpProfile#MAX_RTP_OVERHEAD}).
 *       If the buffer is read-only or cannot grow (a slice, or one at its maximum capacity), the result is
 *       {@link SrtpResult#BUFFER_NOT_WRITABLE}.</li>
 *   <li>{@code unprotect*}: on {@link SrtpResult#OK} the payload is plain text, the reader index is unchanged
 *       and the writer index has shrunk by the overhead; the bytes after the new writer index keep the old
 *       trailer.</li>
 *   <li>On any other result the buffer is unchanged: content, indexes and capacity.</li>
 * </ul>
 * Heap buffers are transformed directly in their backing array; direct and composite buffers are copied into a
 * scratch array of the context and back.
 *
 * <h2>Failures</h2>
 * Malformed, forged, replayed and unexpected packets are {@link SrtpResult} values to count, never
 * exceptions. Only programming errors throw ({@code NullPointerException} for a null buffer, Netty's
 * exceptions for a released buffer).
 *
 * <h2>Threads</h2>
 * Not thread-safe: a context holds per-SSRC state and reusable cipher objects. Confine it to one thread (for
 * example the event loop of its session) or guard it with a lock.
 */
public final class SrtpContext {

    private static final int RTP_HEADER_LENGTH = 12;
    private static final int RTCP_HEADER_LENGTH = 8;
    private static final long MAX_SRTCP_INDEX = 0x7FFF_FFFFL;

    private final SrtpProfile profile;
    private final SrtpTransform transform;
    private final byte[] mki;
    private final int rtpOverhead;
    private final int rtcpOverhead;
    /** Distance from the end of an SRTCP packet to its E + index word (MKI and, for AES-CM, tag). */
    private final int rtcpTrailerFromEnd;
    /** Distance from the end of a packet to the MKI: the tag for AES-CM, nothing for AEAD. */
    private final int mkiFromEndRtp;
    private final int mkiFromEndRtcp;
    private final SrtpOptions options;
    private final StreamStateTable states;
    private byte[] scratch = new byte[0];

    SrtpContext(SrtpProfile profile, SrtpTransform transform, byte[] mki, List<SrtpStream> streams,
            SrtpOptions options) {
        this.profile = profile;
        this.transform = transform;
        this.mki = mki;
        this.options = options;
        this.rtpOverhead = profile.rtpOverhead() + mki.length;
        this.rtcpOverhead = profile.rtcpOverhead() + mki.length;
        this.mkiFromEndRtp = mki.length + (profile.isAead() ? 0 : profile.rtpAuthTagLength());
        this.mkiFromEndRtcp = mki.length + (profile.isAead() ? 0 : profile.rtcpAuthTagLength());
        this.rtcpTrailerFromEnd = mkiFromEndRtcp + SrtpProfile.SRTCP_INDEX_LENGTH;
        this.states = new StreamStateTable(options.maxSsrcs());
        for (SrtpStream stream : streams) {
            int ssrc = (int) stream.ssrc();
            if (states.find(ssrc) == null) {
                states.add(new StreamState(ssrc, stream.rolloverCounter(), options.replayWindow()));
            }
        }
    }

    /**
     * Creates a context with the default {@link SrtpOptions}.
     *
     * @param keys the negotiated key material
     * @return a new context
     */
    public static SrtpContext create(SrtpKeyMaterial keys) {
        return create(keys, SrtpOptions.defaults());
    }

    /**
     * Creates a context: derives the session keys and seeds the announced streams' rollover counters.
     *
     * @param keys the negotiated key material
     * @param options local policy
     * @return a new context
     */
    public static SrtpContext create(SrtpKeyMaterial keys, SrtpOptions options) {
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(options, "options");
        SrtpProfile profile = keys.profile();
        SessionKeys rtp = SessionKeys.derive(profile, keys.masterKeyRef(), keys.masterSaltRef(), false);
        SessionKeys rtcp = SessionKeys.derive(profile, keys.masterKeyRef(), keys.masterSaltRef(), true);
        SrtpTransform transform = profile.isAead()
                ? new AesGcmTransform(rtp, rtcp, keys.mkiRef(), keys.rtpEncryption(), keys.rtcpEncryption())
                : new AesCmHmacTransform(profile, rtp, rtcp, keys.mkiRef(), keys.rtpEncryption(),
                        keys.rtcpEncryption());
        return new SrtpContext(profile, transform, keys.mkiRef(), keys.streams(), options);
    }

    /**
     * The protection profile.
     *
     * @return the profile
     */
    public SrtpProfile profile() {
        return profile;
    }

    /**
     * Bytes {@link #protectRtp(ByteBuf)} adds: tag plus MKI.
     *
     * @return the SRTP overhead, e.g. 10 for AES_CM_128_HMAC_SHA1_80 without MKI
     */
    public int rtpOverhead() {
        return rtpOverhead;
    }

    /**
     * Bytes {@link #protectRtcp(ByteBuf)} adds: E flag and index word, tag and MKI.
     *
     * @return the SRTCP overhead, e.g. 14 for AES_CM_128_HMAC_SHA1_80 without MKI
     */
    public int rtcpOverhead() {
        return rtcpOverhead;
    }

    /**
     * Protects one RTP packet in place (see the class description for what happens to the buffer).
     *
     * @param packet the RTP packet as its readable bytes; not retained or released
     * @return {@link SrtpResult#OK}, or why the packet was left unchanged
     */
    public SrtpResult protectRtp(ByteBuf packet) {
        int start = packet.readerIndex();
        int length = packet.readableBytes();
        if (length < RTP_HEADER_LENGTH) {
            return SrtpResult.TOO_SHORT;
        }
        int first = packet.getUnsignedByte(start);
        if ((first >>> 6) != 2) {
            return SrtpResult.MALFORMED;
        }
        int headerLength = rtpHeaderLength(packet, start, first, length);
        if (headerLength < 0) {
            return SrtpResult.TOO_SHORT;
        }
        int seq = packet.getUnsignedShort(start + 2);
        int ssrc = packet.getInt(start + 8);
        StreamState state = states.find(ssrc);
        long index;
        if (state == null) {
            if (options.knownSsrcsOnly() || states.isFull()) {
                return SrtpResult.UNKNOWN_SSRC;
            }
            index = seq;
        } else {
            index = state.estimateRtpIndex(seq);
            if (index < 0) {
                return index == StreamState.INDEX_EXHAUSTED ? SrtpResult.INDEX_EXHAUSTED : SrtpResult.REPLAYED;
            }
            if (!state.rtpWindow.check(index)) {
                return SrtpResult.REPLAYED;
            }
        }
        if (!makeRoom(packet, rtpOverhead)) {
            return SrtpResult.BUFFER_NOT_WRITABLE;
        }
        int payloadLength = length - headerLength;
        int newLength;
        if (packet.hasArray()) {
            newLength = transform.protectRtp(packet.array(), packet.arrayOffset() + start, headerLength,
                    payloadLength, ssrc, index);
        } else {
            byte[] buf = scratch(length + rtpOverhead);
            packet.getBytes(start, buf, 0, length);
            newLength = transform.protectRtp(buf, 0, headerLength, payloadLength, ssrc, index);
            if (newLength > 0) {
                packet.setBytes(start, buf, 0, newLength);
            }
        }
        if (newLength == SrtpTransform.NONCE_REUSE) {
            return SrtpResult.REPLAYED;
        }
        packet.writerIndex(start + newLength);
        if (state == null) {
            state = states.add(new StreamState(ssrc, 0, options.replayWindow()));
        }
        state.rtpWindow.accept(index);
        return SrtpResult.OK;
    }

    /**
     * Verifies and decrypts one SRTP packet in place (see the class description for what happens to the
     * buffer).
     *
     * @param packet the SRTP packet as its readable bytes; not retained or released
     * @return {@link SrtpResult#OK}, or why the packet was rejected and left unchanged
     */
    public SrtpResult unprotectRtp(ByteBuf packet) {
        int start = packet.readerIndex();
        int length = packet.readableBytes();
        if (length < RTP_HEADER_LENGTH) {
            return SrtpResult.TOO_SHORT;
        }
        int first = packet.getUnsignedByte(start);
        if ((first >>> 6) != 2) {
            return SrtpResult.MALFORMED;
        }
        int plainLength = length - rtpOverhead;
        int headerLength = rtpHeaderLength(packet, start, first, plainLength);
        if (headerLength < 0) {
            return SrtpResult.TOO_SHORT;
        }
        if (!mkiMatches(packet, start + length - mkiFromEndRtp)) {
            return SrtpResult.UNKNOWN_MKI;
        }
        int seq = packet.getUnsignedShort(start + 2);
        int ssrc = packet.getInt(start + 8);
        StreamState state = states.find(ssrc);
        long index;
        if (state == null) {
            if (options.knownSsrcsOnly() || states.isFull()) {
                return SrtpResult.UNKNOWN_SSRC;
            }
            index = seq;
        } else {
            index = state.estimateRtpIndex(seq);
            if (index < 0) {
                return index == StreamState.INDEX_EXHAUSTED ? SrtpResult.INDEX_EXHAUSTED : SrtpResult.REPLAYED;
            }
            if (!state.rtpWindow.check(index)) {
                return SrtpResult.REPLAYED;
            }
        }
        if (packet.isReadOnly()) {
            return SrtpResult.BUFFER_NOT_WRITABLE;
        }
        int payloadLength = plainLength - headerLength;
        boolean authentic;
        if (packet.hasArray()) {
            authentic = transform.unprotectRtp(packet.array(), packet.arrayOffset() + start, headerLength,
                    payloadLength, ssrc, index);
        } else {
            byte[] buf = scratch(length);
            packet.getBytes(start, buf, 0, length);
            authentic = transform.unprotectRtp(buf, 0, headerLength, payloadLength, ssrc, index);
            if (authentic) {
                packet.setBytes(start + headerLength, buf, headerLength, payloadLength);
            }
        }
        if (!authentic) {
            return SrtpResult.AUTH_FAILED;
        }
        packet.writerIndex(start + plainLength);
        if (state == null) {
            state = states.add(new StreamState(ssrc, 0, options.replayWindow()));
        }
        state.rtpWindow.accept(index);
        return SrtpResult.OK;
    }

    /**
     * Protects one RTCP packet (or compound packet) in place, with the next SRTCP index of its sender SSRC
     * (bytes 4..7). The first packet of an SSRC gets index 0 (RFC 3711 §3.4).
     *
     * @param packet the RTCP packet as its readable bytes; not retained or released
     * @return {@link SrtpResult#OK}, or why the packet was left unchanged
     */
    public SrtpResult protectRtcp(ByteBuf packet) {
        int start = packet.readerIndex();
        int length = packet.readableBytes();
        if (length < RTCP_HEADER_LENGTH) {
            return SrtpResult.TOO_SHORT;
        }
        if ((packet.getUnsignedByte(start) >>> 6) != 2) {
            return SrtpResult.MALFORMED;
        }
        int ssrc = packet.getInt(start + 4);
        StreamState state = states.find(ssrc);
        long index = 0;
        if (state == null) {
            if (options.knownSsrcsOnly() || states.isFull()) {
                return SrtpResult.UNKNOWN_SSRC;
            }
        } else {
            index = state.nextSrtcpIndex;
            if (index > MAX_SRTCP_INDEX) {
                return SrtpResult.INDEX_EXHAUSTED;
            }
        }
        if (!makeRoom(packet, rtcpOverhead)) {
            return SrtpResult.BUFFER_NOT_WRITABLE;
        }
        int newLength;
        if (packet.hasArray()) {
            newLength = transform.protectRtcp(packet.array(), packet.arrayOffset() + start, length, ssrc, (int) index);
        } else {
            byte[] buf = scratch(length + rtcpOverhead);
            packet.getBytes(start, buf, 0, length);
            newLength = transform.protectRtcp(buf, 0, length, ssrc, (int) index);
            if (newLength > 0) {
                packet.setBytes(start, buf, 0, newLength);
            }
        }
        if (newLength == SrtpTransform.NONCE_REUSE) {
            return SrtpResult.REPLAYED;
        }
        packet.writerIndex(start + newLength);
        if (state == null) {
            state = states.add(new StreamState(ssrc, 0, options.replayWindow()));
        }
        state.nextSrtcpIndex = index + 1;
        return SrtpResult.OK;
    }

    /**
     * Verifies and, when its E flag is set, decrypts one SRTCP packet in place (see the class description for
     * what happens to the buffer). Packets with E=0 are accepted once authenticated, as libsrtp does.
     *
     * @param packet the SRTCP packet as its readable bytes; not retained or released
     * @return {@link SrtpResult#OK}, or why the packet was rejected and left unchanged
     */
    public SrtpResult unprotectRtcp(ByteBuf packet) {
        int start = packet.readerIndex();
        int length = packet.readableBytes();
        if (length < RTCP_HEADER_LENGTH) {
            return SrtpResult.TOO_SHORT;
        }
        if ((packet.getUnsignedByte(start) >>> 6) != 2) {
            return SrtpResult.MALFORMED;
        }
        int plainLength = length - rtcpOverhead;
        if (plainLength < RTCP_HEADER_LENGTH) {
            return SrtpResult.TOO_SHORT;
        }
        if (!mkiMatches(packet, start + length - mkiFromEndRtcp)) {
            return SrtpResult.UNKNOWN_MKI;
        }
        int word = packet.getInt(start + length - rtcpTrailerFromEnd);
        boolean encrypted = word < 0;
        int index = word & 0x7FFF_FFFF;
        int ssrc = packet.getInt(start + 4);
        StreamState state = states.find(ssrc);
        if (state == null) {
            if (options.knownSsrcsOnly() || states.isFull()) {
                return SrtpResult.UNKNOWN_SSRC;
            }
        } else if (!state.checkRtcp(index)) {
            return SrtpResult.REPLAYED;
        }
        if (packet.isReadOnly()) {
            return SrtpResult.BUFFER_NOT_WRITABLE;
        }
        boolean authentic;
        if (packet.hasArray()) {
            authentic = transform.unprotectRtcp(packet.array(), packet.arrayOffset() + start, plainLength, ssrc,
                    index, encrypted);
        } else {
            byte[] buf = scratch(length);
            packet.getBytes(start, buf, 0, length);
            authentic = transform.unprotectRtcp(buf, 0, plainLength, ssrc, index, encrypted);
            if (authentic) {
                packet.setBytes(start, buf, 0, plainLength);
            }
        }
        if (!authentic) {
            return SrtpResult.AUTH_FAILED;
        }
        packet.writerIndex(start + plainLength);
        if (state == null) {
            state = states.add(new StreamState(ssrc, 0, options.replayWindow()));
        }
        state.rtcpWindow().accept(index);
        return SrtpResult.OK;
    }

    /**
     * The current rollover counter of an SSRC: the ROC of the highest packet index protected or accepted, or
     * the announced one before the first packet. A server announces it in MIKEY when readers join late.
     *
     * @param ssrc the SSRC, an unsigned 32-bit value
     * @return the ROC, or empty when the context has no state for the SSRC
     */
    public OptionalLong rolloverCounter(long ssrc) {
        StreamState state = states.find((int) ssrc);
        return state == null ? OptionalLong.empty() : OptionalLong.of(state.rolloverCounter());
    }

    /**
     * Every SSRC the context tracks, with its current rollover counter.
     *
     * @return a new list
     */
    public List<SrtpStream> streams() {
        List<SrtpStream> out = new ArrayList<>(states.size());
        for (int i = 0; i < states.size(); i++) {
            StreamState state = states.get(i);
            out.add(new SrtpStream(state.ssrc & 0xFFFF_FFFFL, state.rolloverCounter()));
        }
        return out;
    }

    /**
     * Drops the state of an SSRC (for example after an RTCP BYE), freeing its slot under
     * {@link SrtpOptions#maxSsrcs()}. A later packet of that SSRC starts afresh, with ROC 0.
     *
     * @param ssrc the SSRC, an unsigned 32-bit value
     * @return whether the context had state for it
     */
    public boolean removeSsrc(long ssrc) {
        return states.remove((int) ssrc);
    }

    /** Test hook: the RFC 7714 vectors start with a given SRTCP index. */
    void setNextSrtcpIndex(long ssrc, long index) {
        StreamState state = states.find((int) ssrc);
        if (state == null) {
            state = states.add(new StreamState((int) ssrc, 0, options.replayWindow()));
        }
        state.nextSrtcpIndex = index;
    }

    /**
     * Length of the RTP header with CSRCs and header extension, or -1 when it does not fit in {@code limit}.
     */
    private static int rtpHeaderLength(ByteBuf packet, int start, int first, int limit) {
        int length = RTP_HEADER_LENGTH + 4 * (first & 0x0F);
        if (length > limit) {
            return -1;
        }
        if ((first & 0x10) != 0) {
            if (length + 4 > limit) {
                return -1;
            }
            length += 4 + 4 * packet.getUnsignedShort(start + length + 2);
            if (length > limit) {
                return -1;
            }
        }
        return length;
    }

    private boolean mkiMatches(ByteBuf packet, int at) {
        for (int i = 0; i < mki.length; i++) {
            if (packet.getByte(at + i) != mki[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean makeRoom(ByteBuf packet, int overhead) {
        if (packet.isReadOnly()) {
            return false;
        }
        if (packet.writableBytes() >= overhead) {
            return true;
        }
        int outcome = packet.ensureWritable(overhead, false);
        return outcome == 0 || outcome == 2;
    }

    private byte[] scratch(int length) {
        if (scratch.length < length) {
            scratch = new byte[Math.max(length, 2048)];
        }
        return scratch;
    }

    @Override
    public String toString() {
        return "SrtpContext{" + profile + ", mki=" + mki.length + " bytes, ssrcs=" + states.size() + ", " + options
                + '}';
    }
}
