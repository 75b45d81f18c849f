package io.rtsp4j.rtp.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class PtsDecoderTest {

    private long now = NtpTime.toUnixNanos(Instant.parse("2008-05-20T22:15:20Z"));
    private final PtsDecoder decoder = new PtsDecoder(() -> now);

    /** Same steps and results as gortsplib pkg/rtptime/global_decoder2_test.go TestGlobalDecoder. */
    @Test
    void leadingTrackAndLateTrack() {
        PtsDecoder.Track video = decoder.addTrack(90000);
        PtsDecoder.Track audio = decoder.addTrack(48000);

        assertThat(video.decode(0, false)).isEqualTo(PtsDecoder.NO_PTS);
        assertThat(video.decode(22500, true)).isZero();

        now += 1_000_000_000L;
        assertThat(video.decode(22500 + 90000, true)).isEqualTo(90000);

        now += 4_000_000_000L;
        assertThat(audio.decode(33100, true)).isEqualTo(240000);
        assertThat(audio.decode(33100 + 48000, true)).isEqualTo(288000);
        assertThat(audio.toNanos(288000)).isEqualTo(6_000_000_000L);
    }

    @Test
    void zeroClockRateNeverDecodes() {
        assertThat(decoder.addTrack(0).decode(90000, true)).isEqualTo(PtsDecoder.NO_PTS);
    }

    @Test
    void wrapAroundAndBFrames() {
        PtsDecoder.Track video = decoder.addTrack(90000);
        assertThat(video.decode(0xFFFFFFFFL - 2999, true)).isZero();
        assertThat(video.decode(0xFFFFFFFFL - 2999 + 9000 - 0x1_0000_0000L, false)).isEqualTo(9000);
        assertThat(video.decode(3000, false)).isEqualTo(6000); // B-frame: backwards
        assertThat(video.decode(12000, true)).isEqualTo(15000);
    }
}
