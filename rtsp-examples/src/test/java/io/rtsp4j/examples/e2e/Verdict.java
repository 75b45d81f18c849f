package io.rtsp4j.examples.e2e;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The result of a cell: {@code OK}, {@code FAIL <reason>} or {@code SKIP <reason>}. In the verdict file only the
 * status is the contract; the reason documents it (and is printed when a cell changes).
 *
 * @param status OK, FAIL or SKIP
 * @param reason why (empty for OK)
 */
record Verdict(Status status, String reason) {

    /** The verdict of a cell. */
    enum Status { OK, FAIL, SKIP }

    static Verdict ok() {
        return new Verdict(Status.OK, "");
    }

    static Verdict fail(String reason) {
        return new Verdict(Status.FAIL, oneLine(reason));
    }

    static Verdict skip(String reason) {
        return new Verdict(Status.SKIP, oneLine(reason));
    }

    private static String oneLine(String s) {
        String t = s.replaceAll("\\s+", " ").strip();
        return t.length() > 400 ? t.substring(0, 400) + "..." : t;
    }

    @Override
    public String toString() {
        return reason.isEmpty() ? status.name() : status + " " + reason;
    }

    /**
     * Parses the verdict file: {@code <cell key> <OK|FAIL|SKIP> [reason]} per line; {@code #} comments and blank
     * lines are ignored.
     *
     * @throws IllegalArgumentException on a line without a status or a duplicate cell
     */
    static Map<String, Verdict> parseFile(String text) {
        Map<String, Verdict> out = new LinkedHashMap<>();
        int lineNo = 0;
        for (String raw : text.split("\n")) {
            lineNo++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] tokens = line.split("\\s+");
            int i = 0;
            while (i < tokens.length && !isStatus(tokens[i])) {
                i++;
            }
            if (i == 0 || i == tokens.length) {
                throw new IllegalArgumentException("line " + lineNo + ": expected '<cell> OK|FAIL <reason>|SKIP "
                        + "<reason>', got: " + line);
            }
            String key = String.join(" ", java.util.Arrays.copyOfRange(tokens, 0, i));
            String reason = String.join(" ", java.util.Arrays.copyOfRange(tokens, i + 1, tokens.length));
            if (out.put(key, new Verdict(Status.valueOf(tokens[i]), reason)) != null) {
                throw new IllegalArgumentException("line " + lineNo + ": cell listed twice: " + key);
            }
        }
        return out;
    }

    private static boolean isStatus(String token) {
        return token.equals("OK") || token.equals("FAIL") || token.equals("SKIP");
    }
}
