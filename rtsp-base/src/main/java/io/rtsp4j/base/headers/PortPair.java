package io.rtsp4j.base.headers;

/**
 * Two numbers written {@code a-b} in a Transport header: an RTP/RTCP port pair ({@code client_port},
 * {@code server_port}, {@code port}) or a pair of interleaved channels ({@code interleaved}).
 *
 * <p>The second number is usually the first plus one, but that is not enforced here: some clients use odd
 * first channels (gortsplib#304); the server decides what it accepts.
 *
 * @param first the first port or channel (RTP)
 * @param second the second port or channel (RTCP)
 */
public record PortPair(int first, int second) {

    /**
     * Checks the range of both numbers.
     *
     * @param first the first port or channel, 0..65535
     * @param second the second port or channel, 0..65535
     * @throws IllegalArgumentException if a number is out of range
     */
    public PortPair {
        if (first < 0 || first > 65535 || second < 0 || second > 65535) {
            throw new IllegalArgumentException("port pair " + first + "-" + second + " out of range 0..65535");
        }
    }

    /**
     * A pair of consecutive numbers, {@code first-(first+1)}.
     *
     * @param first the first number, 0..65534
     * @return the pair
     */
    public static PortPair of(int first) {
        return new PortPair(first, first + 1);
    }

    /**
     * Parses {@code a-b}, or a single {@code a} meaning {@code a-(a+1)} (RFC 2326 §12.39 allows a single port).
     */
    static PortPair parse(String header, String what, String text, int max) throws HeaderParseException {
        String s = HeaderValues.unquote(text.strip());
        int dash = s.indexOf('-');
        String a = dash < 0 ? s : s.substring(0, dash).strip();
        long first = HeaderValues.parseUnsigned(header, what, a, max);
        long second;
        if (dash < 0) {
            if (first >= max) {
                throw new HeaderParseException(header, "invalid " + what + " '" + HeaderValues.excerpt(s) + "'");
            }
            second = first + 1;
        } else {
            second = HeaderValues.parseUnsigned(header, what, s.substring(dash + 1).strip(), max);
        }
        return new PortPair((int) first, (int) second);
    }

    /**
     * The header form.
     *
     * @return {@code first-second}
     */
    @Override
    public String toString() {
        return first + "-" + second;
    }
}
