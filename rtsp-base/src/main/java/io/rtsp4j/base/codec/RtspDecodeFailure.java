package io.rtsp4j.base.codec;

import io.rtsp4j.base.RtspHeaderNames;
import io.rtsp4j.base.RtspHeaders;
import io.rtsp4j.base.RtspStatus;
import java.util.Objects;

/**
 * A message the decoder could not decode, emitted in its place.
 *
 * <p>It carries what was read before or despite the problem, so a server can answer properly:
 *
 * <pre>{@code
 * if (msg instanceof RtspDecodeFailure) {
 *     RtspDecodeFailure f = (RtspDecodeFailure) msg;
 *     if (f.isRequest()) {
 *         RtspResponse.Builder res = RtspResponse.builder(f.suggestedStatus());
 *         if (f.cseq() != null) {
 *             res.header(RtspHeaderNames.CSEQ, f.cseq());
 *         }
 *         ctx.writeAndFlush(res.build());
 *     }
 *     if (f.framingLost()) {
 *         ctx.close();
 *     }
 * }
 * }</pre>
 */
public final class RtspDecodeFailure {

    private final RtspDecodeException cause;
    private final RtspHeaders headers;
    private final boolean request;
    private final boolean framingLost;
    private final String startLine;

    /**
     * Creates a failure value.
     *
     * @param cause why decoding failed
     * @param headers the headers read so far (copied)
     * @param request whether the failed message was (or looked like) a request
     * @param framingLost whether the decoder lost track of message boundaries and ignores the rest of the
     *     connection
     * @param startLine the start line as far as it was read (for logs), possibly empty
     */
    public RtspDecodeFailure(RtspDecodeException cause, RtspHeaders headers, boolean request, boolean framingLost,
            String startLine) {
        this.cause = Objects.requireNonNull(cause, "cause");
        this.headers = headers.copy();
        this.request = request;
        this.framingLost = framingLost;
        this.startLine = Objects.requireNonNull(startLine, "startLine");
    }

    /**
     * Why decoding failed; the subclass tells which kind of problem.
     *
     * @return the cause
     */
    public RtspDecodeException cause() {
        return cause;
    }

    /**
     * The headers read before the problem (or all of them when the problem was elsewhere), so that a
     * response can echo {@code CSeq}. Lines that were themselves malformed are missing.
     *
     * @return a mutable copy, possibly empty
     */
    public RtspHeaders headers() {
        return headers;
    }

    /**
     * The first {@code CSeq} value read, for the response.
     *
     * @return the CSeq, or {@code null}
     */
    public String cseq() {
        return headers.get(RtspHeaderNames.CSEQ);
    }

    /**
     * Whether the failed message was a request (and so deserves a response). False for responses and
     * interleaved frames.
     *
     * @return true for requests
     */
    public boolean isRequest() {
        return request;
    }

    /**
     * Whether the decoder could not find where the failed message ends. It then ignores everything else the
     * connection sends, and the connection must be closed (after answering, if {@link #isRequest()}).
     *
     * @return true when the connection is unusable
     */
    public boolean framingLost() {
        return framingLost;
    }

    /**
     * The start line as far as it was read, for logs (possibly empty, e.g. for interleaved frames).
     *
     * @return the start line text
     */
    public String startLine() {
        return startLine;
    }

    /**
     * The status a server should answer a failed request with:
     * {@code 505} for {@link UnsupportedVersionException}, {@code 414} for a too long URI, {@code 413} for a
     * too long body, {@code 400} for everything else. (RTSP has no 431, so too many or too long headers give
     * {@code 400}.)
     *
     * @return the status, never null
     */
    public RtspStatus suggestedStatus() {
        if (cause instanceof UnsupportedVersionException) {
            return RtspStatus.RTSP_VERSION_NOT_SUPPORTED;
        }
        if (cause instanceof TooLongException) {
            switch (((TooLongException) cause).limit()) {
                case URI:
                    return RtspStatus.REQUEST_URI_TOO_LARGE;
                case BODY:
                    return RtspStatus.REQUEST_ENTITY_TOO_LARGE;
                default:
                    return RtspStatus.BAD_REQUEST;
            }
        }
        return RtspStatus.BAD_REQUEST;
    }

    /**
     * A one-line description for logs.
     *
     * @return e.g. {@code RtspDecodeFailure(request, framing kept, UnsupportedVersionException: ...)}
     */
    @Override
    public String toString() {
        return "RtspDecodeFailure(" + (request ? "request" : "non-request") + ", "
                + (framingLost ? "framing lost" : "framing kept") + ", " + cause.getClass().getSimpleName()
                + ": " + cause.getMessage() + ")";
    }
}
