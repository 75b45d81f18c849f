package io.rtsp4j.base.codec;

import io.netty.handler.codec.DecoderException;

/**
 * Why the decoder rejected a message. Never thrown into the pipeline: instances travel as the
 * {@link RtspDecodeFailure#cause()} of a failure value. The subclasses say what went wrong; the message
 * says where.
 */
public abstract class RtspDecodeException extends DecoderException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong and where
     */
    protected RtspDecodeException(String message) {
        super(message);
    }

    /**
     * Failures are values, not errors in flight: the stack trace of the decoder's own frames says nothing, so
     * it is not captured (this also keeps a flood of bad input cheap).
     *
     * @return this
     */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
