package io.rtsp4j.examples.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class JsonWriterTest {

    @Test
    void writesFieldsInOrderWithEscapesAndRoundedNumbers() {
        String json = new JsonWriter()
                .field("s", "a\"b\\c\n\u0001")
                .field("n", 42)
                .field("b", true)
                .field("d", 1.23456, 3)
                .field("whole", 2.0, 3)
                .field("nan", Double.NaN, 2)
                .field("none", (String) null)
                .field("o", new JsonWriter().field("p99", 7))
                .field("list", List.of("x", "y"))
                .toString();
        assertThat(json).isEqualTo("{\"s\":\"a\\\"b\\\\c\\n\\u0001\",\"n\":42,\"b\":true,\"d\":1.235,\"whole\":2,"
                + "\"nan\":null,\"none\":null,\"o\":{\"p99\":7},\"list\":[\"x\",\"y\"]}");
    }
}
