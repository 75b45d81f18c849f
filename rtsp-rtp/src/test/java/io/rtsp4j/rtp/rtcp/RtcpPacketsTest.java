package io.rtsp4j.rtp.rtcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.rtsp4j.testing.Corpus;
import io.rtsp4j.testing.Hex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RtcpPacketsTest {

    static Stream<Arguments> corpus() {
        return Corpus.jsonLines("rtp/rtcp.jsonl").stream()
                .map(r -> Arguments.of(Named.of("rtcp.jsonl " + r.path("name").asText(), r)));
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void corpusRecords(JsonNode rec) throws Exception {
        ByteBuf wire = Unpooled.wrappedBuffer(Hex.decode(rec.path("hex").asText()));
        if (!rec.path("valid").asBoolean()) {
            assertThatThrownBy(() -> RtcpPackets.decodeCompound(wire)).isInstanceOf(RtcpDecodeException.class)
                    .hasMessageContaining("packet too short"); // upstream: "rtcp: packet too short"
            return;
        }
        List<RtcpPacket> expected = new ArrayList<>();
        for (JsonNode p : rec.path("packets")) {
            expected.add(RtcpJson.packet(p));
        }
        List<RtcpPacket> decoded = RtcpPackets.decodeCompound(wire);
        assertThat(decoded).isEqualTo(expected);
        if (rec.path("kind").asText().equals("report")) {
            // the report vectors are canonical wire forms: encoding gives the bytes back
            ByteBuf out = RtcpPackets.encodeCompound(expected, ByteBufAllocator.DEFAULT);
            try {
                assertThat(Hex.encode(io.rtsp4j.rtp.internal.Bytes.copy(out))).isEqualTo(rec.path("hex").asText());
            } finally {
                out.release();
            }
        } else {
            // re-encoding adds the END item and padding the Hanwha camera omitted; it must decode the same
            ByteBuf out = Unpooled.buffer();
            RtcpPackets.encodeCompound(decoded, out);
            assertThat(RtcpPackets.decodeCompound(out)).isEqualTo(expected);
        }
    }

    static Stream<Arguments> fuzz() {
        return Corpus.fuzzInputs("rtcpunmarshaler", "FuzzUnmarshal").stream()
                .map(f -> Arguments.of(Named.of(f.file(), f.first())));
    }

    @ParameterizedTest
    @MethodSource("fuzz")
    void upstreamFuzzInputsDoNotCrash(byte[] input) {
        decodeReencode(input);
    }

    @Test
    void allPacketTypesRoundTrip() throws Exception {
        List<RtcpPacket> packets = List.of(
                new SenderReport(1, 0xE363887A17CED916L, 2, 3, 4,
                        List.of(new ReceptionReport(5, 255, 0xFFFFFF, 0xFFFFFFFFL, 7, 8, 9)), new byte[] {1, 2, 3, 4}),
                new ReceiverReport(0xFFFFFFFFL, List.of(new ReceptionReport(1, 2, 3, 4, 5, 6, 7),
                        new ReceptionReport(8, 9, 10, 11, 12, 13, 14))),
                new SourceDescription(List.of(
                        new SourceDescription.Chunk(1, List.of(new SourceDescription.Item(1, "user@host"),
                                new SourceDescription.Item(6, "rtsp4j"))),
                        new SourceDescription.Chunk(2, List.of()))),
                new Goodbye(List.of(1L, 2L), "teardown"),
                new Goodbye(List.of(3L), ""),
                new ApplicationDefined(3, 77, "ABCD", new byte[] {1, 2, 3, 4, 5, 6, 7, 8}),
                new UnknownRtcpPacket(206, 1, new byte[] {0, 0, 0, 1, 0, 0, 0, 2}),
                new UnknownRtcpPacket(205, 15, new byte[] {1, 2, 3, 4, 5}));
        ByteBuf out = Unpooled.buffer();
        RtcpPackets.encodeCompound(packets, out);
        assertThat(out.readableBytes()).isEqualTo(RtcpPackets.encodedSize(packets));
        for (RtcpPacket p : packets) {
            assertThat(p.encodedSize() % 4).isZero();
        }
        List<RtcpPacket> decoded = RtcpPackets.decodeCompound(out);
        // the 5-byte unknown body was padded: the padding is removed again on decoding
        assertThat(decoded).isEqualTo(packets);
        assertThat(((UnknownRtcpPacket) decoded.get(6)).senderSsrc()).isEqualTo(1);
    }

    @Test
    void sdesEncodingEndsEveryChunkWithEndAndPadding() {
        ByteBuf out = Unpooled.buffer();
        SourceDescription.cname(0x11223344L, "camera").encodeTo(out);
        // Hanwha sample plus the END item and 3 bytes of padding: length 4 words
        assertThat(Hex.encode(io.rtsp4j.rtp.internal.Bytes.copy(out))).isEqualTo("81ca0004112233440106"
                + "63616d657261" + "00000000");
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of(Named.of("empty", ""), "too short"),
                Arguments.of(Named.of("three bytes", "80c800"), "too short"),
                Arguments.of(Named.of("version 1", "40c80000"), "version"),
                Arguments.of(Named.of("length beyond buffer", "80c8000600000000"), "too short"),
                Arguments.of(Named.of("SR body too short", "80c8000100000000"), "too short"),
                Arguments.of(Named.of("RR blocks missing", "81c9000100000000"), "too short"),
                Arguments.of(Named.of("zero padding", "a0c9000100000000"), "padding"),
                Arguments.of(Named.of("padding larger than body", "a0c9000100000009"), "padding"),
                Arguments.of(Named.of("SDES item beyond packet", "81ca00021122334401ff0000"), "too short"),
                Arguments.of(Named.of("SDES chunks missing", "82ca0002112233440100000000"), "too short"),
                Arguments.of(Named.of("BYE sources missing", "82cb000100000001"), "too short"),
                Arguments.of(Named.of("BYE reason beyond packet", "81cb00020000000105616200"), "too short"),
                Arguments.of(Named.of("APP too short", "80cc000100000001"), "too short"),
                Arguments.of(Named.of("second packet truncated", "81c90001000000018000"), "too short"));
    }

    @ParameterizedTest
    @MethodSource("malformed")
    void rejectsMalformed(String hex, String messagePart) {
        assertThatThrownBy(() -> RtcpPackets.decodeCompound(Unpooled.wrappedBuffer(Hex.decode(hex))))
                .isInstanceOf(RtcpDecodeException.class).hasMessageContaining(messagePart);
    }

    /** Seeded mutations of valid compound packets: parse ok implies encode ok and re-parse equal. */
    @Test
    void propertyMutations() throws Exception {
        List<byte[]> seeds = new ArrayList<>();
        for (JsonNode rec : Corpus.jsonLines("rtp/rtcp.jsonl")) {
            seeds.add(Hex.decode(rec.path("hex").asText()));
        }
        ByteBuf all = Unpooled.buffer();
        RtcpPackets.encodeCompound(List.of(new Goodbye(List.of(1L), "bye"),
                new ApplicationDefined(1, 2, "QWER", new byte[4]), new UnknownRtcpPacket(207, 0, new byte[8])), all);
        seeds.add(io.rtsp4j.rtp.internal.Bytes.copy(all));
        Random random = new Random(7);
        int ok = 0;
        for (int i = 0; i < 20_000; i++) {
            byte[] data = seeds.get(random.nextInt(seeds.size())).clone();
            for (int m = 1 + random.nextInt(3); m > 0 && data.length > 0; m--) {
                if (random.nextInt(4) == 0) {
                    data = Arrays.copyOf(data, random.nextInt(data.length + 1));
                } else if (data.length > 0) {
                    data[random.nextInt(data.length)] = (byte) random.nextInt(256);
                }
            }
            if (decodeReencode(data)) {
                ok++;
            }
        }
        assertThat(ok).isGreaterThan(500);
    }

    private static boolean decodeReencode(byte[] data) {
        List<RtcpPacket> packets;
        try {
            packets = RtcpPackets.decodeCompound(Unpooled.wrappedBuffer(data));
        } catch (RtcpDecodeException e) {
            return false;
        }
        ByteBuf out = Unpooled.buffer();
        RtcpPackets.encodeCompound(packets, out);
        try {
            assertThat(RtcpPackets.decodeCompound(out)).isEqualTo(packets);
        } catch (RtcpDecodeException e) {
            throw new AssertionError("re-encoded compound packet does not decode: " + Hex.encode(data), e);
        }
        return true;
    }
}
