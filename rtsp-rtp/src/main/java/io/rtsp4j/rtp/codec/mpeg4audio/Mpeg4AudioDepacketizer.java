package io.rtsp4j.rtp.codec.mpeg4audio;

import io.netty.buffer.ByteBuf;
import io.rtsp4j.rtp.RtpPacket;
import io.rtsp4j.rtp.codec.Depacketizer;
import io.rtsp4j.rtp.codec.RtpCodecException;
import io.rtsp4j.rtp.codec.RtpCodecException.Reason;
import io.rtsp4j.rtp.internal.BitReader;
import io.rtsp4j.rtp.internal.ByteAccumulator;
import io.rtsp4j.rtp.internal.Bytes;
import java.util.ArrayList;
import java.util.List;

/**
 * Reassembles MPEG-4 Audio (AAC) access units from RFC 3640 packets (mpeg4-generic).
 *
 * <p>A packet with the marker bit holds whole access units; a packet without it holds one fragment of an access
 * unit continued in the next packets. The AU-size of a fragment may give the fragment size (gortsplib) or the
 * whole access unit size (FFmpeg); both are accepted. AU-index and AU-index-delta must be 0 (no interleaving).
 * Some cameras wrap every access unit in an ADTS header: when the first access unit is a valid single ADTS frame,
 * headers are removed from all of them.
 */
public final class Mpeg4AudioDepacketizer implements Depacketizer<List<byte[]>> {

    /** Default maximum access unit size. */
    public static final int DEFAULT_MAX_ACCESS_UNIT_SIZE = 64 * 1024;

    private final int sizeLength;
    private final int indexLength;
    private final int indexDeltaLength;
    private final int maxAccessUnitSize;
    private final ByteAccumulator fragments = new ByteAccumulator();
    private int fragmentNextSequenceNumber;
    private boolean firstAccessUnitParsed;
    private boolean adtsMode;

    /** Creates a depacketizer for AAC-hbr ({@code sizeLength=13; indexLength=3; indexDeltaLength=3}). */
    public Mpeg4AudioDepacketizer() {
        this(13, 3, 3, DEFAULT_MAX_ACCESS_UNIT_SIZE);
    }

    /**
     * Creates a depacketizer.
     *
     * @param sizeLength the {@code sizelength} fmtp parameter, 1..32
     * @param indexLength the {@code indexlength} fmtp parameter, 0..32
     * @param indexDeltaLength the {@code indexdeltalength} fmtp parameter, 0..32
     * @param maxAccessUnitSize the maximum access unit size in bytes
     */
    public Mpeg4AudioDepacketizer(int sizeLength, int indexLength, int indexDeltaLength, int maxAccessUnitSize) {
        if (sizeLength < 1 || sizeLength > 32 || indexLength < 0 || indexLength > 32 || indexDeltaLength < 0
                || indexDeltaLength > 32) {
            throw new IllegalArgumentException("invalid AU-header field sizes " + sizeLength + "/" + indexLength
                    + "/" + indexDeltaLength);
        }
        if (maxAccessUnitSize < 1) {
            throw new IllegalArgumentException("max access unit size must be positive");
        }
        this.sizeLength = sizeLength;
        this.indexLength = indexLength;
        this.indexDeltaLength = indexDeltaLength;
        this.maxAccessUnitSize = maxAccessUnitSize;
    }

    @Override
    public List<byte[]> depacketize(RtpPacket packet) throws RtpCodecException {
        ByteBuf p = packet.payload();
        int len = p.readableBytes();
        if (len < 2) {
            fragments.clear();
            throw RtpCodecException.malformed("payload is too short");
        }
        int headersBits = Bytes.u16(p, 0);
        if (headersBits == 0) {
            fragments.clear();
            throw RtpCodecException.malformed("invalid AU-headers-length");
        }
        int headersBytes = (headersBits + 7) / 8;
        if (len - 2 < headersBytes) {
            fragments.clear();
            throw RtpCodecException.malformed("payload is too short");
        }
        byte[] headers = Bytes.copy(p, 2, headersBytes);
        List<Long> sizes;
        try {
            sizes = readAuHeaders(headers, headersBits);
        } catch (RtpCodecException e) {
            fragments.clear();
            throw e;
        }
        int pos = 2 + headersBytes;
        List<byte[]> aus;
        if (fragments.isEmpty()) {
            if (packet.marker()) {
                aus = new ArrayList<>(sizes.size());
                for (long size : sizes) {
                    if (size > len - pos) {
                        throw RtpCodecException.malformed("payload is too short");
                    }
                    aus.add(Bytes.copy(p, pos, (int) size));
                    pos += (int) size;
                }
            } else {
                if (sizes.size() != 1) {
                    throw RtpCodecException.malformed("a fragmented packet can only contain one AU");
                }
                int size = (int) Math.min(sizes.get(0), len - pos);
                if (size == 0) {
                    throw RtpCodecException.malformed("payload is too short");
                }
                if (size > maxAccessUnitSize) {
                    throw tooLarge(size);
                }
                fragments.append(p, pos, size);
                fragmentNextSequenceNumber = (packet.sequenceNumber() + 1) & 0xFFFF;
                return null;
            }
        } else {
            if (sizes.size() != 1) {
                fragments.clear();
                throw RtpCodecException.malformed("a fragmented packet can only contain one AU");
            }
            if (packet.sequenceNumber() != fragmentNextSequenceNumber) {
                fragments.clear();
                throw new RtpCodecException(Reason.PACKET_LOST, "discarding frame since a RTP packet is missing");
            }
            // the AU-size is either the fragment size or the whole AU size: take what the packet holds
            int size = (int) Math.min(sizes.get(0), len - pos);
            long total = (long) fragments.size() + size;
            if (total > maxAccessUnitSize) {
                fragments.clear();
                throw tooLarge(total);
            }
            fragments.append(p, pos, size);
            fragmentNextSequenceNumber = (fragmentNextSequenceNumber + 1) & 0xFFFF;
            if (!packet.marker()) {
                return null;
            }
            aus = new ArrayList<>(1);
            aus.add(fragments.toByteArray());
            fragments.clear();
        }
        return removeAdts(aus);
    }

    private List<Long> readAuHeaders(byte[] headers, int headersBits) throws RtpCodecException {
        BitReader bits = new BitReader(headers, 0, headers.length);
        List<Long> sizes = new ArrayList<>();
        int left = headersBits;
        while (left > 0) {
            int index = sizes.isEmpty() ? indexLength : indexDeltaLength;
            if (left < sizeLength + index) {
                throw RtpCodecException.malformed("invalid AU-headers-length " + headersBits
                        + " for AU-headers of " + sizeLength + "+" + index + " bits");
            }
            long size = bits.read(sizeLength);
            if (bits.read(index) != 0) {
                throw new RtpCodecException(Reason.UNSUPPORTED, sizes.isEmpty()
                        ? "AU-index different than zero is not supported"
                        : "AU-index-delta different than zero is not supported");
            }
            left -= sizeLength + index;
            sizes.add(size);
        }
        return sizes;
    }

    private RtpCodecException tooLarge(long size) {
        return new RtpCodecException(Reason.TOO_LARGE, "access unit size (" + size + ") is too big, maximum is "
                + maxAccessUnitSize);
    }

    private List<byte[]> removeAdts(List<byte[]> aus) throws RtpCodecException {
        String[] error = new String[1];
        if (!firstAccessUnitParsed) {
            firstAccessUnitParsed = true;
            if (aus.size() == 1 && Adts.looksLikeAdts(aus.get(0))) {
                byte[] raw = Adts.unwrapSingle(aus.get(0), error);
                if (raw != null) {
                    adtsMode = true;
                    aus.set(0, raw);
                }
            }
        } else if (adtsMode) {
            if (aus.size() != 1) {
                throw RtpCodecException.malformed("multiple AUs in ADTS mode are not supported");
            }
            byte[] raw = Adts.unwrapSingle(aus.get(0), error);
            if (raw == null) {
                throw RtpCodecException.malformed("unable to decode ADTS: " + error[0]);
            }
            aus.set(0, raw);
        }
        return aus;
    }

    @Override
    public void reset() {
        fragments.clear();
    }
}
