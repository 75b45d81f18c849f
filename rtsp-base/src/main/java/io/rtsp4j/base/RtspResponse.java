package io.rtsp4j.base;

import io.rtsp4j.base.internal.MessageText;
import io.rtsp4j.base.internal.Tokens;
import java.util.Arrays;
import java.util.Objects;

/**
 * An RTSP response: status, reason phrase, version, headers and body. Immutable; create one with
 * {@link #builder(RtspStatus)}.
 *
 * <pre>{@code
 * RtspResponse res = RtspResponse.builder(RtspStatus.OK)
 *         .header(RtspHeaderNames.CSEQ, request.cseq())
 *         .header(RtspHeaderNames.PUBLIC, "DESCRIBE, SETUP, PLAY, TEARDOWN")
 *         .build();
 * }</pre>
 *
 * <p>The {@code Content-Length} header always matches the body (see {@link RtspRequest}).
 */
public final class RtspResponse implements RtspMessage {

    private static final byte[] EMPTY = new byte[0];

    private final RtspStatus status;
    private final String reasonPhrase;
    private final RtspVersion version;
    private final RtspHeaders headers;
    private final byte[] body;

    private RtspResponse(Builder b) {
        this.status = b.status;
        this.reasonPhrase = b.reasonPhrase;
        this.version = b.version;
        this.body = b.body;
        this.headers = BodyFraming.frame(b.headers, body.length).readOnlyCopy();
    }

    /**
     * Starts a response.
     *
     * @param status the status; its reason phrase becomes the response's
     * @return a builder with version RTSP/1.0, no headers and no body
     */
    public static Builder builder(RtspStatus status) {
        return new Builder(status);
    }

    /**
     * A builder initialised with this response's fields.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder b = new Builder(status);
        b.reasonPhrase = reasonPhrase;
        b.version = version;
        b.headers = headers.copy();
        b.body = body;
        return b;
    }

    /**
     * The status.
     *
     * @return the status, never null
     */
    public RtspStatus status() {
        return status;
    }

    /**
     * The reason phrase carried by this response. It is empty when a received status line had none; the
     * encoder then writes the standard phrase of {@link #status()}.
     *
     * @return the reason phrase, never null
     */
    public String reasonPhrase() {
        return reasonPhrase;
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
     * Responses are equal when status code, reason phrase, version, headers (in order) and body are equal.
     *
     * @param o the other object
     * @return whether equal
     */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof RtspResponse)) {
            return false;
        }
        RtspResponse r = (RtspResponse) o;
        return status.equals(r.status) && reasonPhrase.equals(r.reasonPhrase) && version == r.version
                && headers.equals(r.headers) && Arrays.equals(body, r.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, reasonPhrase, version, headers, Arrays.hashCode(body));
    }

    /**
     * The response as the default encoder writes it (headers sorted by name, body as UTF-8 text), for logs
     * and debugging.
     *
     * @return the wire form as text
     */
    @Override
    public String toString() {
        return MessageText.of(this);
    }

    /** Builds {@link RtspResponse}s. Not thread-safe. */
    public static final class Builder {

        private RtspStatus status;
        private String reasonPhrase;
        private RtspVersion version = RtspVersion.RTSP_1_0;
        private RtspHeaders headers = new RtspHeaders();
        private byte[] body = EMPTY;

        private Builder(RtspStatus status) {
            status(status);
        }

        /**
         * Sets the status and resets the reason phrase to the status's phrase.
         *
         * @param status the status
         * @return this
         */
        public Builder status(RtspStatus status) {
            this.status = Objects.requireNonNull(status, "status");
            this.reasonPhrase = status.reasonPhrase();
            return this;
        }

        /**
         * Sets the reason phrase.
         *
         * @param reasonPhrase the phrase; empty means "the standard phrase of the status" when encoded
         * @return this
         * @throws IllegalArgumentException if the phrase contains CR, LF or NUL
         */
        public Builder reasonPhrase(String reasonPhrase) {
            Objects.requireNonNull(reasonPhrase, "reasonPhrase");
            if (Tokens.indexOfForbiddenValueChar(reasonPhrase) >= 0) {
                throw new IllegalArgumentException("reason phrase contains CR, LF or NUL");
            }
            this.reasonPhrase = reasonPhrase;
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
         * Builds the response. The builder stays usable.
         *
         * @return the immutable response
         */
        public RtspResponse build() {
            return new RtspResponse(this);
        }
    }
}
