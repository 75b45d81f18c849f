package io.rtsp4j.base.codec;

/** The request line or status line does not have the RTSP syntax (RFC 2326 §6.1, §7.1). */
public final class MalformedStartLineException extends RtspDecodeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong with the line
     */
    public MalformedStartLineException(String message) {
        super(message);
    }
}
