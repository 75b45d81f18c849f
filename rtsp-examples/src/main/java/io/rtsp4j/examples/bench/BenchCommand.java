package io.rtsp4j.examples.bench;

import io.rtsp4j.examples.cli.Rtsp4jCli;
import java.io.PrintStream;
import java.util.Arrays;

/**
 * {@code rtsp4j bench}: measures an RTSP relay. One publisher sends a paced H264 stream to {@code --url}; N
 * readers play it back over TCP, UDP or multicast and count packets, gaps and one-way latency. Prints a progress
 * line per second on stderr and one JSON object on stdout (see {@code docs/performance.md} for its fields).
 *
 * <p>Exit status: 0 after a run (whatever the loss), 1 when the run could not happen (no publisher, no reader
 * could start), 2 for a usage error.
 */
public final class BenchCommand implements Rtsp4jCli.Command {

    /** Creates the command. */
    public BenchCommand() {
    }

    @Override
    public int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
            out.println(BenchOptions.USAGE);
            return 0;
        }
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("rtsp4j bench: " + e.getMessage());
            err.println(BenchOptions.USAGE);
            return 2;
        }
        BenchResult result;
        try {
            result = new BenchRun(options, err).run();
        } catch (java.io.IOException | IllegalStateException e) {
            err.println("rtsp4j bench: " + e.getMessage());
            return 1;
        }
        if (result.toolBottleneck) {
            err.println("bench: WARNING the tool limited this run: " + result.toolBottleneckReason);
        }
        out.println(result.toJson());
        out.flush();
        return 0;
    }
}
