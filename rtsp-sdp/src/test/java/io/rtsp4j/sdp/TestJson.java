package io.rtsp4j.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Comparison of corpus JSON with values built from the model. */
public final class TestJson {

    private TestJson() {
    }

    /**
     * Converts a JSON tree to plain Java values: Map, List, String, Boolean, BigInteger/BigDecimal, null.
     *
     * @param n the tree
     * @return the plain value
     */
    public static Object plain(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return null;
        }
        if (n.isObject()) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : n.properties()) {
                m.put(e.getKey(), plain(e.getValue()));
            }
            return m;
        }
        if (n.isArray()) {
            List<Object> l = new ArrayList<>();
            n.forEach(c -> l.add(plain(c)));
            return l;
        }
        if (n.isIntegralNumber()) {
            return n.bigIntegerValue();
        }
        if (n.isNumber()) {
            return n.decimalValue();
        }
        if (n.isBoolean()) {
            return n.booleanValue();
        }
        return n.asText();
    }

    /**
     * Normalises Java values built by tests: integral numbers become BigInteger.
     *
     * @param v the value
     * @return the normalised value
     */
    public static Object norm(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, val) -> out.put(String.valueOf(k), norm(val)));
            return out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(x -> out.add(norm(x)));
            return out;
        }
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            return BigInteger.valueOf(((Number) v).longValue());
        }
        if (v instanceof Double d) {
            return BigDecimal.valueOf(d);
        }
        return v;
    }

    /**
     * An unsigned 64-bit value as BigInteger.
     *
     * @param v the value
     * @return the unsigned value
     */
    public static BigInteger unsigned(long v) {
        return new BigInteger(Long.toUnsignedString(v));
    }

    /**
     * Checks that actual matches expected where "absent in expected" means zero: keys of expected must be
     * equal; extra keys of actual must be zero, false, null, empty.
     *
     * @param path where in the document (for messages)
     * @param expected the corpus value
     * @param actual the value built from the model
     */
    public static void assertLenient(String path, Object expected, Object actual) {
        Object e = norm(expected);
        Object a = norm(actual);
        if (e instanceof Map<?, ?> em && a instanceof Map<?, ?> am) {
            for (Map.Entry<?, ?> entry : em.entrySet()) {
                assertLenient(path + "." + entry.getKey(), entry.getValue(), am.get(entry.getKey()));
            }
            for (Map.Entry<?, ?> entry : am.entrySet()) {
                if (!em.containsKey(entry.getKey())) {
                    assertThat(isZero(entry.getValue())).as(path + "." + entry.getKey() + " = " + entry.getValue()
                            + " (absent in the corpus, so must be zero)").isTrue();
                }
            }
            return;
        }
        if (e instanceof List<?> el && a instanceof List<?> al) {
            assertThat(al).as(path + " size").hasSameSizeAs(el);
            for (int i = 0; i < el.size(); i++) {
                assertLenient(path + "[" + i + "]", el.get(i), al.get(i));
            }
            return;
        }
        if (e == null) {
            assertThat(isZero(a)).as(path + " = " + a + " (null in the corpus)").isTrue();
            return;
        }
        assertThat(a).as(path).isEqualTo(e);
    }

    static boolean isZero(Object v) {
        Object n = norm(v);
        return n == null || Boolean.FALSE.equals(n) || BigInteger.ZERO.equals(n) || "".equals(n)
                || (n instanceof Map<?, ?> m && m.values().stream().allMatch(TestJson::isZero))
                || (n instanceof List<?> l && l.isEmpty());
    }
}
