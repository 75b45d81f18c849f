package io.rtsp4j.rtp.codec;

import com.fasterxml.jackson.databind.JsonNode;
import io.rtsp4j.testing.Hex;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Connects a corpus codec file to this module's packetizer and depacketizer and converts media units between the
 * corpus JSON and Java.
 *
 * @param file the corpus file name without extension
 * @param mediaField the record field holding the media unit
 * @param listUnit whether the unit is a list of byte strings (else one byte string)
 * @param packetizer creates the packetizer from the common config and the encoder settings
 * @param depacketizer creates the depacketizer from the decoder settings
 */
public record CodecAdapter(String file, String mediaField, boolean listUnit,
        BiFunction<PacketizerConfig, JsonNode, Packetizer<?>> packetizer,
        Function<JsonNode, Depacketizer<?>> depacketizer) {

    /**
     * The media unit of a record as the packetizer's input type.
     *
     * @param rec the record
     * @return a {@code List<byte[]>} or a {@code byte[]}
     */
    public Object unit(JsonNode rec) {
        return fromJson(rec.path(mediaField));
    }

    /**
     * Converts a JSON hex string or list of hex strings.
     *
     * @param node the JSON
     * @return a {@code List<byte[]>} or a {@code byte[]}
     */
    public Object fromJson(JsonNode node) {
        if (listUnit) {
            List<byte[]> out = new ArrayList<>();
            node.forEach(n -> out.add(Hex.decode(n.asText())));
            return out;
        }
        return Hex.decode(node.asText());
    }

    /**
     * A comparable form of a unit: hex strings.
     *
     * @param unit a {@code List<byte[]>} or a {@code byte[]}
     * @return a list of hex strings or one hex string
     */
    @SuppressWarnings("unchecked")
    public static Object comparable(Object unit) {
        if (unit instanceof byte[] b) {
            return Hex.encode(b);
        }
        List<String> out = new ArrayList<>();
        for (byte[] b : (List<byte[]>) unit) {
            out.add(Hex.encode(b));
        }
        return out;
    }

    /**
     * Concatenates decoded units.
     *
     * @param units decoded units
     * @return one unit (list concatenation or byte concatenation)
     */
    @SuppressWarnings("unchecked")
    public Object accumulate(List<Object> units) {
        if (listUnit) {
            List<byte[]> out = new ArrayList<>();
            units.forEach(u -> out.addAll((List<byte[]>) u));
            return out;
        }
        StringBuilder sb = new StringBuilder();
        units.forEach(u -> sb.append(Hex.encode((byte[]) u)));
        return Hex.decode(sb.toString());
    }

    @Override
    public String toString() {
        return file;
    }
}
