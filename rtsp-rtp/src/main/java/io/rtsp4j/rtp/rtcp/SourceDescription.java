package io.rtsp4j.rtp.rtcp;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A source description packet (SDES, RFC 3550 section 6.5).
 *
 * <p>Decoding tolerates a last chunk whose item list ends with the packet instead of an END item, as Hanwha
 * cameras send it (mediamtx issue 5355). Encoding always writes the END item and the padding.
 *
 * @param chunks the chunks, one per source (at most 31)
 */
public record SourceDescription(List<Chunk> chunks) implements RtcpPacket {

    /** Item type CNAME (canonical end-point identifier). */
    public static final int CNAME = 1;
    /** Item type NAME. */
    public static final int NAME = 2;
    /** Item type EMAIL. */
    public static final int EMAIL = 3;
    /** Item type PHONE. */
    public static final int PHONE = 4;
    /** Item type LOC. */
    public static final int LOC = 5;
    /** Item type TOOL. */
    public static final int TOOL = 6;
    /** Item type NOTE. */
    public static final int NOTE = 7;
    /** Item type PRIV. */
    public static final int PRIV = 8;

    /**
     * Validates and copies the chunks.
     *
     * @param chunks see the record component
     * @throws IllegalArgumentException if there are more than 31 chunks
     */
    public SourceDescription {
        chunks = List.copyOf(chunks);
        RtcpHeader.checkCount("SDES chunks", chunks.size());
    }

    /**
     * A description with one chunk holding only a CNAME.
     *
     * @param ssrc the source
     * @param cname its canonical name
     * @return the packet
     */
    public static SourceDescription cname(long ssrc, String cname) {
        return new SourceDescription(List.of(new Chunk(ssrc, List.of(new Item(CNAME, cname)))));
    }

    @Override
    public int packetType() {
        return TYPE_SOURCE_DESCRIPTION;
    }

    @Override
    public int encodedSize() {
        int n = RtcpHeader.SIZE;
        for (Chunk c : chunks) {
            n += c.encodedSize();
        }
        return n;
    }

    @Override
    public void encodeTo(ByteBuf out) {
        int size = encodedSize();
        out.ensureWritable(size);
        RtcpHeader.write(out, chunks.size(), TYPE_SOURCE_DESCRIPTION, size);
        for (Chunk c : chunks) {
            int start = out.writerIndex();
            out.writeInt((int) c.source());
            for (Item item : c.items()) {
                out.writeByte(item.type());
                out.writeByte(item.length());
                item.writeValue(out);
            }
            // END item, then zeros up to the next 32-bit boundary
            out.writeZero(c.encodedSize() - (out.writerIndex() - start));
        }
    }

    static SourceDescription decode(ByteBuf buf, int packetStart, int pos, int end, int count)
            throws RtcpDecodeException {
        List<Chunk> chunks = new ArrayList<>(count);
        for (int c = 0; c < count; c++) {
            if (end - pos < 4) {
                throw new RtcpDecodeException("RTCP packet too short: SDES chunk " + c + " at offset "
                        + (pos - packetStart) + " has no room for its SSRC");
            }
            long source = buf.getUnsignedInt(pos);
            pos += 4;
            List<Item> items = new ArrayList<>(2);
            while (pos < end) {
                int type = buf.getUnsignedByte(pos);
                if (type == 0) {
                    // END item: the next chunk starts at the next 32-bit boundary of the packet
                    pos = packetStart + ((pos + 1 - packetStart + 3) & ~3);
                    break;
                }
                if (end - pos < 2) {
                    throw new RtcpDecodeException("RTCP packet too short: SDES item type " + type + " at offset "
                            + (pos - packetStart) + " has no length byte");
                }
                int len = buf.getUnsignedByte(pos + 1);
                if (end - pos - 2 < len) {
                    throw new RtcpDecodeException("RTCP packet too short: SDES item type " + type + " at offset "
                            + (pos - packetStart) + " announces " + len + " bytes, " + (end - pos - 2) + " left");
                }
                byte[] value = new byte[len];
                buf.getBytes(pos + 2, value);
                items.add(new Item(type, value));
                pos += 2 + len;
            }
            chunks.add(new Chunk(source, items));
        }
        return new SourceDescription(chunks);
    }

    /**
     * The items describing one source.
     *
     * @param source the SSRC or CSRC described, 0..0xFFFFFFFF
     * @param items its items, END excluded
     */
    public record Chunk(long source, List<Item> items) {

        /**
         * Validates and copies the items.
         *
         * @param source see the record component
         * @param items see the record component
         * @throws IllegalArgumentException if the source is out of range
         */
        public Chunk {
            ReceptionReport.checkU32("source", source);
            items = List.copyOf(items);
        }

        int encodedSize() {
            int n = 4;
            for (Item item : items) {
                n += 2 + item.length();
            }
            return (n + 1 + 3) & ~3;
        }
    }

    /**
     * One SDES item: a type and its value, kept as the exact bytes received (RFC 3550 says UTF-8, some devices
     * send other encodings).
     */
    public static final class Item {
        private final int type;
        private final byte[] value;

        /**
         * Creates an item from text.
         *
         * @param type the item type, 1..255 (e.g. {@link #CNAME})
         * @param text the item text, at most 255 bytes in UTF-8
         * @throws IllegalArgumentException if the type or the length is out of range
         */
        public Item(int type, String text) {
            this(type, text.getBytes(StandardCharsets.UTF_8));
        }

        /**
         * Creates an item from raw bytes.
         *
         * @param type the item type, 1..255
         * @param value the value bytes (copied), at most 255
         * @throws IllegalArgumentException if the type or the length is out of range
         */
        public Item(int type, byte[] value) {
            if (type < 1 || type > 255) {
                throw new IllegalArgumentException("SDES item type must be 1..255, got " + type);
            }
            if (value.length > 255) {
                throw new IllegalArgumentException("SDES item value must be at most 255 bytes");
            }
            this.type = type;
            this.value = value.clone();
        }

        /**
         * The item type.
         *
         * @return 1..255
         */
        public int type() {
            return type;
        }

        /**
         * The value decoded as UTF-8 (malformed bytes become U+FFFD).
         *
         * @return the text
         */
        public String text() {
            return new String(value, StandardCharsets.UTF_8);
        }

        /**
         * The raw value.
         *
         * @return a copy of the bytes
         */
        public byte[] value() {
            return value.clone();
        }

        int length() {
            return value.length;
        }

        void writeValue(ByteBuf out) {
            out.writeBytes(value);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Item i && i.type == type && java.util.Arrays.equals(i.value, value);
        }

        @Override
        public int hashCode() {
            return type * 31 + java.util.Arrays.hashCode(value);
        }

        @Override
        public String toString() {
            return "Item[type=" + type + ", text=" + text() + "]";
        }
    }
}
