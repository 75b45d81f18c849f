package io.rtsp4j.base.codec;

import io.netty.channel.CombinedChannelDuplexHandler;

/**
 * {@link RtspDecoder} and {@link RtspEncoder} in one handler, for the usual pipeline of an RTSP connection.
 * Not sharable (the decoder has per-connection state).
 */
public final class RtspCodec extends CombinedChannelDuplexHandler<RtspDecoder, RtspEncoder> {

    /** Creates a codec with the default limits and sorted headers. */
    public RtspCodec() {
        this(RtspDecoderConfig.DEFAULT);
    }

    /**
     * Creates a codec.
     *
     * @param config the decoder limits
     */
    public RtspCodec(RtspDecoderConfig config) {
        super(new RtspDecoder(config), new RtspEncoder());
    }

    /**
     * Creates a codec.
     *
     * @param config the decoder limits
     * @param headerOrder the order in which the encoder writes header lines
     */
    public RtspCodec(RtspDecoderConfig config, RtspEncoder.HeaderOrder headerOrder) {
        super(new RtspDecoder(config), new RtspEncoder(headerOrder));
    }
}
