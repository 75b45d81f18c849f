package io.rtsp4j.base;

import io.rtsp4j.base.internal.MessageText;
import io.rtsp4j.base.internal.Tokens;
import java.util.Arrays;
import java.util.Objects;

/**
 * An RTSP request: method, request-URI, version, headers and body. Immutable; create one with
 * {@link #builder(RtspMethod, String)}.
 *
 * <pre>{@code
 * RtspRequest req = RtspRequest.builder(RtspMethod.OPTIONS, "rtsp://cam/stream")
 *         .header(RtspHeaderNames.CSEQ, "1")
 *         .build();
 * }</pre>
 *
 * <p>The request-URI is kept as the raw string of the request line: usually an absolute {@code rtsp://} URL,
 * {@code *} for a server-wide {@code OPTIONS}, sometimes a bare path from broken clients. Parse it with
 * {@link RtspUrl#parse(String)} when needed.
 *
 * <p>The {@code Content-Length} header always matches the body: {@link Builder#build()} sets it to the body
 * length when there is a body, and to {@code 0} when the header was given without a body.
 */
public final class RtspRequest implements RtspMessage {

    private static final byte[] EMPTY = new byte[0];

    private final RtspMethod method;
    private final String uri;
    private final RtspVersion version;
    private final RtspHeaders headers;
    private final byte[] body;

    private RtspRequest(Builder b) {
        this.method = b.method;
        this.uri = b.uri;
        this.version = b.version;
        this.body = b.body;
        this.headers = BodyFraming.frame(b.headers, body.length).readOnlyCopy();
    }

    /**
     * Starts a request.
     *
     * @param method the method
     * @param uri the request-URI as it goes on the wire: an absolute URL or {@code *}; must not be empty nor
     *     contain spaces, CR, LF or NUL
     * @return a builder with version RTSP/1.0, no headers and no body
     * @throws IllegalArgumentException if the URI is empty or contains a forbidden character
     */
    public static Builder builder(RtspMethod method, String uri) {
        return new Builder(method, uri);
    }

    /**
     * A builder initialised with this request's fields.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder b = new Builder(method, uri);
        b.version = version;
        b.headers = headers.copy();
        b.body = body;
        return b;
    }

    /**
     * The method.
     *
     * @return the method, never null
     */
    public RtspMethod method() {
        return method;
    }

    /**
     * The request-URI exactly as on the wire, e.g. {@code rtsp://host:8554/path?q=1/trackID=0} or {@code *}.
     *
     * @return the raw request-URI
     */
    public String uri() {
        return uri;
    }

    @Override
    public RtspVersion version() {
        return version;
    }

    @Override
    public RtspHeaders headers() {
        return headers;
    }

    @Override
    public byte[] body() {
        return body.length == 0 ? EMPTY : body.clone();
    }

    @Override
    public int bodyLength() {
        return body.length;
    }

    /**
     * Requests are equal when method, URI, version, headers (in order) and body are equal.
     *
     * @param o the other object
     * @return whether equal
     */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof RtspRequest)) {
            return false;
        }
        RtspRequest r = (RtspRequest) o;
        return method.equals(r.method) && uri.equals(r.uri) && version == r.version
                && headers.equals(r.headers) && Arrays.equals(body, r.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, uri, version, headers, Arrays.hashCode(body));
    }

    /**
     * The request as the default encoder writes it (headers sorted by name, body as UTF-8 text), for logs
     * and debugging.
     *
     * @return the wire form as text
     */
    @Override
    public String toString() {
        return MessageText.of(this);
    }

    /** Builds {@link RtspRequest}s. Not thread-safe. */
    public static final class Builder {

        private RtspMethod method;
        private String uri;
        private RtspVersion version = RtspVersion.RTSP_1_0;
        private RtspHeaders headers = new RtspHeaders();
        private byte[] body = EMPTY;

        private Builder(RtspMethod method, String uri) {
            method(method);
            uri(uri);
        }

        /**
         * Sets the method.
         *
         * @param method the method
         * @return this
         */
        public Builder method(RtspMethod method) {
            this.method = Objects.requireNonNull(method, "method");
            return this;
        }

        /**
         * Sets the request-URI.
         *
         * @param uri the raw request-URI; must not be empty nor contain spaces, CR, LF or NUL
         * @return this
         * @throws IllegalArgumentException if the URI is invalid
         */
        public Builder uri(String uri) {
            Objects.requireNonNull(uri, "uri");
            if (uri.isEmpty()) {
                throw new IllegalArgumentException("empty request-URI");
            }
            if (Tokens.indexOfForbiddenValueChar(uri) >= 0 || uri.indexOf(' ') >= 0 || uri.indexOf('\t') >= 0) {
                throw new IllegalArgumentException("request-URI contains whitespace, CR, LF or NUL: " + uri);
            }
            this.uri = uri;
            return this;
        }

        /**
         * Sets the protocol version.
         *
         * @param version the version
         * @return this
         */
        public Builder version(RtspVersion version) {
            this.version = Objects.requireNonNull(version, "version");
            return this;
        }

        /**
         * Adds a header value (after existing values of the same name).
         *
         * @param name the header name
         * @param value the value
         * @return this
         * @throws IllegalArgumentException if the name or value is invalid (see {@link RtspHeaders})
         */
        public Builder header(String name, String value) {
            headers.add(name, value);
            return this;
        }

        /**
         * Replaces every value of a header with one value.
         *
         * @param name the header name
         * @param value the value
         * @return this
         * @throws IllegalArgumentException if the name or value is invalid (see {@link RtspHeaders})
         */
        public Builder setHeader(String name, String value) {
            headers.set(name, value);
            return this;
        }

        /**
         * Removes every value of a header.
         *
         * @param name the header name
         * @return this
         */
        public Builder removeHeader(String name) {
            headers.remove(name);
            return this;
        }

        /**
         * Replaces all headers with a copy of the given ones.
         *
         * @param headers the headers to copy
         * @return this
         */
        public Builder headers(RtspHeaders headers) {
            this.headers = headers.copy();
            return this;
        }

        /**
         * Sets the body (copied).
         *
         * @param body the body, or {@code null} or an empty array for none
         * @return this
         */
        public Builder body(byte[] body) {
            this.body = body == null || body.length == 0 ? EMPTY : body.clone();
            return this;
        }

        /**
         * Builds the request. The builder stays usable.
         *
         * @return the immutable request
         */
        public RtspRequest build() {
            return new RtspRequest(this);
        }
    }
}
