package io.rtsp4j.sdp.description;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rtsp4j.sdp.SdpParseException;
import io.rtsp4j.sdp.codec.AudioSpecificConfig;
import io.rtsp4j.sdp.format.G711Format;
import io.rtsp4j.sdp.format.GenericFormat;
import io.rtsp4j.sdp.format.H264Format;
import io.rtsp4j.sdp.format.Mpeg4AudioFormat;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What a server does with descriptions: build, renumber controls, announce, and the §11.2 rules. */
class SessionTest {

    private static final byte[] SPS = Base64.getDecoder().decode("Z2QAH6zZQFAFuwEQAAADABAAAAMDIPGDGWA=");
    private static final byte[] PPS = Base64.getDecoder().decode("aOvjyyLA");

    @Test
    void buildsTheDescribeAnswerOfAServer() {
        Session s = Session.builder().title("camera 1")
                .addMedia(Media.of(Media.VIDEO, new H264Format(96, SPS, PPS, 1)))
                .addMedia(Media.of(Media.AUDIO, Mpeg4AudioFormat.aacHbr(97, AudioSpecificConfig.aacLc(48000, 2))))
                .build()
                .withTrackIdControls();
        assertThat(s.toSdp()).isEqualTo("v=0\r\n"
                + "o=- 0 0 IN IP4 127.0.0.1\r\n"
                + "s=camera 1\r\n"
                + "c=IN IP4 0.0.0.0\r\n"
                + "t=0 0\r\n"
                + "m=video 0 RTP/AVP 96\r\n"
                + "a=control:trackID=0\r\n"
                + "a=rtpmap:96 H264/90000\r\n"
                + "a=fmtp:96 packetization-mode=1; profile-level-id=64001F; "
                + "sprop-parameter-sets=Z2QAH6zZQFAFuwEQAAADABAAAAMDIPGDGWA=,aOvjyyLA\r\n"
                + "m=audio 0 RTP/AVP 97\r\n"
                + "a=control:trackID=1\r\n"
                + "a=rtpmap:97 mpeg4-generic/48000/2\r\n"
                + "a=fmtp:97 config=1190; indexdeltalength=3; indexlength=3; mode=AAC-hbr; profile-level-id=1; "
                + "sizelength=13; streamtype=5\r\n");
        assertThat(Session.parse(s.toSdp())).isEqualTo(s);
        assertThat(s.medias().get(0).format(H264Format.class).packetizationMode()).isEqualTo(1);
        assertThat(s.medias().get(0).format(96)).isInstanceOf(H264Format.class);
        assertThat(s.medias().get(0).format(97)).isNull();
    }

    @Test
    void announcesBackChannelsMulticastAndSrtp() {
        byte[] mikey = {1, 2, 3, 4};
        Session s = Session.builder().title("")
                .multicastAddress("239.1.2.3/16")
                .keyMgmt(mikey)
                .addMedia(Media.builder(Media.VIDEO).profile(Profile.SAVP).control("v")
                        .addFormat(new H264Format(96, null, null, 1)).build())
                .addMedia(Media.builder(Media.AUDIO).backChannel(true).control("back")
                        .addFormat(G711Format.of(true)).build())
                .build();
        assertThat(s.toSdp()).isEqualTo("v=0\r\no=- 0 0 IN IP4 127.0.0.1\r\ns= \r\nc=IN IP4 239.1.2.3/16\r\n"
                + "t=0 0\r\na=key-mgmt:mikey AQIDBA==\r\n"
                + "m=video 0 RTP/SAVP 96\r\na=control:v\r\na=rtpmap:96 H264/90000\r\n"
                + "a=fmtp:96 packetization-mode=1\r\na=recvonly\r\n"
                + "m=audio 0 RTP/AVP 0\r\na=sendonly\r\na=control:back\r\na=rtpmap:0 PCMU/8000\r\n");
        Session back = Session.parse(s.toSdp());
        assertThat(back.hasBackChannel()).isTrue();
        assertThat(back.medias().get(1).backChannel()).isTrue();
        assertThat(back.medias().get(1).direction()).isEqualTo(Direction.SENDONLY);
        assertThat(back.medias().get(0).direction()).isEqualTo(Direction.RECVONLY);
        assertThat(back.medias().get(0).profile()).isEqualTo(Profile.SAVP);
        assertThat(back.keyMgmt()).isEqualTo(mikey);
        assertThat(back.connection().address()).isEqualTo("239.1.2.3/16");
        assertThat(back.isMulticast()).isFalse(); // read connections are information only
    }

    static Stream<Arguments> invalid() {
        String head = "v=0\r\ns=x\r\n";
        return Stream.of(
                Arguments.of("no media", head, "no media streams are present in SDP"),
                Arguments.of("no format", head + "m=video 0 RTP/AVP\r\n", "line 3: media 1 is invalid: no formats found"),
                Arguments.of("bad payload type", head + "m=video 0 RTP/AVP 96\r\nm=audio 0 RTP/AVP abc\r\n",
                        "line 4: media 2 is invalid: invalid payload type 'abc'"),
                Arguments.of("payload type above 127", head + "m=video 0 RTP/AVP 200\r\n", "invalid payload type '200'"),
                Arguments.of("mid not alphanumeric", head + "m=video 0 RTP/AVP 96\r\na=mid:a-b\r\n", "invalid mid: a-b"),
                Arguments.of("duplicate mids", head + "m=video 0 RTP/AVP 96\r\na=mid:1\r\nm=audio 0 RTP/AVP 0\r\na=mid:1\r\n",
                        "duplicate media IDs"),
                Arguments.of("partial mids", head + "m=video 0 RTP/AVP 96\r\na=mid:1\r\nm=audio 0 RTP/AVP 0\r\n",
                        "media IDs sent partially"),
                Arguments.of("FEC group to nowhere", head + "a=group:FEC 1 9\r\nm=video 0 RTP/AVP 96\r\na=mid:1\r\n",
                        "FEC group points to an invalid media ID: 9"),
                Arguments.of("key-mgmt not MIKEY", head + "a=key-mgmt:prompt\r\nm=video 0 RTP/AVP 96\r\n",
                        "unsupported key-mgmt: prompt"),
                Arguments.of("MIKEY not base64", head + "m=video 0 RTP/AVP 96\r\na=key-mgmt:mikey !!\r\n",
                        "media 1 is invalid: invalid key-mgmt"),
                Arguments.of("invalid format", head + "m=audio 0 RTP/AVP 96\r\na=rtpmap:96 opus/8000/2\r\n",
                        "line 3: media 1 is invalid: invalid Opus rtpmap 'opus/8000/2': clock rate must be 48000"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void rejectsWithTheReason(String name, String sdp, String message) {
        assertThatThrownBy(() -> Session.parse(sdp)).isInstanceOf(SdpParseException.class)
                .hasMessageContaining(message);
    }

    @Test
    void allSendonlyMediasAreNotBackChannels() {
        // mediamtx#5074; and a real back channel when another media is not sendonly
        String fake = "v=0\r\ns=x\r\nm=video 0 RTP/AVP 96\r\na=sendonly\r\nm=audio 0 RTP/AVP 0\r\na=sendonly\r\n";
        assertThat(Session.parse(fake).hasBackChannel()).isFalse();
        assertThat(Session.parse(fake).medias().get(0).direction()).isEqualTo(Direction.SENDONLY);
        String real = "v=0\r\ns=x\r\nm=video 0 RTP/AVP 96\r\nm=audio 0 RTP/AVP 0\r\na=sendonly\r\n";
        assertThat(Session.parse(real).medias().get(1).backChannel()).isTrue();
    }

    static Stream<Arguments> controls() {
        return Stream.of(
                Arguments.of("*", "rtsp://h/s/", "rtsp://h/s/"),
                Arguments.of("/other/track1", "rtsp://u:p@h:554/s/", "rtsp://u:p@h:554/other/track1"),
                Arguments.of("trackID=1", "rtsp://h/s?x=1", "rtsp://h/s?x=1/trackID=1"),
                Arguments.of("RTSP://10.0.0.1/a/b", "rtsp://u:p@pub.example:8554/x", "RTSP://u:p@pub.example:8554/a/b"),
                Arguments.of("rtsp://10.0.0.1", "rtsp://h:1/x", "rtsp://h:1"));
    }

    @ParameterizedTest(name = "{0} against {1}")
    @MethodSource("controls")
    void resolvesControls(String control, String base, String expected) {
        Media m = Media.builder(Media.VIDEO).control(control).addFormat(GenericFormat.of(96, "x/90000", null)).build();
        assertThat(m.resolveControl(base)).isEqualTo(expected);
    }

    @Test
    void buildersCopyAndValidate() {
        Media m = Media.of(Media.AUDIO, G711Format.of(false));
        assertThat(m.toBuilder().id("a1").build().id()).isEqualTo("a1");
        assertThat(m.toBuilder().build()).isEqualTo(m).hasSameHashCodeAs(m);
        assertThatThrownBy(() -> Media.builder(Media.AUDIO).build()).hasMessageContaining("no formats found");
        assertThatThrownBy(() -> Media.builder("two words").addFormat(G711Format.of(true)).build())
                .isInstanceOf(IllegalArgumentException.class);
        Session s = Session.builder().addMedia(m.toBuilder().id("1").build()).addMedia(m.toBuilder().id("2").build())
                .addFecGroup(List.of("1", "2")).build();
        assertThat(s.toSdp()).contains("a=group:FEC 1 2\r\n");
        assertThat(Session.parse(s.toSdp())).isEqualTo(s);
    }
}
