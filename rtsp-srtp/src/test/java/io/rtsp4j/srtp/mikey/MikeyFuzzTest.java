package io.rtsp4j.srtp.mikey;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import io.rtsp4j.testing.Corpus;
import io.rtsp4j.testing.Hex;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
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

/**
 * Bad input never hurts: the upstream fuzz corpus (gortsplib pkg/mikey FuzzUnmarshal) and seeded random
 * mutations of valid messages. Decoding, validation and conversion either succeed or throw
 * {@link MikeyException}; whatever decodes re-encodes to bytes that decode to an equal message.
 */
class MikeyFuzzTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-20T00:00:00Z"), ZoneOffset.UTC);

    static Stream<Arguments> upstreamFuzzInputs() {
        List<Arguments> out = new ArrayList<>();
        for (Corpus.FuzzInput input : Corpus.fuzzInputs("mikey", "FuzzUnmarshal")) {
            out.add(Arguments.of(Named.of(input.file(), input.first())));
        }
        return out.stream();
    }

    @ParameterizedTest
    @MethodSource("upstreamFuzzInputs")
    void upstreamFuzzInputNeverThrowsAnythingButMikeyException(byte[] data) {
        exercise(data);
    }

    @Test
    void seededMutationsOfValidMessages() {
        List<byte[]> seeds = new ArrayList<>();
        for (JsonNode record : Corpus.jsonLines("srtp/mikey.jsonl")) {
            seeds.add(Hex.decode(record.path("hex").asText()));
        }
        Random random = new Random(20240601);
        int decoded = 0;
        for (int round = 0; round < 20_000; round++) {
            byte[] data = seeds.get(random.nextInt(seeds.size())).clone();
            int mutations = 1 + random.nextInt(4);
            for (int m = 0; m < mutations; m++) {
                data = mutate(random, data);
            }
            if (exercise(data)) {
                decoded++;
            }
        }
        // Many mutations only touch values (keys, times, SSRCs) and still decode.
        assertThat(decoded).isGreaterThan(1000);
    }

    @Test
    void randomBytesBehindAValidHeaderStart() {
        Random random = new Random(99);
        for (int round = 0; round < 20_000; round++) {
            byte[] data = new byte[random.nextInt(80)];
            random.nextBytes(data);
            if (data.length > 2) {
                data[0] = 1;
                data[1] = 0;
                data[2] = (byte) new int[] {1, 5, 10, 11}[random.nextInt(4)];
            }
            exercise(data);
        }
    }

    /** Jazzer entry point; in the normal build it replays its inputs, the seeded tests above are the guard. */
    @FuzzTest
    void decodeNeverThrowsAnythingButMikeyException(byte[] data) {
        exercise(data);
    }

    private static byte[] mutate(Random random, byte[] data) {
        switch (random.nextInt(5)) {
            case 0: // flip a bit
                if (data.length > 0) {
                    data[random.nextInt(data.length)] ^= (byte) (1 << random.nextInt(8));
                }
                return data;
            case 1: // set a byte to an interesting value
                if (data.length > 0) {
                    data[random.nextInt(data.length)] = (byte) new int[] {0, 1, 2, 0x7f, 0x80, 0xff}[random.nextInt(6)];
                }
                return data;
            case 2: // truncate
                return Arrays.copyOf(data, random.nextInt(data.length + 1));
            case 3: { // insert a byte
                int at = random.nextInt(data.length + 1);
                byte[] out = new byte[data.length + 1];
                System.arraycopy(data, 0, out, 0, at);
                out[at] = (byte) random.nextInt(256);
                System.arraycopy(data, at, out, at + 1, data.length - at);
                return out;
            }
            default: { // delete a byte
                if (data.length == 0) {
                    return data;
                }
                int at = random.nextInt(data.length);
                byte[] out = new byte[data.length - 1];
                System.arraycopy(data, 0, out, 0, at);
                System.arraycopy(data, at + 1, out, at, data.length - at - 1);
                return out;
            }
        }
    }

    /** Runs the whole receiving path; returns whether the bytes decoded. */
    private static boolean exercise(byte[] data) {
        MikeyMessage message;
        try {
            message = MikeyMessage.decode(data);
        } catch (MikeyException e) {
            assertThat(e.getMessage()).isNotBlank();
            return false;
        }
        byte[] encoded = message.encode();
        try {
            assertThat(MikeyMessage.decode(encoded)).isEqualTo(message);
            assertThat(MikeyMessage.fromBase64(message.toBase64())).isEqualTo(message);
        } catch (MikeyException e) {
            throw new AssertionError("re-encoded message does not decode: " + Hex.encode(data), e);
        }
        assertThat(message.toString()).isNotNull();
        try {
            MikeySrtp.validate(message, CLOCK);
        } catch (MikeyException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
        try {
            MikeySrtp.fromMikey(message);
        } catch (MikeyException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
        return true;
    }
}
