package io.rtsp4j.rtp.codec.mjpeg;

import io.rtsp4j.rtp.RtpPacket;
import io.rtsp4j.rtp.codec.Packetizer;
import io.rtsp4j.rtp.codec.PacketizerConfig;
import io.rtsp4j.rtp.internal.PacketWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Packetizes baseline JPEG images (RFC 2435): the image is parsed, its scan data split across packets behind the
 * 8-byte JPEG header (Q 255) and, in the first packet, the quantization tables in table-id order; images with a
 * restart interval use types 64/65 and a restart marker header. Payload type 26 unless set; the marker bit is
 * set on the last packet.
 *
 * <p>Only what RFC 2435 can carry is accepted: 8-bit baseline (SOF0) images with three components sampled 4:2:2
 * or 4:2:0, 8-bit quantization tables and dimensions that are multiples of 8 up to 2040.
 */
public final class MjpegPacketizer implements Packetizer<byte[]> {

    /** Static payload type of JPEG. */
    public static final int PAYLOAD_TYPE = 26;
    /** Largest width or height RFC 2435 can signal. */
    public static final int MAX_DIMENSION = 2040;

    private final PacketWriter writer;

    /**
     * Creates a packetizer.
     *
     * @param config the common settings
     */
    public MjpegPacketizer(PacketizerConfig config) {
        this.writer = new PacketWriter(config, PAYLOAD_TYPE, 8 + 4 + 4 + 4 * 64 + 1);
    }

    /**
     * Packetizes an image.
     *
     * @param image a complete JPEG file (SOI ... EOI)
     * @param timestamp the RTP timestamp (90 kHz)
     * @return the packets
     */
    @Override
    public List<RtpPacket> packetize(byte[] image, long timestamp) {
        Parsed parsed = parse(image);
        int type = parsed.type + (parsed.restartInterval >= 0 ? 64 : 0);
        byte[] qt = new QuantizationTableHeader(0, 0, new ArrayList<>(parsed.tables.values())).encode();
        byte[] rm = parsed.restartInterval >= 0
                ? new RestartMarkerHeader(parsed.restartInterval, 0xFFFF).encode() : new byte[0];
        List<RtpPacket> out = new ArrayList<>();
        int offset = 0;
        int dataLength = image.length - parsed.dataStart;
        while (true) {
            int header = JpegHeader.SIZE + rm.length + (offset == 0 ? qt.length : 0);
            int len = Math.min(writer.maxPayloadSize() - header, dataLength - offset);
            byte[] payload = new byte[header + len];
            new JpegHeader(0, offset, type, 255, parsed.width, parsed.height).encode(payload, 0);
            System.arraycopy(rm, 0, payload, JpegHeader.SIZE, rm.length);
            if (offset == 0) {
                System.arraycopy(qt, 0, payload, JpegHeader.SIZE + rm.length, qt.length);
            }
            System.arraycopy(image, parsed.dataStart + offset, payload, header, len);
            offset += len;
            boolean last = offset == dataLength;
            out.add(writer.packet(last, timestamp, payload));
            if (last) {
                return out;
            }
        }
    }

    private static final class Parsed {
        int width;
        int height;
        int type = -1;
        int restartInterval = -1;
        TreeMap<Integer, byte[]> tables = new TreeMap<>();
        int dataStart;
    }

    private static Parsed parse(byte[] b) {
        if (b.length < 4 || (b[0] & 0xFF) != 0xFF || (b[1] & 0xFF) != 0xD8) {
            throw new IllegalArgumentException("SOI not found");
        }
        Parsed p = new Parsed();
        int pos = 2;
        while (true) {
            if (pos + 4 > b.length || (b[pos] & 0xFF) != 0xFF) {
                throw new IllegalArgumentException("invalid JPEG: marker expected at offset " + pos);
            }
            int code = b[pos + 1] & 0xFF;
            if (code == 0xFF) {
                pos++; // fill byte
                continue;
            }
            int length = (b[pos + 2] & 0xFF) << 8 | (b[pos + 3] & 0xFF);
            int seg = pos + 4;
            int end = pos + 2 + length;
            if (length < 2 || end > b.length) {
                throw new IllegalArgumentException("JPEG segment 0x" + Integer.toHexString(code)
                        + " exceeds the image");
            }
            switch (code) {
                case 0xDB -> {
                    for (int i = seg; i < end; i += 65) {
                        if (i + 65 > end || (b[i] & 0xF0) != 0) {
                            throw new IllegalArgumentException("only 8-bit quantization tables can be sent");
                        }
                        byte[] table = new byte[64];
                        System.arraycopy(b, i + 1, table, 0, 64);
                        p.tables.put(b[i] & 0x0F, table);
                    }
                }
                case 0xDD -> {
                    if (length != 4) {
                        throw new IllegalArgumentException("invalid DRI segment");
                    }
                    p.restartInterval = (b[seg] & 0xFF) << 8 | (b[seg + 1] & 0xFF);
                }
                case 0xC0 -> {
                    if (length != 17 || (b[seg] & 0xFF) != 8 || (b[seg + 5] & 0xFF) != 3) {
                        throw new IllegalArgumentException("only 8-bit images with 3 components can be sent");
                    }
                    p.height = (b[seg + 1] & 0xFF) << 8 | (b[seg + 2] & 0xFF);
                    p.width = (b[seg + 3] & 0xFF) << 8 | (b[seg + 4] & 0xFF);
                    int ySampling = b[seg + 7] & 0xFF;
                    if ((b[seg + 10] & 0xFF) != 0x11 || (b[seg + 13] & 0xFF) != 0x11
                            || (ySampling != 0x21 && ySampling != 0x22)) {
                        throw new IllegalArgumentException("only 4:2:2 and 4:2:0 sampling can be sent");
                    }
                    p.type = ySampling == 0x21 ? 0 : 1;
                    if (p.width == 0 || p.height == 0 || p.width > MAX_DIMENSION || p.height > MAX_DIMENSION
                            || p.width % 8 != 0 || p.height % 8 != 0) {
                        throw new IllegalArgumentException("image size " + p.width + "x" + p.height
                                + " cannot be sent: multiples of 8 up to 2040 only");
                    }
                }
                case 0xDA -> {
                    if (p.type < 0) {
                        throw new IllegalArgumentException("SOF not found");
                    }
                    if (p.tables.isEmpty()) {
                        throw new IllegalArgumentException("no quantization table");
                    }
                    p.dataStart = end;
                    if (p.dataStart + 2 > b.length) { // at least the EOI marker
                        throw new IllegalArgumentException("image data not found");
                    }
                    return p;
                }
                case 0xC4, 0xFE -> {
                    // Huffman tables must be the standard ones (RFC 2435); comments are dropped
                }
                default -> {
                    if (code < 0xE0 || code > 0xEF) {
                        throw new IllegalArgumentException("unsupported JPEG marker 0x" + Integer.toHexString(code));
                    }
                }
            }
            pos = end;
        }
    }

    @Override
    public long ssrc() {
        return writer.ssrc();
    }

    @Override
    public int payloadType() {
        return writer.payloadType();
    }

    @Override
    public int nextSequenceNumber() {
        return writer.nextSequenceNumber();
    }
}
