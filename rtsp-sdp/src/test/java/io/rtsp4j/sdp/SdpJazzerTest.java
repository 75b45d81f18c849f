package io.rtsp4j.sdp;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.rtsp4j.sdp.codec.AudioSpecificConfig;
import io.rtsp4j.sdp.codec.CodecConfigException;
import io.rtsp4j.sdp.codec.H264Sps;
import io.rtsp4j.sdp.codec.H265Sps;
import io.rtsp4j.sdp.codec.StreamMuxConfig;
import io.rtsp4j.sdp.format.MediaFormats;

/**
 * Coverage-guided fuzz targets: {@code JAZZER_FUZZ=1 mvn -pl rtsp-sdp test -Dtest='SdpJazzerTest#reader'} fuzzes
 * (60 s each); the normal build runs each target in Jazzer's regression mode (its inputs, here the empty input),
 * so that the targets stay runnable. The seeded property tests ({@link SdpPropertyTest}, FmtpPropertyTest,
 * CodecPropertyTest) check the same contracts on many inputs in the normal build.
 */
class SdpJazzerTest {

    @FuzzTest(maxDuration = "60s")
    void readerAndSession(FuzzedDataProvider data) {
        FuzzCorpusTest.checkSession(data.consumeRemainingAsString());
    }

    @FuzzTest(maxDuration = "60s")
    void reader(FuzzedDataProvider data) {
        FuzzCorpusTest.checkReader(data.consumeRemainingAsString());
    }

    @FuzzTest(maxDuration = "60s")
    void format(FuzzedDataProvider data) {
        String type = data.pickValue(new String[] {"video", "audio", "application"});
        int pt = data.consumeInt(0, 127);
        String rtpMap = data.consumeBoolean() ? data.consumeString(40) : null;
        String fmtp = data.consumeBoolean() ? data.consumeRemainingAsString() : null;
        try {
            FuzzCorpusTest.checkFormat(type, MediaFormats.decode(type, pt, rtpMap, fmtp));
        } catch (SdpParseException expected) {
            // rejected input
        }
    }

    @FuzzTest(maxDuration = "60s")
    void bitstreams(byte[] data) {
        try {
            H264Sps.parse(data);
        } catch (CodecConfigException expected) {
            // rejected input
        }
        try {
            H265Sps.parse(data);
        } catch (CodecConfigException expected) {
            // rejected input
        }
        try {
            AudioSpecificConfig c = AudioSpecificConfig.parse(data);
            if (!AudioSpecificConfig.parse(c.encode()).equals(c)) {
                throw new AssertionError("AudioSpecificConfig does not round-trip");
            }
        } catch (CodecConfigException expected) {
            // rejected input
        }
        try {
            StreamMuxConfig c = StreamMuxConfig.parse(data);
            if (!StreamMuxConfig.parse(c.encode()).equals(c)) {
                throw new AssertionError("StreamMuxConfig does not round-trip");
            }
        } catch (CodecConfigException expected) {
            // rejected input
        }
    }
}
