package io.rtsp4j.base.codec;

/**
 * The message is well formed but uses a protocol version other than {@code RTSP/1.0}, typically
 * {@code RTSP/2.0} (RFC 7826) or an HTTP request sent to the RTSP port. A server answers a request with
 * {@code 505 RTSP Version Not Supported}.
 */
public final class UnsupportedVersionException extends RtspDecodeException {

    private static final long serialVersionUID = 1L;

    private final String versionText;

    /**
     * Creates the exception.
     *
     * @param versionText the version as received, e.g. {@code "RTSP/2.0"}
     */
    public UnsupportedVersionException(String versionText) {
        super("unsupported protocol version '" + versionText + "'");
        this.versionText = versionText;
    }

    /**
     * The version as received.
     *
     * @return e.g. {@code "RTSP/2.0"}
     */
    public String versionText() {
        return versionText;
    }
}
