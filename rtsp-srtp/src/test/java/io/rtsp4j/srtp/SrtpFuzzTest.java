package io.rtsp4j.srtp;

import static io.rtsp4j.srtp.TestPackets.randomKey;
import static io.rtsp4j.srtp.TestPackets.randomPayload;
import static io.rtsp4j.srtp.TestPackets.rtp;
import static io.rtsp4j.srtp.TestPackets.senderReport;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Bad input never hurts: whatever bytes arrive, the four packet methods return a result and never throw, and
 * a mutated packet never unprotects.
 */
class SrtpFuzzTest {

    private static final byte[] MKI = {1, 2, 3, 4};
    private static final UnpooledByteBufAllocator UNTRACKED = new UnpooledByteBufAllocator(true, true);

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void randomBytesNeverThrowAndNeverAuthenticate(SrtpProfile profile) {
        Random random = new Random(31 + profile.ordinal());
        for (boolean withMki : new boolean[] {false, true}) {
            SrtpKeyMaterial key = randomKey(profile, random);
            SrtpContext ctx = SrtpContext.create(withMki ? key.withMki(MKI) : key);
            for (int round = 0; round < 2_000; round++) {
                byte[] data = new byte[random.nextInt(120)];
                random.nextBytes(data);
                if (data.length > 0 && random.nextBoolean()) {
                    data[0] = (byte) (0x80 | (data[0] & 0x3F)); // mostly version 2, to get past the first check
                }
                if (withMki && data.length > 40 && random.nextBoolean()) {
                    int mkiAt = profile.isAead() ? data.length - 4 : data.length - 4 - profile.rtpAuthTagLength();
                    System.arraycopy(MKI, 0, data, mkiAt, 4);
                }
                boolean direct = random.nextBoolean();
                for (int method = 0; method < 4; method++) {
                    SrtpResult result = run(ctx, data, method, direct);
                    if (method == 1 || method == 3) {
                        // A forged 32-bit tag passes with probability 2^-32: not in these few thousand tries.
                        assertThat(result).as("unprotect of random bytes").isNotEqualTo(SrtpResult.OK);
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void mutatedPacketsNeverUnprotect(SrtpProfile profile) {
        Random random = new Random(77 + profile.ordinal());
        SrtpKeyMaterial key = randomKey(profile, random).withMki(MKI);
        SrtpContext sender = SrtpContext.create(key);
        // Nothing mutated ever authenticates, so the receiver's state never moves and one context serves all.
        SrtpContext receiver = SrtpContext.create(key);
        for (int round = 0; round < 3_000; round++) {
            boolean rtcp = random.nextBoolean();
            byte[] plain = rtcp ? senderReport(0x5555, random.nextInt(10))
                    : rtp(round, round, 0x5555, randomPayload(random, random.nextInt(200)));
            ByteBuf buf = TestPackets.buffer(plain);
            byte[] packet;
            try {
                assertThat(rtcp ? sender.protectRtcp(buf) : sender.protectRtp(buf)).isEqualTo(SrtpResult.OK);
                packet = ByteBufUtil.getBytes(buf);
            } finally {
                buf.release();
            }
            byte[] mutated = mutate(random, packet);
            if (Arrays.equals(mutated, packet)) {
                continue;
            }
            assertThat(run(receiver, mutated, rtcp ? 3 : 1, random.nextBoolean()))
                    .as("mutated %s packet", rtcp ? "SRTCP" : "SRTP").isNotEqualTo(SrtpResult.OK);
        }
    }

    /** Jazzer entry point; in the normal build it replays its inputs, the seeded tests above are the guard. */
    @FuzzTest
    void unprotectNeverThrows(byte[] data) {
        SrtpContext ctx = SrtpContext.create(randomKey(SrtpProfile.AES_CM_128_HMAC_SHA1_80, new Random(1)));
        for (int method = 0; method < 4; method++) {
            run(ctx, data, method, false);
        }
    }

    private static byte[] mutate(Random random, byte[] packet) {
        byte[] out = packet.clone();
        switch (random.nextInt(4)) {
            case 0:
                out[random.nextInt(out.length)] ^= (byte) (1 << random.nextInt(8));
                return out;
            case 1:
                return Arrays.copyOf(out, random.nextInt(out.length));
            case 2: {
                byte[] longer = Arrays.copyOf(out, out.length + 1 + random.nextInt(8));
                longer[longer.length - 1] = (byte) random.nextInt(256);
                return longer;
            }
            default:
                out[random.nextInt(out.length)] = (byte) random.nextInt(256);
                return out;
        }
    }

    /** Runs one method on a copy of the data; 0 protectRtp, 1 unprotectRtp, 2 protectRtcp, 3 unprotectRtcp. */
    private static SrtpResult run(SrtpContext ctx, byte[] data, int method, boolean direct) {
        // Direct buffers come from an allocator without leak tracking: paranoid tracking of hundreds of thousands
        // of short-lived buffers would dominate the run time (every buffer here is released in finally).
        ByteBuf buf = direct ? UNTRACKED.directBuffer(data.length + 200) : Unpooled.buffer(data.length + 200);
        buf.writeBytes(data);
        try {
            SrtpResult result;
            switch (method) {
                case 0:
                    result = ctx.protectRtp(buf);
                    break;
                case 1:
                    result = ctx.unprotectRtp(buf);
                    break;
                case 2:
                    result = ctx.protectRtcp(buf);
                    break;
                default:
                    result = ctx.unprotectRtcp(buf);
                    break;
            }
            if (!result.isOk()) {
                assertThat(ByteBufUtil.getBytes(buf)).isEqualTo(data);
            }
            return result;
        } finally {
            buf.release();
        }
    }
}
