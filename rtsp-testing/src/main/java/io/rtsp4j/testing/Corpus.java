package io.rtsp4j.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Access to the shared test corpus ({@code ../shared/corpus} beside the repository, see its README for the
 * schemas) and to the repository's own test data.
 *
 * <p>The repository root comes from the {@code rtsp4j.root} system property, which the build sets; when
 * it is missing the working directory and its parents are searched for the parent {@code pom.xml}.
 */
public final class Corpus {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Corpus() {
    }

    /**
     * The repository root (the folder of the parent {@code pom.xml}).
     *
     * @return the root folder
     */
    public static Path repositoryRoot() {
        String prop = System.getProperty("rtsp4j.root");
        if (prop != null && !prop.isEmpty() && Files.isDirectory(Paths.get(prop))) {
            return Paths.get(prop).toAbsolutePath().normalize();
        }
        Path dir = Paths.get("").toAbsolutePath();
        while (dir != null) {
            if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("rtsp-base"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("cannot find the rtsp4j repository root from " + Paths.get("").toAbsolutePath());
    }

    /**
     * The shared corpus folder: {@code ../shared/corpus} beside the repository, or the copy kept in the
     * repository under {@code testdata/shared-corpus} when the shared folder is not there.
     *
     * @return the corpus root
     */
    public static Path root() {
        Path root = repositoryRoot();
        Path shared = root.resolve("../shared/corpus").normalize();
        if (Files.isDirectory(shared)) {
            return shared;
        }
        Path copy = root.resolve("testdata/shared-corpus");
        if (Files.isDirectory(copy)) {
            return copy;
        }
        throw new IllegalStateException("shared corpus not found at " + shared + " nor " + copy);
    }

    /**
     * A file or folder of the shared corpus.
     *
     * @param relative path below the corpus root, e.g. {@code "headers/transport.jsonl"}
     * @return the resolved path
     */
    public static Path path(String relative) {
        return root().resolve(relative);
    }

    /**
     * A file of the repository's own test data ({@code testdata/} at the repository root).
     *
     * @param relative path below {@code testdata/}
     * @return the resolved path
     */
    public static Path testdata(String relative) {
        return repositoryRoot().resolve("testdata").resolve(relative);
    }

    /**
     * Reads a corpus file as bytes.
     *
     * @param relative path below the corpus root
     * @return the file's bytes
     */
    public static byte[] bytes(String relative) {
        try {
            return Files.readAllBytes(path(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a JSON file of the corpus.
     *
     * @param relative path below the corpus root
     * @return the parsed tree
     */
    public static JsonNode json(String relative) {
        return json(path(relative));
    }

    /**
     * Reads a JSON file.
     *
     * @param file the file
     * @return the parsed tree
     */
    public static JsonNode json(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a JSON-lines file of the corpus: one JSON object per non-blank line.
     *
     * @param relative path below the corpus root
     * @return the records in file order
     */
    public static List<JsonNode> jsonLines(String relative) {
        return jsonLines(path(relative));
    }

    /**
     * Reads a JSON-lines file.
     *
     * @param file the file
     * @return the records in file order
     */
    public static List<JsonNode> jsonLines(Path file) {
        try {
            List<JsonNode> out = new ArrayList<>();
            for (String line : Files.readAllLines(file)) {
                if (!line.isBlank()) {
                    out.add(JSON.readTree(line));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Lists the files of a corpus folder whose names match a glob, sorted by name.
     *
     * @param folder folder below the corpus root, e.g. {@code "sdp"}
     * @param glob a glob such as {@code "unmarshal-*.sdp"}
     * @return the matching files
     */
    public static List<Path> list(String folder, String glob) {
        Path dir = path(folder);
        var matcher = dir.getFileSystem().getPathMatcher("glob:" + glob);
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> matcher.matches(p.getFileName())).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The upstream fuzz inputs of one target, decoded from {@code fuzz/index.jsonl}.
     *
     * @param pkg the corpus folder under {@code fuzz/}, e.g. {@code "base"} or {@code "rtph264"}
     * @param target the fuzz target, e.g. {@code "FuzzRequestUnmarshal"}
     * @return one entry per corpus file
     */
    public static List<FuzzInput> fuzzInputs(String pkg, String target) {
        List<FuzzInput> out = new ArrayList<>();
        for (JsonNode rec : jsonLines("fuzz/index.jsonl")) {
            if (rec.path("file").asText().startsWith(pkg + "/" + target + "/")) {
                List<byte[]> args = new ArrayList<>();
                List<String> types = new ArrayList<>();
                for (JsonNode arg : rec.path("args")) {
                    args.add(Hex.decode(arg.path("hex").asText()));
                    types.add(arg.path("type").asText());
                }
                out.add(new FuzzInput(rec.path("file").asText(), types, args));
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no fuzz inputs for " + pkg + "/" + target);
        }
        return out;
    }

    /**
     * One upstream fuzz corpus file.
     *
     * @param file the corpus file, relative to the corpus root
     * @param types the Go types of the arguments ({@code string}, {@code []byte}, ...)
     * @param args the decoded arguments
     */
    public record FuzzInput(String file, List<String> types, List<byte[]> args) {
        /**
         * The first argument as bytes.
         *
         * @return the bytes of argument 0
         */
        public byte[] first() {
            return args.get(0);
        }

        @Override
        public String toString() {
            return file;
        }
    }
}
