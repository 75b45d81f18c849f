package io.rtsp4j.rtp.codec.av1;

import io.rtsp4j.rtp.RtpPacket;
import io.rtsp4j.rtp.codec.Packetizer;
import io.rtsp4j.rtp.codec.PacketizerConfig;
import io.rtsp4j.rtp.internal.PacketWriter;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Packetizes AV1 temporal units (lists of OBUs) per the AOM "RTP Payload Format for AV1".
 *
 * <p>A temporal unit of one OBU is sent as one OBU element per packet (W=1, no length field), fragmented with the
 * Y/Z bits when larger than a packet. Several OBUs are sent as length-prefixed OBU elements filling each packet,
 * fragmenting across packets; in the last packet the final element drops its length field (W = element count)
 * when there are at most three elements. N is set on the first packet when the unit holds a sequence header OBU;
 * the marker bit on the last packet. OBUs are sent as given (their own size fields are kept).
 */
public final class Av1Packetizer implements Packetizer<List<byte[]>> {

    private static final int OBU_SEQUENCE_HEADER = 1;

    private final PacketWriter writer;

    /**
     * Creates a packetizer.
     *
     * @param config the common settings (dynamic payload type, default 96)
     */
    public Av1Packetizer(PacketizerConfig config) {
        this.writer = new PacketWriter(config, 96, 8);
    }

    /**
     * Packetizes a temporal unit.
     *
     * @param obus the OBUs of the temporal unit, in order
     * @param timestamp the RTP timestamp
     * @return the packets
     */
    @Override
    public List<RtpPacket> packetize(List<byte[]> obus, long timestamp) {
        if (obus.isEmpty()) {
            throw new IllegalArgumentException("temporal unit has no OBU");
        }
        for (byte[] obu : obus) {
            if (obu.length == 0) {
                throw new IllegalArgumentException("empty OBU");
            }
        }
        boolean newSequence = false;
        for (byte[] obu : obus) {
            newSequence |= ((obu[0] >>> 3) & 0x0F) == OBU_SEQUENCE_HEADER;
        }
        List<Payload> payloads = obus.size() == 1 ? single(obus.get(0)) : aggregated(obus);
        if (newSequence) {
            payloads.get(0).header |= 0x08;
        }
        List<RtpPacket> out = new ArrayList<>(payloads.size());
        for (int i = 0; i < payloads.size(); i++) {
            out.add(writer.packet(i == payloads.size() - 1, timestamp, payloads.get(i).toBytes()));
        }
        return out;
    }

    /** One OBU: W=1 elements without length fields, fragmented over as many packets as needed. */
    private List<Payload> single(byte[] obu) {
        int avail = writer.maxPayloadSize() - 1;
        List<Payload> out = new ArrayList<>();
        for (int pos = 0; pos < obu.length; pos += avail) {
            int len = Math.min(avail, obu.length - pos);
            Payload p = new Payload();
            p.header = 0x10 | (pos > 0 ? 0x80 : 0) | (pos + len < obu.length ? 0x40 : 0);
            p.body.write(obu, pos, len);
            out.add(p);
        }
        return out;
    }

    /** Several OBUs: length-prefixed elements; the last packet drops the last length field when W allows it. */
    private List<Payload> aggregated(List<byte[]> obus) {
        int max = writer.maxPayloadSize();
        List<Payload> out = new ArrayList<>();
        Payload current = new Payload();
        out.add(current);
        for (byte[] obu : obus) {
            int pos = 0;
            while (true) {
                int avail = max - 1 - current.body.size();
                int remaining = obu.length - pos;
                if (Leb128.size(remaining) + remaining <= avail) {
                    current.element(obu, pos, remaining);
                    break;
                }
                boolean fragmentWritten = false;
                if (avail > 2) {
                    int len = avail - 1;
                    while (Leb128.size(len) + len > avail) {
                        len--;
                    }
                    current.element(obu, pos, len);
                    pos += len;
                    fragmentWritten = true;
                }
                Payload next = new Payload();
                if (fragmentWritten) {
                    current.header |= 0x40; // Y: the last element continues in the next packet
                    next.header = 0x80; // Z: the first element continues the previous packet's last one
                }
                current = next;
                out.add(current);
            }
        }
        Payload last = out.get(out.size() - 1);
        if (last.elements <= 3) {
            last.dropLastLengthField();
        }
        return out;
    }

    /** An AV1 RTP payload being built: aggregation header and OBU elements. */
    private static final class Payload {
        int header;
        int elements;
        int lastElementStart;
        int lastLengthFieldSize;
        ByteArrayOutputStream body = new ByteArrayOutputStream();

        void element(byte[] data, int off, int len) {
            lastElementStart = body.size();
            byte[] leb = Leb128.encode(len);
            lastLengthFieldSize = leb.length;
            body.write(leb, 0, leb.length);
            body.write(data, off, len);
            elements++;
        }

        void dropLastLengthField() {
            byte[] b = body.toByteArray();
            body = new ByteArrayOutputStream();
            body.write(b, 0, lastElementStart);
            body.write(b, lastElementStart + lastLengthFieldSize, b.length - lastElementStart - lastLengthFieldSize);
            header |= elements << 4;
        }

        byte[] toBytes() {
            byte[] b = body.toByteArray();
            byte[] out = new byte[1 + b.length];
            out[0] = (byte) header;
            System.arraycopy(b, 0, out, 1, b.length);
            return out;
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
