package io.rtsp4j.rtp.codec.mjpeg;

import io.rtsp4j.rtp.codec.RtpCodecException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The quantization table header of RFC 2435 section 3.1.8, present in the first packet of a frame when Q is 128
 * or more. Only 8-bit tables (precision 0) are supported.
 */
public final class QuantizationTableHeader {

    private final int mbz;
    private final int precision;
    private final List<byte[]> tables;

    /**
     * Creates a header.
     *
     * @param mbz the must-be-zero byte (kept as received)
     * @param precision the precision bits (0: all tables 8-bit)
     * @param tables the 64-byte tables in zigzag order (copied)
     */
    public QuantizationTableHeader(int mbz, int precision, List<byte[]> tables) {
        this.mbz = mbz;
        this.precision = precision;
        List<byte[]> copy = new ArrayList<>();
        for (byte[] t : tables) {
            if (t.length != 64) {
                throw new IllegalArgumentException("quantization tables must have 64 entries");
            }
            copy.add(t.clone());
        }
        this.tables = copy;
    }

    /**
     * Decodes the header.
     *
     * @param b the bytes
     * @param off where the header starts
     * @param len bytes available
     * @return the header
     * @throws RtpCodecException if it is truncated, not 8-bit or its length is not a multiple of 64
     */
    public static QuantizationTableHeader decode(byte[] b, int off, int len) throws RtpCodecException {
        if (len < 4) {
            throw RtpCodecException.malformed("quantization table header is too short");
        }
        int precision = b[off + 1] & 0xFF;
        if (precision != 0) {
            throw new RtpCodecException(RtpCodecException.Reason.UNSUPPORTED,
                    "quantization table precision " + precision + " is not supported");
        }
        int length = (b[off + 2] & 0xFF) << 8 | (b[off + 3] & 0xFF);
        if (length % 64 != 0 || length > 4 * 64) {
            throw RtpCodecException.malformed("quantization table length " + length + " is not supported");
        }
        if (len - 4 < length) {
            throw RtpCodecException.malformed("quantization table header is too short");
        }
        List<byte[]> tables = new ArrayList<>();
        for (int i = 0; i < length; i += 64) {
            tables.add(Arrays.copyOfRange(b, off + 4 + i, off + 4 + i + 64));
        }
        return new QuantizationTableHeader(b[off] & 0xFF, precision, tables);
    }

    /**
     * The must-be-zero byte.
     *
     * @return 0..255
     */
    public int mbz() {
        return mbz;
    }

    /**
     * The precision bits.
     *
     * @return 0 for 8-bit tables
     */
    public int precision() {
        return precision;
    }

    /**
     * The tables.
     *
     * @return copies of the 64-byte tables
     */
    public List<byte[]> tables() {
        List<byte[]> out = new ArrayList<>();
        tables.forEach(t -> out.add(t.clone()));
        return out;
    }

    int tableCount() {
        return tables.size();
    }

    byte[] table(int i) {
        return tables.get(i);
    }

    /**
     * The encoded size.
     *
     * @return 4 + 64 per table
     */
    public int encodedSize() {
        return 4 + 64 * tables.size();
    }

    /**
     * Encodes the header.
     *
     * @return the bytes
     */
    public byte[] encode() {
        byte[] out = new byte[encodedSize()];
        out[0] = (byte) mbz;
        out[1] = (byte) precision;
        int length = 64 * tables.size();
        out[2] = (byte) (length >>> 8);
        out[3] = (byte) length;
        for (int i = 0; i < tables.size(); i++) {
            System.arraycopy(tables.get(i), 0, out, 4 + 64 * i, 64);
        }
        return out;
    }
}
