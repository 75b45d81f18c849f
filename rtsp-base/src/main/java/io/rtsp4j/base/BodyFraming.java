package io.rtsp4j.base;

/** Keeps {@code Content-Length} consistent with the body of a message being built. */
final class BodyFraming {

    private BodyFraming() {
    }

    /**
     * Returns headers whose {@code Content-Length} matches the body: set to the body length when there is a
     * body, to {@code 0} when the header is present without a body, untouched otherwise. The input is not
     * modified when already consistent (the common case of decoded messages).
     */
    static RtspHeaders frame(RtspHeaders headers, int bodyLength) {
        String declared = headers.get(RtspHeaderNames.CONTENT_LENGTH);
        if (bodyLength == 0 && declared == null) {
            return headers;
        }
        String wanted = Integer.toString(bodyLength);
        if (wanted.equals(declared) && headers.getAll(RtspHeaderNames.CONTENT_LENGTH).size() == 1) {
            return headers;
        }
        return headers.copy().set(RtspHeaderNames.CONTENT_LENGTH, wanted);
    }
}
