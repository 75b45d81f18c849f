package io.rtsp4j.base.headers;

/**
 * A header value could not be parsed. The message names the header and the problem, e.g.
 * {@code invalid Transport header: invalid ports 'aa-14187'}.
 */
public final class HeaderParseException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String headerName;

    /**
     * Creates the exception.
     *
     * @param headerName the header whose value was rejected, e.g. {@code "Transport"}
     * @param problem what is wrong, e.g. {@code "profile is missing"}
     */
    public HeaderParseException(String headerName, String problem) {
        super("invalid " + headerName + " header: " + problem);
        this.headerName = headerName;
    }

    /**
     * The name of the rejected header.
     *
     * @return e.g. {@code "Transport"}
     */
    public String headerName() {
        return headerName;
    }
}
