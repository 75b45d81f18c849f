package io.rtsp4j.base.codec;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.util.ByteProcessor;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.rtsp4j.base.InterleavedFrame;
import io.rtsp4j.base.RtspHeaderNames;
import io.rtsp4j.base.RtspHeaders;
import io.rtsp4j.base.RtspMethod;
import io.rtsp4j.base.RtspRequest;
import io.rtsp4j.base.RtspResponse;
import io.rtsp4j.base.RtspStatus;
import io.rtsp4j.base.RtspVersion;
import io.rtsp4j.base.internal.Tokens;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * Decodes the byte stream of an RTSP connection into {@link RtspRequest}, {@link RtspResponse},
 * {@link InterleavedFrame} and {@link RtspDecodeFailure} values, in the order they arrive.
 *
 * <h2>Demultiplexing</h2>
 * At the start of each message the decoder looks at the next byte: {@code '$'} starts an interleaved frame
 * (RFC 2326 §10.12), an upper-case letter starts a request or response line. Other bytes cannot start a
 * message and are skipped, like gortsplib does, which re-synchronises on junk between frames (stray CRLF
 * keep-alives, zero padding). A complete line that looks like neither a request nor a response line (no
 * known method, no {@code RTSP/} version; e.g. the lines of a body sent without {@code Content-Length}) is
 * skipped as well.
 *
 * <h2>Leniency</h2>
 * Lines may end in LF as well as CRLF; header names are matched case-insensitively and stored canonically;
 * spaces around the colon are ignored; folded header lines (starting with a space) are joined; a request-URI
 * containing raw spaces is accepted with the spaces percent-encoded; several identical {@code Content-Length}
 * headers are accepted. Without {@code Content-Length} there is no body (RFC 2326 §12.14).
 *
 * <h2>Failures</h2>
 * A message that breaks the syntax or a limit of {@link RtspDecoderConfig} becomes an
 * {@link RtspDecodeFailure} in the output; no exception reaches the pipeline. When the end of the failed
 * message is still known (its header block ends normally and {@code Content-Length} is valid), the decoder
 * skips the rest of it and goes on with the next message: a server answers with
 * {@link RtspDecodeFailure#suggestedStatus()} and keeps the connection. Otherwise
 * {@link RtspDecodeFailure#framingLost()} is set and the decoder discards all further input.
 *
 * <h2>Buffers</h2>
 * The payload of an interleaved frame is a retained slice of the received buffer, not a copy; the frame's
 * consumer must release it. Request and response bodies are copied into the message. Memory held per
 * connection is bounded by the limits (at most one start line, one header line, one body or one frame).
 *
 * <p>Like every {@link ByteToMessageDecoder}, an instance belongs to one channel and must not be shared.
 */
public class RtspDecoder extends ByteToMessageDecoder {

    private enum State {
        START, FRAME_PAYLOAD, DISCARD_START_LINE, DISCARD_JUNK_LINE, HEADERS, DISCARD_HEADER_LINE, BODY,
        SKIP_BODY, BAD
    }

    private static final int FRAME_HEADER_LENGTH = 4;
    /** Room for the version, the separating spaces and some leniency around them. */
    private static final int START_LINE_SLACK = 64;
    /** Room for whitespace around the colon of a header line. */
    private static final int HEADER_LINE_SLACK = 64;
    private static final String RTSP_1_0 = RtspVersion.RTSP_1_0.text();
    /** Stops at a byte that can start a message: '$' or an upper-case letter. */
    private static final ByteProcessor SKIP_JUNK = b -> b != '$' && (b < 'A' || b > 'Z');
    /** Stops at the first non-ASCII byte. */
    private static final ByteProcessor ASCII = b -> b >= 0;

    private final RtspDecoderConfig config;
    private final int startLineLimit;
    private final int headerLineLimit;

    private State state = State.START;

    private int frameChannel;
    private int frameLength;

    private boolean request;
    private String startLine;
    private RtspMethod method;
    private String uri;
    private RtspStatus status;
    private String reasonPhrase;
    private RtspHeaders headers;
    private int headerLines;
    private String pendingName;
    private String pendingValue;
    private RtspDecodeException error;
    private boolean contentLengthLost;
    private long remaining;
    private long skippedBytes;
    /** Reused copy of the current header line: parsing an array is cheaper than many ByteBuf accesses. */
    private byte[] scratch = new byte[256];

    /** Creates a decoder with {@link RtspDecoderConfig#DEFAULT}. */
    public RtspDecoder() {
        this(RtspDecoderConfig.DEFAULT);
    }

    /**
     * Creates a decoder.
     *
     * @param config the limits
     */
    public RtspDecoder(RtspDecoderConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.startLineLimit = Math.max(config.maxMethodLength() + config.maxUriLength(),
                "RTSP/1.0 200 ".length() + config.maxHeaderValueLength()) + START_LINE_SLACK;
        this.headerLineLimit = config.maxHeaderNameLength() + config.maxHeaderValueLength() + HEADER_LINE_SLACK;
    }

    /**
     * The limits of this decoder.
     *
     * @return the config
     */
    public RtspDecoderConfig config() {
        return config;
    }

    /**
     * How many bytes were skipped because they could not start a message (junk between messages, skipped
     * lines), for diagnostics.
     *
     * @return the count since the decoder was created
     */
    public long skippedBytes() {
        return skippedBytes;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (true) {
            switch (state) {
                case START:
                    if (!startMessage(in, out)) {
                        return;
                    }
                    break;
                case FRAME_PAYLOAD:
                    if (in.readableBytes() < frameLength) {
                        return;
                    }
                    out.add(new InterleavedFrame(frameChannel, in.readRetainedSlice(frameLength)));
                    state = State.START;
                    break;
                case DISCARD_START_LINE:
                case DISCARD_JUNK_LINE:
                case DISCARD_HEADER_LINE:
                    if (!discardLine(in)) {
                        return;
                    }
                    break;
                case HEADERS:
                    if (!readHeaderLine(in, out)) {
                        return;
                    }
                    break;
                case BODY:
                    if (in.readableBytes() < remaining) {
                        return;
                    }
                    byte[] body = new byte[(int) remaining];
                    in.readBytes(body);
                    emitMessage(body, out);
                    break;
                case SKIP_BODY: {
                    int n = (int) Math.min(in.readableBytes(), remaining);
                    in.skipBytes(n);
                    remaining -= n;
                    if (remaining > 0) {
                        return;
                    }
                    state = State.START;
                    break;
                }
                case BAD:
                default:
                    in.skipBytes(in.readableBytes());
                    return;
            }
        }
    }

    @Override
    protected void decodeLast(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws Exception {
        if (in.isReadable()) {
            decode(ctx, in, out);
        }
        boolean midMessage = state != State.START && state != State.BAD && state != State.DISCARD_JUNK_LINE;
        if (midMessage || (state == State.START && in.isReadable())) {
            String what = state == State.FRAME_PAYLOAD || (state == State.START && in.getByte(in.readerIndex()) == '$')
                    ? "interleaved frame" : "message";
            boolean wasRequest = midMessage && state != State.FRAME_PAYLOAD && request;
            RtspHeaders read = headers == null || !midMessage ? new RtspHeaders() : headers;
            out.add(new RtspDecodeFailure(new TruncatedMessageException("connection closed in the middle of a "
                    + what), read, wasRequest, true, midMessage && startLine != null ? startLine : ""));
            state = State.BAD;
        }
        in.skipBytes(in.readableBytes());
    }

    // ---------------------------------------------------------------- message start

    /** Skips junk, then starts a frame or a message. Returns false when more input is needed. */
    private boolean startMessage(ByteBuf in, List<Object> out) {
        int ri = in.readerIndex();
        int wi = in.writerIndex();
        int i = in.forEachByte(ri, wi - ri, SKIP_JUNK);
        if (i < 0) {
            i = wi;
        }
        if (i > ri) {
            skippedBytes += i - ri;
            in.readerIndex(i);
        }
        if (i == wi) {
            return false;
        }
        if (in.getByte(i) == '$') {
            return startFrame(in, out);
        }
        int searchEnd = Math.min(wi, i + startLineLimit + 1);
        int lf = in.indexOf(i, searchEnd, (byte) '\n');
        if (lf < 0) {
            if (wi - i <= startLineLimit) {
                return false;
            }
            startTooLongLine(in);
            return true;
        }
        int end = lf > i && in.getByte(lf - 1) == '\r' ? lf - 1 : lf;
        String line = decodeText(in, i, end - i);
        in.readerIndex(lf + 1);
        parseStartLine(line, lf + 1 - i);
        return true;
    }

    private boolean startFrame(ByteBuf in, List<Object> out) {
        if (in.readableBytes() < FRAME_HEADER_LENGTH) {
            return false;
        }
        in.skipBytes(1);
        frameChannel = in.readUnsignedByte();
        frameLength = in.readUnsignedShort();
        if (frameLength > config.maxInterleavedPayloadLength()) {
            out.add(new RtspDecodeFailure(new TooLongException(TooLongException.Limit.INTERLEAVED_PAYLOAD,
                    config.maxInterleavedPayloadLength(), "interleaved payload of " + frameLength + " bytes on channel "
                    + frameChannel), new RtspHeaders(), false, false, ""));
            remaining = frameLength;
            state = State.SKIP_BODY;
        } else {
            state = State.FRAME_PAYLOAD;
        }
        return true;
    }

    private void beginMessage(boolean isRequest, String line) {
        request = isRequest;
        startLine = line;
        method = null;
        uri = null;
        status = null;
        reasonPhrase = null;
        headers = new RtspHeaders();
        headerLines = 0;
        pendingName = null;
        pendingValue = null;
        error = null;
        contentLengthLost = false;
        remaining = 0;
    }

    /** A start line longer than any limit allows: classify it, then discard the rest of it. */
    private void startTooLongLine(ByteBuf in) {
        int ri = in.readerIndex();
        String head = decodeText(in, ri, Math.min(in.readableBytes(), 80)) + "...";
        if (startsWith(in, ri, "RTSP/")) {
            beginMessage(false, head);
            error = new TooLongException(TooLongException.Limit.STATUS_LINE, config.maxHeaderValueLength(),
                    "status line of more than " + startLineLimit + " bytes");
            state = State.DISCARD_START_LINE;
            return;
        }
        int maxMethod = config.maxMethodLength();
        String prefix = decodeText(in, ri, Math.min(in.readableBytes(), maxMethod + 1));
        for (int i = 0; i < prefix.length(); i++) {
            char b = prefix.charAt(i);
            if (b == ' ' || b == '\t') {
                beginMessage(true, head);
                error = new TooLongException(TooLongException.Limit.URI, config.maxUriLength(),
                        "request line of more than " + startLineLimit + " bytes");
                state = State.DISCARD_START_LINE;
                return;
            }
            if (!Tokens.isTokenChar(b)) {
                state = State.DISCARD_JUNK_LINE;
                return;
            }
        }
        beginMessage(true, head);
        error = new TooLongException(TooLongException.Limit.METHOD, maxMethod, "method name of more than "
                + maxMethod + " bytes");
        state = State.DISCARD_START_LINE;
    }

    private void parseStartLine(String line, int consumed) {
        if (line.startsWith("RTSP/")) {
            beginMessage(false, line);
            parseStatusLine(line);
            state = State.HEADERS;
            return;
        }
        int n = line.length();
        int sp = 0;
        while (sp < n && !isSpace(line.charAt(sp))) {
            sp++;
        }
        String methodText = line.substring(0, sp);
        if (!Tokens.isToken(methodText)) {
            skipJunkLine(consumed);
            return;
        }
        int restStart = skipSpaces(line, sp);
        int lastEnd = n;
        while (lastEnd > restStart && isSpace(line.charAt(lastEnd - 1))) {
            lastEnd--;
        }
        int lastStart = lastEnd;
        while (lastStart > restStart && !isSpace(line.charAt(lastStart - 1))) {
            lastStart--;
        }
        String last = line.substring(lastStart, lastEnd);
        RtspMethod parsedMethod = RtspMethod.valueOf(methodText);
        boolean knownMethod = parsedMethod.isStandard();
        boolean versionLike = looksLikeVersion(last);
        if (!knownMethod && !versionLike) {
            skipJunkLine(consumed);
            return;
        }
        beginMessage(true, line);
        state = State.HEADERS;
        if (methodText.length() > config.maxMethodLength()) {
            error = new TooLongException(TooLongException.Limit.METHOD, config.maxMethodLength(),
                    "method name of " + methodText.length() + " bytes");
            return;
        }
        method = parsedMethod;
        if (restStart >= lastEnd || (versionLike && lastStart == restStart)) {
            error = new MalformedStartLineException("request line has no request-URI");
            return;
        }
        if (!versionLike || lastStart == restStart) {
            error = new MalformedStartLineException("request line has no protocol version");
            return;
        }
        int uriEnd = lastStart;
        while (uriEnd > restStart && isSpace(line.charAt(uriEnd - 1))) {
            uriEnd--;
        }
        String rawUri = line.substring(restStart, uriEnd);
        if (rawUri.length() > config.maxUriLength()) {
            error = new TooLongException(TooLongException.Limit.URI, config.maxUriLength(),
                    "request-URI of " + rawUri.length() + " bytes");
            return;
        }
        for (int i = 0; i < rawUri.length(); i++) {
            char c = rawUri.charAt(i);
            if (c < 0x20 && c != '\t' || c == 0x7f) {
                error = new MalformedStartLineException("request-URI contains control character 0x"
                        + Integer.toHexString(c) + " at index " + i);
                return;
            }
        }
        // some clients send spaces unescaped inside the URI; keep the request rather than refuse it
        uri = rawUri.indexOf(' ') >= 0 || rawUri.indexOf('\t') >= 0
                ? rawUri.replace(" ", "%20").replace("\t", "%09") : rawUri;
        checkVersion(last);
    }

    private void parseStatusLine(String line) {
        int n = line.length();
        int sp = 0;
        while (sp < n && !isSpace(line.charAt(sp))) {
            sp++;
        }
        String version = line.substring(0, sp);
        int codeStart = skipSpaces(line, sp);
        int codeEnd = codeStart;
        while (codeEnd < n && !isSpace(line.charAt(codeEnd))) {
            codeEnd++;
        }
        String code = line.substring(codeStart, codeEnd);
        if (code.length() != 3 || !isDigit(code.charAt(0)) || code.charAt(0) == '0' || !isDigit(code.charAt(1))
                || !isDigit(code.charAt(2))) {
            error = new MalformedStartLineException("invalid status code '" + code + "'");
            return;
        }
        String phrase = line.substring(skipSpaces(line, codeEnd)).strip();
        if (phrase.length() > config.maxHeaderValueLength()) {
            error = new TooLongException(TooLongException.Limit.STATUS_LINE, config.maxHeaderValueLength(),
                    "reason phrase of " + phrase.length() + " bytes");
            return;
        }
        if (Tokens.indexOfForbiddenValueChar(phrase) >= 0) {
            error = new MalformedStartLineException("reason phrase contains CR or NUL");
            return;
        }
        status = RtspStatus.valueOf(Integer.parseInt(code));
        reasonPhrase = phrase;
        checkVersion(version);
    }

    private void checkVersion(String version) {
        if (RTSP_1_0.equals(version)) {
            return;
        }
        if (looksLikeVersion(version)) {
            error = new UnsupportedVersionException(version);
        } else {
            error = new MalformedStartLineException("invalid protocol version '" + version + "'");
        }
    }

    private void skipJunkLine(int consumed) {
        skippedBytes += consumed;
        state = State.START;
    }

    private boolean discardLine(ByteBuf in) {
        int ri = in.readerIndex();
        int lf = in.indexOf(ri, in.writerIndex(), (byte) '\n');
        if (lf < 0) {
            if (state == State.DISCARD_JUNK_LINE) {
                skippedBytes += in.readableBytes();
            }
            in.skipBytes(in.readableBytes());
            return false;
        }
        if (state == State.DISCARD_JUNK_LINE) {
            skippedBytes += lf + 1 - ri;
            state = State.START;
        } else {
            state = State.HEADERS;
        }
        in.readerIndex(lf + 1);
        return true;
    }

    // ---------------------------------------------------------------- headers

    /** Reads one header line (or the end of the header block). Returns false when more input is needed. */
    private boolean readHeaderLine(ByteBuf in, List<Object> out) {
        int ri = in.readerIndex();
        int wi = in.writerIndex();
        int lf = in.indexOf(ri, Math.min(wi, ri + headerLineLimit + 1), (byte) '\n');
        if (lf < 0) {
            if (wi - ri <= headerLineLimit) {
                return false;
            }
            return countLine(out) && headerLineTooLong(in);
        }
        int len = lf - ri;
        byte[] line = scratch(len);
        in.getBytes(ri, line, 0, len);
        in.readerIndex(lf + 1);
        int end = len > 0 && line[len - 1] == '\r' ? len - 1 : len;
        if (end == 0) {
            commitPending();
            endOfHeaders(out);
            return true;
        }
        if (!countLine(out)) {
            return true;
        }
        if (isSpace(line[0])) {
            continuationLine(line, end);
            return true;
        }
        commitPending();
        int colon = indexOf(line, 0, end, (byte) ':');
        if (colon < 0) {
            recordError(new MalformedHeaderException("header line without ':' ('"
                    + printable(text(line, 0, Math.min(end, 64))) + "')"));
            return true;
        }
        int nameEnd = colon;
        while (nameEnd > 0 && isSpace(line[nameEnd - 1])) {
            nameEnd--;
        }
        if (nameEnd > config.maxHeaderNameLength()) {
            recordError(new TooLongException(TooLongException.Limit.HEADER_NAME, config.maxHeaderNameLength(),
                    "header name of " + nameEnd + " bytes"));
            return true;
        }
        String name = text(line, 0, nameEnd);
        int valueStart = colon + 1;
        while (valueStart < end && isSpace(line[valueStart])) {
            valueStart++;
        }
        int valueEnd = end;
        while (valueEnd > valueStart && isSpace(line[valueEnd - 1])) {
            valueEnd--;
        }
        boolean isContentLength = RtspHeaderNames.CONTENT_LENGTH.equalsIgnoreCase(name);
        if (!Tokens.isValidHeaderName(name)) {
            recordError(new MalformedHeaderException("invalid header name '" + printable(name) + "'"));
            return true;
        }
        if (valueEnd - valueStart > config.maxHeaderValueLength()) {
            contentLengthLost |= isContentLength;
            recordError(new TooLongException(TooLongException.Limit.HEADER_VALUE, config.maxHeaderValueLength(),
                    "value of header " + name + " (" + (valueEnd - valueStart) + " bytes)"));
            return true;
        }
        String value = valueText(line, valueStart, valueEnd - valueStart);
        if (value == null) {
            contentLengthLost |= isContentLength;
            recordError(new MalformedHeaderException("value of header " + name + " contains CR or NUL"));
            return true;
        }
        pendingName = name;
        pendingValue = value;
        return true;
    }

    /** Counts a header line against the limit; on overflow emits the failure and gives up the connection. */
    private boolean countLine(List<Object> out) {
        if (++headerLines <= config.maxHeaderCount()) {
            return true;
        }
        pendingName = null;
        error = new TooLongException(TooLongException.Limit.HEADER_COUNT, config.maxHeaderCount(),
                "header block of more than " + config.maxHeaderCount() + " lines");
        fail(out, true);
        return false;
    }

    private boolean headerLineTooLong(ByteBuf in) {
        int ri = in.readerIndex();
        int nameLimit = Math.min(in.writerIndex(), ri + config.maxHeaderNameLength() + HEADER_LINE_SLACK);
        if (isSpace(in.getByte(ri))) {
            // a folded continuation of the pending header that makes it too long
            if (pendingName != null) {
                contentLengthLost |= RtspHeaderNames.CONTENT_LENGTH.equalsIgnoreCase(pendingName);
            }
            recordError(new TooLongException(TooLongException.Limit.HEADER_VALUE, config.maxHeaderValueLength(),
                    "folded header line"));
            pendingName = null;
            state = State.DISCARD_HEADER_LINE;
            return true;
        }
        commitPending();
        int colon = in.indexOf(ri, nameLimit, (byte) ':');
        if (colon < 0) {
            recordError(new TooLongException(TooLongException.Limit.HEADER_NAME, config.maxHeaderNameLength(),
                    "header line without ':' in its first " + (nameLimit - ri) + " bytes"));
        } else {
            String name = decodeText(in, ri, colon - ri).strip();
            contentLengthLost |= RtspHeaderNames.CONTENT_LENGTH.equalsIgnoreCase(name);
            recordError(new TooLongException(TooLongException.Limit.HEADER_VALUE, config.maxHeaderValueLength(),
                    "value of header " + printable(name)));
        }
        state = State.DISCARD_HEADER_LINE;
        return true;
    }

    private void continuationLine(byte[] line, int end) {
        if (pendingName == null) {
            recordError(new MalformedHeaderException("continuation line without a header before it"));
            return;
        }
        int s = 0;
        while (s < end && isSpace(line[s])) {
            s++;
        }
        int e = end;
        while (e > s && isSpace(line[e - 1])) {
            e--;
        }
        if (pendingValue.length() + 1 + (e - s) > config.maxHeaderValueLength()) {
            contentLengthLost |= RtspHeaderNames.CONTENT_LENGTH.equalsIgnoreCase(pendingName);
            recordError(new TooLongException(TooLongException.Limit.HEADER_VALUE, config.maxHeaderValueLength(),
                    "folded value of header " + pendingName));
            pendingName = null;
            return;
        }
        String more = valueText(line, s, e - s);
        if (more == null) {
            contentLengthLost |= RtspHeaderNames.CONTENT_LENGTH.equalsIgnoreCase(pendingName);
            recordError(new MalformedHeaderException("value of header " + pendingName + " contains CR or NUL"));
            pendingName = null;
            return;
        }
        pendingValue = more.isEmpty() ? pendingValue : pendingValue.isEmpty() ? more : pendingValue + " " + more;
    }

    private void commitPending() {
        if (pendingName != null) {
            headers.add(pendingName, pendingValue);
            pendingName = null;
            pendingValue = null;
        }
    }

    private byte[] scratch(int length) {
        if (scratch.length < length) {
            scratch = new byte[Math.max(length, Math.min(scratch.length * 2, headerLineLimit + 1))];
        }
        return scratch;
    }

    private void recordError(RtspDecodeException e) {
        if (error == null) {
            error = e;
        }
    }

    private void endOfHeaders(List<Object> out) {
        long bodyLength = 0;
        List<String> lengths = headers.getAll(RtspHeaderNames.CONTENT_LENGTH);
        if (contentLengthLost) {
            error = new BadContentLengthException("Content-Length header could not be read");
            fail(out, true);
            return;
        }
        for (String v : lengths) {
            long parsed = parseContentLength(v);
            if (parsed < 0) {
                error = new BadContentLengthException("invalid Content-Length '" + printable(v) + "'");
                fail(out, true);
                return;
            }
            if (v != lengths.get(0) && parsed != bodyLength) {
                error = new BadContentLengthException("conflicting Content-Length values " + lengths);
                fail(out, true);
                return;
            }
            bodyLength = parsed;
        }
        if (bodyLength > config.maxBodyLength()) {
            recordError(new TooLongException(TooLongException.Limit.BODY, config.maxBodyLength(),
                    "Content-Length " + bodyLength));
        }
        remaining = bodyLength;
        if (error != null) {
            fail(out, false);
            state = bodyLength > 0 ? State.SKIP_BODY : State.START;
            return;
        }
        if (bodyLength == 0) {
            emitMessage(null, out);
        } else {
            state = State.BODY;
        }
    }

    /** A Content-Length value as a number, or -1 when it is not a plain decimal. */
    private static long parseContentLength(String v) {
        String s = v.strip();
        if (s.isEmpty() || s.length() > 18) {
            return -1;
        }
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    private void emitMessage(byte[] body, List<Object> out) {
        state = State.START;
        try {
            if (request) {
                out.add(RtspRequest.builder(method, uri).headers(headers).body(body).build());
            } else {
                out.add(RtspResponse.builder(status).reasonPhrase(reasonPhrase).headers(headers).body(body).build());
            }
        } catch (IllegalArgumentException e) {
            // the checks above mirror the builders' rules; this only guards against a mismatch between them
            error = new MalformedStartLineException("message rejected by its builder: " + e.getMessage());
            fail(out, false);
        }
        headers = null;
    }

    private void fail(List<Object> out, boolean framingLost) {
        out.add(new RtspDecodeFailure(error, headers, request, framingLost, startLine));
        state = framingLost ? State.BAD : State.START;
    }

    // ---------------------------------------------------------------- helpers

    private static boolean looksLikeVersion(String s) {
        return s.length() > 5 && (s.regionMatches(true, 0, "RTSP/", 0, 5) || s.regionMatches(true, 0, "HTTP/", 0, 5));
    }

    private static boolean startsWith(ByteBuf in, int index, String prefix) {
        return in.writerIndex() - index >= prefix.length()
                && decodeText(in, index, prefix.length()).equals(prefix);
    }

    private static int skipSpaces(String s, int i) {
        while (i < s.length() && isSpace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t';
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Text of a byte range: ASCII (the common case) without a charset decoder, otherwise UTF-8. */
    static String decodeText(ByteBuf in, int index, int length) {
        if (length == 0) {
            return "";
        }
        boolean ascii = in.forEachByte(index, length, ASCII) < 0;
        return in.toString(index, length, ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
    }

    /** Text of an array range, ASCII fast path, otherwise UTF-8. */
    private static String text(byte[] a, int off, int len) {
        for (int i = off, end = off + len; i < end; i++) {
            if (a[i] < 0) {
                return new String(a, off, len, StandardCharsets.UTF_8);
            }
        }
        return new String(a, off, len, StandardCharsets.ISO_8859_1);
    }

    /**
     * Text of a header value, checking in the same pass that it holds no CR or NUL (a bare LF cannot occur:
     * it ends the line). Returns null when it does.
     */
    private static String valueText(byte[] a, int off, int len) {
        boolean ascii = true;
        for (int i = off, end = off + len; i < end; i++) {
            byte b = a[i];
            if (b == '\r' || b == 0) {
                return null;
            }
            ascii &= b >= 0;
        }
        return new String(a, off, len, ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
    }

    private static int indexOf(byte[] a, int from, int to, byte b) {
        for (int i = from; i < to; i++) {
            if (a[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static String printable(String s) {
        StringBuilder sb = new StringBuilder(Math.min(s.length(), 64));
        for (int i = 0; i < s.length() && i < 64; i++) {
            char c = s.charAt(i);
            sb.append(c < 0x20 || c == 0x7f ? '?' : c);
        }
        return s.length() > 64 ? sb.append("...").toString() : sb.toString();
    }
}
