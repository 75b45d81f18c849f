package io.rtsp4j.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The CLI's JSON writer: escaping, nesting, and what Jackson reads back. */
class JsonTest {

    @Test
    void writesNestedValues() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("s", "a\"b\\c\n\t\u0001\u2028é");
        m.put("n", 42L);
        m.put("d", 2.5);
        m.put("whole", 3.0);
        m.put("b", true);
        m.put("z", null);
        m.put("l", List.of(1, List.of(), Map.of()));
        assertThat(Json.write(m)).isEqualTo("{\n  \"s\": \"a\\\"b\\\\c\\n\\t\\u0001\\u2028é\",\n  \"n\": 42,\n"
                + "  \"d\": 2.5,\n  \"whole\": 3,\n  \"b\": true,\n  \"z\": null,\n  \"l\": [\n    1,\n    [],\n"
                + "    {}\n  ]\n}");
        assertThatThrownBy(() -> Json.write(new Object())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Json.write(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anyStringReadsBackWithJackson() throws Exception {
        Random r = new Random(7);
        ObjectMapper mapper = new ObjectMapper();
        for (int i = 0; i < 2000; i++) {
            char[] chars = new char[r.nextInt(20)];
            for (int j = 0; j < chars.length; j++) {
                chars[j] = (char) (r.nextBoolean() ? r.nextInt(0x80) : r.nextInt(0xd800));
            }
            String s = new String(chars);
            Map<String, Object> m = Map.of(s, Arrays.asList(s, null));
            assertThat(mapper.readValue(Json.write(m), Map.class)).isEqualTo(m);
        }
    }
}
