package io.rtsp4j.rtp.codec.mjpeg;

import io.rtsp4j.rtp.RtpPacket;
import io.rtsp4j.rtp.codec.Depacketizer;
import io.rtsp4j.rtp.codec.RtpCodecException;
import io.rtsp4j.rtp.codec.RtpCodecException.Reason;
import io.rtsp4j.rtp.internal.ByteAccumulator;
import io.rtsp4j.rtp.internal.Bytes;
import java.io.ByteArrayOutputStream;

/**
 * Rebuilds complete JPEG images (JFIF-less baseline files) from RFC 2435 packets: the scan data of consecutive
 * fragments is joined (fragment offsets must be contiguous) and the JPEG headers are generated from the RTP
 * headers: quantization tables in-band (Q 128..255, cached for Q 128..254 when a frame omits them) or scaled from
 * the standard tables (Q 1..99), the standard Huffman tables, and a DRI marker for types 64..127. Types 0/64
 * (4:2:2) and 1/65 (4:2:0) are supported.
 */
public final class MjpegDepacketizer implements Depacketizer<byte[]> {

    /** Default maximum image size. */
    public static final int DEFAULT_MAX_IMAGE_SIZE = 16 * 1024 * 1024;

    private final int maxImageSize;
    private final ByteAccumulator data = new ByteAccumulator();
    private boolean started;
    private boolean firstPacketReceived;
    private JpegHeader firstHeader;
    private RestartMarkerHeader restart;
    private byte[][] tables;
    private byte[][] cachedTables;
    private int cachedQ = -1;

    /** Creates a depacketizer with the default size limit. */
    public MjpegDepacketizer() {
        this(DEFAULT_MAX_IMAGE_SIZE);
    }

    /**
     * Creates a depacketizer.
     *
     * @param maxImageSize the maximum scan data size in bytes
     */
    public MjpegDepacketizer(int maxImageSize) {
        this.maxImageSize = maxImageSize;
    }

    @Override
    public byte[] depacketize(RtpPacket packet) throws RtpCodecException {
        byte[] p = Bytes.copy(packet.payload());
        JpegHeader h = JpegHeader.decode(p, 0, p.length);
        int pos = JpegHeader.SIZE;
        int baseType = h.type() & 0x3F;
        if (baseType > 1 || h.type() > 127) {
            reset();
            throw new RtpCodecException(Reason.UNSUPPORTED, "JPEG type " + h.type() + " is not supported");
        }
        if (h.width() == 0 || h.height() == 0) {
            reset();
            throw RtpCodecException.malformed("invalid image size " + h.width() + "x" + h.height());
        }
        if (h.quantization() == 0) {
            reset();
            throw RtpCodecException.malformed("Q 0 is reserved");
        }
        RestartMarkerHeader rm = null;
        if (h.type() >= 64) {
            rm = RestartMarkerHeader.decode(p, pos, p.length - pos);
            pos += RestartMarkerHeader.SIZE;
        }
        if (h.fragmentOffset() == 0) {
            data.clear();
            started = false;
            firstPacketReceived = true;
            byte[][] t;
            if (h.quantization() >= 128) {
                QuantizationTableHeader qt = QuantizationTableHeader.decode(p, pos, p.length - pos);
                pos += qt.encodedSize();
                if (qt.tableCount() == 0) {
                    if (h.quantization() == 255 || cachedQ != h.quantization()) {
                        throw RtpCodecException.malformed("quantization tables missing for Q " + h.quantization());
                    }
                    t = cachedTables;
                } else {
                    t = new byte[qt.tableCount()][];
                    for (int i = 0; i < t.length; i++) {
                        t[i] = qt.table(i);
                    }
                    if (h.quantization() != 255) {
                        cachedTables = t;
                        cachedQ = h.quantization();
                    }
                }
            } else {
                t = JpegTables.scaledTables(h.quantization());
            }
            tables = t;
            firstHeader = h;
            restart = rm;
            started = true;
        } else {
            if (!started || h.fragmentOffset() != data.size()) {
                if (!firstPacketReceived) {
                    return null; // joined a running stream in the middle of an image
                }
                reset();
                throw new RtpCodecException(Reason.PACKET_LOST, "received wrong fragment");
            }
        }
        if ((long) data.size() + p.length - pos > maxImageSize) {
            reset();
            throw new RtpCodecException(Reason.TOO_LARGE, "image size is too big, maximum is " + maxImageSize);
        }
        data.append(p, pos, p.length - pos);
        if (!packet.marker()) {
            return null;
        }
        if (data.size() < 2) {
            reset();
            throw RtpCodecException.malformed("invalid data");
        }
        byte[] scan = data.toByteArray();
        reset();
        return image(scan);
    }

    private byte[] image(byte[] scan) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(scan.length + 700);
        out.write(0xFF);
        out.write(0xD8); // SOI
        // DQT: all tables in one segment, ids 0, 1, ...
        marker(out, 0xDB, 65 * tables.length);
        for (int i = 0; i < tables.length; i++) {
            out.write(i);
            out.write(tables[i], 0, 64);
        }
        if (restart != null) {
            marker(out, 0xDD, 2);
            out.write(restart.interval() >>> 8);
            out.write(restart.interval());
        }
        // SOF0: 8-bit, 3 components; Y sampled 2x1 (type 0) or 2x2 (type 1), chroma on table 1 if present
        marker(out, 0xC0, 15);
        out.write(8);
        out.write(firstHeader.height() >>> 8);
        out.write(firstHeader.height());
        out.write(firstHeader.width() >>> 8);
        out.write(firstHeader.width());
        out.write(3);
        int chromaTable = tables.length > 1 ? 1 : 0;
        writeComponent(out, 0, (firstHeader.type() & 0x3F) == 0 ? 0x21 : 0x22, 0);
        writeComponent(out, 1, 0x11, chromaTable);
        writeComponent(out, 2, 0x11, chromaTable);
        huffman(out, 0x00, JpegTables.LUMA_DC_LENGTHS, JpegTables.LUMA_DC_SYMBOLS);
        huffman(out, 0x10, JpegTables.LUMA_AC_LENGTHS, JpegTables.LUMA_AC_SYMBOLS);
        huffman(out, 0x01, JpegTables.CHROMA_DC_LENGTHS, JpegTables.CHROMA_DC_SYMBOLS);
        huffman(out, 0x11, JpegTables.CHROMA_AC_LENGTHS, JpegTables.CHROMA_AC_SYMBOLS);
        // SOS: 3 components, Y on Huffman tables 0/0, chroma on 1/1, full spectral range
        marker(out, 0xDA, 10);
        out.write(3);
        writeComponent(out, 0, 0x00, -1);
        writeComponent(out, 1, 0x11, -1);
        writeComponent(out, 2, 0x11, -1);
        out.write(0);
        out.write(63);
        out.write(0);
        out.write(scan, 0, scan.length);
        if ((scan[scan.length - 2] & 0xFF) != 0xFF || (scan[scan.length - 1] & 0xFF) != 0xD9) {
            out.write(0xFF);
            out.write(0xD9); // EOI
        }
        return out.toByteArray();
    }

    private static void marker(ByteArrayOutputStream out, int code, int contentLength) {
        out.write(0xFF);
        out.write(code);
        out.write((contentLength + 2) >>> 8);
        out.write(contentLength + 2);
    }

    private static void writeComponent(ByteArrayOutputStream out, int id, int value, int table) {
        out.write(id);
        out.write(value);
        if (table >= 0) {
            out.write(table);
        }
    }

    private static void huffman(ByteArrayOutputStream out, int classAndId, byte[] lengths, byte[] symbols) {
        marker(out, 0xC4, 1 + lengths.length + symbols.length);
        out.write(classAndId);
        out.write(lengths, 0, lengths.length);
        out.write(symbols, 0, symbols.length);
    }

    @Override
    public void reset() {
        data.clear();
        started = false;
    }
}
