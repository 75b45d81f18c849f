package io.rtsp4j.base.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.ReferenceCountUtil;
import io.rtsp4j.base.InterleavedFrame;
import io.rtsp4j.base.RtspRequest;
import io.rtsp4j.base.RtspResponse;
import io.rtsp4j.testing.Hex;
import java.util.ArrayList;
import java.util.List;

/** Runs bytes through a decoder in an {@link EmbeddedChannel} and describes what comes out. */
final class DecoderHarness {

    private DecoderHarness() {
    }

    /** Decodes the chunks in order, then closes the channel; returns the outputs (caller releases frames). */
    static List<Object> decode(RtspDecoderConfig config, byte[]... chunks) {
        EmbeddedChannel ch = new EmbeddedChannel(new RtspDecoder(config));
        for (byte[] chunk : chunks) {
            ch.writeInbound(Unpooled.wrappedBuffer(chunk));
        }
        ch.finish();
        List<Object> out = new ArrayList<>();
        for (Object o; (o = ch.readInbound()) != null; ) {
            out.add(o);
        }
        return out;
    }

    static List<Object> decode(byte[]... chunks) {
        return decode(RtspDecoderConfig.DEFAULT, chunks);
    }

    /** Decodes and turns every output into a comparable description, releasing the frames. */
    static List<String> describe(RtspDecoderConfig config, byte[]... chunks) {
        List<String> out = new ArrayList<>();
        for (Object o : decode(config, chunks)) {
            out.add(describe(o));
            ReferenceCountUtil.release(o);
        }
        return out;
    }

    static List<String> describeAll(byte[]... chunks) {
        return describe(RtspDecoderConfig.DEFAULT, chunks);
    }

    static String describe(Object o) {
        if (o instanceof RtspRequest || o instanceof RtspResponse) {
            return o.getClass().getSimpleName() + ":" + o;
        }
        if (o instanceof InterleavedFrame) {
            InterleavedFrame f = (InterleavedFrame) o;
            ByteBuf c = f.content();
            byte[] b = new byte[c.readableBytes()];
            c.getBytes(c.readerIndex(), b);
            return "frame:" + f.channel() + ":" + Hex.encode(b);
        }
        if (o instanceof RtspDecodeFailure) {
            RtspDecodeFailure f = (RtspDecodeFailure) o;
            return "failure:" + f.cause().getClass().getSimpleName() + ":" + f.cause().getMessage() + ":request="
                    + f.isRequest() + ":lost=" + f.framingLost() + ":" + f.headers();
        }
        throw new AssertionError("decoder emitted an unexpected " + o.getClass() + ": " + o);
    }

    /**
     * Asserts that every way of cutting the input in two gives the same outputs as the whole input. Inputs
     * up to 1 KiB (every corpus message) are cut at every position; longer synthetic inputs (limit tests) at
     * every position within 128 bytes of either end and at every 13th in between, to keep the run short
     * under paranoid leak detection.
     */
    static List<String> assertSplitInvariant(RtspDecoderConfig config, byte[] input) {
        List<String> whole = describe(config, input);
        for (int cut = 0; cut <= input.length; cut++) {
            if (input.length > 1024 && cut > 128 && cut < input.length - 128 && cut % 13 != 0) {
                continue;
            }
            byte[] a = java.util.Arrays.copyOfRange(input, 0, cut);
            byte[] b = java.util.Arrays.copyOfRange(input, cut, input.length);
            assertThat(describe(config, a, b)).as("split at %d of %d", cut, input.length).isEqualTo(whole);
        }
        return whole;
    }

    /** Feeds the input one byte at a time. */
    static List<String> describeBytewise(RtspDecoderConfig config, byte[] input) {
        byte[][] chunks = new byte[input.length][];
        for (int i = 0; i < input.length; i++) {
            chunks[i] = new byte[] {input[i]};
        }
        return describe(config, chunks);
    }
}
