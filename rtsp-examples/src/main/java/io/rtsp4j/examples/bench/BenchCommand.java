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

    /**
     * Turns Netty's leak detection off for the tool unless {@code -Dio.netty.leakDetection.level} asks for it: at
     * its default level it records a stack trace for one buffer in 128 and wraps it, and the readers allocate a
     * buffer per socket read (100,000 per second at 200 readers), about 1% of the tool's CPU in a profile, spent
     * on measuring nothing about the relay.
     */
    static void quietLeakDetection() {
        if (System.getProperty("io.netty.leakDetection.level") == null
                && System.getProperty("io.netty.leakDetectionLevel") == null) {
            io.netty.util.ResourceLeakDetector.setLevel(io.netty.util.ResourceLeakDetector.Level.DISABLED);
        }
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
        quietLeakDetection();
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
