package io.rtsp4j.sdp.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.rtsp4j.sdp.SdpParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded property test of every format's rtpmap/fmtp parser: random parameter lists built from the
 * format's own keys with valid, borderline and garbage values never make {@link MediaFormats#decode}
 * throw anything but {@link SdpParseException}, and every accepted format decodes back equal from what it
 * writes.
 */
class FmtpPropertyTest {

    private static final int RUNS = 4_000;

    record Spec(String name, String mediaType, int payloadType, List<String> rtpMaps, List<String> keys,
                List<String> goodValues) {
    }

    static Stream<Arguments> specs() {
        List<String> sps = List.of("Z2QAH6zZQFAFuwEQAAADABAAAAMDIPGDGWA=,aOvjyyLA", "Z0IAHqtAUB7I,aM4xEg==",
                "AAAAAWdNAB6NjUBaHtCAAAOEAACvyAI=,AAAAAWjuOIA=", "QgEBAWAAAAMAAAMAAAMAAAMAlqADwIAQ5Y2uSTJrlnAIAAADAAgAAAMAyEA=,x",
                ",", "Z2QA", "!!,??");
        return Stream.of(
                new Spec("H264", "video", 96, List.of("H264/90000", "h264/90000", "H264/90000/1"),
                        List.of("packetization-mode", "sprop-parameter-sets", "profile-level-id"),
                        concat(sps, List.of("0", "1", "2", "64001F"))),
                new Spec("H265", "video", 96, List.of("H265/90000"),
                        List.of("sprop-vps", "sprop-sps", "sprop-pps", "sprop-max-don-diff"),
                        List.of("QAEMAf//AWAAAAMAkAAAAwAAAwB4lZgJ", "AAAAAUIBAQFgAAADAAADAAADAAADAJagBaIB4WNrkkya5Zk=",
                                "RAHBcrRiQA==", "2", "0")),
                new Spec("VP8/VP9/AV1", "video", 97, List.of("VP8/90000", "VP9/90000", "AV1/90000"),
                        List.of("max-fr", "max-fs", "profile-id", "level-idx", "profile", "tier"), List.of("30", "0", "1")),
                new Spec("MPEG4Video", "video", 96, List.of("MP4V-ES/90000", "MP4V-ES/1000"),
                        List.of("profile-level-id", "config"), List.of("1", "245", "000001B0F5", "000001b002")),
                new Spec("MPEG4Audio", "audio", 96, List.of("mpeg4-generic/48000/2", "MPEG4-GENERIC/44100", "mpeg4-generic/"),
                        List.of("streamtype", "mode", "profile-level-id", "config", "sizelength", "indexlength",
                                "indexdeltalength"),
                        List.of("5", "AAC-hbr", "AAC_hbr", "1", "13", "3", "1190", "eb098800", "1210", "119056E500")),
                new Spec("MPEG4AudioLATM", "audio", 110, List.of("MP4A-LATM/48000/2", "MP4A-LATM/90000", "MP4A-LATM/"),
                        List.of("profile-level-id", "bitrate", "cpresent", "config", "sbr-enabled", "object"),
                        List.of("0", "1", "30", "64000", "400026203fc0", "4001d613101fe0", "40002310")),
                new Spec("Opus", "audio", 111, List.of("opus/48000/2", "OPUS/48000", "multiopus/48000/6",
                        "multiopus/48000/3", "multiopus/48000/8", "opus/44100/2"),
                        List.of("sprop-stereo", "num_streams", "coupled_streams", "channel_mapping"),
                        List.of("0", "1", "2", "4", "0,4,1,2,3,5", "0,2,1", "0,1,2,3,4,5,6,7")),
                new Spec("Vorbis/Speex/AC3", "audio", 98, List.of("VORBIS/44100/2", "speex/16000", "AC3/48000",
                        "AC3/44100/2"), List.of("configuration", "vbr"), List.of("AQIDBA==", "on", "off")),
                new Spec("G711/G726/LPCM", "audio", 99, List.of("PCMU/8000", "PCMA/16000/2", "G726-32/8000",
                        "AAL2-G726-16/8000", "L16/44100/2", "L8/8000", "L24/96000/6"), List.of(), List.of()),
                new Spec("static audio", "audio", 0, List.of("PCMU/8000/1"), List.of(), List.of()),
                new Spec("Generic", "application", 107, List.of("vnd.onvif.metadata/90000", "MetaData", "SMPTE336M/90000",
                        "x/0"), List.of("a", "B", "DecoderTag"), List.of("1", "h3c-v3 RTCP=0")))
                .map(s -> Arguments.of(Named.of(s.name(), s)));
    }

    static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void onlySdpParseExceptionAndStableReencoding(Spec spec) {
        Random r = new Random(0xf0f0L ^ spec.name().hashCode());
        int accepted = 0;
        for (int i = 0; i < RUNS; i++) {
            String rtpMap = r.nextInt(10) == 0 ? garbage(r) : spec.rtpMaps().get(r.nextInt(spec.rtpMaps().size()));
            if (r.nextInt(20) == 0) {
                rtpMap = null;
            }
            String fmtp = fmtp(r, spec);
            int pt = r.nextInt(8) == 0 ? r.nextInt(128) : spec.payloadType();
            MediaFormat f;
            try {
                f = MediaFormats.decode(spec.mediaType(), pt, rtpMap, fmtp);
            } catch (SdpParseException e) {
                assertThat(e.getMessage()).isNotBlank();
                continue;
            }
            accepted++;
            MediaFormat again = MediaFormats.decode(spec.mediaType(), f.payloadType(), f.rtpMap(), f.fmtpValue());
            assertThat(again).as("%s / %s -> %s", rtpMap, fmtp, f).isEqualTo(f);
            assertThat(again.fmtp()).isEqualTo(f.fmtp());
            assertThat(again.clockRate()).isEqualTo(f.clockRate());
        }
        assertThat(accepted).isPositive();
    }

    static String fmtp(Random r, Spec spec) {
        if (r.nextInt(10) == 0) {
            return r.nextBoolean() ? null : garbage(r);
        }
        StringBuilder b = new StringBuilder();
        int n = r.nextInt(spec.keys().size() + 2);
        for (int i = 0; i < n; i++) {
            String key = spec.keys().isEmpty() || r.nextInt(6) == 0 ? garbage(r)
                    : spec.keys().get(r.nextInt(spec.keys().size()));
            if (r.nextInt(5) == 0) {
                key = key.toUpperCase();
            }
            b.append(i == 0 ? "" : r.nextBoolean() ? ";" : "; ").append(key);
            if (r.nextInt(12) != 0) {
                b.append('=').append(value(r, spec));
            }
        }
        if (r.nextInt(5) == 0) {
            b.append(';');
        }
        return b.toString();
    }

    static String value(Random r, Spec spec) {
        return switch (r.nextInt(8)) {
            case 0, 1, 2 -> spec.goodValues().isEmpty() ? "1" : spec.goodValues().get(r.nextInt(spec.goodValues().size()));
            case 3 -> Integer.toString(r.nextInt(200) - 20);
            case 4 -> {
                byte[] bytes = new byte[r.nextInt(12)];
                r.nextBytes(bytes);
                yield r.nextBoolean() ? Base64.getEncoder().encodeToString(bytes) : HexFormat.of().formatHex(bytes);
            }
            case 5 -> "";
            case 6 -> "99999999999";
            default -> garbage(r);
        };
    }

    static String garbage(Random r) {
        String alphabet = "aZ09/=;,-_ .xX\u00e9!";
        StringBuilder b = new StringBuilder();
        int n = r.nextInt(8);
        for (int i = 0; i < n; i++) {
            b.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return b.toString();
    }
}
