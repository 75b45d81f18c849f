package io.rtsp4j.examples.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.rtsp4j.sdp.description.Session;
import io.rtsp4j.sdp.format.H264Format;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BenchPayloadTest {

    static Stream<Arguments> payloads() {
        return Stream.of(
                Arguments.of(Named.of("smallest key frame", BenchPayload.MIN_SIZE), true, 0L, 0L, 1),
                Arguments.of(Named.of("1200 B slice", 1200), false, 123_456L, 9_876_543_210L, -7),
                Arguments.of(Named.of("largest numbers", 65_000), true, (1L << 63) - 1, (1L << 63) - 1,
                        Integer.MIN_VALUE));
    }

    @ParameterizedTest
    @MethodSource("payloads")
    void writesAndLocatesTheFields(int size, boolean key, long seq, long time, int run) {
        ByteBuf buf = Unpooled.buffer();
        try {
            BenchPayload.write(buf, size, key, run, seq, time);
            assertThat(buf.readableBytes()).isEqualTo(size);
            assertThat(buf.getByte(0) & 0xFF).isEqualTo(key ? BenchPayload.NAL_IDR : BenchPayload.NAL_NON_IDR);
            assertThat(buf.getByte(size - 1) & 0xFF).isEqualTo(0x80);
            for (int i = 1; i < size; i++) {
                assertThat(buf.getByte(i)).as("byte %d: no zero byte, so no start code", i).isNotZero();
            }
            int base = BenchPayload.locate(buf, 0, size, run);
            assertThat(base).isZero();
            assertThat(BenchPayload.sequence(buf, base)).isEqualTo(seq);
            assertThat(BenchPayload.sendNanos(buf, base)).isEqualTo(time);
            assertThat(BenchPayload.locate(buf, 0, size, run + 1)).as("another run").isEqualTo(-1);
        } finally {
            buf.release();
        }
    }

    @Test
    void findsTheFieldsInTheFirstFuAFragmentOnly() {
        ByteBuf unit = Unpooled.buffer();
        ByteBuf first = Unpooled.buffer();
        ByteBuf second = Unpooled.buffer();
        try {
            BenchPayload.write(unit, 600, true, 42, 77, 88);
            // FU-A as RFC 6184 §5.8: indicator (NRI of the unit, type 28), header (S/E bits, type of the unit)
            first.writeByte((unit.getByte(0) & 0x60) | 28).writeByte(0x80 | 5).writeBytes(unit, 1, 300);
            second.writeByte((unit.getByte(0) & 0x60) | 28).writeByte(0x40 | 5).writeBytes(unit, 301, 299);
            int base = BenchPayload.locate(first, 0, first.readableBytes(), 42);
            assertThat(base).isEqualTo(1);
            assertThat(BenchPayload.sequence(first, base)).isEqualTo(77);
            assertThat(BenchPayload.sendNanos(first, base)).isEqualTo(88);
            assertThat(BenchPayload.locate(second, 0, second.readableBytes(), 42)).isEqualTo(-1);
        } finally {
            unit.release();
            first.release();
            second.release();
        }
    }

    @Test
    void findsTheFieldsInTheFirstUnitOfAStapA() {
        ByteBuf unit = Unpooled.buffer();
        ByteBuf stap = Unpooled.buffer();
        try {
            BenchPayload.write(unit, 100, false, 5, 1000, 2000);
            stap.writeByte(0x78).writeShort(100).writeBytes(unit, 0, 100).writeShort(2).writeByte(0x68).writeByte(0xCE);
            int base = BenchPayload.locate(stap, 0, stap.readableBytes(), 5);
            assertThat(base).isEqualTo(3);
            assertThat(BenchPayload.sequence(stap, base)).isEqualTo(1000);
        } finally {
            unit.release();
            stap.release();
        }
    }

    @Test
    void rejectsOtherUnits() {
        ByteBuf sps = Unpooled.wrappedBuffer(BenchPayload.SPS);
        assertThat(BenchPayload.locate(sps, 0, sps.readableBytes(), 0)).isEqualTo(-1);
        assertThat(BenchPayload.locate(sps, 0, 0, 0)).isEqualTo(-1);
    }

    /** Property: arbitrary bytes (mutated valid payloads and noise) never make locate or the readers throw. */
    @Test
    void mutatedPayloadsNeverThrow() {
        Random random = new Random(1234);
        for (int i = 0; i < 20_000; i++) {
            ByteBuf buf = Unpooled.buffer();
            try {
                BenchPayload.write(buf, BenchPayload.MIN_SIZE + random.nextInt(64), random.nextBoolean(), 9, i, i);
                int len = random.nextInt(buf.readableBytes() + 1);
                for (int m = random.nextInt(4); m > 0; m--) {
                    buf.setByte(random.nextInt(buf.readableBytes()), random.nextInt(256));
                }
                if (random.nextInt(4) == 0) {
                    buf.setByte(0, random.nextBoolean() ? 28 | 0x60 : 24);
                }
                int base = BenchPayload.locate(buf, 0, len, 9);
                if (base >= 0) {
                    BenchPayload.sequence(buf, base);
                    BenchPayload.sendNanos(buf, base);
                }
            } finally {
                buf.release();
            }
        }
    }

    @Test
    void sdpAnnouncesOneH264MediaWithParameterSets() {
        Session session = Session.parse(BenchPayload.sdp("127.0.0.1"));
        assertThat(session.medias()).hasSize(1);
        assertThat(session.medias().get(0).type()).isEqualTo("video");
        assertThat(session.medias().get(0).formats()).hasSize(1);
        H264Format h264 = (H264Format) session.medias().get(0).formats().get(0);
        assertThat(h264.payloadType()).isEqualTo(BenchPayload.PAYLOAD_TYPE);
        assertThat(h264.sps()).isEqualTo(BenchPayload.SPS);
        assertThat(h264.pps()).isEqualTo(BenchPayload.PPS);
        assertThat(h264.packetizationMode()).isEqualTo(1);
    }
}
