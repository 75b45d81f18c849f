package io.rtsp4j.rtp.rtcp;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** Converts the corpus JSON schema of RTCP packets into packet objects. */
public final class RtcpJson {

    private RtcpJson() {
    }

    /**
     * A packet from {@code {type: SR|RR|SDES, ...}}.
     *
     * @param json the record
     * @return the packet
     */
    public static RtcpPacket packet(JsonNode json) {
        switch (json.path("type").asText()) {
            case "SR":
                return new SenderReport(json.path("ssrc").asLong(), new BigInteger(json.path("ntpTime").asText())
                        .longValue(), json.path("rtpTime").asLong(), json.path("packetCount").asLong(),
                        json.path("octetCount").asLong(), reports(json.path("reports")));
            case "RR":
                return new ReceiverReport(json.path("ssrc").asLong(), reports(json.path("reports")));
            case "SDES": {
                List<SourceDescription.Chunk> chunks = new ArrayList<>();
                for (JsonNode c : json.path("chunks")) {
                    List<SourceDescription.Item> items = new ArrayList<>();
                    for (JsonNode i : c.path("items")) {
                        items.add(new SourceDescription.Item(i.path("type").asInt(), i.path("text").asText()));
                    }
                    chunks.add(new SourceDescription.Chunk(c.path("source").asLong(), items));
                }
                return new SourceDescription(chunks);
            }
            default:
                throw new IllegalArgumentException("unknown type " + json);
        }
    }

    /**
     * A reception report block.
     *
     * @param r the record
     * @return the block
     */
    public static ReceptionReport report(JsonNode r) {
        return new ReceptionReport(r.path("ssrc").asLong(), r.path("fractionLost").asInt(),
                r.path("totalLost").asInt(), r.path("lastSequenceNumber").asLong(), r.path("jitter").asLong(),
                r.path("lastSenderReport").asLong(), r.path("delay").asLong());
    }

    private static List<ReceptionReport> reports(JsonNode array) {
        List<ReceptionReport> out = new ArrayList<>();
        for (JsonNode r : array) {
            out.add(report(r));
        }
        return out;
    }
}
