package io.rtsp4j.examples.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code rtsp4j} command line: {@code java -jar rtsp4j.jar COMMAND [options]}.
 *
 * <p>Each command is its own class implementing {@link Command}; this class only dispatches. Exit status 0
 * means success, 1 a failure of the command (bad input), 2 a usage error.
 */
public final class Rtsp4jCli {

    /** One sub-command of the CLI. */
    public interface Command {
        /**
         * Runs the command.
         *
         * @param args the arguments after the command name
         * @param out standard output
         * @param err standard error
         * @return the process exit status
         * @throws Exception on unexpected failures (reported on stderr, exit status 1)
         */
        int run(String[] args, PrintStream out, PrintStream err) throws Exception;
    }

    private static final Map<String, Command> COMMANDS = new LinkedHashMap<>();
    private static final Map<String, String> HELP = new LinkedHashMap<>();

    static {
        register("version", "print the rtsp4j version", (args, out, err) -> {
            out.println("rtsp4j " + version());
            return 0;
        });
        register("server", "run the relay server (publish with ANNOUNCE/RECORD, read with DESCRIBE/PLAY)",
                new ServerCommand());
        register("bench", "load-test an RTSP relay (loss, latency, CPU)", new io.rtsp4j.examples.bench.BenchCommand());
        register("sdp", "parse an SDP file: JSON, or --format for canonical SDP", new SdpCommand());
    }

    private Rtsp4jCli() {
    }

    private static void register(String name, String help, Command command) {
        COMMANDS.put(name, command);
        HELP.put(name, help);
    }

    /**
     * The version of the rtsp4j jar, or {@code "dev"} when run from classes.
     *
     * @return the version string
     */
    public static String version() {
        String v = Rtsp4jCli.class.getPackage().getImplementationVersion();
        return v != null ? v : "0.1.0-SNAPSHOT";
    }

    /**
     * Runs the CLI without exiting the JVM (used by tests).
     *
     * @param args the command line
     * @param out standard output
     * @param err standard error
     * @return the exit status
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            usage(args.length == 0 ? err : out);
            return args.length == 0 ? 2 : 0;
        }
        Command command = COMMANDS.get(args[0]);
        if (command == null) {
            err.println("rtsp4j: unknown command '" + args[0] + "'");
            usage(err);
            return 2;
        }
        try {
            return command.run(Arrays.copyOfRange(args, 1, args.length), out, err);
        } catch (Exception e) {
            err.println("rtsp4j " + args[0] + ": " + e.getMessage());
            return 1;
        }
    }

    private static void usage(PrintStream s) {
        s.println("usage: rtsp4j COMMAND [options]");
        s.println();
        s.println("commands:");
        HELP.forEach((name, help) -> s.printf("  %-10s %s%n", name, help));
    }

    /**
     * Entry point.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        System.out.flush();
        System.exit(status);
    }
}
