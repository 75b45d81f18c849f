package io.rtsp4j.examples.file;

import io.rtsp4j.base.RtspStatus;
import io.rtsp4j.rtp.RtpPacket;
import io.rtsp4j.rtp.codec.PacketizerConfig;
import io.rtsp4j.rtp.codec.h264.H264Packetizer;
import io.rtsp4j.sdp.description.Media;
import io.rtsp4j.sdp.description.Session;
import io.rtsp4j.sdp.format.H264Format;
import io.rtsp4j.server.Reply;
import io.rtsp4j.server.RequestContext;
import io.rtsp4j.server.RtspServer;
import io.rtsp4j.server.RtspServerConfig;
import io.rtsp4j.server.ServerHandler;
import io.rtsp4j.server.ServerStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves an Annex-B H.264 file in a loop, like a camera: the file is split into access units once, and a clock
 * thread sends one access unit per frame period to a {@link ServerStream}, so every reader of
 * {@code rtsp://host:8554/<path>} sees the same live stream (over TCP, UDP or multicast). At the end of the file
 * it starts again; RTP timestamps keep increasing, so players see one endless stream.
 *
 * <p>The file must start with its SPS and PPS (what {@code ffmpeg -f h264} writes) and have no B-frames (Annex-B
 * carries no timestamps, so frames are sent in file order, one per period): make one with
 * {@code ffmpeg -i in.mp4 -an -c:v libx264 -bf 0 -g 25 -f h264 video.h264}.
 *
 * <pre>{@code
 * java -cp rtsp4j.jar io.rtsp4j.examples.file.AnnexBFileServer video.h264 25 :8554 /file
 * ffplay rtsp://127.0.0.1:8554/file
 * }</pre>
 */
public final class AnnexBFileServer implements ServerHandler, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AnnexBFileServer.class);
    private static final int CLOCK_RATE = 90_000;

    private final List<List<byte[]>> accessUnits;
    private final String path;
    private final int fps;
    private final Session description;
    private final Media media;
    private final H264Packetizer packetizer = new H264Packetizer(PacketizerConfig.builder().payloadType(96).build());
    private final long firstTimestamp = new SecureRandom().nextInt() & 0xFFFFFFFFL;
    private final AtomicLong framesSent = new AtomicLong();
    private ScheduledExecutorService clock;
    private volatile ServerStream stream;

    /**
     * Prepares a file for serving.
     *
     * @param annexB the content of the file
     * @param path the path readers use, e.g. {@code "/file"}
     * @param fps frames per second, 1..240
     * @throws IllegalArgumentException if the stream has no slice, no SPS/PPS, or fps is out of range
     */
    public AnnexBFileServer(byte[] annexB, String path, int fps) {
        if (fps < 1 || fps > 240) {
            throw new IllegalArgumentException("fps must be 1..240, got " + fps);
        }
        this.accessUnits = H264AccessUnits.split(annexB);
        byte[] sps = H264AccessUnits.first(accessUnits, H264AccessUnits.NAL_SPS);
        byte[] pps = H264AccessUnits.first(accessUnits, H264AccessUnits.NAL_PPS);
        if (sps == null || pps == null) {
            throw new IllegalArgumentException("the stream has no SPS/PPS: an H.264 Annex-B file starts with them");
        }
        this.path = path.startsWith("/") ? path : "/" + path;
        this.fps = fps;
        this.media = Media.of(Media.VIDEO, new H264Format(96, sps, pps, 1));
        this.description = Session.builder().title("rtsp4j file " + this.path).addMedia(media).build();
    }

    /**
     * Reads a file and prepares it for serving.
     *
     * @param file an Annex-B H.264 file
     * @param path the path readers use
     * @param fps frames per second
     * @return the file server (not started)
     * @throws IOException if the file cannot be read
     */
    public static AnnexBFileServer open(Path file, String path, int fps) throws IOException {
        return new AnnexBFileServer(Files.readAllBytes(file), path, fps);
    }

    /**
     * The description readers get (one H.264 video media).
     *
     * @return the description
     */
    public Session description() {
        return description;
    }

    /**
     * The number of access units (frames) in the file.
     *
     * @return the frame count of one loop
     */
    public int frameCount() {
        return accessUnits.size();
    }

    /**
     * How many frames were sent so far (all loops).
     *
     * @return the count
     */
    public long framesSent() {
        return framesSent.get();
    }

    /**
     * Creates the stream on a started server and starts the clock. Call once.
     *
     * @param server a started server whose handler is this object
     */
    public synchronized void start(RtspServer server) {
        if (stream != null) {
            throw new IllegalStateException("already started");
        }
        stream = new ServerStream(server, description);
        clock = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "annexb-file-clock");
            t.setDaemon(true);
            return t;
        });
        clock.scheduleAtFixedRate(this::sendNextFrame, 0, 1_000_000_000L / fps, TimeUnit.NANOSECONDS);
        LOG.info("serving {} frames at {} fps on '{}'", accessUnits.size(), fps, path);
    }

    private void sendNextFrame() {
        long n = framesSent.get();
        List<byte[]> au = accessUnits.get((int) (n % accessUnits.size()));
        long timestamp = (firstTimestamp + n * CLOCK_RATE / fps) & 0xFFFFFFFFL;
        try {
            for (RtpPacket p : packetizer.packetize(au, timestamp)) {
                try {
                    stream.writeRtp(media, p);
                } finally {
                    p.release();
                }
            }
            framesSent.incrementAndGet();
        } catch (RuntimeException e) {
            // a failing frame must not cancel the periodic task (scheduleAtFixedRate stops on an exception)
            if (!stream.isClosed()) {
                LOG.warn("frame {} not sent: {}", n, e.toString());
            }
            framesSent.incrementAndGet();
        }
    }

    @Override
    public Reply onDescribe(RequestContext ctx) {
        return ctx.path().equals(path) && stream != null ? Reply.ok(stream) : Reply.status(RtspStatus.NOT_FOUND);
    }

    @Override
    public Reply onSetup(RequestContext ctx) {
        return ctx.path().equals(path) && stream != null ? Reply.ok(stream) : Reply.status(RtspStatus.NOT_FOUND);
    }

    @Override
    public Reply onPlay(RequestContext ctx) {
        return Reply.ok();
    }

    /** Stops the clock and closes the stream (its readers are closed). */
    @Override
    public synchronized void close() {
        if (clock != null) {
            clock.shutdownNow();
        }
        if (stream != null) {
            stream.close();
        }
    }

    /**
     * Runs the file server: {@code AnnexBFileServer <file.h264> [fps, 25] [rtsp-address, :8554] [path, /file]}.
     *
     * @param args the file and optional settings
     * @throws Exception if the file cannot be read or the server cannot start
     */
    public static void main(String[] args) throws Exception {
        if (args.length < 1 || args.length > 4) {
            System.err.println("usage: AnnexBFileServer <file.h264> [fps, default 25] [rtsp-address, default :8554]"
                    + " [path, default /file]");
            System.exit(2);
        }
        int fps = args.length > 1 ? Integer.parseInt(args[1]) : 25;
        String address = args.length > 2 ? args[2] : ":8554";
        String path = args.length > 3 ? args[3] : "/file";
        AnnexBFileServer files = open(Path.of(args[0]), path, fps);
        RtspServer server = new RtspServer(RtspServerConfig.builder()
                .rtspAddress(address)
                .udpAddresses(":8000", ":8001")
                .multicast("224.1.0.0/16", 8002, 8003)
                .handler(files)
                .build());
        server.start();
        files.start(server);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            files.close();
            server.close();
        }, "file-server-shutdown"));
        System.out.println("rtsp4j file server ready rtsp=" + server.rtspAddress() + " path=" + path + " frames="
                + files.frameCount() + " fps=" + fps);
        server.awaitTermination();
    }
}
