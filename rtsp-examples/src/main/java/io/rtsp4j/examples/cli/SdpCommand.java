package io.rtsp4j.examples.cli;

import io.rtsp4j.sdp.SdpParseException;
import io.rtsp4j.sdp.description.Media;
import io.rtsp4j.sdp.description.Session;
import io.rtsp4j.sdp.format.MediaFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code rtsp4j sdp [--format] FILE}: parses an SDP (a camera's DESCRIBE answer, an ANNOUNCE body) with
 * the tolerant reader of rtsp-sdp and prints the description as JSON, or with {@code --format} the
 * canonical SDP a server would announce. {@code FILE} may be {@code -} for standard input.
 *
 * <p>Exit status: 0 success, 1 unreadable or invalid SDP (one line on stderr saying what and where),
 * 2 usage error. The JSON shape is documented in rtsp-sdp's README.
 */
public final class SdpCommand implements Rtsp4jCli.Command {

    private static final String USAGE = "usage: rtsp4j sdp [--format] FILE   (FILE - reads standard input)";

    private final InputStream stdin;

    /** Creates the command reading {@code -} from {@link System#in}. */
    public SdpCommand() {
        this(System.in);
    }

    /**
     * Creates the command with another standard input (for tests).
     *
     * @param stdin what {@code -} reads
     */
    public SdpCommand(InputStream stdin) {
        this.stdin = stdin;
    }

    @Override
    public int run(String[] args, PrintStream out, PrintStream err) {
        boolean format = false;
        String file = null;
        for (String arg : args) {
            if (arg.equals("--format")) {
                format = true;
            } else if (arg.equals("-h") || arg.equals("--help")) {
                out.println(USAGE);
                return 0;
            } else if (arg.startsWith("--") || file != null) {
                err.println("rtsp4j sdp: unexpected argument '" + arg + "'");
                err.println(USAGE);
                return 2;
            } else {
                file = arg;
            }
        }
        if (file == null) {
            err.println(USAGE);
            return 2;
        }
        String text;
        try {
            byte[] bytes = file.equals("-") ? stdin.readAllBytes() : Files.readAllBytes(Path.of(file));
            text = new String(bytes, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            err.println("rtsp4j sdp: cannot read " + file + ": no such file");
            return 1;
        } catch (IOException | RuntimeException e) {
            err.println("rtsp4j sdp: cannot read " + file + ": " + oneLine(String.valueOf(e.getMessage())));
            return 1;
        }
        Session session;
        try {
            session = Session.parse(text);
        } catch (SdpParseException e) {
            err.println("rtsp4j sdp: " + (file.equals("-") ? "<stdin>" : file) + ": " + oneLine(e.getMessage()));
            return 1;
        }
        if (format) {
            out.print(session.toSdp());
        } else {
            out.println(Json.write(toJson(session)));
        }
        out.flush();
        return 0;
    }

    private static String oneLine(String s) {
        return s.replace('\r', ' ').replace('\n', ' ');
    }

    /**
     * The JSON model of a session (see rtsp-sdp/README.md, "The rtsp4j sdp command").
     *
     * @param session the session
     * @return nested maps and lists for {@link Json#write(Object)}
     */
    public static Map<String, Object> toJson(Session session) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("title", session.title());
        List<Object> medias = new ArrayList<>();
        for (Media m : session.medias()) {
            Map<String, Object> mj = new LinkedHashMap<>();
            mj.put("type", m.type());
            mj.put("control", m.control());
            mj.put("profile", m.profile().name());
            mj.put("direction", m.direction() == null ? null : m.direction().attribute());
            mj.put("backChannel", m.backChannel());
            List<Object> formats = new ArrayList<>();
            for (MediaFormat f : m.formats()) {
                Map<String, Object> fj = new LinkedHashMap<>();
                fj.put("payloadType", f.payloadType());
                fj.put("codec", f.codec());
                fj.put("clockRate", f.clockRate());
                fj.put("params", new LinkedHashMap<>(f.fmtp()));
                formats.add(fj);
            }
            mj.put("formats", formats);
            medias.add(mj);
        }
        root.put("medias", medias);
        return root;
    }
}
