package io.rtsp4j.sdp.description;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rtsp4j.sdp.SdpParseException;
import io.rtsp4j.sdp.codec.AudioSpecificConfig;
import io.rtsp4j.sdp.format.GenericFormat;
import io.rtsp4j.sdp.format.H264Format;
import io.rtsp4j.sdp.format.MediaFormat;
import io.rtsp4j.sdp.format.Mpeg4AudioLatmFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Session#parseLenient(String)}, what a relay reads an ANNOUNCE with (server-bugs.md B2), and the
 * GStreamer AAC publish that B2 is about.
 */
class LenientSessionTest {

    /**
     * The ANNOUNCE body of GStreamer 1.22 {@code rtspclientsink} publishing FFmpeg-encoded AAC (bug B2),
     * captured with testdata/sdp/capture-announce.py from:
     * <pre>
     * ffmpeg -f lavfi -i testsrc2=size=320x240:rate=25 -f lavfi -i sine=sample_rate=48000 -t 2 -c:v libx264
     *     -g 25 -c:a aac -ac 2 -f matroska aac.mkv        (ffprobe: aac LC 48000 Hz 2 channels)
     * gst-launch-1.0 filesrc location=aac.mkv ! matroskademux name=d d.video_0 ! queue ! h264parse ! s.sink_0
     *     d.audio_0 ! queue ! aacparse ! s.sink_1 rtspclientsink name=s location=rtsp://127.0.0.1:18765/gst
     * </pre>
     */
    static final String GSTREAMER_AAC = "v=0\r\n"
            + "o=- 3153507703 1 IN IP4 127.0.0.1\r\n"
            + "s=Session streamed with GStreamer\r\n"
            + "i=rtspclientsink\r\n"
            + "t=0 0\r\n"
            + "a=tool:GStreamer\r\n"
            + "m=audio 0 RTP/AVP 96\r\n"
            + "c=IN IP4 0.0.0.0\r\n"
            + "a=rtpmap:96 MP4A-LATM/48000\r\n"
            + "a=fmtp:96 cpresent=0;config=40002320adca00\r\n"
            + "a=control:stream=1\r\n"
            + "a=ts-refclk:local\r\n"
            + "a=mediaclk:sender\r\n"
            + "a=ssrc:114413351 cname:user4025171176@host-15088add\r\n"
            + "m=video 0 RTP/AVP 99\r\n"
            + "c=IN IP4 0.0.0.0\r\n"
            + "a=rtpmap:99 H264/90000\r\n"
            + "a=framerate:25\r\n"
            + "a=fmtp:99 packetization-mode=1;sprop-parameter-sets=Z2QADazZQUH7ARAAAAMAEAAAAwMg8UKZYA==,aOvjyyLA\r\n"
            + "a=control:stream=0\r\n"
            + "a=ts-refclk:local\r\n"
            + "a=mediaclk:sender\r\n"
            + "a=ssrc:4111608549 cname:user4025171176@host-15088add\r\n";

    @Test
    void bugB2GStreamerAacPublishIsAccepted() {
        Session s = Session.parse(GSTREAMER_AAC);
        Mpeg4AudioLatmFormat latm = s.medias().get(0).format(Mpeg4AudioLatmFormat.class);
        assertThat(latm).isNotNull();
        assertThat(latm.cpresent()).isFalse();
        AudioSpecificConfig asc = latm.config().firstConfig();
        assertThat(asc.objectType()).isEqualTo(AudioSpecificConfig.AOT_AAC_LC);
        assertThat(asc.sampleRate()).isEqualTo(48000);
        assertThat(asc.channelCount()).isEqualTo(2);
        assertThat(asc.signalling()).isEqualTo(AudioSpecificConfig.Signalling.BACKWARD_COMPATIBLE);
        assertThat(asc.extensionObjectType()).isZero(); // sbrPresentFlag 0
        assertThat(latm.clockRate()).isEqualTo(48000);
        assertThat(latm.rtpMap()).isEqualTo("MP4A-LATM/48000/2");
        // the configuration is written out in full, and keeps the sync extension
        assertThat(latm.fmtp()).containsEntry("config", "40002320adca1fe0").containsEntry("cpresent", "0");
        H264Format h264 = s.medias().get(1).format(H264Format.class);
        assertThat(h264.parsedSps().width()).isEqualTo(320);
        assertThat(h264.parsedSps().height()).isEqualTo(240);
        assertThat(Session.parse(s.toSdp())).isEqualTo(s);
        assertThat(Session.parseLenient(GSTREAMER_AAC)).isEqualTo(s);
        assertThat(Session.parseLenient(GSTREAMER_AAC).medias().get(0).formats().get(0))
                .isInstanceOf(Mpeg4AudioLatmFormat.class);
    }

    @Test
    void invalidCodecParametersBecomeAGenericFormat() {
        // a sync extension of an unknown object type: the fields after it cannot be found
        String sdp = GSTREAMER_AAC.replace("config=40002320adca00", "config=40002320adcc3fc0");
        assertThatThrownBy(() -> Session.parse(sdp)).isInstanceOf(SdpParseException.class)
                .hasMessageContaining("line 7: media 1 is invalid: invalid MPEG4AudioLATM config '40002320adcc3fc0'");

        Session s = Session.parseLenient(sdp);
        MediaFormat f = s.medias().get(0).formats().get(0);
        assertThat(f).isInstanceOf(GenericFormat.class);
        GenericFormat g = (GenericFormat) f;
        assertThat(g.payloadType()).isEqualTo(96);
        assertThat(g.clockRate()).isEqualTo(48000);
        assertThat(g.rtpMap()).isEqualTo("MP4A-LATM/48000");
        assertThat(g.fmtpValue()).isEqualTo("cpresent=0;config=40002320adcc3fc0");
        assertThat(g.decodeProblem()).startsWith("invalid MPEG4AudioLATM config '40002320adcc3fc0'")
                .contains("unsupported sync extension object type 6");
        // the other medias are decoded as usual, and the session is relayed with the format unchanged
        assertThat(s.medias().get(1).format(H264Format.class)).isNotNull();
        assertThat(s.medias().get(0).control()).isEqualTo("stream=1");
        assertThat(s.toSdp()).contains("a=rtpmap:96 MP4A-LATM/48000\r\na=fmtp:96 cpresent=0;config=40002320adcc3fc0\r\n");
        assertThat(Session.parseLenient(s.toSdp())).isEqualTo(s);
    }

    static Stream<Arguments> structuralErrors() {
        String head = "v=0\r\ns=x\r\n";
        String aac = "m=audio 0 RTP/AVP 97\r\na=rtpmap:97 mpeg4-generic/44100/2\r\na=fmtp:97 config=zzz1210\r\n";
        return Stream.of(
                Arguments.of("unreadable line", head + "m=audio 0 RTP/AVP 97\r\nnot a line\r\n", "line 4"),
                Arguments.of("unknown line type", head + "y=1\r\n" + aac, "line 3"),
                Arguments.of("no media", head, "no media streams are present in SDP"),
                Arguments.of("bad payload type", head + aac + "m=video 0 RTP/AVP abc\r\n",
                        "line 6: media 2 is invalid: invalid payload type 'abc'"),
                Arguments.of("payload type above 127", head + "m=video 0 RTP/AVP 200\r\n", "invalid payload type '200'"),
                Arguments.of("duplicate mids", head + aac + "a=mid:1\r\nm=audio 0 RTP/AVP 0\r\na=mid:1\r\n",
                        "duplicate media IDs"),
                Arguments.of("partial mids", head + aac + "a=mid:1\r\nm=audio 0 RTP/AVP 0\r\n", "media IDs sent partially"),
                Arguments.of("MIKEY not base64", head + aac + "a=key-mgmt:mikey !!\r\n",
                        "media 1 is invalid: invalid key-mgmt"),
                Arguments.of("invalid format whose rtpmap has no readable clock rate",
                        head + "m=audio 0 RTP/AVP 96\r\na=rtpmap:96 MP4A-LATM/\r\n",
                        "line 3: media 1 is invalid: invalid MPEG4AudioLATM clock rate ''"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("structuralErrors")
    void structuralErrorsStillFail(String name, String sdp, String message) {
        assertThatThrownBy(() -> Session.parseLenient(sdp)).isInstanceOf(SdpParseException.class)
                .hasMessageContaining(message);
    }

    @Test
    void lenientParsingEqualsStrictParsingWhenThatSucceeds() {
        String sdp = "v=0\r\ns=x\r\nm=audio 0 RTP/AVP 97 0 98\r\na=rtpmap:97 mpeg4-generic/48000/2\r\n"
                + "a=fmtp:97 config=119056E500;sizelength=13;indexlength=3;indexdeltalength=3\r\n"
                + "a=rtpmap:98 x-unknown/1000\r\n";
        Session strict = Session.parse(sdp);
        Session lenient = Session.parseLenient(sdp);
        assertThat(lenient).isEqualTo(strict);
        assertThat(lenient.medias().get(0).formats()).containsExactlyElementsOf(strict.medias().get(0).formats());
        // a format generic because its codec is unknown has no decode problem
        assertThat(((GenericFormat) lenient.medias().get(0).format(98)).decodeProblem()).isNull();
    }
}
