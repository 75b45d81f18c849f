package io.rtsp4j.rtp.codec.mjpeg;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rtsp4j.testing.Corpus;
import io.rtsp4j.testing.Hex;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The "payload-header" records of rtp/mjpeg.jsonl: RFC 2435 headers decode to the fields and encode back. */
class MjpegHeadersTest {

    static Stream<Arguments> records() {
        return Corpus.jsonLines("rtp/mjpeg.jsonl").stream().filter(r -> r.path("mode").asText().equals("payload-header"))
                .map(r -> Arguments.of(Named.of("mjpeg.jsonl " + r.path("name").asText(), r)));
    }

    @ParameterizedTest
    @MethodSource("records")
    void header(JsonNode rec) throws Exception {
        byte[] wire = Hex.decode(rec.path("hex").asText());
        JsonNode d = rec.path("decoded");
        if (rec.path("headerType").asText().equals("quantizationTable")) {
            QuantizationTableHeader h = QuantizationTableHeader.decode(wire, 0, wire.length);
            assertThat(h.mbz()).isEqualTo(d.path("mbz").asInt());
            assertThat(h.precision()).isEqualTo(d.path("precision").asInt());
            List<String> tables = new ArrayList<>();
            h.tables().forEach(t -> tables.add(Hex.encode(t)));
            List<String> expected = new ArrayList<>();
            d.path("tables").forEach(t -> expected.add(t.asText()));
            assertThat(tables).isEqualTo(expected);
            assertThat(Hex.encode(h.encode())).isEqualTo(rec.path("hex").asText());
        } else {
            RestartMarkerHeader h = RestartMarkerHeader.decode(wire, 0, wire.length);
            assertThat(h).isEqualTo(new RestartMarkerHeader(d.path("interval").asInt(), d.path("count").asInt()));
            assertThat(Hex.encode(h.encode())).isEqualTo(rec.path("hex").asText());
        }
    }
}
