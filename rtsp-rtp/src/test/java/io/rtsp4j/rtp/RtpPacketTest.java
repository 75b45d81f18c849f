package io.rtsp4j.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.rtsp4j.testing.Corpus;
import io.rtsp4j.testing.Hex;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RtpPacketTest {

    /** Every RTP packet written in the codec vectors of the corpus, named after its file and case. */
    static Stream<Arguments> corpusPackets() {
        List<Arguments> out = new ArrayList<>();
        for (var file : Corpus.list("rtp", "*.jsonl")) {
            String name = file.getFileName().toString();
            if (name.startsWith("rtcp")) {
                continue;
            }
            for (JsonNode rec : Corpus.jsonLines("rtp/" + name)) {
                int i = 0;
                for (JsonNode p : rec.path("packets")) {
                    out.add(Arguments.of(Named.of(name + " " + rec.path("name").asText() + " #" + i++, p)));
                }
                for (JsonNode s : rec.path("steps")) {
                    if (s.has("packet")) {
                        out.add(Arguments.of(Named.of(name + " " + rec.path("name").asText() + " #" + i++,
                                s.path("packet"))));
                    }
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest
    @MethodSource("corpusPackets")
    void decodesAndReencodesCorpusPackets(JsonNode json) throws Exception {
        byte[] wire = Hex.decode(json.path("packet").asText());
        if (json.path("header").path("version").asInt() != 2) {
            // test data of the upstream decoder tests, not valid RTP: only the builder can produce it
            assertThatThrownBy(() -> RtpPacket.decode(Unpooled.wrappedBuffer(wire)))
                    .isInstanceOf(RtpDecodeException.class).hasMessageContaining("version");
            assertThat(TestPackets.hex(TestPackets.fromJson(json))).isEqualTo(json.path("packet").asText());
            return;
        }
        ByteBuf buf = PooledByteBufAllocator.DEFAULT.buffer().writeBytes(wire);
        RtpPacket p = RtpPacket.decode(buf);
        try {
            JsonNode h = json.path("header");
            assertThat(p.version()).isEqualTo(h.path("version").asInt());
            assertThat(p.marker()).isEqualTo(h.path("marker").asBoolean());
            assertThat(p.payloadType()).isEqualTo(h.path("payloadType").asInt());
            assertThat(p.sequenceNumber()).isEqualTo(h.path("sequenceNumber").asInt());
            assertThat(p.timestamp()).isEqualTo(h.path("timestamp").asLong());
            assertThat(p.ssrc()).isEqualTo(h.path("ssrc").asLong());
            assertThat(Hex.encode(io.rtsp4j.rtp.internal.Bytes.copy(p.payload())))
                    .isEqualTo(json.path("payload").asText());
            assertThat(TestPackets.hex(p)).isEqualTo(json.path("packet").asText());
            assertThat(p).isEqualTo(TestPackets.fromJson(json));
            assertThat(buf.readerIndex()).isZero();
        } finally {
            p.release();
            buf.release();
        }
        assertThat(buf.refCnt()).isZero();
    }

    @Test
    void payloadIsARetainedSliceNotACopy() throws Exception {
        ByteBuf buf = PooledByteBufAllocator.DEFAULT.buffer().writeBytes(Hex.decode("80e003b1afb45733ba9da4160102"));
        RtpPacket p = RtpPacket.decode(buf);
        buf.release();
        assertThat(p.refCnt()).isEqualTo(1);
        buf.setByte(12, 0x55); // same memory
        assertThat(p.payload().getByte(p.payload().readerIndex())).isEqualTo((byte) 0x55);
        assertThat(p.release()).isTrue();
    }

    @Test
    void csrcsOneByteExtensionAndPadding() throws Exception {
        RtpPacket built = RtpPacket.builder()
                .marker(true).payloadType(111).sequenceNumber(65535).timestamp(0xFFFFFFFFL).ssrc(0x80000001L)
                .csrcs(List.of(1L, 0xFFFFFFFFL))
                .headerExtensions(List.of(new RtpHeaderExtension(1, new byte[] {0x30}),
                        new RtpHeaderExtension(14, new byte[16])))
                .paddingSize(3)
                .payload(new byte[] {9, 8, 7})
                .build();
        byte[] wire = built.encodeToBytes();
        assertThat(wire.length).isEqualTo(built.encodedSize()).isEqualTo(12 + 8 + 4 + 20 + 3 + 3);
        // the one-byte form: profile 0xBEDE, 5 words
        assertThat(Hex.encode(wire)).startsWith("b2ef" + "ffff" + "ffffffff" + "80000001" + "00000001" + "ffffffff"
                + "bede0005" + "1030" + "ef");
        assertThat(Hex.encode(wire)).endsWith("090807" + "000003");
        RtpPacket decoded = RtpPacket.decode(Unpooled.wrappedBuffer(wire));
        assertThat(decoded).isEqualTo(built);
        assertThat(decoded.csrcs()).containsExactly(1L, 0xFFFFFFFFL);
        assertThat(decoded.headerExtensions()).containsExactly(new RtpHeaderExtension(1, new byte[] {0x30}),
                new RtpHeaderExtension(14, new byte[16]));
        assertThat(decoded.headerExtension(1)).containsExactly(0x30);
        assertThat(decoded.headerExtension(2)).isNull();
        assertThat(decoded.paddingSize()).isEqualTo(3);
        assertThat(decoded.payloadSize()).isEqualTo(3);
    }

    @Test
    void twoByteExtensionWhenAnElementDoesNotFitTheOneByteForm() throws Exception {
        RtpPacket built = RtpPacket.builder().payloadType(96)
                .headerExtensions(List.of(new RtpHeaderExtension(200, new byte[] {1, 2}),
                        new RtpHeaderExtension(3, new byte[0])))
                .payload(new byte[] {1})
                .build();
        assertThat(built.extensionProfile()).isEqualTo(RtpPacket.EXTENSION_PROFILE_TWO_BYTE);
        byte[] wire = built.encodeToBytes();
        assertThat(Hex.encode(wire).substring(24)).startsWith("10000002" + "c8020102" + "0300" + "0000");
        RtpPacket decoded = RtpPacket.decode(Unpooled.wrappedBuffer(wire));
        assertThat(decoded.headerExtensions()).containsExactly(new RtpHeaderExtension(200, new byte[] {1, 2}),
                new RtpHeaderExtension(3, new byte[0]));
    }

    @Test
    void unknownExtensionProfileIsKeptRaw() throws Exception {
        byte[] wire = Hex.decode("9060000100000002000000030123000111223344aabb");
        RtpPacket p = RtpPacket.decode(Unpooled.wrappedBuffer(wire));
        assertThat(p.extensionProfile()).isEqualTo(0x0123);
        assertThat(p.extensionData()).containsExactly(0x11, 0x22, 0x33, 0x44);
        assertThat(p.headerExtensions()).isEmpty();
        assertThat(p.encodeToBytes()).isEqualTo(wire);
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of(Named.of("empty", ""), "too short"),
                Arguments.of(Named.of("11 bytes", "8060000100000002000000"), "too short"),
                Arguments.of(Named.of("version 1", "406000010000000200000003"), "version 1"),
                Arguments.of(Named.of("version 0", "006000010000000200000003"), "version 0"),
                Arguments.of(Named.of("csrc count beyond end", "826000010000000200000003aabbccdd"), "CSRC"),
                Arguments.of(Named.of("extension header missing", "90600001000000020000000301"), "extension"),
                Arguments.of(Named.of("extension length beyond end", "906000010000000200000003bede0002aabbccdd"),
                        "extension"),
                Arguments.of(Named.of("one-byte element beyond extension", "906000010000000200000003bede0001"
                        + "13aabbcc"), "element"),
                Arguments.of(Named.of("two-byte element beyond extension", "906000010000000200000003100000010105"
                        + "aabb"), "element"),
                Arguments.of(Named.of("padding bit without payload", "a06000010000000200000003"), "padding"),
                Arguments.of(Named.of("padding zero", "a0600001000000020000000301020300"), "padding"),
                Arguments.of(Named.of("padding larger than payload", "a0600001000000020000000301020305"),
                        "padding"));
    }

    @ParameterizedTest
    @MethodSource("malformed")
    void rejectsMalformedPackets(String hex, String messagePart) {
        ByteBuf buf = Unpooled.wrappedBuffer(Hex.decode(hex));
        assertThatThrownBy(() -> RtpPacket.decode(buf)).isInstanceOf(RtpDecodeException.class)
                .hasMessageContaining(messagePart);
        if (!messagePart.equals("element")) { // RtpHeaders does not look inside the extension
            assertThatThrownBy(() -> RtpHeaders.validate(buf, 0, buf.readableBytes()))
                    .isInstanceOf(RtpDecodeException.class);
        }
    }

    @Test
    void byteBufHolderContract() throws Exception {
        ByteBuf buf = ByteBufAllocator.DEFAULT.buffer().writeBytes(Hex.decode("80e003b1afb45733ba9da4160102"));
        RtpPacket p = RtpPacket.decode(buf);
        buf.release();
        RtpPacket copy = p.copy();
        RtpPacket dup = p.retainedDuplicate();
        RtpPacket rebuilt = p.toBuilder().sequenceNumber(7).build();
        assertThat(p.refCnt()).isEqualTo(3);
        assertThat(copy).isEqualTo(p);
        assertThat(rebuilt.sequenceNumber()).isEqualTo(7);
        assertThat(rebuilt.ssrc()).isEqualTo(p.ssrc());
        assertThat(p.toString()).contains("seq=945", "marker", "2 bytes");
        copy.release();
        dup.release();
        rebuilt.release();
        assertThat(p.release()).isTrue();
    }

    @Test
    void rewritingTheSsrcSharesThePayload() throws Exception {
        ByteBuf buf = PooledByteBufAllocator.DEFAULT.buffer().writeBytes(Hex.decode("80e003b1afb45733ba9da4160102"));
        RtpPacket p = RtpPacket.decode(buf);
        buf.release();
        RtpPacket stamped = p.withSsrc(0x11223344L);
        RtpPacket renumbered = stamped.withSequenceNumber(70000);
        assertThat(p.refCnt()).isEqualTo(3);
        assertThat(TestPackets.hex(stamped)).isEqualTo("80e003b1afb45733112233440102");
        assertThat(renumbered.sequenceNumber()).isEqualTo(70000 & 0xFFFF);
        assertThat(renumbered.ssrc()).isEqualTo(0x11223344L);
        renumbered.release();
        stamped.release();
        assertThat(p.release()).isTrue();
    }

    /** Seeded mutations of valid packets: whatever decodes re-encodes to bytes that decode to the same packet. */
    @Test
    void propertyDecodeEncodeDecode() {
        Random random = new Random(42);
        List<byte[]> seeds = new ArrayList<>();
        corpusPackets().limit(40).forEach(a -> seeds.add(Hex.decode(((JsonNode) ((Named<?>) a.get()[0])
                .getPayload()).path("packet").asText())));
        seeds.add(Hex.decode("b2ef" + "ffff" + "ffffffff" + "80000001" + "00000001" + "ffffffff" + "bede0002"
                + "10300100" + "00000000" + "090807000003"));
        int decoded = 0;
        for (int i = 0; i < 20_000; i++) {
            byte[] data = seeds.get(random.nextInt(seeds.size())).clone();
            int mutations = 1 + random.nextInt(4);
            for (int m = 0; m < mutations; m++) {
                switch (random.nextInt(3)) {
                    case 0 -> data[random.nextInt(data.length)] = (byte) random.nextInt(256);
                    case 1 -> data = java.util.Arrays.copyOf(data, random.nextInt(data.length + 1));
                    default -> data[Math.min(data.length - 1, random.nextInt(16))] ^= (byte) (1 << random.nextInt(8));
                }
                if (data.length == 0) {
                    break;
                }
            }
            RtpPacket p;
            try {
                p = RtpPacket.decode(Unpooled.wrappedBuffer(data));
            } catch (RtpDecodeException e) {
                continue;
            }
            decoded++;
            try {
                int header = RtpHeaders.validate(Unpooled.wrappedBuffer(data), 0, data.length);
                assertThat(header).isEqualTo(p.headerSize());
                p.headerExtensions();
                byte[] again = p.encodeToBytes();
                assertThat(again.length).isEqualTo(p.encodedSize());
                RtpPacket q = RtpPacket.decode(Unpooled.wrappedBuffer(again));
                assertThat(q).isEqualTo(p);
            } catch (RtpDecodeException e) {
                throw new AssertionError("re-encoded packet does not decode: " + Hex.encode(data), e);
            }
        }
        assertThat(decoded).isGreaterThan(1000);
    }
}
