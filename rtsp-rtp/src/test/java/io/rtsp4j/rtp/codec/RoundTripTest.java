package io.rtsp4j.rtp.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rtsp4j.rtp.RtpPacket;
import io.rtsp4j.rtp.codec.ac3.Ac3SyncFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Property: packetizing random media units with random payload sizes and depacketizing gives them back. */
class RoundTripTest {

    static Stream<Arguments> generators() {
        List<Arguments> out = new ArrayList<>();
        out.add(gen("h264", (r, max) -> nalUnits(r, 1 + r.nextInt(10), 6000, 0x1F, 1, 23, 1)));
        out.add(gen("h265", (r, max) -> nalUnits(r, 1 + r.nextInt(10), 6000, 0x3F << 1, 0, 47, 2)));
        out.add(gen("mpeg4audio", (r, max) -> {
            List<byte[]> aus = new ArrayList<>();
            for (int i = 1 + r.nextInt(8); i > 0; i--) {
                byte[] au = bytes(r, 1 + r.nextInt(r.nextBoolean() ? 100 : 3000));
                au[0] = 0x21; // not an ADTS sync word
                aus.add(au);
            }
            return aus;
        }));
        out.add(gen("simpleaudio", (r, max) -> bytes(r, 1 + r.nextInt(max))));
        out.add(gen("lpcm", (r, max) -> bytes(r, 6 * (1 + r.nextInt(2000)))));
        out.add(gen("mpegts", (r, max) -> {
            List<byte[]> ts = new ArrayList<>();
            for (int i = 1 + r.nextInt(30); i > 0; i--) {
                byte[] p = bytes(r, 188);
                p[0] = 0x47;
                ts.add(p);
            }
            return ts;
        }));
        out.add(gen("klv", (r, max) -> {
            byte[] unit = bytes(r, 20 + r.nextInt(5000));
            unit[0] = 0x06;
            unit[1] = 0x0E;
            unit[2] = 0x2B;
            unit[3] = 0x34;
            return unit;
        }));
        out.add(gen("ac3", (r, max) -> {
            List<byte[]> frames = new ArrayList<>();
            for (int i = 1 + r.nextInt(5); i > 0; i--) {
                byte[] head = {0x0B, 0x77, 0, 0, (byte) r.nextInt(38)};
                byte[] frame = bytes(r, Ac3SyncFrame.frameSize(head, 0, 5));
                System.arraycopy(head, 0, frame, 0, 5);
                frames.add(frame);
            }
            return frames;
        }));
        out.add(gen("mpeg1audio", (r, max) -> {
            List<byte[]> frames = new ArrayList<>();
            for (int i = 1 + r.nextInt(5); i > 0; i--) {
                // MPEG-1 layer III, 128 kbit/s (index 9), 44.1 kHz, optional padding: 417 or 418 bytes
                boolean pad = r.nextBoolean();
                byte[] frame = bytes(r, pad ? 418 : 417);
                frame[0] = (byte) 0xFF;
                frame[1] = (byte) 0xFB;
                frame[2] = (byte) (0x90 | (pad ? 0x02 : 0));
                frames.add(frame);
            }
            return frames;
        }));
        out.add(gen("mpeg1video", (r, max) -> {
            byte[] frame = bytes(r, 10 + r.nextInt(8000));
            for (int i = 0; i < frame.length; i += 1 + r.nextInt(2000)) { // some start codes
                if (i + 4 <= frame.length) {
                    frame[i] = 0;
                    frame[i + 1] = 0;
                    frame[i + 2] = 1;
                }
            }
            return frame;
        }));
        out.add(gen("fragmented", (r, max) -> bytes(r, 1 + r.nextInt(6000))));
        out.add(gen("vp8", (r, max) -> bytes(r, 1 + r.nextInt(6000))));
        out.add(gen("vp9", (r, max) -> bytes(r, 1 + r.nextInt(6000))));
        byte[] jpeg = io.rtsp4j.testing.Hex.decode(io.rtsp4j.testing.Corpus.jsonLines("rtp/mjpeg.jsonl").get(0)
                .path("image").asText());
        int scanStart = 601; // the headers of the corpus image end with its 14-byte SOS segment at 601
        out.add(gen("mjpeg", (r, max) -> {
            // the corpus image's headers (the canonical ones the depacketizer writes) with random scan data
            byte[] scan = bytes(r, 2 + r.nextInt(20000));
            byte[] image = new byte[scanStart + scan.length + 2];
            System.arraycopy(jpeg, 0, image, 0, scanStart);
            System.arraycopy(scan, 0, image, scanStart, scan.length);
            image[image.length - 2] = (byte) 0xFF;
            image[image.length - 1] = (byte) 0xD9;
            return image;
        }));
        out.add(gen("av1", (r, max) -> {
            List<byte[]> obus = new ArrayList<>();
            for (int i = 1 + r.nextInt(6); i > 0; i--) {
                obus.add(bytes(r, 1 + r.nextInt(r.nextBoolean() ? 40 : 3000)));
            }
            return obus;
        }));
        return out.stream();
    }

    private static Arguments gen(String file, BiFunction<Random, Integer, Object> generator) {
        return Arguments.of(Named.of(file, Codecs.BY_FILE.get(file)), generator);
    }

    @ParameterizedTest
    @MethodSource("generators")
    @SuppressWarnings({"unchecked", "rawtypes"})
    void randomUnitsSurviveARoundTrip(CodecAdapter codec, BiFunction<Random, Integer, Object> generator)
            throws Exception {
        Random random = new Random(codec.file().hashCode() * 31L);
        ObjectNode settings = JsonNodeFactory.instance.objectNode();
        settings.put("bitDepth", 24).put("channelCount", 2).put("sizeLength", 13).put("indexLength", 3)
                .put("indexDeltaLength", 3).put("packetizationMode", 1);
        for (int round = 0; round < 200; round++) {
            int max = (codec.file().equals("mjpeg") ? 300 : 200) + random.nextInt(1300);
            Packetizer packetizer = codec.packetizer().apply(PacketizerConfig.builder().payloadType(96)
                    .maxPayloadSize(max).build(), settings);
            Depacketizer<?> depacketizer = codec.depacketizer().apply(settings);
            Object unit = generator.apply(random, max);
            List<RtpPacket> packets = packetizer.packetize(unit, random.nextInt() & 0xFFFFFFFFL);
            List<Object> outputs = new ArrayList<>();
            Object last = null;
            for (RtpPacket p : packets) {
                assertThat(p.payloadSize()).isLessThanOrEqualTo(max);
                last = depacketizer.depacketize(p);
                if (last != null) {
                    outputs.add(last);
                }
                p.release();
            }
            Object expected = CodecAdapter.comparable(unit);
            if (codec.file().equals("h264") || codec.file().equals("h265") || codec.file().equals("klv")
                    || codec.file().equals("fragmented") || codec.file().equals("vp8") || codec.file().equals("vp9")
                    || codec.file().equals("av1") || codec.file().equals("mjpeg")
                    || codec.file().equals("mpeg1video") || codec.file().equals("simpleaudio")) {
                assertThat(outputs).hasSize(1);
                assertThat(CodecAdapter.comparable(last)).isEqualTo(expected);
            } else {
                assertThat(CodecAdapter.comparable(codec.accumulate(outputs))).isEqualTo(expected);
            }
        }
    }

    /** NAL units with a header of the given type range and no zero bytes (so no start code emulation). */
    private static List<byte[]> nalUnits(Random r, int count, int maxSize, int typeMask, int minType, int maxType,
            int headerSize) {
        List<byte[]> au = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] nalu = bytes(r, headerSize + r.nextInt(r.nextBoolean() ? 50 : maxSize));
            int type = minType + r.nextInt(maxType - minType + 1);
            if (headerSize == 1) {
                nalu[0] = (byte) (0x60 | type);
            } else {
                nalu[0] = (byte) (type << 1);
                nalu[1] = 1;
            }
            au.add(nalu);
        }
        return au;
    }

    private static byte[] bytes(Random r, int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (1 + r.nextInt(255));
        }
        return b;
    }
}
