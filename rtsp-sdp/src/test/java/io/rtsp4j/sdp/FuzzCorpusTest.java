package io.rtsp4j.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import io.rtsp4j.sdp.description.Media;
import io.rtsp4j.sdp.description.Session;
import io.rtsp4j.sdp.format.MediaFormat;
import io.rtsp4j.sdp.format.MediaFormats;
import io.rtsp4j.testing.Corpus;
import io.rtsp4j.testing.Corpus.FuzzInput;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays the upstream fuzz corpora that feed SDP text (gortsplib sdpunmarshaler/FuzzUnmarshal,
 * description/FuzzSessionUnmarshal, format/FuzzUnmarshal): nothing but {@link SdpParseException} may
 * escape, and whatever is accepted is written and read back equal.
 */
class FuzzCorpusTest {

    static Stream<Arguments> inputs(String pkg, String target) {
        return Corpus.fuzzInputs(pkg, target).stream().map(f -> Arguments.of(Named.of(f.file(), f)));
    }

    static Stream<Arguments> sdpUnmarshal() {
        return inputs("sdpunmarshaler", "FuzzUnmarshal");
    }

    static Stream<Arguments> sessionUnmarshal() {
        return inputs("description", "FuzzSessionUnmarshal");
    }

    static Stream<Arguments> formatUnmarshal() {
        return inputs("format", "FuzzUnmarshal");
    }

    static String text(FuzzInput in) {
        return new String(in.first(), StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sdpUnmarshal")
    void reader(FuzzInput in) {
        checkReader(text(in));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sessionUnmarshal")
    void session(FuzzInput in) {
        checkReader(text(in));
        checkSession(text(in));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formatUnmarshal")
    void format(FuzzInput in) {
        String sdp = text(in);
        checkReader(sdp);
        checkSession(sdp);
        SessionDescription sd;
        try {
            sd = SdpReader.parse(sdp);
        } catch (SdpParseException e) {
            return;
        }
        if (sd.media().isEmpty() || sd.media().get(0).formats().isEmpty()) {
            return;
        }
        try {
            MediaFormat f = Media.fromSdp(sd.media().get(0)).formats().get(0);
            checkFormat(sd.media().get(0).type(), f);
        } catch (SdpParseException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }

    /**
     * Reader contract: only SdpParseException; accepted text writes and reads back equal.
     *
     * @param sdp the input
     */
    public static void checkReader(String sdp) {
        SessionDescription sd;
        try {
            sd = SdpReader.parse(sdp);
        } catch (SdpParseException e) {
            assertThat(e.getMessage()).isNotBlank();
            return;
        }
        String written = SdpWriter.write(sd);
        assertThat(SdpReader.parse(written)).isEqualTo(sd);
    }

    /**
     * Session contract, strict and lenient: only SdpParseException; accepted sessions have medias and
     * re-encode stably; the lenient parse equals the strict one when that succeeds.
     *
     * @param sdp the input
     */
    public static void checkSession(String sdp) {
        Session lenient = null;
        try {
            lenient = Session.parseLenient(sdp);
            assertThat(lenient.medias()).isNotEmpty();
            String out = lenient.toSdp();
            Session again = Session.parseLenient(out);
            assertThat(again.toSdp()).isEqualTo(out);
            assertThat(again.medias()).isEqualTo(lenient.medias());
        } catch (SdpParseException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
        Session s;
        try {
            s = Session.parse(sdp);
        } catch (SdpParseException e) {
            assertThat(e.getMessage()).isNotBlank();
            return;
        }
        assertThat(s.medias()).isNotEmpty();
        String out = s.toSdp();
        Session again = Session.parse(out);
        assertThat(again.toSdp()).isEqualTo(out);
        assertThat(again.medias()).isEqualTo(s.medias());
        assertThat(lenient).as("the lenient parse of an SDP the strict parse accepts").isEqualTo(s);
    }

    /**
     * Format contract: the written rtpmap/fmtp decode to an equal format.
     *
     * @param mediaType the media type
     * @param f the format
     */
    public static void checkFormat(String mediaType, MediaFormat f) {
        assertThat(MediaFormats.decode(mediaType, f.payloadType(), f.rtpMap(), f.fmtpValue())).isEqualTo(f);
    }
}
