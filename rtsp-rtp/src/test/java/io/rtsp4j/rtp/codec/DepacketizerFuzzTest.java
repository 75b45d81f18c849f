package io.rtsp4j.rtp.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rtsp4j.rtp.RtpPacket;
import io.rtsp4j.rtp.TestPackets;
import io.rtsp4j.rtp.codec.h264.H264Payloads;
import io.rtsp4j.rtp.codec.h265.H265Payloads;
import io.rtsp4j.testing.Corpus;
import io.rtsp4j.testing.Hex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input never hurts: the upstream fuzz corpora of every RTP decoder are replayed, and seeded random mutations
 * of the corpus packets are fed to every depacketizer. The only failure allowed is {@link RtpCodecException}.
 */
class DepacketizerFuzzTest {

    static Stream<Arguments> upstreamInputs() {
        List<Arguments> out = new ArrayList<>();
        for (CodecAdapter codec : Codecs.BY_FILE.values()) {
            List<Corpus.FuzzInput> inputs;
            try {
                inputs = Corpus.fuzzInputs("rtp" + codec.file(), "FuzzDecoder");
            } catch (IllegalArgumentException e) {
                continue; // no upstream corpus for this decoder (simpleaudio)
            }
            for (Corpus.FuzzInput input : inputs) {
                out.add(Arguments.of(Named.of(input.file(), codec), input.first()));
            }
        }
        return out.stream();
    }

    @ParameterizedTest
    @MethodSource("upstreamInputs")
    void upstreamFuzzInputs(CodecAdapter codec, byte[] data) {
        List<RtpPacket> packets = TestPackets.fuzzPacketList(data);
        feed(codec.depacketizer().apply(decoderSettings(codec)), packets);
        // the same packets through the key frame detectors (they must never fail)
        for (RtpPacket p : packets) {
            H264Payloads.ptsEqualsDts(p.payload());
            H265Payloads.ptsEqualsDts(p.payload());
        }
    }

    static Stream<Arguments> ptsEqualsDtsInputs() {
        List<Arguments> out = new ArrayList<>();
        Corpus.fuzzInputs("format", "FuzzH264PTSEqualsDTS")
                .forEach(f -> out.add(Arguments.of(Named.of(f.file(), "h264"), f.first())));
        Corpus.fuzzInputs("format", "FuzzH265PTSEqualsDTS")
                .forEach(f -> out.add(Arguments.of(Named.of(f.file(), "h265"), f.first())));
        return out.stream();
    }

    @ParameterizedTest
    @MethodSource("ptsEqualsDtsInputs")
    void upstreamPtsEqualsDtsInputs(String codec, byte[] payload) {
        if (codec.equals("h264")) {
            H264Payloads.ptsEqualsDts(payload);
        } else {
            H265Payloads.ptsEqualsDts(payload);
        }
    }

    static Stream<Arguments> codecs() {
        return Codecs.BY_FILE.values().stream().map(c -> Arguments.of(Named.of(c.file(), c)));
    }

    /** Random mutations (bytes, lengths, markers, sequence numbers, order) of the corpus packets of each codec. */
    @ParameterizedTest
    @MethodSource("codecs")
    void seededMutations(CodecAdapter codec) {
        List<byte[]> seeds = new ArrayList<>();
        for (JsonNode rec : Corpus.jsonLines("rtp/" + codec.file() + ".jsonl")) {
            rec.path("packets").forEach(p -> seeds.add(Hex.decode(p.path("packet").asText())));
            rec.path("steps").forEach(s -> {
                if (s.has("packet")) {
                    seeds.add(Hex.decode(s.path("packet").path("packet").asText()));
                }
            });
        }
        Random random = new Random(codec.file().hashCode());
        JsonNode settings = decoderSettings(codec);
        for (int round = 0; round < 300; round++) {
            Depacketizer<?> d = codec.depacketizer().apply(settings);
            List<RtpPacket> packets = new ArrayList<>();
            int n = 1 + random.nextInt(8);
            int seq = random.nextInt(0x10000);
            for (int i = 0; i < n; i++) {
                byte[] data = seeds.get(random.nextInt(seeds.size())).clone();
                int mutations = random.nextInt(4);
                for (int m = 0; m < mutations && data.length > 12; m++) {
                    switch (random.nextInt(4)) {
                        case 0 -> data[12 + random.nextInt(data.length - 12)] = (byte) random.nextInt(256);
                        case 1 -> data = Arrays.copyOf(data, 12 + random.nextInt(data.length - 11));
                        case 2 -> data[1] ^= (byte) 0x80; // marker
                        default -> data[12 + random.nextInt(Math.min(4, data.length - 12))] ^=
                                (byte) (1 << random.nextInt(8));
                    }
                }
                // mostly consecutive sequence numbers so that fragments get joined
                int s = random.nextInt(10) == 0 ? random.nextInt(0x10000) : seq++;
                data[2] = (byte) (s >>> 8);
                data[3] = (byte) s;
                RtpPacket p = TestPackets.lenient(data);
                if (p != null) {
                    packets.add(p);
                }
            }
            feed(d, packets);
        }
    }

    private static JsonNode decoderSettings(CodecAdapter codec) {
        // the decoder settings of the codec's first record (e.g. LPCM bit depth, AAC AU-header sizes)
        return Corpus.jsonLines("rtp/" + codec.file() + ".jsonl").get(0).path("decoder");
    }

    private static void feed(Depacketizer<?> d, List<RtpPacket> packets) {
        for (RtpPacket p : packets) {
            try {
                Object out = d.depacketize(p);
                if (out instanceof List<?> list) {
                    assertThat(list).isNotEmpty();
                }
            } catch (RtpCodecException e) {
                assertThat(e.getMessage()).isNotBlank();
                assertThat(e.reason()).isNotNull();
            }
        }
        d.reset();
    }
}
