package io.rtsp4j.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rtsp4j.testing.Corpus;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rtsp4j sdp} through {@link Rtsp4jCli#run(String[], PrintStream, PrintStream)}. */
class SdpCommandTest {

    @TempDir
    Path dir;

    record Result(int status, String out, String err) {
    }

    static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Rtsp4jCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void printsTheDescriptionAsJson() throws Exception {
        Path sdp = Corpus.testdata("sdp/ffmpeg-h264-aac.sdp");
        Result r = run("sdp", sdp.toString());
        assertThat(r.status()).isZero();
        assertThat(r.err()).isEmpty();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.path("title").asText()).isEqualTo("No Name");
        JsonNode video = json.path("medias").get(0);
        assertThat(video.path("type").asText()).isEqualTo("video");
        assertThat(video.path("control").asText()).isEqualTo("streamid=0");
        assertThat(video.path("profile").asText()).isEqualTo("AVP");
        assertThat(video.path("direction").isNull()).isTrue();
        assertThat(video.path("backChannel").asBoolean()).isFalse();
        JsonNode h264 = video.path("formats").get(0);
        assertThat(h264.path("payloadType").asInt()).isEqualTo(96);
        assertThat(h264.path("codec").asText()).isEqualTo("H264");
        assertThat(h264.path("clockRate").asInt()).isEqualTo(90000);
        assertThat(h264.path("params").path("packetization-mode").asText()).isEqualTo("1");
        assertThat(h264.path("params").path("profile-level-id").asText()).isEqualTo("64001F");
        JsonNode aac = json.path("medias").get(1).path("formats").get(0);
        assertThat(aac.path("codec").asText()).isEqualTo("MPEG4Audio");
        assertThat(aac.path("clockRate").asInt()).isEqualTo(48000);
        assertThat(aac.path("params").path("config").asText()).isEqualTo("119056e500"); // the explicit SBR signalling of FFmpeg's AAC encoder is kept (B2)
    }

    @Test
    void printsTheExactDocumentedShape() throws Exception {
        Path sdp = dir.resolve("cam.sdp");
        Files.writeString(sdp, "v=0\ns=Cam \"1\"\nm=audio 0 RTP/AVP 0\na=control:trackID=0\na=sendonly\n"
                + "m=application 0 RTP/AVP 107\na=rtpmap:107 vnd.onvif.metadata/90000\na=fmtp:107 a=1;b=2\n");
        Result r = run("sdp", sdp.toString());
        assertThat(r.status()).isZero();
        assertThat(r.out()).isEqualTo("""
                {
                  "title": "Cam \\"1\\"",
                  "medias": [
                    {
                      "type": "audio",
                      "control": "trackID=0",
                      "profile": "AVP",
                      "direction": "sendonly",
                      "backChannel": true,
                      "formats": [
                        {
                          "payloadType": 0,
                          "codec": "G711",
                          "clockRate": 8000,
                          "params": {}
                        }
                      ]
                    },
                    {
                      "type": "application",
                      "control": "",
                      "profile": "AVP",
                      "direction": null,
                      "backChannel": false,
                      "formats": [
                        {
                          "payloadType": 107,
                          "codec": "Generic",
                          "clockRate": 90000,
                          "params": {
                            "a": "1",
                            "b": "2"
                          }
                        }
                      ]
                    }
                  ]
                }
                """.replace("\n", System.lineSeparator()));
    }

    @Test
    void formatPrintsTheCanonicalSdp() throws Exception {
        Path sdp = Corpus.path("sdp/session-onvif-back-channel.sdp");
        Result r = run("sdp", "--format", sdp.toString());
        assertThat(r.status()).isZero();
        assertThat(r.out()).isEqualTo(Corpus.json("sdp/session-onvif-back-channel.json").path("marshaled").asText());
        assertThat(run("sdp", sdp.toString(), "--format").out()).isEqualTo(r.out());
    }

    @Test
    void readsStandardInput() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SdpCommand command = new SdpCommand(new ByteArrayInputStream(
                "v=0\r\ns=x\r\nm=video 0 RTP/AVP 26\r\n".getBytes(StandardCharsets.UTF_8)));
        int status = command.run(new String[] {"--format", "-"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("m=video 0 RTP/AVP 26\r\na=control\r\n"
                + "a=rtpmap:26 JPEG/90000\r\n");
    }

    @Test
    void invalidInputGivesOneLineSayingWhatAndWhere() throws Exception {
        Path sdp = dir.resolve("bad.sdp");
        Files.writeString(sdp, "v=0\r\ns=x\r\nm=video 0 RTP/AVP 96\r\nm=audio x RTP/AVP 0\r\n");
        Result r = run("sdp", sdp.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("rtsp4j sdp: " + sdp + ": line 4: invalid port 'x'" + System.lineSeparator());

        Files.writeString(sdp, "v=0\r\ns=x\r\nm=audio 0 RTP/AVP 96\r\na=rtpmap:96 mpeg4-generic/48000/2\r\n");
        r = run("sdp", "--format", sdp.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("rtsp4j sdp: " + sdp + ": line 3: media 1 is invalid: MPEG4Audio config is "
                + "missing" + System.lineSeparator());
    }

    @Test
    void missingFileAndUsageErrors() {
        Result missing = run("sdp", dir.resolve("nope.sdp").toString());
        assertThat(missing.status()).isEqualTo(1);
        assertThat(missing.err()).isEqualTo("rtsp4j sdp: cannot read " + dir.resolve("nope.sdp")
                + ": no such file" + System.lineSeparator());
        assertThat(run("sdp").status()).isEqualTo(2);
        assertThat(run("sdp", "--json", "x").status()).isEqualTo(2);
        assertThat(run("sdp", "a", "b").status()).isEqualTo(2);
        assertThat(run("sdp", "--help").out()).startsWith("usage: rtsp4j sdp");
        assertThat(run("--help").out()).contains("sdp").contains("parse an SDP file");
    }
}
