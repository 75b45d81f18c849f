package io.rtsp4j.base;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.ReferenceCountUtil;
import io.rtsp4j.base.codec.RtspDecodeFailure;
import io.rtsp4j.base.codec.RtspDecoder;
import io.rtsp4j.base.codec.RtspDecoderConfig;
import io.rtsp4j.base.headers.Authenticate;
import io.rtsp4j.base.headers.Authorization;
import io.rtsp4j.base.headers.HeaderParseException;
import io.rtsp4j.base.headers.KeyMgmt;
import io.rtsp4j.base.headers.Range;
import io.rtsp4j.base.headers.RtpInfo;
import io.rtsp4j.base.headers.SessionHeader;
import io.rtsp4j.base.headers.Transports;
import java.nio.charset.StandardCharsets;

/**
 * Jazzer fuzz targets for the decoder, every header parser and the URL parser. In the normal test run each
 * target replays its inputs in {@code src/test/resources/io/rtsp4j/base/JazzerFuzzTestInputs/<target>/}
 * (the upstream gortsplib fuzz corpus of the matching target); run with {@code JAZZER_FUZZ=1} to fuzz.
 * The invariant everywhere: only the module's own error types, and what parses formats back to itself.
 */
class JazzerFuzzTest {

    interface Parser<T> {
        T parse(String s) throws HeaderParseException;
    }

    interface Formatter<T> {
        String format(T value);
    }

    static <T> void header(byte[] data, Parser<T> parser, Formatter<T> formatter) {
        String s = new String(data, StandardCharsets.UTF_8);
        T value;
        try {
            value = parser.parse(s);
        } catch (HeaderParseException e) {
            return;
        }
        try {
            assertThat(parser.parse(formatter.format(value))).isEqualTo(value);
        } catch (HeaderParseException e) {
            throw new AssertionError("format of a parsed value does not parse: " + e.getMessage(), e);
        }
    }

    @FuzzTest
    void decoder(byte[] data) {
        EmbeddedChannel ch = new EmbeddedChannel(new RtspDecoder(RtspDecoderConfig.builder().maxBodyLength(1024).build()));
        int half = data.length / 2;
        ch.writeInbound(Unpooled.wrappedBuffer(data, 0, half));
        ch.writeInbound(Unpooled.wrappedBuffer(data, half, data.length - half));
        ch.finish();
        for (Object o; (o = ch.readInbound()) != null; ) {
            assertThat(o).isInstanceOfAny(RtspRequest.class, RtspResponse.class, InterleavedFrame.class,
                    RtspDecodeFailure.class);
            ReferenceCountUtil.release(o);
        }
    }

    @FuzzTest
    void transports(byte[] data) {
        header(data, Transports::parse, Transports::format);
    }

    @FuzzTest
    void session(byte[] data) {
        header(data, SessionHeader::parse, SessionHeader::format);
    }

    @FuzzTest
    void rtpInfo(byte[] data) {
        header(data, RtpInfo::parse, RtpInfo::format);
    }

    @FuzzTest
    void range(byte[] data) {
        header(data, Range::parse, Range::format);
    }

    @FuzzTest
    void keyMgmt(byte[] data) {
        header(data, KeyMgmt::parse, KeyMgmt::format);
    }

    @FuzzTest
    void authenticate(byte[] data) {
        header(data, Authenticate::parse, Authenticate::format);
    }

    @FuzzTest
    void authorization(byte[] data) {
        header(data, Authorization::parse, Authorization::format);
    }

    @FuzzTest
    void url(byte[] data) {
        try {
            RtspUrl u = RtspUrl.parse(new String(data, StandardCharsets.UTF_8));
            assertThat(RtspUrl.parse(u.toString())).isEqualTo(u);
        } catch (RtspUrlException e) {
            // rejected: fine
        }
    }
}
