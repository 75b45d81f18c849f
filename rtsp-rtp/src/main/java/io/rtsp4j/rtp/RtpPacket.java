package io.rtsp4j.rtp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufHolder;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * An RTP packet (RFC 3550 section 5.1): the fixed header, CSRCs, an optional header extension (RFC 8285 one-byte
 * and two-byte forms, or any other profile kept as raw bytes), padding and the payload.
 *
 * <h2>Ownership</h2>
 * A packet owns one reference to the buffer holding its payload and is itself reference counted
 * ({@link ByteBufHolder}): whoever holds a packet must {@link #release()} it once. {@link #decode(ByteBuf)} does not
 * copy the payload: the packet retains the decoded buffer and reads the payload from it, so the buffer's memory
 * stays alive (and must not be modified) until the packet is released; no derived buffer is created unless
 * {@link #payload()} is called. Header fields are immutable values; the payload bytes are shared with whoever else
 * holds the underlying buffer.
 *
 * <h2>Numbers</h2>
 * Unsigned 32-bit header fields (timestamp, SSRC, CSRCs) are exposed as {@code long} values in
 * {@code 0..0xFFFFFFFF}; the sequence number as an {@code int} in {@code 0..0xFFFF}.
 *
 * <h2>Thread safety</h2>
 * The header is immutable; reference counting is thread-safe as in Netty. The payload readers/writer indexes are
 * not: do not read the same payload from several threads without {@link ByteBuf#duplicate() duplicating} it.
 */
public final class RtpPacket implements ByteBufHolder {

    /** The only RTP version defined (RFC 3550). */
    public static final int VERSION = 2;
    /** Size of the fixed RTP header in bytes. */
    public static final int FIXED_HEADER_SIZE = 12;
    /** Maximum number of contributing sources in one header. */
    public static final int MAX_CSRC_COUNT = 15;
    /** Profile value of the RFC 8285 one-byte header extension form. */
    public static final int EXTENSION_PROFILE_ONE_BYTE = 0xBEDE;
    /** Profile value of the RFC 8285 two-byte header extension form (the low 4 bits are application bits). */
    public static final int EXTENSION_PROFILE_TWO_BYTE = 0x1000;
    /** Marks a packet without header extension in {@link #extensionProfile()}. */
    public static final int NO_EXTENSION = -1;

    private static final int[] NO_CSRCS = new int[0];
    private static final byte[] NO_BYTES = new byte[0];

    private final int version;
    private final boolean marker;
    private final int payloadType;
    private final int sequenceNumber;
    private final int timestamp;
    private final int ssrc;
    private final int[] csrcs;
    private final int extensionProfile;
    private final byte[] extensionData;
    private final int paddingSize;
    /** The buffer this packet holds one reference to; the payload is {@code [payloadOffset, +payloadLength)}. */
    private final ByteBuf data;
    private final int payloadOffset;
    private final int payloadLength;
    /** Lazily created view of the payload region (creating it per packet would cost a relay an allocation). */
    private ByteBuf payloadView;

    private RtpPacket(int version, boolean marker, int payloadType, int sequenceNumber, int timestamp, int ssrc,
            int[] csrcs, int extensionProfile, byte[] extensionData, int paddingSize, ByteBuf data,
            int payloadOffset, int payloadLength) {
        this.version = version;
        this.marker = marker;
        this.payloadType = payloadType;
        this.sequenceNumber = sequenceNumber;
        this.timestamp = timestamp;
        this.ssrc = ssrc;
        this.csrcs = csrcs;
        this.extensionProfile = extensionProfile;
        this.extensionData = extensionData;
        this.paddingSize = paddingSize;
        this.data = data;
        this.payloadOffset = payloadOffset;
        this.payloadLength = payloadLength;
    }

    private RtpPacket(RtpPacket header, ByteBuf payload) {
        this(header.version, header.marker, header.payloadType, header.sequenceNumber, header.timestamp, header.ssrc,
                header.csrcs, header.extensionProfile, header.extensionData, header.paddingSize, payload,
                payload.readerIndex(), payload.readableBytes());
    }

    /**
     * Decodes the readable bytes of {@code buf} as one RTP packet.
     *
     * <p>Does not take ownership of {@code buf} and does not move its indexes. The returned packet
     * {@linkplain ByteBuf#retain() retains} {@code buf} and reads its payload from it (no copy, no derived buffer
     * on this path): release the packet when done; the caller still releases {@code buf} as before. Do not modify
     * or reuse the bytes of {@code buf} while the packet is alive. Padding is removed from the payload and
     * remembered in {@link #paddingSize()}.
     *
     * @param buf a buffer holding exactly one packet between its reader and writer index
     * @return the packet, owning one reference to its payload
     * @throws RtpDecodeException if the packet is too short, not version 2, or its CSRC list, extension or
     *         padding do not fit the buffer
     */
    public static RtpPacket decode(ByteBuf buf) throws RtpDecodeException {
        int start = buf.readerIndex();
        int end = buf.writerIndex();
        int length = end - start;
        if (length < FIXED_HEADER_SIZE) {
            throw new RtpDecodeException("RTP packet too short: " + length + " bytes, the fixed header needs "
                    + FIXED_HEADER_SIZE);
        }
        // two reads for the fixed header: V P X CC | M PT | sequence | timestamp, then SSRC
        long first = buf.getLong(start);
        int b0 = (int) (first >>> 56) & 0xFF;
        int version = b0 >>> 6;
        if (version != VERSION) {
            throw new RtpDecodeException("unsupported RTP version " + version + ", expected 2");
        }
        int b1 = (int) (first >>> 48) & 0xFF;
        int csrcCount = b0 & 0x0F;
        int pos = start + FIXED_HEADER_SIZE;
        int[] csrcs = NO_CSRCS;
        if (csrcCount > 0) {
            if (end - pos < 4 * csrcCount) {
                throw new RtpDecodeException("RTP packet too short for its " + csrcCount + " CSRCs: " + length
                        + " bytes");
            }
            csrcs = new int[csrcCount];
            for (int i = 0; i < csrcCount; i++) {
                csrcs[i] = buf.getInt(pos);
                pos += 4;
            }
        }
        int extensionProfile = NO_EXTENSION;
        byte[] extensionData = NO_BYTES;
        if ((b0 & 0x10) != 0) {
            if (end - pos < 4) {
                throw new RtpDecodeException("RTP packet too short for its header extension header at offset "
                        + (pos - start));
            }
            extensionProfile = buf.getUnsignedShort(pos);
            int extLength = 4 * buf.getUnsignedShort(pos + 2);
            pos += 4;
            if (end - pos < extLength) {
                throw new RtpDecodeException("RTP header extension of " + extLength + " bytes at offset "
                        + (pos - start) + " exceeds the packet (" + length + " bytes)");
            }
            extensionData = new byte[extLength];
            buf.getBytes(pos, extensionData);
            pos += extLength;
            checkExtensionElements(extensionProfile, extensionData);
        }
        int paddingSize = 0;
        if ((b0 & 0x20) != 0) {
            if (end == pos) {
                throw new RtpDecodeException("RTP padding bit set but no payload left for the padding count");
            }
            paddingSize = buf.getUnsignedByte(end - 1);
            if (paddingSize == 0 || paddingSize > end - pos) {
                throw new RtpDecodeException("invalid RTP padding size " + paddingSize + " for a payload of "
                        + (end - pos) + " bytes");
            }
        }
        RtpPacket packet = new RtpPacket(version, (b1 & 0x80) != 0, b1 & 0x7F, (int) (first >>> 32) & 0xFFFF,
                (int) first, buf.getInt(start + 8), csrcs, extensionProfile, extensionData, paddingSize, buf, pos,
                end - paddingSize - pos);
        buf.retain();
        return packet;
    }

    private static void checkExtensionElements(int profile, byte[] data) throws RtpDecodeException {
        if (profile == EXTENSION_PROFILE_ONE_BYTE) {
            int i = 0;
            while (i < data.length) {
                int b = data[i] & 0xFF;
                if (b == 0) {
                    i++;
                    continue;
                }
                int id = b >>> 4;
                if (id == 15) {
                    return; // RFC 8285: stop parsing at the reserved id 15
                }
                int len = (b & 0x0F) + 1;
                if (i + 1 + len > data.length) {
                    throw new RtpDecodeException("one-byte header extension element id " + id + " of " + len
                            + " bytes at offset " + i + " exceeds the extension (" + data.length + " bytes)");
                }
                i += 1 + len;
            }
        } else if ((profile & 0xFFF0) == EXTENSION_PROFILE_TWO_BYTE) {
            int i = 0;
            while (i < data.length) {
                int id = data[i] & 0xFF;
                if (id == 0) {
                    i++;
                    continue;
                }
                if (i + 2 > data.length) {
                    throw new RtpDecodeException("two-byte header extension element id " + id + " at offset " + i
                            + " has no length byte");
                }
                int len = data[i + 1] & 0xFF;
                if (i + 2 + len > data.length) {
                    throw new RtpDecodeException("two-byte header extension element id " + id + " of " + len
                            + " bytes at offset " + i + " exceeds the extension (" + data.length + " bytes)");
                }
                i += 2 + len;
            }
        }
    }

    /**
     * Starts building a packet (version 2, no marker, payload type 0, no payload unless set).
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder initialised with this packet's fields and a {@linkplain ByteBuf#retainedDuplicate() retained
     * duplicate} of its payload, so the packet built from it owns its own reference.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.version = version;
        b.marker = marker;
        b.payloadType = payloadType;
        b.sequenceNumber = sequenceNumber;
        b.timestamp = timestamp;
        b.ssrc = ssrc;
        b.csrcs = csrcs;
        b.extensionProfile = extensionProfile;
        b.extensionData = extensionData;
        b.paddingSize = paddingSize;
        b.payload = data.retainedSlice(payloadOffset, payloadLength);
        return b;
    }

    /**
     * A packet with another SSRC sharing this packet's payload, with its own reference (this packet is unchanged
     * and still needs its own release). Cheap: no buffer is copied or sliced, e.g. for a server that stamps its
     * local SSRC on relayed packets.
     *
     * @param newSsrc the SSRC, 0..0xFFFFFFFF (low 32 bits used)
     * @return the new packet
     */
    public RtpPacket withSsrc(long newSsrc) {
        data.retain();
        return new RtpPacket(version, marker, payloadType, sequenceNumber, timestamp, (int) newSsrc, csrcs,
                extensionProfile, extensionData, paddingSize, data, payloadOffset, payloadLength);
    }

    /**
     * A packet with another sequence number sharing this packet's payload, with its own reference.
     *
     * @param newSequenceNumber the sequence number (low 16 bits used)
     * @return the new packet
     */
    public RtpPacket withSequenceNumber(int newSequenceNumber) {
        data.retain();
        return new RtpPacket(version, marker, payloadType, newSequenceNumber & 0xFFFF, timestamp, ssrc, csrcs,
                extensionProfile, extensionData, paddingSize, data, payloadOffset, payloadLength);
    }

    /**
     * The RTP version; always 2 for decoded packets.
     *
     * @return 0..3
     */
    public int version() {
        return version;
    }

    /**
     * The marker bit (end of an access unit for video).
     *
     * @return the marker bit
     */
    public boolean marker() {
        return marker;
    }

    /**
     * The payload type.
     *
     * @return 0..127
     */
    public int payloadType() {
        return payloadType;
    }

    /**
     * The sequence number.
     *
     * @return 0..65535
     */
    public int sequenceNumber() {
        return sequenceNumber;
    }

    /**
     * The RTP timestamp.
     *
     * @return 0..0xFFFFFFFF
     */
    public long timestamp() {
        return timestamp & 0xFFFFFFFFL;
    }

    /**
     * The synchronization source identifier.
     *
     * @return 0..0xFFFFFFFF
     */
    public long ssrc() {
        return ssrc & 0xFFFFFFFFL;
    }

    /**
     * The number of contributing sources.
     *
     * @return 0..15
     */
    public int csrcCount() {
        return csrcs.length;
    }

    /**
     * One contributing source identifier.
     *
     * @param index 0..{@link #csrcCount()}-1
     * @return 0..0xFFFFFFFF
     */
    public long csrc(int index) {
        return csrcs[index] & 0xFFFFFFFFL;
    }

    /**
     * The contributing source identifiers.
     *
     * @return a new list, empty when there are none
     */
    public List<Long> csrcs() {
        List<Long> list = new ArrayList<>(csrcs.length);
        for (int c : csrcs) {
            list.add(c & 0xFFFFFFFFL);
        }
        return list;
    }

    /**
     * Whether the header carries an extension (X bit).
     *
     * @return true if there is a header extension
     */
    public boolean hasExtension() {
        return extensionProfile != NO_EXTENSION;
    }

    /**
     * The 16-bit profile of the header extension, e.g. {@link #EXTENSION_PROFILE_ONE_BYTE}.
     *
     * @return 0..0xFFFF, or {@link #NO_EXTENSION}
     */
    public int extensionProfile() {
        return extensionProfile;
    }

    /**
     * The raw header extension data (after the 4-byte extension header, a multiple of 4 bytes).
     *
     * @return a copy, empty without extension
     */
    public byte[] extensionData() {
        return extensionData.clone();
    }

    /**
     * The RFC 8285 elements of a one-byte or two-byte header extension, in wire order (padding skipped).
     *
     * @return the elements; empty when there is no extension or its profile is neither form
     */
    public List<RtpHeaderExtension> headerExtensions() {
        if (extensionProfile == EXTENSION_PROFILE_ONE_BYTE) {
            List<RtpHeaderExtension> list = new ArrayList<>();
            int i = 0;
            while (i < extensionData.length) {
                int b = extensionData[i] & 0xFF;
                if (b == 0) {
                    i++;
                    continue;
                }
                if (b >>> 4 == 15) {
                    break;
                }
                int len = (b & 0x0F) + 1;
                if (b >>> 4 != 0) { // id 0 is reserved: skipped like padding
                    list.add(new RtpHeaderExtension(b >>> 4, Arrays.copyOfRange(extensionData, i + 1, i + 1 + len)));
                }
                i += 1 + len;
            }
            return list;
        }
        if (extensionProfile != NO_EXTENSION && (extensionProfile & 0xFFF0) == EXTENSION_PROFILE_TWO_BYTE) {
            List<RtpHeaderExtension> list = new ArrayList<>();
            int i = 0;
            while (i < extensionData.length) {
                int id = extensionData[i] & 0xFF;
                if (id == 0) {
                    i++;
                    continue;
                }
                int len = extensionData[i + 1] & 0xFF;
                list.add(new RtpHeaderExtension(id, Arrays.copyOfRange(extensionData, i + 2, i + 2 + len)));
                i += 2 + len;
            }
            return list;
        }
        return Collections.emptyList();
    }

    /**
     * The data of the header extension element with the given identifier.
     *
     * @param id the element identifier
     * @return a copy of its data, or null when absent
     */
    public byte[] headerExtension(int id) {
        for (RtpHeaderExtension e : headerExtensions()) {
            if (e.id() == id) {
                return e.data();
            }
        }
        return null;
    }

    /**
     * The number of padding bytes after the payload (including the count byte), 0 without padding.
     *
     * @return 0..255
     */
    public int paddingSize() {
        return paddingSize;
    }

    /**
     * The payload (without padding) as a view: its readable bytes are the payload, reading from it does not change
     * the packet. Not a copy and not retained: the packet keeps ownership, do not release it separately.
     *
     * @return the payload view
     */
    public ByteBuf payload() {
        ByteBuf view = payloadView;
        if (view == null) {
            view = data.slice(payloadOffset, payloadLength);
            payloadView = view;
        }
        return view;
    }

    /**
     * The payload size in bytes.
     *
     * @return the number of payload bytes
     */
    public int payloadSize() {
        return payloadLength;
    }

    /**
     * The header size in bytes (fixed header, CSRCs and header extension).
     *
     * @return the number of header bytes {@link #encodeTo(ByteBuf)} writes before the payload
     */
    public int headerSize() {
        int n = FIXED_HEADER_SIZE + 4 * csrcs.length;
        if (extensionProfile != NO_EXTENSION) {
            n += 4 + extensionData.length;
        }
        return n;
    }

    /**
     * The encoded size of the whole packet.
     *
     * @return header, payload and padding bytes
     */
    public int encodedSize() {
        return headerSize() + payloadLength + paddingSize;
    }

    /**
     * Writes the packet at the writer index of {@code out}. Does not take ownership of {@code out}.
     *
     * @param out the destination; it grows if needed
     */
    public void encodeTo(ByteBuf out) {
        out.ensureWritable(encodedSize());
        encodeHeaderTo(out);
        out.writeBytes(data, payloadOffset, payloadLength);
        if (paddingSize > 0) {
            out.writeZero(paddingSize - 1);
            out.writeByte(paddingSize);
        }
    }

    /**
     * Writes only the header (fixed header, CSRCs, extension; {@link #headerSize()} bytes) at the writer index of
     * {@code out}, for callers that send header and payload as separate buffers. Padding is not written.
     *
     * @param out the destination; it grows if needed
     */
    public void encodeHeaderTo(ByteBuf out) {
        int b0 = version << 6 | csrcs.length;
        if (paddingSize > 0) {
            b0 |= 0x20;
        }
        if (extensionProfile != NO_EXTENSION) {
            b0 |= 0x10;
        }
        int b1 = marker ? 0x80 | payloadType : payloadType;
        out.writeLong((long) (b0 << 24 | b1 << 16 | sequenceNumber) << 32 | (timestamp & 0xFFFFFFFFL));
        out.writeInt(ssrc);
        for (int c : csrcs) {
            out.writeInt(c);
        }
        if (extensionProfile != NO_EXTENSION) {
            out.writeShort(extensionProfile);
            out.writeShort(extensionData.length / 4);
            out.writeBytes(extensionData);
        }
    }

    /**
     * Encodes the packet into a new buffer.
     *
     * @param alloc the allocator of the new buffer
     * @return a buffer owned by the caller, holding exactly the packet
     */
    public ByteBuf encode(ByteBufAllocator alloc) {
        ByteBuf out = alloc.buffer(encodedSize());
        encodeTo(out);
        return out;
    }

    /**
     * Encodes the packet into a new byte array.
     *
     * @return the wire bytes
     */
    public byte[] encodeToBytes() {
        byte[] bytes = new byte[encodedSize()];
        encodeTo(Unpooled.wrappedBuffer(bytes).writerIndex(0));
        return bytes;
    }

    // ByteBufHolder

    /**
     * The payload, see {@link #payload()}.
     *
     * @return the payload view
     */
    @Override
    public ByteBuf content() {
        return payload();
    }

    /**
     * A packet with the same header and a deep copy of the payload.
     *
     * @return a new packet owning a new payload buffer
     */
    @Override
    public RtpPacket copy() {
        return replace(data.copy(payloadOffset, payloadLength));
    }

    /**
     * A packet with the same header sharing the payload without retaining it.
     *
     * @return a new packet sharing this packet's reference
     */
    @Override
    public RtpPacket duplicate() {
        return new RtpPacket(version, marker, payloadType, sequenceNumber, timestamp, ssrc, csrcs, extensionProfile,
                extensionData, paddingSize, data, payloadOffset, payloadLength);
    }

    /**
     * A packet with the same header sharing the payload, with its own reference.
     *
     * @return a new packet owning a new reference
     */
    @Override
    public RtpPacket retainedDuplicate() {
        data.retain();
        return duplicate();
    }

    /**
     * A packet with the same header and another payload (its readable bytes).
     *
     * @param content the new payload; the new packet takes ownership of it
     * @return the new packet
     */
    @Override
    public RtpPacket replace(ByteBuf content) {
        return new RtpPacket(this, Objects.requireNonNull(content, "content"));
    }

    @Override
    public int refCnt() {
        return data.refCnt();
    }

    @Override
    public RtpPacket retain() {
        data.retain();
        return this;
    }

    @Override
    public RtpPacket retain(int increment) {
        data.retain(increment);
        return this;
    }

    @Override
    public RtpPacket touch() {
        data.touch();
        return this;
    }

    @Override
    public RtpPacket touch(Object hint) {
        data.touch(hint);
        return this;
    }

    @Override
    public boolean release() {
        return data.release();
    }

    @Override
    public boolean release(int decrement) {
        return data.release(decrement);
    }

    /**
     * Compares header fields and payload bytes.
     *
     * @param o the other object
     * @return true if both packets would encode to the same bytes
     */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        return o instanceof RtpPacket p
                && p.version == version
                && p.marker == marker
                && p.payloadType == payloadType
                && p.sequenceNumber == sequenceNumber
                && p.timestamp == timestamp
                && p.ssrc == ssrc
                && Arrays.equals(p.csrcs, csrcs)
                && p.extensionProfile == extensionProfile
                && Arrays.equals(p.extensionData, extensionData)
                && p.paddingSize == paddingSize
                && p.payloadLength == payloadLength
                && ByteBufUtil.equals(p.data, p.payloadOffset, data, payloadOffset, payloadLength);
    }

    @Override
    public int hashCode() {
        int h = sequenceNumber;
        h = 31 * h + timestamp;
        h = 31 * h + ssrc;
        h = 31 * h + payloadType;
        return 31 * h + payloadLength;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("RtpPacket{pt=").append(payloadType)
                .append(", seq=").append(sequenceNumber)
                .append(", ts=").append(timestamp())
                .append(", ssrc=").append(ssrc());
        if (marker) {
            sb.append(", marker");
        }
        if (version != VERSION) {
            sb.append(", version=").append(version);
        }
        if (csrcs.length > 0) {
            sb.append(", csrcs=").append(csrcs());
        }
        if (extensionProfile != NO_EXTENSION) {
            sb.append(", extension=0x").append(Integer.toHexString(extensionProfile)).append('/')
                    .append(extensionData.length).append(" bytes");
        }
        if (paddingSize > 0) {
            sb.append(", padding=").append(paddingSize);
        }
        return sb.append(", payload=").append(data.refCnt() > 0 ? payloadLength + " bytes" : "released")
                .append('}').toString();
    }

    /**
     * Builds {@link RtpPacket}s. Not thread-safe; a builder can be reused, each {@link #build()} hands its payload
     * over to the built packet.
     */
    public static final class Builder {
        private int version = VERSION;
        private boolean marker;
        private int payloadType;
        private int sequenceNumber;
        private int timestamp;
        private int ssrc;
        private int[] csrcs = NO_CSRCS;
        private int extensionProfile = NO_EXTENSION;
        private byte[] extensionData = NO_BYTES;
        private int paddingSize;
        private ByteBuf payload;

        private Builder() {
        }

        /**
         * Sets the version field (2 unless you write test data).
         *
         * @param version 0..3
         * @return this builder
         */
        public Builder version(int version) {
            if (version < 0 || version > 3) {
                throw new IllegalArgumentException("version must be 0..3, got " + version);
            }
            this.version = version;
            return this;
        }

        /**
         * Sets the marker bit.
         *
         * @param marker the marker bit
         * @return this builder
         */
        public Builder marker(boolean marker) {
            this.marker = marker;
            return this;
        }

        /**
         * Sets the payload type.
         *
         * @param payloadType 0..127
         * @return this builder
         */
        public Builder payloadType(int payloadType) {
            if (payloadType < 0 || payloadType > 127) {
                throw new IllegalArgumentException("payload type must be 0..127, got " + payloadType);
            }
            this.payloadType = payloadType;
            return this;
        }

        /**
         * Sets the sequence number.
         *
         * @param sequenceNumber 0..65535
         * @return this builder
         */
        public Builder sequenceNumber(int sequenceNumber) {
            if (sequenceNumber < 0 || sequenceNumber > 0xFFFF) {
                throw new IllegalArgumentException("sequence number must be 0..65535, got " + sequenceNumber);
            }
            this.sequenceNumber = sequenceNumber;
            return this;
        }

        /**
         * Sets the RTP timestamp; only the low 32 bits are kept, so a running {@code long} counter wraps correctly.
         *
         * @param timestamp the timestamp
         * @return this builder
         */
        public Builder timestamp(long timestamp) {
            this.timestamp = (int) timestamp;
            return this;
        }

        /**
         * Sets the SSRC.
         *
         * @param ssrc 0..0xFFFFFFFF (only the low 32 bits are kept)
         * @return this builder
         */
        public Builder ssrc(long ssrc) {
            this.ssrc = (int) ssrc;
            return this;
        }

        /**
         * Sets the contributing sources.
         *
         * @param csrcs at most 15 identifiers (low 32 bits kept)
         * @return this builder
         */
        public Builder csrcs(List<Long> csrcs) {
            if (csrcs.size() > MAX_CSRC_COUNT) {
                throw new IllegalArgumentException("at most 15 CSRCs, got " + csrcs.size());
            }
            int[] a = new int[csrcs.size()];
            for (int i = 0; i < a.length; i++) {
                a[i] = (int) (long) csrcs.get(i);
            }
            this.csrcs = a;
            return this;
        }

        /**
         * Sets a raw header extension.
         *
         * @param profile the 16-bit profile
         * @param data the extension data (copied), a multiple of 4 bytes
         * @return this builder
         */
        public Builder extension(int profile, byte[] data) {
            if (profile < 0 || profile > 0xFFFF) {
                throw new IllegalArgumentException("extension profile must be 0..0xFFFF, got " + profile);
            }
            if (data.length % 4 != 0 || data.length > 4 * 0xFFFF) {
                throw new IllegalArgumentException("extension data must be a multiple of 4 bytes, got "
                        + data.length);
            }
            this.extensionProfile = profile;
            this.extensionData = data.clone();
            return this;
        }

        /**
         * Sets RFC 8285 header extension elements: the one-byte form when every element fits it (id 1..14,
         * 1..16 bytes), otherwise the two-byte form; padded with zeros to a multiple of 4 bytes. An empty list
         * removes the extension.
         *
         * @param elements the elements, in wire order
         * @return this builder
         */
        public Builder headerExtensions(List<RtpHeaderExtension> elements) {
            if (elements.isEmpty()) {
                return noExtension();
            }
            boolean oneByte = true;
            int size = 0;
            for (RtpHeaderExtension e : elements) {
                if (e.id() > 14 || e.length() < 1 || e.length() > 16) {
                    oneByte = false;
                }
            }
            for (RtpHeaderExtension e : elements) {
                size += (oneByte ? 1 : 2) + e.length();
            }
            byte[] data = new byte[(size + 3) & ~3];
            int i = 0;
            for (RtpHeaderExtension e : elements) {
                byte[] d = e.dataUnsafe();
                if (oneByte) {
                    data[i++] = (byte) (e.id() << 4 | (d.length - 1));
                } else {
                    data[i++] = (byte) e.id();
                    data[i++] = (byte) d.length;
                }
                System.arraycopy(d, 0, data, i, d.length);
                i += d.length;
            }
            this.extensionProfile = oneByte ? EXTENSION_PROFILE_ONE_BYTE : EXTENSION_PROFILE_TWO_BYTE;
            this.extensionData = data;
            return this;
        }

        /**
         * Removes the header extension.
         *
         * @return this builder
         */
        public Builder noExtension() {
            this.extensionProfile = NO_EXTENSION;
            this.extensionData = NO_BYTES;
            return this;
        }

        /**
         * Sets the padding appended on encoding.
         *
         * @param paddingSize 0 (no padding) or 1..255 bytes including the count byte
         * @return this builder
         */
        public Builder paddingSize(int paddingSize) {
            if (paddingSize < 0 || paddingSize > 255) {
                throw new IllegalArgumentException("padding size must be 0..255, got " + paddingSize);
            }
            this.paddingSize = paddingSize;
            return this;
        }

        /**
         * Sets the payload. The built packet takes ownership of it.
         *
         * @param payload the payload buffer
         * @return this builder
         */
        public Builder payload(ByteBuf payload) {
            this.payload = Objects.requireNonNull(payload, "payload");
            return this;
        }

        /**
         * Sets the payload from bytes (wrapped, not copied: do not modify the array afterwards).
         *
         * @param payload the payload bytes
         * @return this builder
         */
        public Builder payload(byte[] payload) {
            this.payload = Unpooled.wrappedBuffer(payload);
            return this;
        }

        /**
         * Builds the packet; it owns the payload set on this builder (an empty buffer if none) and carries its
         * readable bytes at this moment; the builder forgets it.
         *
         * @return the packet
         */
        public RtpPacket build() {
            ByteBuf p = payload != null ? payload : Unpooled.EMPTY_BUFFER;
            payload = null;
            return new RtpPacket(version, marker, payloadType, sequenceNumber, timestamp, ssrc, csrcs,
                    extensionProfile, extensionData, paddingSize, p, p.readerIndex(), p.readableBytes());
        }
    }
}
