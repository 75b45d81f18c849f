package io.rtsp4j.rtp;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.buffer.Unpooled;
import io.rtsp4j.testing.Hex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Builds packets from the corpus JSON and decodes the packet lists of the upstream fuzz corpus. */
public final class TestPackets {

    private TestPackets() {
    }

    /**
     * A packet from a corpus record {@code {"header": {...}, "payload": "<hex>"}}.
     *
     * @param json the record
     * @return a packet with a heap payload (no release needed)
     */
    public static RtpPacket fromJson(JsonNode json) {
        JsonNode h = json.path("header");
        return RtpPacket.builder()
                .version(h.path("version").asInt())
                .marker(h.path("marker").asBoolean())
                .payloadType(h.path("payloadType").asInt())
                .sequenceNumber(h.path("sequenceNumber").asInt())
                .timestamp(h.path("timestamp").asLong())
                .ssrc(h.path("ssrc").asLong())
                .payload(Hex.decode(json.path("payload").asText()))
                .build();
    }

    /**
     * The wire bytes of a packet in hex.
     *
     * @param packet the packet
     * @return lowercase hex
     */
    public static String hex(RtpPacket packet) {
        return Hex.encode(packet.encodeToBytes());
    }

    /**
     * Decodes the fuzz argument of the {@code rtp*}/{@code FuzzDecoder} targets: repeated (4-byte little-endian
     * length, marshaled RTP packet). Packets that are not valid RTP (the fuzzer does not keep version 2) are still
     * turned into packets from their fixed header and the bytes after it, so that the depacketizer sees every
     * payload.
     *
     * @param data the fuzz argument
     * @return the packets (heap payloads)
     */
    public static List<RtpPacket> fuzzPacketList(byte[] data) {
        List<RtpPacket> out = new ArrayList<>();
        int pos = 0;
        while (data.length - pos >= 4) {
            long len = (data[pos] & 0xFFL) | (data[pos + 1] & 0xFFL) << 8 | (data[pos + 2] & 0xFFL) << 16
                    | (data[pos + 3] & 0xFFL) << 24;
            pos += 4;
            if (len > data.length - pos) {
                len = data.length - pos;
            }
            byte[] raw = Arrays.copyOfRange(data, pos, pos + (int) len);
            pos += (int) len;
            out.add(lenient(raw));
        }
        out.removeIf(p -> p == null);
        return out;
    }

    /**
     * Decodes a packet strictly, or falls back to its fixed header fields and the bytes after it.
     *
     * @param raw the bytes
     * @return the packet, or null if shorter than 12 bytes
     */
    public static RtpPacket lenient(byte[] raw) {
        try {
            RtpPacket p = RtpPacket.decode(Unpooled.wrappedBuffer(raw));
            return p;
        } catch (RtpDecodeException e) {
            if (raw.length < 12) {
                return null;
            }
            return RtpPacket.builder()
                    .version(2)
                    .marker((raw[1] & 0x80) != 0)
                    .payloadType(raw[1] & 0x7F)
                    .sequenceNumber((raw[2] & 0xFF) << 8 | (raw[3] & 0xFF))
                    .timestamp((raw[4] & 0xFFL) << 24 | (raw[5] & 0xFFL) << 16 | (raw[6] & 0xFFL) << 8 | (raw[7] & 0xFFL))
                    .ssrc((raw[8] & 0xFFL) << 24 | (raw[9] & 0xFFL) << 16 | (raw[10] & 0xFFL) << 8 | (raw[11] & 0xFFL))
                    .payload(Arrays.copyOfRange(raw, 12, raw.length))
                    .build();
        }
    }
}
