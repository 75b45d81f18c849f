package io.rtsp4j.base;

/**
 * The protocol version of an RTSP message, as written in the request or status line.
 *
 * <p>rtsp4j speaks RTSP 1.0 (RFC 2326). {@link #RTSP_2_0} (RFC 7826) exists so that the decoder can recognise
 * an RTSP 2.0 request and a server can answer it with {@code 505 RTSP Version Not Supported} instead of
 * dropping the connection.
 */
public enum RtspVersion {

    /** {@code RTSP/1.0} (RFC 2326). */
    RTSP_1_0("RTSP/1.0"),

    /** {@code RTSP/2.0} (RFC 7826). */
    RTSP_2_0("RTSP/2.0");

    private final String text;

    RtspVersion(String text) {
        this.text = text;
    }

    /**
     * The version as written on the wire.
     *
     * @return {@code "RTSP/1.0"} or {@code "RTSP/2.0"}
     */
    public String text() {
        return text;
    }

    /**
     * Looks a version up by its wire text. The comparison is exact (RFC 2326 §3.1: the protocol name is
     * case-sensitive), so {@code "rtsp/1.0"} is not a version.
     *
     * @param text the version text, e.g. {@code "RTSP/1.0"}
     * @return the version, or {@code null} when the text names none of the known versions
     */
    public static RtspVersion fromText(String text) {
        if (RTSP_1_0.text.equals(text)) {
            return RTSP_1_0;
        }
        if (RTSP_2_0.text.equals(text)) {
            return RTSP_2_0;
        }
        return null;
    }

    /**
     * The wire text, same as {@link #text()}.
     *
     * @return the version text
     */
    @Override
    public String toString() {
        return text;
    }
}
