package io.rtsp4j.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import io.rtsp4j.sdp.description.Session;
import io.rtsp4j.testing.Corpus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Seeded property test of the reader, the writer and the session layer: mutations of every SDP of the
 * corpus and of the captures (characters and lines deleted, inserted, duplicated, swapped, cut) never
 * make anything but {@link SdpParseException} escape; what the reader accepts is written and read back
 * equal, and what the session layer accepts re-encodes to a stable canonical SDP. The lenient session
 * parse gives the strict result whenever that succeeds, and is just as stable.
 */
class SdpPropertyTest {

    private static final int RUNS = 10_000;
    private static final String ALPHABET = "\r\n\t =:/;,-.*?0123456789aAcmostvxIPN\u00e9\u0000\ufeff";
    private static final String TYPES = "vosiuepcbtrzkamxV";

    static List<String> seeds() {
        List<Path> files = new ArrayList<>(Corpus.list("sdp", "*.sdp"));
        try (Stream<Path> s = Files.list(Corpus.testdata("sdp"))) {
            s.filter(p -> p.toString().endsWith(".sdp")).sorted().forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> out = new ArrayList<>();
        for (Path p : files) {
            try {
                out.add(new String(Files.readAllBytes(p), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    @Test
    void mutatedSdpsReadOrFailCleanlyAndRoundTrip() {
        List<String> seeds = seeds();
        Random r = new Random(20261121L);
        int readOk = 0;
        int sessionOk = 0;
        int lenientOk = 0;
        for (int i = 0; i < RUNS; i++) {
            String sdp = mutate(r, seeds.get(r.nextInt(seeds.size())));
            SessionDescription sd;
            try {
                sd = SdpReader.parse(sdp);
            } catch (SdpParseException e) {
                check(e, sdp);
                continue;
            }
            readOk++;
            String written = SdpWriter.write(sd);
            SessionDescription again = SdpReader.parse(written);
            if (!again.equals(sd)) {
                assertThat(again).as("input:%n%s%nwritten:%n%s", sdp, written).isEqualTo(sd);
            }
            Session lenient = null;
            try {
                lenient = Session.parseLenient(sdp);
                lenientOk++;
                String canonical = lenient.toSdp();
                Session reparsed = Session.parseLenient(canonical);
                if (!reparsed.equals(lenient) || !reparsed.toSdp().equals(canonical)) {
                    assertThat(reparsed.toSdp()).as("lenient, input:%n%s", sdp).isEqualTo(canonical);
                    assertThat(reparsed.medias()).as("lenient, input:%n%s", sdp).isEqualTo(lenient.medias());
                }
            } catch (SdpParseException e) {
                check(e, sdp);
            }
            Session s;
            try {
                s = Session.parse(sdp);
            } catch (SdpParseException e) {
                check(e, sdp);
                continue;
            }
            sessionOk++;
            if (!s.equals(lenient)) {
                assertThat(lenient).as("lenient parse of an SDP the strict parse accepts:%n%s", sdp).isEqualTo(s);
            }
            String canonical = s.toSdp();
            Session reparsed = Session.parse(canonical);
            if (!reparsed.medias().equals(s.medias()) || !reparsed.toSdp().equals(canonical)) {
                assertThat(reparsed.toSdp()).as("input:%n%s", sdp).isEqualTo(canonical);
                assertThat(reparsed.medias()).as("input:%n%s", sdp).isEqualTo(s.medias());
            }
        }
        assertThat(readOk).isGreaterThan(RUNS / 4);
        assertThat(sessionOk).isGreaterThan(RUNS / 10);
        assertThat(lenientOk).isGreaterThan(sessionOk);
    }

    private static void check(SdpParseException e, String sdp) {
        if (e.getMessage() == null || e.getMessage().isBlank()) {
            throw new AssertionError("exception without message for:\n" + sdp, e);
        }
        int lines = sdp.split("\n", -1).length;
        if (e.line() > lines) {
            throw new AssertionError("line " + e.line() + " beyond the " + lines + " lines of:\n" + sdp, e);
        }
    }

    static String mutate(Random r, String seed) {
        String s = seed;
        int ops = 1 + r.nextInt(4);
        for (int k = 0; k < ops; k++) {
            List<String> lines = new ArrayList<>(Arrays.asList(s.split("\n", -1)));
            switch (r.nextInt(9)) {
                case 0 -> s = s.isEmpty() ? s : deleteChar(r, s);
                case 1, 2 -> {
                    int at = r.nextInt(s.length() + 1);
                    s = s.substring(0, at) + ALPHABET.charAt(r.nextInt(ALPHABET.length())) + s.substring(at);
                }
                case 3 -> {
                    if (!s.isEmpty()) {
                        int at = r.nextInt(s.length());
                        s = s.substring(0, at) + ALPHABET.charAt(r.nextInt(ALPHABET.length())) + s.substring(at + 1);
                    }
                }
                case 4 -> {
                    int at = r.nextInt(lines.size());
                    lines.add(at, lines.get(r.nextInt(lines.size())));
                    s = String.join("\n", lines);
                }
                case 5 -> {
                    lines.remove(r.nextInt(lines.size()));
                    s = String.join("\n", lines);
                }
                case 6 -> {
                    int a = r.nextInt(lines.size());
                    int b = r.nextInt(lines.size());
                    String t = lines.get(a);
                    lines.set(a, lines.get(b));
                    lines.set(b, t);
                    s = String.join("\n", lines);
                }
                case 7 -> s = s.substring(0, r.nextInt(s.length() + 1));
                default -> {
                    String line = TYPES.charAt(r.nextInt(TYPES.length())) + "="
                            + lines.get(r.nextInt(lines.size())).replaceFirst("^..", "");
                    lines.add(r.nextInt(lines.size() + 1), line);
                    s = String.join("\n", lines);
                }
            }
        }
        return s;
    }

    private static String deleteChar(Random r, String s) {
        int at = r.nextInt(s.length());
        return s.substring(0, at) + s.substring(at + 1);
    }
}
