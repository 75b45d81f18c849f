package io.rtsp4j.srtp;

import static io.rtsp4j.srtp.TestPackets.buffer;
import static io.rtsp4j.srtp.TestPackets.bytes;
import static io.rtsp4j.srtp.TestPackets.randomKey;
import static io.rtsp4j.srtp.TestPackets.randomPayload;
import static io.rtsp4j.srtp.TestPackets.rtp;
import static io.rtsp4j.srtp.TestPackets.senderReport;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.rtsp4j.testing.Hex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Behaviour of {@link SrtpContext}: buffers, failures as values, replay, ROC, SSRC limits, MKI. */
class SrtpContextTest {

    private static final long SSRC = 0x11223344L;
    private static final byte[] MKI = {(byte) 0xde, (byte) 0xad, (byte) 0xbe, (byte) 0xef};

    /** How a test packet is laid out in memory. */
    enum BufferKind {
        HEAP(bytes -> buffer(bytes)),
        HEAP_WITH_OFFSET(bytes -> {
            // A slice of a larger array: array offset and reader index are not 0.
            ByteBuf big = Unpooled.buffer(bytes.length + 600);
            big.writeZero(100);
            big.writeBytes(bytes);
            big.readerIndex(100);
            return big;
        }),
        DIRECT(bytes -> {
            ByteBuf buf = Unpooled.directBuffer(bytes.length + SrtpProfile.MAX_RTCP_OVERHEAD);
            buf.writeBytes(bytes);
            return buf;
        }),
        COMPOSITE(bytes -> {
            CompositeByteBuf buf = Unpooled.compositeBuffer();
            int half = bytes.length / 2;
            buf.addComponent(true, Unpooled.wrappedBuffer(Arrays.copyOfRange(bytes, 0, half)));
            buf.addComponent(true, Unpooled.wrappedBuffer(Arrays.copyOfRange(bytes, half, bytes.length)));
            return buf;
        });

        private final Function<byte[], ByteBuf> factory;

        BufferKind(Function<byte[], ByteBuf> factory) {
            this.factory = factory;
        }

        ByteBuf wrap(byte[] bytes) {
            return factory.apply(bytes);
        }
    }

    static Stream<Arguments> profilesAndBuffers() {
        List<Arguments> out = new ArrayList<>();
        for (SrtpProfile profile : SrtpProfile.values()) {
            for (BufferKind kind : BufferKind.values()) {
                for (boolean mki : new boolean[] {false, true}) {
                    for (boolean encrypt : new boolean[] {true, false}) {
                        out.add(Arguments.of(Named.of(profile + " " + kind + (mki ? " MKI" : "")
                                + (encrypt ? "" : " auth-only"), profile), kind, mki, encrypt));
                    }
                }
            }
        }
        return out.stream();
    }

    /** Packets with CSRCs and a header extension as well as plain ones. */
    private static byte[] randomRtp(Random random, int seq) {
        byte[] payload = randomPayload(random, random.nextInt(1400));
        byte[] plain = rtp(seq, seq * 3000L, SSRC, payload);
        if (random.nextInt(3) == 0 && payload.length >= 16) {
            plain[0] |= 0x02;            // two CSRCs
            plain[0] |= 0x10;            // and an extension of one word after them
            plain[12 + 8 + 2] = 0;
            plain[12 + 8 + 3] = 1;
        }
        return plain;
    }

    @ParameterizedTest
    @MethodSource("profilesAndBuffers")
    void protectThenUnprotectGivesThePacketBack(SrtpProfile profile, BufferKind kind, boolean withMki,
            boolean encrypt) {
        Random random = new Random(profile.ordinal() * 100 + kind.ordinal());
        SrtpKeyMaterial key = randomKey(profile, random).withEncryption(encrypt, encrypt);
        if (withMki) {
            key = key.withMki(MKI);
        }
        SrtpContext sender = SrtpContext.create(key);
        SrtpContext receiver = SrtpContext.create(key);
        int expectedRtpOverhead = profile.rtpAuthTagLength() + (withMki ? 4 : 0);
        assertThat(sender.rtpOverhead()).isEqualTo(expectedRtpOverhead);
        assertThat(sender.rtcpOverhead()).isEqualTo(profile.rtcpAuthTagLength() + 4 + (withMki ? 4 : 0));
        for (int i = 0; i < 40; i++) {
            byte[] plain = randomRtp(random, 1000 + i);
            ByteBuf buf = kind.wrap(plain);
            try {
                int reader = buf.readerIndex();
                int writer = buf.writerIndex();
                assertThat(sender.protectRtp(buf)).isEqualTo(SrtpResult.OK);
                assertThat(buf.readerIndex()).isEqualTo(reader);
                assertThat(buf.writerIndex()).isEqualTo(writer + expectedRtpOverhead);
                byte[] sent = bytes(buf);
                assertThat(Arrays.copyOf(sent, 12)).isEqualTo(Arrays.copyOf(plain, 12));
                if (!encrypt) {
                    assertThat(Arrays.copyOf(sent, plain.length)).isEqualTo(plain);
                }
                assertThat(receiver.unprotectRtp(buf)).isEqualTo(SrtpResult.OK);
                assertThat(buf.readerIndex()).isEqualTo(reader);
                assertThat(bytes(buf)).isEqualTo(plain);
            } finally {
                buf.release();
            }
        }
        for (int i = 0; i < 10; i++) {
            byte[] plain = senderReport(SSRC, i * 7);
            ByteBuf buf = kind.wrap(plain);
            try {
                assertThat(sender.protectRtcp(buf)).isEqualTo(SrtpResult.OK);
                assertThat(buf.readableBytes()).isEqualTo(plain.length + sender.rtcpOverhead());
                assertThat(receiver.unprotectRtcp(buf)).isEqualTo(SrtpResult.OK);
                assertThat(bytes(buf)).isEqualTo(plain);
            } finally {
                buf.release();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void everySingleBitFlipIsRejectedAndLeavesTheBufferUnchanged(SrtpProfile profile) {
        Random random = new Random(7);
        SrtpKeyMaterial key = randomKey(profile, random);
        byte[] rtpPacket = protect(SrtpContext.create(key), rtp(5, 0, SSRC, randomPayload(random, 20)), false);
        byte[] rtcpPacket = protect(SrtpContext.create(key), senderReport(SSRC, 0), true);
        for (boolean rtcp : new boolean[] {false, true}) {
            byte[] packet = rtcp ? rtcpPacket : rtpPacket;
            for (int bit = 0; bit < packet.length * 8; bit++) {
                byte[] mutated = packet.clone();
                mutated[bit / 8] ^= (byte) (1 << (bit % 8));
                SrtpContext receiver = SrtpContext.create(key);
                ByteBuf buf = buffer(mutated);
                try {
                    SrtpResult result = rtcp ? receiver.unprotectRtcp(buf) : receiver.unprotectRtp(buf);
                    assertThat(result).as("%s bit %d", rtcp ? "RTCP" : "RTP", bit).isNotEqualTo(SrtpResult.OK);
                    assertThat(buf.readerIndex()).isZero();
                    assertThat(bytes(buf)).isEqualTo(mutated);
                } finally {
                    buf.release();
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void everyTruncationIsRejected(SrtpProfile profile) {
        Random random = new Random(8);
        SrtpKeyMaterial key = randomKey(profile, random).withMki(MKI);
        byte[] rtpPacket = protect(SrtpContext.create(key), rtp(5, 0, SSRC, randomPayload(random, 30)), false);
        byte[] rtcpPacket = protect(SrtpContext.create(key), senderReport(SSRC, 1), true);
        for (int length = 0; length < rtpPacket.length; length++) {
            assertThat(unprotect(SrtpContext.create(key), Arrays.copyOf(rtpPacket, length), false))
                    .as("RTP length %d", length).isNotEqualTo(SrtpResult.OK);
        }
        for (int length = 0; length < rtcpPacket.length; length++) {
            assertThat(unprotect(SrtpContext.create(key), Arrays.copyOf(rtcpPacket, length), true))
                    .as("RTCP length %d", length).isNotEqualTo(SrtpResult.OK);
        }
    }

    @Test
    void shortAndMalformedPacketsAreResultsNotExceptions() {
        SrtpContext ctx = SrtpContext.create(randomKey(SrtpProfile.AES_CM_128_HMAC_SHA1_80, new Random(1)));
        assertThat(protectRaw(ctx, new byte[11], false)).isEqualTo(SrtpResult.TOO_SHORT);
        assertThat(protectRaw(ctx, new byte[12], false)).isEqualTo(SrtpResult.MALFORMED);
        assertThat(protectRaw(ctx, new byte[7], true)).isEqualTo(SrtpResult.TOO_SHORT);
        assertThat(protectRaw(ctx, new byte[8], true)).isEqualTo(SrtpResult.MALFORMED);
        byte[] csrcs = rtp(1, 0, SSRC, new byte[8]);
        csrcs[0] |= 0x03; // claims three CSRCs (12 bytes) but has 8 bytes after the fixed header
        assertThat(protectRaw(ctx, csrcs, false)).isEqualTo(SrtpResult.TOO_SHORT);
        byte[] extension = rtp(1, 0, SSRC, new byte[8]);
        extension[0] |= 0x10;
        extension[15] = 2; // extension of 2 words, only one present
        assertThat(protectRaw(ctx, extension, false)).isEqualTo(SrtpResult.TOO_SHORT);
        assertThat(unprotect(ctx, new byte[0], false)).isEqualTo(SrtpResult.TOO_SHORT);
        assertThat(unprotect(ctx, rtp(1, 0, SSRC, new byte[5]), false)).isEqualTo(SrtpResult.TOO_SHORT);
        assertThat(unprotect(ctx, senderReport(SSRC, 0), true)).isEqualTo(SrtpResult.AUTH_FAILED);
        assertThat(unprotect(ctx, new byte[30], true)).isEqualTo(SrtpResult.MALFORMED);
    }

    @Test
    void emptyPayloadIsProtected() {
        // Firewall-opening packets are bare RTP headers; gortsplib sends them through SRTP too.
        SrtpKeyMaterial key = randomKey(SrtpProfile.AES_CM_128_HMAC_SHA1_80, new Random(3));
        byte[] plain = rtp(9, 0, SSRC, new byte[0]);
        byte[] sent = protect(SrtpContext.create(key), plain, false);
        assertThat(sent).hasSize(22);
        ByteBuf buf = buffer(sent);
        try {
            assertThat(SrtpContext.create(key).unprotectRtp(buf)).isEqualTo(SrtpResult.OK);
            assertThat(bytes(buf)).isEqualTo(plain);
        } finally {
            buf.release();
        }
    }

    @Test
    void replaysAndPacketsOlderThanTheWindowAreRejected() {
        SrtpKeyMaterial key = randomKey(SrtpProfile.AES_CM_128_HMAC_SHA1_80, new Random(4));
        SrtpContext sender = SrtpContext.create(key);
        List<byte[]> sent = new ArrayList<>();
        for (int seq = 0; seq < 300; seq++) {
            sent.add(protect(sender, rtp(seq, 0, SSRC, new byte[10]), false));
        }
        SrtpContext receiver = SrtpContext.create(key, SrtpOptions.builder().replayWindow(64).build());
        assertThat(unprotect(receiver, sent.get(200), false)).isEqualTo(SrtpResult.OK);
        assertThat(unprotect(receiver, sent.get(200), false)).isEqualTo(SrtpResult.REPLAYED);
        assertThat(unprotect(receiver, sent.get(150), false)).isEqualTo(SrtpResult.OK);   // late, inside window
        assertThat(unprotect(receiver, sent.get(150), false)).isEqualTo(SrtpResult.REPLAYED);
        assertThat(unprotect(receiver, sent.get(137), false)).isEqualTo(SrtpResult.OK);   // delta 63
        assertThat(unprotect(receiver, sent.get(136), false)).isEqualTo(SrtpResult.REPLAYED); // delta 64: too old
        assertThat(unprotect(receiver, sent.get(299), false)).isEqualTo(SrtpResult.OK);
        assertThat(unprotect(receiver, sent.get(201), false)).isEqualTo(SrtpResult.REPLAYED); // now too old

        SrtpContext noWindow = SrtpContext.create(key, SrtpOptions.builder().replayWindow(0).build());
        assertThat(unprotect(noWindow, sent.get(10), false)).isEqualTo(SrtpResult.OK);
        assertThat(unprotect(noWindow, sent.get(10), false)).isEqualTo(SrtpResult.OK);
    }

    @Test
    void srtcpReplaysAreRejected() {
        SrtpKeyMaterial key = randomKey(SrtpProfile.AES_CM_128_HMAC_SHA1_80, new Random(5));
        SrtpContext sender = SrtpContext.create(key);
        byte[] first = protect(sender, senderReport(SSRC, 0), true);
        byte[] second = protect(sender, senderReport(SSRC, 0), true);
        SrtpContext receiver = SrtpContext.create(key);
        assertThat(unprotect(receiver, second, true)).isEqualTo(SrtpResult.OK);
        assertThat(unprotect(receiver, first, true)).isEqualTo(SrtpResult.OK);
        assertThat(unprotect(receiver, first, true)).isEqualTo(SrtpResult.REPLAYED);
        assertThat(unprotect(receiver, second, true)).isEqualTo(SrtpResult.REPLAYED);
    }

    @Test
    void protectingTheSameSequenceNumberTwiceIsRefused() {
        SrtpContext sender = SrtpContext.create(randomKey(SrtpProfile.AES_CM_128_HMAC_SHA1_80, new Random(6)));
        assertThat(protectRaw(sender, rtp(7, 0, SSRC, new byte[4]), false)).isEqualTo(SrtpResult.OK);
        assertThat(protectRaw(sender, rtp(7, 0, SSRC, new byte[4]), false)).isEqualTo(SrtpResult.REPLAYED);
        SrtpContext gcm = SrtpContext.create(randomKey(SrtpProfile.AEAD_AES_128_GCM, new Random(6)),
                SrtpOptions.builder().replayWindow(0).build());
        // Without a replay window the JDK's own nonce-reuse guard still refuses the second GCM encryption.
        assertThat(protectRaw(gcm, rtp(7, 0, SSRC, new byte[4]), false)).isEqualTo(SrtpResult.OK);
        assertThat(protectRaw(gcm, rtp(7, 0, SSRC, new byte[4]), false)).isEqualTo(SrtpResult.REPLAYED);
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void rolloverCounterFollowsSequenceWrapsAndLatePackets(SrtpProfile profile) {
        SrtpKeyMaterial key = randomKey(profile, new Random(9));
        SrtpContext sender = SrtpContext.create(key);
        List<byte[]> plain = new ArrayList<>();
        List<byte[]> sent = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            int seq = (65526 + i) & 0xFFFF;   // 65526..65535, then 0..9 with ROC 1
            byte[] p = rtp(seq, i, SSRC, new byte[] {(byte) i, 1, 2, 3});
            plain.add(p);
            sent.add(protect(sender, p, false));
        }
        assertThat(sender.rolloverCounter(SSRC)).hasValue(1);
        assertThat(sender.streams()).containsExactly(new SrtpStream(SSRC, 1));
        SrtpContext receiver = SrtpContext.create(key);
        int[] order = {0, 1, 2, 3, 4, 5, 6, 7, 8, 11, 12, 9, 10, 14, 13, 15, 19, 16, 17, 18};
        for (int i : order) {
            ByteBuf buf = buffer(sent.get(i));
            try {
                assertThat(receiver.unprotectRtp(buf)).as("packet %d", i).isEqualTo(SrtpResult.OK);
                assertThat(bytes(buf)).isEqualTo(plain.get(i));
            } finally {
                buf.release();
            }
        }
        assertThat(receiver.rolloverCounter(SSRC)).hasValue(1);
        assertThat(receiver.rolloverCounter(1)).isEmpty();
    }

    @Test
    void announcedRolloverCounterIsUsedFromTheFirstPacket() {
        SrtpKeyMaterial base = randomKey(SrtpProfile.AES_CM_128_HMAC_SHA1_80, new Random(10));
        SrtpKeyMaterial withRoc = base.withStreams(List.of(new SrtpStream(SSRC, 5)));
        byte[] sent = protect(SrtpContext.create(withRoc), rtp(100, 0, SSRC, new byte[8]), false);
        assertThat(unprotect(SrtpContext.create(withRoc), sent, false)).isEqualTo(SrtpResult.OK);
        assertThat(unprotect(SrtpContext.create(base), sent, false)).isEqualTo(SrtpResult.AUTH_FAILED);
        assertThat(SrtpContext.create(withRoc).rolloverCounter(SSRC)).hasValue(5);
    }

    @Test
    void rolloverCounterAndSrtcpIndexExhaustion() {
        SrtpKeyMaterial key = randomKey(SrtpProfile.AES_CM_128_HMAC_SHA1_80, new Random(11))
                .withStreams(List.of(new SrtpStream(SSRC, 0xFFFF_FFFFL)));
        SrtpContext sender = SrtpContext.create(key);
        assertThat(protectRaw(sender, rtp(65535, 0, SSRC, new byte[4]), false)).isEqualTo(SrtpResult.OK);
        assertThat(protectRaw(sender, rtp(0, 0, SSRC, new byte[4]), false)).isEqualTo(SrtpResult.INDEX_EXHAUSTED);
        sender.setNextSrtcpIndex(SSRC, 0x7FFF_FFFFL);
        assertThat(protectRaw(sender, senderReport(SSRC, 0), true)).isEqualTo(SrtpResult.OK);
        assertThat(protectRaw(sender, senderReport(SSRC, 0), true)).isEqualTo(SrtpResult.INDEX_EXHAUSTED);
    }

    @Test
    void ssrcAdmission() {
        SrtpKeyMaterial key = randomKey(SrtpProfile.AES_CM_128_HMAC_SHA1_80, new Random(12))
                .withStreams(List.of(new SrtpStream(SSRC, 0)));
        SrtpContext sender = SrtpContext.create(key);
        byte[] known = protect(sender, rtp(1, 0, SSRC, new byte[4]), false);
        byte[] other = protect(sender, rtp(1, 0, 0xCAFEBABEL, new byte[4]), false);
        byte[] third = protect(sender, rtp(1, 0, 0x0BADF00DL, new byte[4]), false);

        SrtpContext strict = SrtpContext.create(key, SrtpOptions.builder().knownSsrcsOnly(true).build());
        assertThat(unprotect(strict, other, false)).isEqualTo(SrtpResult.UNKNOWN_SSRC);
        assertThat(unprotect(strict, known, false)).isEqualTo(SrtpResult.OK);
        assertThat(protectRaw(strict, rtp(2, 0, 0xCAFEBABEL, new byte[4]), false)).isEqualTo(SrtpResult.UNKNOWN_SSRC);

        SrtpContext limited = SrtpContext.create(key, SrtpOptions.builder().maxSsrcs(2).build());
        assertThat(unprotect(limited, other, false)).isEqualTo(SrtpResult.OK);
        assertThat(unprotect(limited, third, false)).isEqualTo(SrtpResult.UNKNOWN_SSRC);
        assertThat(limited.removeSsrc(0xCAFEBABEL)).isTrue();
        assertThat(unprotect(limited, third, false)).isEqualTo(SrtpResult.OK);
        assertThat(limited.streams()).extracting(SrtpStream::ssrc).containsExactlyInAnyOrder(SSRC, 0x0BADF00DL);
    }

    @Test
    void forgedPacketsDoNotCreateSsrcState() {
        SrtpKeyMaterial key = randomKey(SrtpProfile.AES_CM_128_HMAC_SHA1_80, new Random(13));
        SrtpContext receiver = SrtpContext.create(key, SrtpOptions.builder().maxSsrcs(1).build());
        byte[] forged = rtp(1, 0, 0x01020304L, new byte[20]);
        assertThat(unprotect(receiver, forged, false)).isEqualTo(SrtpResult.AUTH_FAILED);
        assertThat(receiver.streams()).isEmpty();
        byte[] genuine = protect(SrtpContext.create(key), rtp(1, 0, SSRC, new byte[4]), false);
        assertThat(unprotect(receiver, genuine, false)).isEqualTo(SrtpResult.OK);
    }

    @Test
    void mkiMustMatch() {
        SrtpKeyMaterial key = randomKey(SrtpProfile.AES_CM_128_HMAC_SHA1_80, new Random(14)).withMki(MKI);
        byte[] sent = protect(SrtpContext.create(key), rtp(1, 0, SSRC, new byte[8]), false);
        // header 12, payload 8, MKI at 20..23, tag 24..33
        assertThat(Hex.encode(Arrays.copyOfRange(sent, 20, 24))).isEqualTo("deadbeef");
        SrtpContext other = SrtpContext.create(key.withMki(new byte[] {1, 2, 3, 4}));
        assertThat(unprotect(other, sent, false)).isEqualTo(SrtpResult.UNKNOWN_MKI);
        byte[] rtcp = protect(SrtpContext.create(key), senderReport(SSRC, 0), true);
        assertThat(unprotect(other, rtcp, true)).isEqualTo(SrtpResult.UNKNOWN_MKI);
    }

    @Test
    void srtcpWithoutEncryptionCarriesEFlagZeroAndClearPayload() {
        SrtpKeyMaterial key = randomKey(SrtpProfile.AES_CM_128_HMAC_SHA1_80, new Random(15)).withEncryption(true, false);
        byte[] plain = senderReport(SSRC, 2);
        byte[] sent = protect(SrtpContext.create(key), plain, true);
        assertThat(Arrays.copyOf(sent, plain.length)).isEqualTo(plain);
        assertThat(Hex.encode(Arrays.copyOfRange(sent, plain.length, plain.length + 4))).isEqualTo("00000000");
        // The receiver follows the E flag, whatever its own policy says.
        assertThat(unprotect(SrtpContext.create(key.withEncryption(true, true)), sent, true))
                .isEqualTo(SrtpResult.OK);
    }

    @Test
    void bufferWithoutRoom() {
        SrtpContext ctx = SrtpContext.create(randomKey(SrtpProfile.AES_CM_128_HMAC_SHA1_80, new Random(16)));
        byte[] plain = rtp(1, 0, SSRC, new byte[8]);

        ByteBuf full = Unpooled.buffer(plain.length, plain.length).writeBytes(plain);
        try {
            assertThat(ctx.protectRtp(full)).isEqualTo(SrtpResult.BUFFER_NOT_WRITABLE);
            assertThat(bytes(full)).isEqualTo(plain);
            assertThat(ctx.protectRtcp(full)).isEqualTo(SrtpResult.BUFFER_NOT_WRITABLE);
        } finally {
            full.release();
        }
        ByteBuf whole = Unpooled.buffer(100).writeBytes(plain).writeZero(30);
        try {
            ByteBuf slice = whole.slice(0, plain.length);
            assertThat(ctx.protectRtp(slice)).isEqualTo(SrtpResult.BUFFER_NOT_WRITABLE);
            assertThat(bytes(slice)).isEqualTo(plain);
        } finally {
            whole.release();
        }
        ByteBuf readOnly = Unpooled.wrappedBuffer(plain.clone()).asReadOnly();
        try {
            assertThat(ctx.protectRtp(readOnly)).isEqualTo(SrtpResult.BUFFER_NOT_WRITABLE);
        } finally {
            readOnly.release();
        }
        ByteBuf growable = Unpooled.buffer(plain.length).writeBytes(plain);
        try {
            assertThat(growable.writableBytes()).isZero();
            assertThat(ctx.protectRtp(growable)).isEqualTo(SrtpResult.OK);
            assertThat(growable.readableBytes()).isEqualTo(plain.length + 10);
        } finally {
            growable.release();
        }
    }

    @Test
    void contextAndKeyMaterialDoNotPrintKeys() {
        SrtpKeyMaterial key = SrtpKeyMaterial.fromKeyAndSalt(SrtpProfile.AES_CM_128_HMAC_SHA1_80,
                Hex.decode("9091783dfce8ddcd443a53508b64509f35bd8a86bc4d8b7637a502493daf"));
        assertThat(key.toString()).doesNotContain("9091").doesNotContain("90, ");
        assertThat(SrtpContext.create(key).toString()).contains("AES_CM_128_HMAC_SHA1_80").doesNotContain("9091");
        assertThat(Hex.encode(key.keyAndSalt())).isEqualTo("9091783dfce8ddcd443a53508b64509f35bd8a86bc4d8b7637a502493daf");
    }

    @Test
    void overheadConstants() {
        assertThat(SrtpProfile.AES_CM_128_HMAC_SHA1_80.rtpOverhead())
                .isEqualTo(SrtpProfile.RTP_OVERHEAD_AES_CM_128_HMAC_SHA1_80).isEqualTo(10);
        assertThat(SrtpProfile.AES_CM_128_HMAC_SHA1_80.rtcpOverhead())
                .isEqualTo(SrtpProfile.RTCP_OVERHEAD_AES_CM_128_HMAC_SHA1_80).isEqualTo(14);
        assertThat(SrtpProfile.AES_CM_128_HMAC_SHA1_32.rtpOverhead()).isEqualTo(4);
        assertThat(SrtpProfile.AES_CM_128_HMAC_SHA1_32.rtcpOverhead()).isEqualTo(14);
        assertThat(SrtpProfile.AEAD_AES_256_GCM.rtcpOverhead()).isEqualTo(20);
        assertThat(SrtpProfile.forName("aes_cm_128_hmac_sha1_32")).hasValue(SrtpProfile.AES_CM_128_HMAC_SHA1_32);
        assertThat(SrtpProfile.forName("F8_128_HMAC_SHA1_80")).isEmpty();
    }

    private static byte[] protect(SrtpContext ctx, byte[] plain, boolean rtcp) {
        ByteBuf buf = buffer(plain);
        try {
            assertThat(rtcp ? ctx.protectRtcp(buf) : ctx.protectRtp(buf)).isEqualTo(SrtpResult.OK);
            return bytes(buf);
        } finally {
            buf.release();
        }
    }

    private static SrtpResult protectRaw(SrtpContext ctx, byte[] plain, boolean rtcp) {
        ByteBuf buf = buffer(plain);
        try {
            SrtpResult result = rtcp ? ctx.protectRtcp(buf) : ctx.protectRtp(buf);
            if (!result.isOk()) {
                assertThat(bytes(buf)).isEqualTo(plain);
            }
            return result;
        } finally {
            buf.release();
        }
    }

    private static SrtpResult unprotect(SrtpContext ctx, byte[] packet, boolean rtcp) {
        ByteBuf buf = buffer(packet);
        try {
            SrtpResult result = rtcp ? ctx.unprotectRtcp(buf) : ctx.unprotectRtp(buf);
            if (!result.isOk()) {
                assertThat(bytes(buf)).isEqualTo(packet);
            }
            return result;
        } finally {
            buf.release();
        }
    }
}
