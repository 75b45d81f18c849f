package io.rtsp4j.base;

import io.rtsp4j.base.internal.Tokens;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The header fields of an RTSP message.
 *
 * <ul>
 *   <li>Names are case-insensitive: {@code get("cseq")} finds {@code CSeq}. Every name is stored in its
 *       canonical spelling ({@link #canonicalName(String)}), which is what the encoder writes.</li>
 *   <li>A name may carry several values (one per header line); their order is kept, and so is the order
 *       in which the fields were added.</li>
 *   <li>Names must be visible ASCII without {@code ':'} and values must not contain CR, LF or NUL, so a
 *       header can never split the message it is written into (CWE-113). Violations throw
 *       {@link IllegalArgumentException}.</li>
 * </ul>
 *
 * <p>Instances are mutable and not thread-safe, except the read-only instances returned by
 * {@link RtspRequest#headers()} and {@link RtspResponse#headers()}, whose mutators throw
 * {@link UnsupportedOperationException}.
 */
public final class RtspHeaders {

    /** Names whose canonical spelling is not the HTTP rule (upper case after start and '-'). */
    private static final String[] SPECIAL_NAMES = {
        RtspHeaderNames.CSEQ, RtspHeaderNames.RTP_INFO, RtspHeaderNames.WWW_AUTHENTICATE,
        RtspHeaderNames.KEY_MGMT, RtspHeaderNames.ETAG,
    };

    private String[] names;
    private String[] values;
    private int size;
    private final boolean readOnly;

    /** Creates an empty, mutable header set. */
    public RtspHeaders() {
        this(new String[8], new String[8], 0, false);
    }

    private RtspHeaders(String[] names, String[] values, int size, boolean readOnly) {
        this.names = names;
        this.values = values;
        this.size = size;
        this.readOnly = readOnly;
    }

    /**
     * The canonical spelling of a header name: the HTTP rule (first letter and every letter after {@code '-'}
     * upper case, the others lower case, so {@code content-length} becomes {@code Content-Length}) with the
     * RTSP exceptions {@code CSeq}, {@code RTP-Info}, {@code WWW-Authenticate}, {@code KeyMgmt} and
     * {@code ETag}. A name containing characters outside the RFC token set is returned unchanged, since no
     * rule applies to it.
     *
     * @param name a header name in any case
     * @return the canonical name (the same instance when {@code name} is already canonical)
     */
    public static String canonicalName(String name) {
        String canonical = canonicalTokenName(name);
        return canonical == null ? name : canonical;
    }

    /** The canonical form of a non-empty token name, or null when the name is empty or not a token. */
    private static String canonicalTokenName(String name) {
        for (String special : SPECIAL_NAMES) {
            if (special.equalsIgnoreCase(name)) {
                return special;
            }
        }
        int n = name.length();
        if (n == 0) {
            return null;
        }
        int firstChange = -1;
        boolean upper = true;
        for (int i = 0; i < n; i++) {
            char c = name.charAt(i);
            if (!Tokens.isTokenChar(c)) {
                return null;
            }
            char want = upper ? toUpper(c) : toLower(c);
            if (want != c && firstChange < 0) {
                firstChange = i;
            }
            upper = c == '-';
        }
        if (firstChange < 0) {
            return name;
        }
        char[] out = name.toCharArray();
        upper = firstChange == 0 || out[firstChange - 1] == '-';
        for (int i = firstChange; i < n; i++) {
            char c = out[i];
            out[i] = upper ? toUpper(c) : toLower(c);
            upper = c == '-';
        }
        return new String(out);
    }

    private static char toUpper(char c) {
        return c >= 'a' && c <= 'z' ? (char) (c - 32) : c;
    }

    private static char toLower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }

    /**
     * Adds a value to a name, after the values already present.
     *
     * @param name the header name, any case
     * @param value the value (may be empty)
     * @return this
     * @throws IllegalArgumentException if the name or the value is invalid (see the class comment)
     * @throws UnsupportedOperationException if this instance is read-only
     */
    public RtspHeaders add(String name, String value) {
        checkWritable();
        String canonical = checkedCanonicalName(name);
        append(canonical, checkValue(name, value));
        return this;
    }

    /** Validates and canonicalises a name; the common case (already canonical token) costs one scan. */
    private static String checkedCanonicalName(String name) {
        Objects.requireNonNull(name, "name");
        String canonical = canonicalTokenName(name);
        // not a token: still acceptable if it cannot break the framing, and then kept as written
        return canonical != null ? canonical : checkName(name);
    }

    /**
     * Replaces every value of a name with one value. The field keeps the position of its first occurrence,
     * or goes last when the name was absent.
     *
     * @param name the header name, any case
     * @param value the new value
     * @return this
     * @throws IllegalArgumentException if the name or the value is invalid
     * @throws UnsupportedOperationException if this instance is read-only
     */
    public RtspHeaders set(String name, String value) {
        checkWritable();
        String canonical = checkedCanonicalName(name);
        checkValue(name, value);
        int first = indexOf(canonical, 0);
        if (first < 0) {
            append(canonical, value);
            return this;
        }
        values[first] = value;
        removeFrom(canonical, first + 1);
        return this;
    }

    /**
     * The first value of a name.
     *
     * @param name the header name, any case
     * @return the first value, or {@code null} when the header is absent
     */
    public String get(String name) {
        int i = indexOf(name, 0);
        return i < 0 ? null : values[i];
    }

    /**
     * Every value of a name, in order.
     *
     * @param name the header name, any case
     * @return an unmodifiable list, empty when the header is absent
     */
    public List<String> getAll(String name) {
        int i = indexOf(name, 0);
        if (i < 0) {
            return List.of();
        }
        int next = indexOf(name, i + 1);
        if (next < 0) {
            return List.of(values[i]);
        }
        List<String> out = new ArrayList<>(4);
        out.add(values[i]);
        for (int j = next; j >= 0; j = indexOf(name, j + 1)) {
            out.add(values[j]);
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * Whether a name has at least one value.
     *
     * @param name the header name, any case
     * @return true when present
     */
    public boolean contains(String name) {
        return indexOf(name, 0) >= 0;
    }

    /**
     * Removes every value of a name.
     *
     * @param name the header name, any case
     * @return whether anything was removed
     * @throws UnsupportedOperationException if this instance is read-only
     */
    public boolean remove(String name) {
        checkWritable();
        int before = size;
        removeFrom(name, 0);
        return size != before;
    }

    /**
     * The distinct names present, canonical, in order of first occurrence.
     *
     * @return an unmodifiable set
     */
    public Set<String> names() {
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < size; i++) {
            out.add(names[i]);
        }
        return Collections.unmodifiableSet(out);
    }

    /**
     * The number of values (header lines), counting each value of a repeated name.
     *
     * @return the number of values
     */
    public int size() {
        return size;
    }

    /**
     * Whether there is no header at all.
     *
     * @return true when {@link #size()} is 0
     */
    public boolean isEmpty() {
        return size == 0;
    }

    /**
     * Calls an action for every value in order, with its canonical name.
     *
     * @param action receives the canonical name and the value
     */
    public void forEach(BiConsumer<? super String, ? super String> action) {
        for (int i = 0; i < size; i++) {
            action.accept(names[i], values[i]);
        }
    }

    /**
     * A mutable copy (also of a read-only instance).
     *
     * @return the copy
     */
    public RtspHeaders copy() {
        int cap = Math.max(8, size);
        return new RtspHeaders(Arrays.copyOf(names, cap), Arrays.copyOf(values, cap), size, false);
    }

    /**
     * Whether this instance rejects changes.
     *
     * @return true for the headers of a built {@link RtspRequest} or {@link RtspResponse}
     */
    public boolean isReadOnly() {
        return readOnly;
    }

    /** A read-only copy sized exactly, for the immutable messages. */
    RtspHeaders readOnlyCopy() {
        if (readOnly) {
            return this;
        }
        return new RtspHeaders(Arrays.copyOf(names, size), Arrays.copyOf(values, size), size, true);
    }

    /** The canonical name of entry {@code i}, for the package's serializer. */
    String nameAt(int i) {
        return names[i];
    }

    /** The value of entry {@code i}, for the package's serializer. */
    String valueAt(int i) {
        return values[i];
    }

    private int indexOf(String name, int from) {
        for (int i = from; i < size; i++) {
            // stored names are canonical; equalsIgnoreCase also covers a canonical argument cheaply
            if (names[i].equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    private void removeFrom(String name, int from) {
        int w = from;
        for (int r = from; r < size; r++) {
            if (!names[r].equalsIgnoreCase(name)) {
                names[w] = names[r];
                values[w] = values[r];
                w++;
            }
        }
        for (int i = w; i < size; i++) {
            names[i] = null;
            values[i] = null;
        }
        size = w;
    }

    private void append(String canonical, String value) {
        if (size == names.length) {
            int cap = Math.max(8, size * 2);
            names = Arrays.copyOf(names, cap);
            values = Arrays.copyOf(values, cap);
        }
        names[size] = canonical;
        values[size] = value;
        size++;
    }

    private void checkWritable() {
        if (readOnly) {
            throw new UnsupportedOperationException("these headers belong to an immutable message; use copy()");
        }
    }

    private static String checkName(String name) {
        Objects.requireNonNull(name, "name");
        if (!Tokens.isValidHeaderName(name)) {
            throw new IllegalArgumentException("invalid header name '" + name
                    + "' (must be non-empty visible ASCII without ':')");
        }
        return name;
    }

    private static String checkValue(String name, String value) {
        Objects.requireNonNull(value, "value");
        int bad = Tokens.indexOfForbiddenValueChar(value);
        if (bad >= 0) {
            throw new IllegalArgumentException("value of header " + name + " contains a forbidden character "
                    + "(CR, LF or NUL) at index " + bad);
        }
        return value;
    }

    /**
     * Header sets are equal when they hold the same (name, value) entries in the same order.
     *
     * @param o the other object
     * @return whether the entries are equal
     */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof RtspHeaders)) {
            return false;
        }
        RtspHeaders other = (RtspHeaders) o;
        if (other.size != size) {
            return false;
        }
        for (int i = 0; i < size; i++) {
            if (!names[i].equals(other.names[i]) || !values[i].equals(other.values[i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = 1;
        for (int i = 0; i < size; i++) {
            h = 31 * h + names[i].hashCode();
            h = 31 * h + values[i].hashCode();
        }
        return h;
    }

    /**
     * The entries for debugging, e.g. {@code [CSeq: 1, Session: 12345678]}.
     *
     * @return a one-line description
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < size; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(names[i]).append(": ").append(values[i]);
        }
        return sb.append(']').toString();
    }
}
