package io.rtsp4j.rtp.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.rtsp4j.rtp.RtpPacket;
import io.rtsp4j.rtp.codec.ac3.Ac3SyncFrame;
import io.rtsp4j.rtp.codec.latm.LatmPayload;
import io.rtsp4j.rtp.codec.mjpeg.MjpegDepacketizer;
import io.rtsp4j.rtp.codec.mjpeg.MjpegPacketizer;
import io.rtsp4j.rtp.codec.mpeg1audio.Mpeg1AudioFrameHeader;
import io.rtsp4j.rtp.codec.vp9.Vp9FrameHeader;
import io.rtsp4j.testing.Corpus;
import io.rtsp4j.testing.Hex;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The parsers of packetizer inputs and codec headers (JPEG files, Annex-B streams, VP9/MPEG audio/AC-3 headers,
 * LATM length info) never fail with anything but their documented exception on mutated input.
 */
class InputParserPropertyTest {

    private final Random random = new Random(2024);

    private byte[] mutate(byte[] seed) {
        byte[] data = seed.clone();
        for (int m = 1 + random.nextInt(4); m > 0 && data.length > 0; m--) {
            switch (random.nextInt(3)) {
                case 0 -> data[random.nextInt(data.length)] = (byte) random.nextInt(256);
                case 1 -> data = Arrays.copyOf(data, random.nextInt(data.length + 1));
                default -> {
                    int i = random.nextInt(Math.min(data.length, 700));
                    data[i] = (byte) (random.nextBoolean() ? 0xFF : random.nextInt(256));
                }
            }
        }
        return data;
    }

    @Test
    void jpegFilesIntoThePacketizer() throws Exception {
        byte[] jpeg = Hex.decode(Corpus.jsonLines("rtp/mjpeg.jsonl").get(0).path("image").asText());
        int accepted = 0;
        for (int i = 0; i < 5000; i++) {
            byte[] data = mutate(jpeg);
            List<RtpPacket> packets;
            try {
                packets = new MjpegPacketizer(PacketizerConfig.of(26)).packetize(data, 0);
            } catch (IllegalArgumentException e) {
                assertThat(e.getMessage()).isNotBlank();
                continue;
            }
            accepted++;
            MjpegDepacketizer d = new MjpegDepacketizer();
            byte[] image = null;
            for (RtpPacket p : packets) {
                image = d.depacketize(p);
            }
            assertThat(image).isNotNull();
        }
        assertThat(accepted).isPositive();
    }

    @Test
    void annexBStreams() {
        byte[] seed = Hex.decode("00000001674d00338a8a502802dd3440000001" + "68ee3c80" + "0000000165888400");
        for (int i = 0; i < 20000; i++) {
            byte[] data = mutate(seed);
            try {
                List<byte[]> nalus = AnnexB.split(data, 8);
                assertThat(nalus).isNotEmpty().allSatisfy(n -> assertThat(n).isNotEmpty());
            } catch (IllegalArgumentException e) {
                assertThat(e.getMessage()).isNotBlank();
            }
        }
    }

    @Test
    void codecHeaders() throws Exception {
        byte[] vp9 = Hex.decode("824983420077f03234");
        byte[] mpa = Hex.decode("fffb1464000ff000");
        byte[] ac3 = Hex.decode("0b7747110c402f84");
        byte[] latm = Hex.decode("ff05" + "00".repeat(260));
        for (int i = 0; i < 20000; i++) {
            Vp9FrameHeader.parse(mutate(vp9));
            byte[] m = mutate(mpa);
            Mpeg1AudioFrameHeader h = Mpeg1AudioFrameHeader.parse(m, 0, m.length);
            if (h != null) {
                assertThat(h.frameLength()).isPositive();
            }
            byte[] a = mutate(ac3);
            assertThat(Ac3SyncFrame.frameSize(a, 0, a.length)).isGreaterThanOrEqualTo(-1);
            try {
                LatmPayload.unwrap(mutate(latm));
            } catch (RtpCodecException e) {
                assertThat(e.reason()).isEqualTo(RtpCodecException.Reason.MALFORMED);
            }
        }
    }
}
