package io.rtsp4j.srtp.mikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.rtsp4j.testing.Corpus;
import io.rtsp4j.testing.Hex;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The MIKEY codec against every record of the corpus file srtp/mikey.jsonl, and its error reporting. */
class MikeyMessageTest {

    static Stream<Arguments> corpus() {
        List<Arguments> out = new ArrayList<>();
        for (JsonNode record : Corpus.jsonLines("srtp/mikey.jsonl")) {
            out.add(Arguments.of(Named.of(record.path("name").asText() + " (" + record.path("source").asText() + ")",
                    record)));
        }
        return out.stream();
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void decodesToTheCorpusFactsAndEncodesToTheMarshaledBytes(JsonNode record) throws MikeyException {
        assertThat(record.path("valid").asBoolean()).isTrue();
        MikeyMessage message = MikeyMessage.decode(Hex.decode(record.path("hex").asText()));
        JsonNode expected = record.path("decoded");
        JsonNode actual = MikeyJson.toJson(message);
        assertThat(actual.equals(MikeyJson.NUMERIC, expected)).as("decoded %s%nexpected %s", actual, expected).isTrue();
        byte[] encoded = message.encode();
        assertThat(Hex.encode(encoded)).isEqualTo(record.path("marshaledHex").asText());
        assertThat(MikeyMessage.decode(encoded)).isEqualTo(message);
        if (record.has("base64")) {
            assertThat(MikeyMessage.fromBase64(record.path("base64").asText())).isEqualTo(message);
            assertThat(message.toBase64()).isEqualTo(record.path("base64").asText());
        }
        assertThat(MikeyMessage.fromKeyMgmtAttribute(message.toKeyMgmtAttribute())).isEqualTo(message);
    }

    @Test
    void timestampOfSampleAIsAnNtpUtcTimeIn2025() throws MikeyException {
        JsonNode a = Corpus.jsonLines("srtp/mikey.jsonl").get(0);
        MikeyMessage message = MikeyMessage.decode(Hex.decode(a.path("hex").asText()));
        Instant instant = message.payload(MikeyTimestampPayload.class).orElseThrow().toInstant();
        assertThat(instant).isBetween(Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Test
    void ntpConversionRoundTrips() {
        for (String time : new String[] {"1970-01-01T00:00:00Z", "2025-06-20T12:34:56.789Z", "2036-02-07T06:28:16Z",
                "2040-01-01T00:00:00.5Z"}) {
            Instant instant = Instant.parse(time);
            Instant back = MikeyTimestampPayload.ntpUtc(instant).toInstant();
            assertThat(Math.abs(back.toEpochMilli() - instant.toEpochMilli())).as(time).isLessThanOrEqualTo(1);
        }
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("empty", "", "truncated header version"),
                Arguments.of("version 2", "02000000", "unsupported MIKEY version 2"),
                Arguments.of("header cut in the CSB ID", "0100000012", "truncated header CSB ID"),
                Arguments.of("map type 1", "01000000123456780001", "unsupported CS ID map type 1"),
                Arguments.of("map entry cut", "0100000012345678010000112233", "truncated SRTP-ID map entry 0"),
                Arguments.of("unknown payload 7 (CERT)", "01000700123456780000", "unsupported payload type 7"),
                Arguments.of("T payload cut", "01000500123456780000" + "0000" + "1122", "truncated T payload NTP timestamp"),
                Arguments.of("T type 3", "01000500123456780000" + "0003" + "0000", "unsupported T payload TS type 3"),
                Arguments.of("RAND longer than message", "01000b00123456780000" + "0010aa", "truncated RAND data"),
                Arguments.of("SP params overflow", "01000a00123456780000" + "0000000005" + "0100",
                        "truncated SP policy params"),
                Arguments.of("SP param value overflow", "01000a00123456780000" + "0000000002" + "00ff",
                        "truncated SP policy param 0 value"),
                Arguments.of("KEMAC sub-payload of type 5", "01000100123456780000" + "00000004" + "05200000" + "00",
                        "unsupported payload type 5 inside KEMAC"),
                Arguments.of("KEMAC MAC algorithm 2", "01000100123456780000" + "00000004" + "00200000" + "02",
                        "unsupported KEMAC MAC algorithm 2"),
                Arguments.of("KEMAC bytes left over", "01000100123456780000" + "00000005" + "00200000ff" + "00",
                        "1 unparsed bytes after the last key data sub-payload"),
                Arguments.of("garbage after last payload", "01000b00123456780000" + "0010" + "00000000000000000000000000000000" + "0001",
                        "2 unparsed bytes after the last payload"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void malformedInputNamesTheProblem(String name, String hex, String message) {
        assertThatThrownBy(() -> MikeyMessage.decode(Hex.decode(hex)))
                .isInstanceOf(MikeyException.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(((MikeyException) e).offset()).isGreaterThanOrEqualTo(0));
    }

    @Test
    void base64AndAttributeErrors() {
        assertThatThrownBy(() -> MikeyMessage.fromBase64("not base64 !!"))
                .isInstanceOf(MikeyException.class).hasMessageContaining("invalid base64");
        assertThatThrownBy(() -> MikeyMessage.fromKeyMgmtAttribute("sdes AAAA"))
                .isInstanceOf(MikeyException.class).hasMessageContaining("not mikey");
        assertThatThrownBy(() -> MikeyMessage.fromKeyMgmtAttribute("mikey"))
                .isInstanceOf(MikeyException.class).hasMessageContaining("no MIKEY data");
    }

    @Test
    void base64WithoutPaddingAndWithWhitespaceIsAccepted() throws MikeyException {
        JsonNode record = Corpus.jsonLines("srtp/mikey.jsonl").get(4);
        String base64 = record.path("base64").asText();
        String sloppy = base64.replace("=", "").substring(0, 20) + "\r\n " + base64.replace("=", "").substring(20);
        assertThat(MikeyMessage.fromBase64(sloppy)).isEqualTo(MikeyMessage.fromBase64(base64));
    }

    @Test
    void encryptedKemacIsKeptOpaqueAndRoundTrips() throws MikeyException {
        MikeyMessage message = new MikeyMessage(MikeyHeader.pskInit(7, List.of()), List.of(
                new MikeyKemacPayload(MikeyKemacPayload.ENCRYPTION_AES_CM_128, List.of(), new byte[] {1, 2, 3},
                        MikeyKemacPayload.MAC_HMAC_SHA1_160, new byte[20])));
        MikeyMessage back = MikeyMessage.decode(message.encode());
        assertThat(back).isEqualTo(message);
        assertThat(back.payload(MikeyKemacPayload.class).orElseThrow().encryptedData()).containsExactly(1, 2, 3);
    }

    @Test
    void keyDataWithSaltAndIntervalRoundTrips() throws MikeyException {
        MikeyKeyData withSalt = new MikeyKeyData(MikeyKeyData.TYPE_TEK_SALT, MikeyKeyData.KV_INTERVAL, new byte[16],
                new byte[14], new byte[0], new byte[] {1, 2}, new byte[] {3});
        MikeyMessage message = new MikeyMessage(MikeyHeader.pskInit(1, List.of(new MikeySrtpIdEntry(0, 1, 2))),
                List.of(new MikeyTimestampPayload(MikeyTimestampPayload.TS_TYPE_COUNTER, 99),
                        MikeyKemacPayload.plain(List.of(withSalt, MikeyKeyData.tek(new byte[30], new byte[] {9})))));
        assertThat(MikeyMessage.decode(message.encode())).isEqualTo(message);
        assertThat(message.toString()).contains("KeyData{type=3").doesNotContain("0000000000");
    }
}
