package io.rtsp4j.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The URL forms of real clients, from gortsplib's TestServerPlayPath and TestServerRecordPath
 * (server_play_test.go, server_record_test.go); the client that sends each form is named in the case.
 */
class RtspPathsTest {

    /** TestServerPlayPath: SETUP URL ([control] = /trackID=1), PLAY URL, path seen by the handlers. */
    static Stream<Arguments> playPaths() {
        return Stream.of(
                Arguments.of("standard (FFmpeg, GStreamer, VLC without query)",
                        "rtsp://localhost:8554/teststream[control]", "rtsp://localhost:8554/teststream/", "/teststream", "", "1"),
                Arguments.of("no query, ffmpeg format (FFmpeg with query)",
                        "rtsp://localhost:8554/teststream?testing=123[control]", "rtsp://localhost:8554/teststream/",
                        "/teststream", "testing=123", "1"),
                Arguments.of("no query, gstreamer format (GStreamer with query)",
                        "rtsp://localhost:8554/teststream[control]?testing=123", "rtsp://localhost:8554/teststream/",
                        "/teststream", "testing=123", "1"),
                Arguments.of("no control (FFmpeg reading MPEG-TS)",
                        "rtsp://localhost:8554/teststream/", "rtsp://localhost:8554/teststream/", "/teststream", "", "0"),
                Arguments.of("no control, query, ffmpeg (FFmpeg reading MPEG-TS with query)",
                        "rtsp://localhost:8554/teststream?testing=123/", "rtsp://localhost:8554/teststream/",
                        "/teststream", "testing=123", "0"),
                Arguments.of("no control, query, gstreamer (GStreamer without control)",
                        "rtsp://localhost:8554/teststream/?testing=123", "rtsp://localhost:8554/teststream/",
                        "/teststream", "testing=123", "0"),
                Arguments.of("subpath",
                        "rtsp://localhost:8554/test/stream[control]", "rtsp://localhost:8554/test/stream/", "/test/stream", "", "1"),
                Arguments.of("subpath, no control (FFmpeg reading MPEG-TS)",
                        "rtsp://localhost:8554/test/stream/", "rtsp://localhost:8554/test/stream/", "/test/stream", "", "0"),
                Arguments.of("subpath with query, ffmpeg format (FFmpeg)",
                        "rtsp://localhost:8554/test/stream?testing=123[control]", "rtsp://localhost:8554/test/stream",
                        "/test/stream", "testing=123", "1"),
                Arguments.of("subpath with query, gstreamer format (GStreamer)",
                        "rtsp://localhost:8554/test/stream[control]?testing=123", "rtsp://localhost:8554/test/stream",
                        "/test/stream", "testing=123", "1"),
                Arguments.of("no path, no slash",
                        "rtsp://localhost:8554[control]", "rtsp://localhost:8554", "", "", "1"),
                Arguments.of("single slash",
                        "rtsp://localhost:8554/[control]", "rtsp://localhost:8554//", "/", "", "1"),
                Arguments.of("no control, no path",
                        "rtsp://localhost:8554/", "rtsp://localhost:8554/", "/", "", "0"),
                Arguments.of("no control, no path, no slash",
                        "rtsp://localhost:8554", "rtsp://localhost:8554", "", "", "0"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("playPaths")
    void playPath(String name, String setupUrl, String playUrl, String path, String query, String track)
            throws Exception {
        RtspPaths.SetupTarget t = RtspPaths.forPlaySetup(RtspUrl.parse(setupUrl.replace("[control]", "/trackID=1")));
        assertThat(t.path()).isEqualTo(path);
        assertThat(t.trackId()).isEqualTo(track);
        assertThat(t.mediaIndex()).isEqualTo(Integer.parseInt(track));
        if (!query.isEmpty()) {
            assertThat(t.query()).isEqualTo(query);
        }
        assertThat(RtspPaths.forRequest(RtspUrl.parse(playUrl)).path()).isEqualTo(path);
    }

    static Stream<Arguments> requestPaths() {
        return Stream.of(
                Arguments.of("DESCRIBE plain", "rtsp://h/teststream", "/teststream", ""),
                Arguments.of("FFmpeg PLAY on Content-Base with query", "rtsp://h/teststream?x=1/", "/teststream", "x=1"),
                Arguments.of("GStreamer PLAY on Content-Base", "rtsp://h/teststream/?x=1", "/teststream", "x=1"),
                Arguments.of("root stays root", "rtsp://h/", "/", ""),
                Arguments.of("no path", "rtsp://h", "", ""),
                Arguments.of("decoded path", "rtsp://h/my%20cam/", "/my cam", ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requestPaths")
    void requestPath(String name, String url, String path, String query) throws Exception {
        RtspPaths.PathAndQuery pq = RtspPaths.forRequest(RtspUrl.parse(url));
        assertThat(pq).isEqualTo(new RtspPaths.PathAndQuery(path, query));
    }

    static Stream<Arguments> badSetups() {
        return Stream.of(
                Arguments.of("VLC dialect after a failed request", "rtsp://h/teststream"),
                Arguments.of("VLC dialect with query", "rtsp://h/teststream?x=1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSetups")
    void invalidSetupPath(String name, String url) {
        assertThatThrownBy(() -> RtspPaths.forPlaySetup(RtspUrl.parse(url))).isInstanceOf(RtspUrlException.class)
                .hasMessage("invalid SETUP path. This typically happens when VLC fails a request, and then switches "
                        + "to an unsupported RTSP dialect");
    }

    static Stream<Arguments> trackIds() {
        return Stream.of(
                Arguments.of("rtsp://h/s/trackID=abc", -1),
                Arguments.of("rtsp://h/s/trackID=2147483648", -1),
                Arguments.of("rtsp://h/s/trackID=2147483647", Integer.MAX_VALUE),
                Arguments.of("rtsp://h/s/trackID=", -1),
                Arguments.of("rtsp://h/s/trackID=3", 3));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("trackIds")
    void trackId(String url, int index) throws Exception {
        assertThat(RtspPaths.forPlaySetup(RtspUrl.parse(url)).mediaIndex()).isEqualTo(index);
    }

    /** TestServerRecordPath: control, ANNOUNCE URL, SETUP URL, path and query the handlers see. */
    static Stream<Arguments> recordPaths() {
        return Stream.of(
                Arguments.of("normal", "bbb=ccc", "rtsp://localhost:8554/teststream",
                        "rtsp://localhost:8554/teststream/bbb=ccc", "/teststream", ""),
                Arguments.of("subpath", "ddd=eee", "rtsp://localhost:8554/test/stream",
                        "rtsp://localhost:8554/test/stream/ddd=eee", "/test/stream", ""),
                Arguments.of("subpath and query, ffmpeg format (FFmpeg)", "fff=ggg",
                        "rtsp://localhost:8554/test/stream?testing=0",
                        "rtsp://localhost:8554/test/stream?testing=0/fff=ggg", "/test/stream", "testing=0"),
                Arguments.of("subpath and query, gstreamer format (GStreamer rtspclientsink)", "fff=ggg",
                        "rtsp://localhost:8554/test/stream?testing=0",
                        "rtsp://localhost:8554/test/stream/fff=ggg?testing=0", "/test/stream", "testing=0"),
                Arguments.of("no path", "streamid=1", "rtsp://localhost:8554",
                        "rtsp://localhost:8554/streamid=1", "", ""),
                Arguments.of("single slash", "streamid=1", "rtsp://localhost:8554/",
                        "rtsp://localhost:8554//streamid=1", "/", ""),
                Arguments.of("absolute control", "rtsp://localhost:8554/teststream/trackID=0",
                        "rtsp://localhost:8554/teststream", "rtsp://localhost:8554/teststream/trackID=0", "/teststream", ""),
                Arguments.of("absolute control, credentials in the SETUP URL",
                        "rtsp://localhost:8554/teststream/trackID=0", "rtsp://localhost:8554/teststream",
                        "rtsp://u:p@localhost:8554/teststream/trackID=0", "/teststream", ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recordPaths")
    void recordPath(String name, String control, String announceUrl, String setupUrl, String path, String query)
            throws Exception {
        RtspPaths.PathAndQuery announced = RtspPaths.forAnnounce(RtspUrl.parse(announceUrl));
        assertThat(announced).isEqualTo(new RtspPaths.PathAndQuery(path, query));
        List<String> controls = List.of("other=1", control, "other=2");
        assertThat(RtspPaths.findAnnouncedMedia(controls, announced, RtspUrl.parse(setupUrl))).isEqualTo(1);
        assertThat(RtspPaths.findAnnouncedMedia(List.of("other=1"), announced, RtspUrl.parse(setupUrl))).isEqualTo(-1);
    }
}
