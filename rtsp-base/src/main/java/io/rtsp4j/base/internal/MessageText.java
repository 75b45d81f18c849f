package io.rtsp4j.base.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.rtsp4j.base.RtspHeaders;
import io.rtsp4j.base.RtspMessage;
import io.rtsp4j.base.RtspRequest;
import io.rtsp4j.base.RtspResponse;
import java.nio.charset.StandardCharsets;

/**
 * Serialises requests and responses to their wire form. Used by the encoder and by the messages'
 * {@code toString()} so both always agree.
 */
public final class MessageText {

    private static final short CRLF = ('\r' << 8) | '\n';
    private static final short COLON_SP = (':' << 8) | ' ';

    private MessageText() {
    }

    /**
     * The wire form of a message as text (sorted headers, body decoded as UTF-8).
     *
     * @param message the message
     * @return the text
     */
    public static String of(RtspMessage message) {
        ByteBuf buf = Unpooled.buffer(256);
        try {
            write(message, buf, true);
            return buf.toString(StandardCharsets.UTF_8);
        } finally {
            buf.release();
        }
    }

    /**
     * Writes a request or response: start line, header lines, empty line, body. Does not retain or release
     * {@code out}.
     *
     * @param message the message
     * @param out where to write
     * @param sortHeaders true to write headers sorted by name (stable: values of one name keep their order),
     *     false to keep insertion order
     */
    public static void write(RtspMessage message, ByteBuf out, boolean sortHeaders) {
        if (message instanceof RtspRequest) {
            RtspRequest req = (RtspRequest) message;
            ByteBufUtil.writeAscii(out, req.method().name());
            out.writeByte(' ');
            ByteBufUtil.writeUtf8(out, req.uri());
            out.writeByte(' ');
            ByteBufUtil.writeAscii(out, req.version().text());
        } else {
            RtspResponse res = (RtspResponse) message;
            ByteBufUtil.writeAscii(out, res.version().text());
            out.writeByte(' ');
            writeStatusCode(out, res.status().code());
            out.writeByte(' ');
            String phrase = res.reasonPhrase().isEmpty() ? res.status().reasonPhrase() : res.reasonPhrase();
            ByteBufUtil.writeUtf8(out, phrase);
        }
        out.writeShort(CRLF);
        writeHeaders(message.headers(), out, sortHeaders);
        out.writeShort(CRLF);
        writeBody(message, out);
    }

    private static void writeStatusCode(ByteBuf out, int code) {
        out.writeByte('0' + code / 100);
        out.writeByte('0' + code / 10 % 10);
        out.writeByte('0' + code % 10);
    }

    private static void writeBody(RtspMessage message, ByteBuf out) {
        if (message.bodyLength() > 0) {
            out.writeBytes(message.body());
        }
    }

    /**
     * Writes header lines ({@code Name: value CRLF} each), without the empty line that ends the block. Does
     * not retain or release {@code out}.
     *
     * @param headers the headers
     * @param out where to write
     * @param sort true to sort by name (stable), false for insertion order
     */
    public static void writeHeaders(RtspHeaders headers, ByteBuf out, boolean sort) {
        int n = headers.size();
        if (n == 0) {
            return;
        }
        String[] names = new String[n];
        String[] values = new String[n];
        int[] count = {0};
        headers.forEach((name, value) -> {
            names[count[0]] = name;
            values[count[0]] = value;
            count[0]++;
        });
        if (sort) {
            // insertion sort: stable, and header counts are small
            for (int i = 1; i < n; i++) {
                String name = names[i];
                String value = values[i];
                int j = i - 1;
                while (j >= 0 && names[j].compareTo(name) > 0) {
                    names[j + 1] = names[j];
                    values[j + 1] = values[j];
                    j--;
                }
                names[j + 1] = name;
                values[j + 1] = value;
            }
        }
        for (int i = 0; i < n; i++) {
            ByteBufUtil.writeAscii(out, names[i]);
            out.writeShort(COLON_SP);
            ByteBufUtil.writeUtf8(out, values[i]);
            out.writeShort(CRLF);
        }
    }
}
