package io.rtsp4j.sdp;

/**
 * Thrown when an SDP, or a media format inside it, cannot be understood.
 *
 * <p>The message names the problem and, when known, the line ({@code "line 7: invalid port 'x'"}).
 * This is the only exception the parsers of this module throw for bad input.
 */
public class SdpParseException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** The 1-based line of the problem, 0 when unknown. */
    private final int line;
    /** The problem without the line prefix. */
    private final String problem;

    /**
     * Creates an exception for a problem not tied to one line (for example a media format parameter).
     *
     * @param problem what is wrong
     */
    public SdpParseException(String problem) {
        this(0, problem, null);
    }

    /**
     * Creates an exception for a problem on a given line.
     *
     * @param line the 1-based line number in the SDP text, or 0 when unknown
     * @param problem what is wrong
     */
    public SdpParseException(int line, String problem) {
        this(line, problem, null);
    }

    /**
     * Creates an exception with a cause.
     *
     * @param line the 1-based line number in the SDP text, or 0 when unknown
     * @param problem what is wrong
     * @param cause the underlying failure, or {@code null}
     */
    public SdpParseException(int line, String problem, Throwable cause) {
        super(line > 0 ? "line " + line + ": " + problem : problem, cause);
        this.line = line;
        this.problem = problem;
    }

    /**
     * The 1-based line of the SDP text where the problem is.
     *
     * @return the line number, or 0 when unknown
     */
    public int line() {
        return line;
    }

    /**
     * The problem without the line prefix.
     *
     * @return what is wrong
     */
    public String problem() {
        return problem;
    }

    /**
     * Returns this problem located at a line, unless it already has one.
     *
     * @param lineNumber the 1-based line number
     * @return an exception whose message starts with {@code "line N: "}
     */
    public SdpParseException atLine(int lineNumber) {
        if (line > 0 || lineNumber <= 0) {
            return this;
        }
        return new SdpParseException(lineNumber, problem, getCause());
    }
}
