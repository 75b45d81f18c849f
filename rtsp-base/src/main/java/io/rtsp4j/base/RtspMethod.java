package io.rtsp4j.base;

import io.rtsp4j.base.internal.Tokens;
import java.util.Map;

/**
 * An RTSP request method: one of the RFC 2326 methods or an extension method.
 *
 * <p>Method names are case-sensitive (RFC 2326 §6.1). {@link #valueOf(String)} returns the shared constant for
 * the standard names and a new instance for extension methods; compare methods with {@link #equals(Object)},
 * which compares names.
 */
public final class RtspMethod {

    /** {@code OPTIONS} (RFC 2326 §10.1). */
    public static final RtspMethod OPTIONS = new RtspMethod("OPTIONS");
    /** {@code DESCRIBE} (RFC 2326 §10.2). */
    public static final RtspMethod DESCRIBE = new RtspMethod("DESCRIBE");
    /** {@code ANNOUNCE} (RFC 2326 §10.3). */
    public static final RtspMethod ANNOUNCE = new RtspMethod("ANNOUNCE");
    /** {@code SETUP} (RFC 2326 §10.4). */
    public static final RtspMethod SETUP = new RtspMethod("SETUP");
    /** {@code PLAY} (RFC 2326 §10.5). */
    public static final RtspMethod PLAY = new RtspMethod("PLAY");
    /** {@code PAUSE} (RFC 2326 §10.6). */
    public static final RtspMethod PAUSE = new RtspMethod("PAUSE");
    /** {@code TEARDOWN} (RFC 2326 §10.7). */
    public static final RtspMethod TEARDOWN = new RtspMethod("TEARDOWN");
    /** {@code GET_PARAMETER} (RFC 2326 §10.8), used by most clients as a keep-alive. */
    public static final RtspMethod GET_PARAMETER = new RtspMethod("GET_PARAMETER");
    /** {@code SET_PARAMETER} (RFC 2326 §10.9). */
    public static final RtspMethod SET_PARAMETER = new RtspMethod("SET_PARAMETER");
    /** {@code REDIRECT} (RFC 2326 §10.10). */
    public static final RtspMethod REDIRECT = new RtspMethod("REDIRECT");
    /** {@code RECORD} (RFC 2326 §10.11). */
    public static final RtspMethod RECORD = new RtspMethod("RECORD");

    private static final Map<String, RtspMethod> STANDARD = Map.ofEntries(
            entry(OPTIONS), entry(DESCRIBE), entry(ANNOUNCE), entry(SETUP), entry(PLAY), entry(PAUSE),
            entry(TEARDOWN), entry(GET_PARAMETER), entry(SET_PARAMETER), entry(REDIRECT), entry(RECORD));

    private final String name;
    private final boolean standard;

    private RtspMethod(String name) {
        this(name, true);
    }

    private RtspMethod(String name, boolean standard) {
        this.name = name;
        this.standard = standard;
    }

    private static Map.Entry<String, RtspMethod> entry(RtspMethod m) {
        return Map.entry(m.name, m);
    }

    /**
     * Returns the method with the given name: the constant for a standard method, otherwise a new extension
     * method.
     *
     * @param name the method name as written on the wire (case-sensitive)
     * @return the method
     * @throws IllegalArgumentException if the name is empty or not an RFC 2326 token
     * @throws NullPointerException if the name is null
     */
    public static RtspMethod valueOf(String name) {
        RtspMethod standard = STANDARD.get(name);
        if (standard != null) {
            return standard;
        }
        if (!Tokens.isToken(name)) {
            throw new IllegalArgumentException("invalid RTSP method name '" + name + "'");
        }
        return new RtspMethod(name, false);
    }

    /**
     * The method name as written on the wire.
     *
     * @return the name, e.g. {@code "SETUP"}
     */
    public String name() {
        return name;
    }

    /**
     * Whether this is one of the eleven methods of RFC 2326.
     *
     * @return false for extension methods
     */
    public boolean isStandard() {
        return standard;
    }

    /**
     * Methods are equal when their names are equal (case-sensitive).
     *
     * @param o the other object
     * @return whether {@code o} is a method with the same name
     */
    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof RtspMethod && ((RtspMethod) o).name.equals(name));
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    /**
     * The method name.
     *
     * @return same as {@link #name()}
     */
    @Override
    public String toString() {
        return name;
    }
}
