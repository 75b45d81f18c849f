package io.rtsp4j.base.headers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.rtsp4j.testing.Corpus;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * Property checks shared by the header tests: any input either parses or throws {@link HeaderParseException};
 * a parsed value formats, and the formatted text parses back to an equal value whose format is stable.
 */
final class HeaderProperties {

    /** Characters the mutator inserts: the syntax of every header plus junk. */
    private static final String ALPHABET = ";,=\"-:/.\\ \t\r\n0123456789abcdefxyzABCDEFZTnptsmpteclock@[]%?#\u0084\u00e9\u0000";

    private HeaderProperties() {
    }

    /** Parses text into a header value. */
    interface Parser<T> {
        T parse(String s) throws HeaderParseException;
    }

    /**
     * Checks the property for one input.
     *
     * @return the parsed value or null when rejected
     */
    static <T> T check(String input, Parser<T> parser, Function<T, String> formatter) {
        T value;
        try {
            value = parser.parse(input);
        } catch (HeaderParseException e) {
            assertThat(e.getMessage()).startsWith("invalid ");
            return null;
        } catch (RuntimeException e) {
            throw new AssertionError("parser threw " + e + " for input '" + input + "'", e);
        }
        String formatted = formatter.apply(value);
        T again;
        try {
            again = parser.parse(formatted);
        } catch (HeaderParseException e) {
            return fail("formatted value '%s' (from '%s') does not parse: %s", formatted, input, e.getMessage());
        }
        assertThat(again).as("reparse of '%s' (from '%s')", formatted, input).isEqualTo(value);
        assertThat(formatter.apply(again)).isEqualTo(formatted);
        return value;
    }

    /** Replays the upstream fuzz inputs of a target, decoded both as UTF-8 and as Latin-1. */
    static <T> int replayFuzz(String target, Parser<T> parser, Function<T, String> formatter) {
        int n = 0;
        for (Corpus.FuzzInput in : Corpus.fuzzInputs("headers", target)) {
            check(new String(in.first(), StandardCharsets.UTF_8), parser, formatter);
            check(new String(in.first(), StandardCharsets.ISO_8859_1), parser, formatter);
            n++;
        }
        return n;
    }

    /** Random mutations (insert, delete, replace, duplicate a slice) of valid seeds. */
    static <T> void mutate(long seed, List<String> seeds, int rounds, Parser<T> parser, Function<T, String> formatter) {
        Random rnd = new Random(seed);
        for (int r = 0; r < rounds; r++) {
            String s = seeds.get(rnd.nextInt(seeds.size()));
            int edits = 1 + rnd.nextInt(4);
            for (int e = 0; e < edits; e++) {
                s = mutateOnce(rnd, s);
            }
            check(s, parser, formatter);
        }
    }

    static String mutateOnce(Random rnd, String s) {
        StringBuilder sb = new StringBuilder(s);
        int pos = sb.length() == 0 ? 0 : rnd.nextInt(sb.length() + 1);
        switch (rnd.nextInt(5)) {
            case 0:
                sb.insert(pos, ALPHABET.charAt(rnd.nextInt(ALPHABET.length())));
                break;
            case 1:
                if (pos < sb.length()) {
                    sb.deleteCharAt(pos);
                }
                break;
            case 2:
                if (pos < sb.length()) {
                    sb.setCharAt(pos, ALPHABET.charAt(rnd.nextInt(ALPHABET.length())));
                }
                break;
            case 3:
                if (sb.length() > 0) {
                    int a = rnd.nextInt(sb.length());
                    int b = a + rnd.nextInt(sb.length() - a) + 1;
                    sb.insert(pos, sb.substring(a, Math.min(b, sb.length())));
                }
                break;
            default:
                if (pos < sb.length()) {
                    sb.setLength(pos);
                }
                break;
        }
        return sb.toString();
    }

    static List<String> valuesOf(com.fasterxml.jackson.databind.JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }

    static String text(com.fasterxml.jackson.databind.JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? "" : node.asText();
    }
}
