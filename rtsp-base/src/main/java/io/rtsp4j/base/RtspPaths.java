package io.rtsp4j.base;

import java.util.List;
import java.util.Locale;

/**
 * The rules that turn request URLs, in the forms real clients send them, into the path and query a server
 * routes on, and into the media a SETUP request refers to. They follow gortsplib, whose tests pin the forms
 * of FFmpeg, GStreamer and VLC.
 *
 * <p>After a DESCRIBE of {@code rtsp://h/path?query}, the server answers with
 * {@code Content-Base: rtsp://h/path?query/} and a control attribute {@code trackID=N} per media. Clients
 * then resolve the control differently:
 * <ul>
 *   <li>FFmpeg appends it to the whole URL: {@code rtsp://h/path?query/trackID=N};</li>
 *   <li>GStreamer appends it to the path: {@code rtsp://h/path/trackID=N?query};</li>
 *   <li>FFmpeg reading MPEG-TS (no control) sends the base URL itself: {@code rtsp://h/path/} or
 *       {@code rtsp://h/path?query/}.</li>
 * </ul>
 * and PLAY, PAUSE, GET_PARAMETER... may target the base URL with or without the trailing slash.
 */
public final class RtspPaths {

    private static final String TRACK_ID = "/trackID=";

    private RtspPaths() {
    }

    /**
     * A path and a query.
     *
     * @param path the decoded path, e.g. {@code "/teststream"}; may be empty
     * @param query the raw query, empty when there is none
     */
    public record PathAndQuery(String path, String query) {
    }

    /**
     * What a SETUP request of a player refers to.
     *
     * @param path the decoded stream path, e.g. {@code "/teststream"}
     * @param query the raw query, empty when there is none
     * @param trackId the text after {@code trackID=} ({@code "0"} when the URL had no track)
     */
    public record SetupTarget(String path, String query, String trackId) {

        /**
         * The media index named by the track id.
         *
         * @return the index, or -1 when the track id is not a decimal number below 2^31
         */
        public int mediaIndex() {
            String t = trackId;
            if (t.isEmpty() || t.length() > 10) {
                return -1;
            }
            long v = 0;
            for (int i = 0; i < t.length(); i++) {
                char c = t.charAt(i);
                if (c < '0' || c > '9') {
                    return -1;
                }
                v = v * 10 + (c - '0');
            }
            return v > Integer.MAX_VALUE ? -1 : (int) v;
        }
    }

    /**
     * Path and query for DESCRIBE, PLAY, PAUSE, RECORD, GET_PARAMETER and SET_PARAMETER: one trailing slash
     * is removed from the query (FFmpeg, {@code ?q=1/}) or else from a path longer than {@code /}
     * (GStreamer, {@code /path/}).
     *
     * @param url the request URL
     * @return the path and query the stream is found by
     */
    public static PathAndQuery forRequest(RtspUrl url) {
        String query = url.query() == null ? "" : url.query();
        String path = url.path();
        if (query.endsWith("/")) {
            return new PathAndQuery(path, query.substring(0, query.length() - 1));
        }
        if (path.length() > 1 && path.endsWith("/")) {
            return new PathAndQuery(path.substring(0, path.length() - 1), query);
        }
        return new PathAndQuery(path, query);
    }

    /**
     * Path and query of an ANNOUNCE request: taken as they are.
     *
     * @param url the request URL
     * @return the path and query the published stream gets
     */
    public static PathAndQuery forAnnounce(RtspUrl url) {
        return new PathAndQuery(url.path(), url.query() == null ? "" : url.query());
    }

    /**
     * Path, query and track of a SETUP request sent by a player, tried in this order:
     * <ol>
     *   <li>{@code /trackID=} in the query: FFmpeg, {@code path?query/trackID=N};</li>
     *   <li>{@code /trackID=} in the path: GStreamer, {@code path/trackID=N?query};</li>
     *   <li>a trailing slash on the query or the path, no track: FFmpeg reading MPEG-TS, track 0;</li>
     *   <li>an empty path or {@code /}: track 0.</li>
     * </ol>
     *
     * @param url the SETUP request URL
     * @return the stream path, query and track
     * @throws RtspUrlException when none applies (VLC, after a failed request, sends such URLs)
     */
    public static SetupTarget forPlaySetup(RtspUrl url) throws RtspUrlException {
        String query = url.query() == null ? "" : url.query();
        String path = url.path();
        int i = query.lastIndexOf(TRACK_ID);
        if (i >= 0) {
            return new SetupTarget(path, query.substring(0, i), query.substring(i + TRACK_ID.length()));
        }
        i = path.lastIndexOf(TRACK_ID);
        if (i >= 0) {
            return new SetupTarget(path.substring(0, i), query, path.substring(i + TRACK_ID.length()));
        }
        if (query.endsWith("/")) {
            return new SetupTarget(path, query.substring(0, query.length() - 1), "0");
        }
        if (path.length() > 1 && path.endsWith("/")) {
            return new SetupTarget(path.substring(0, path.length() - 1), query, "0");
        }
        if (path.isEmpty() || path.equals("/")) {
            return new SetupTarget(path, query, "0");
        }
        throw new RtspUrlException("invalid SETUP path. This typically happens when VLC fails a request, "
                + "and then switches to an unsupported RTSP dialect");
    }

    /**
     * Finds the announced media a SETUP request of a publisher refers to. A control attribute is matched
     * <ul>
     *   <li>when absolute ({@code rtsp://}, {@code rtsps://}): against the whole request URL, credentials
     *       ignored;</li>
     *   <li>otherwise in the FFmpeg form ({@code path?query/control}, or {@code path/control} without a
     *       query) and in the GStreamer form ({@code path/control?query}), with the ANNOUNCE path and
     *       query.</li>
     * </ul>
     *
     * @param controls the {@code a=control} value of each announced media, in order ({@code ""} when absent)
     * @param announced the path and query of the ANNOUNCE request ({@link #forAnnounce(RtspUrl)})
     * @param setupUrl the SETUP request URL
     * @return the index of the media, or -1 when none matches
     */
    public static int findAnnouncedMedia(List<String> controls, PathAndQuery announced, RtspUrl setupUrl) {
        String setup = setupUrl.path() + (setupUrl.query() == null || setupUrl.query().isEmpty() ? ""
                : "?" + setupUrl.query());
        String setupFull = setupUrl.withoutCredentials().toString();
        for (int m = 0; m < controls.size(); m++) {
            String control = controls.get(m);
            String lower = control.toLowerCase(Locale.ROOT);
            if (lower.startsWith("rtsp://") || lower.startsWith("rtsps://")) {
                try {
                    if (RtspUrl.parse(control).withoutCredentials().toString().equals(setupFull)) {
                        return m;
                    }
                } catch (RtspUrlException e) {
                    // an unparsable control cannot match anything
                }
                continue;
            }
            String ffmpeg = announced.query().isEmpty()
                    ? announced.path() + "/" + control
                    : announced.path() + "?" + announced.query() + "/" + control;
            String gstreamer = announced.path() + "/" + control
                    + (announced.query().isEmpty() ? "" : "?" + announced.query());
            if (setup.equals(ffmpeg) || setup.equals(gstreamer)) {
                return m;
            }
        }
        return -1;
    }
}
