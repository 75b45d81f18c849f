package io.rtsp4j.sdp.codec;

/**
 * Thrown when a codec configuration (SPS, AudioSpecificConfig, StreamMuxConfig) cannot be read or written.
 * The message says which structure and what is wrong.
 */
public class CodecConfigException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong
     */
    public CodecConfigException(String message) {
        super(message);
    }
}
