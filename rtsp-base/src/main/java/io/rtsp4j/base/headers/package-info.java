/**
 * Typed RTSP header values: {@link io.rtsp4j.base.headers.Transport} (and the list
 * {@link io.rtsp4j.base.headers.Transports}), {@link io.rtsp4j.base.headers.SessionHeader},
 * {@link io.rtsp4j.base.headers.RtpInfo}, {@link io.rtsp4j.base.headers.Range},
 * {@link io.rtsp4j.base.headers.KeyMgmt}, {@link io.rtsp4j.base.headers.Authenticate} (WWW-Authenticate) and
 * {@link io.rtsp4j.base.headers.Authorization}.
 *
 * <p>Every type has {@code static X parse(String value)}, {@code static X parse(List<String> values)} (for
 * {@link io.rtsp4j.base.RtspHeaders#getAll(String)}: exactly one value is required) and {@code String format()}.
 * Parsing is lenient (it accepts what real cameras and players send) and formatting is canonical, so
 * {@code parse(x).format()} is the normalised form of {@code x}. Malformed input is rejected with
 * {@link io.rtsp4j.base.headers.HeaderParseException}, never with another exception. Values are immutable.
 */
package io.rtsp4j.base.headers;
