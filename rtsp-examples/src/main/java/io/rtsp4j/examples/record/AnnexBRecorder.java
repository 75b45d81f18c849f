package io.rtsp4j.examples.record;

import io.rtsp4j.base.RtspStatus;
import io.rtsp4j.rtp.codec.Depacketizer;
import io.rtsp4j.rtp.codec.RtpCodecException;
import io.rtsp4j.sdp.description.Media;
import io.rtsp4j.sdp.format.MediaFormat;
import io.rtsp4j.server.Reply;
import io.rtsp4j.server.RequestContext;
import io.rtsp4j.server.RtspServer;
import io.rtsp4j.server.RtspServerConfig;
import io.rtsp4j.server.ServerHandler;
import io.rtsp4j.server.ServerSession;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records the video of a published stream (H.264 or H.265) into an Annex-B file: a publisher ANNOUNCEs and
 * RECORDs on any path, and the first H.264/H.265 media it sets up is depacketized and written, starting at its
 * first key frame, with the SDP's parameter sets in front of key frames that lack them. The file plays with
 * {@code ffplay out.h264} and remuxes with {@code ffmpeg -r 25 -i out.h264 -c copy out.mp4} (Annex-B has no
 * timestamps).
 *
 * <p>One publisher at a time (others get {@code 503}); a new recording replaces the file. Other medias (audio)
 * are accepted and ignored. Packet callbacks run on the session's event loop; the file is written on a
 * dedicated thread so that disk latency never stalls the server.
 *
 * <pre>{@code
 * java -cp rtsp4j.jar io.rtsp4j.examples.record.AnnexBRecorder out.h264 :8554
 * ffmpeg -re -i input.mp4 -map 0:v -c copy -f rtsp rtsp://127.0.0.1:8554/cam
 * }</pre>
 */
public final class AnnexBRecorder implements ServerHandler, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AnnexBRecorder.class);

    private final Path output;
    private final ExecutorService disk = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "annexb-recorder-disk");
        t.setDaemon(true);
        return t;
    });
    private final Object lock = new Object();
    private Recording current;
    private CompletableFuture<Long> finished = new CompletableFuture<>();

    /** One publisher's recording: its session, the video media and the writer (used on the disk thread only). */
    private static final class Recording {
        final ServerSession session;
        final Media media;
        final MediaFormat format;
        final VideoCodec codec;
        final Depacketizer<List<byte[]>> depacketizer;
        OutputStream out;
        AnnexBWriter writer;

        Recording(ServerSession session, Media media, MediaFormat format, VideoCodec codec) {
            this.session = session;
            this.media = media;
            this.format = format;
            this.codec = codec;
            this.depacketizer = codec.depacketizer();
        }
    }

    /**
     * Creates a recorder writing to {@code output} (created or truncated when a publisher starts recording).
     *
     * @param output the Annex-B file
     */
    public AnnexBRecorder(Path output) {
        this.output = output;
    }

    @Override
    public Reply onAnnounce(RequestContext ctx) {
        for (Media media : ctx.description().medias()) {
            for (MediaFormat format : media.formats()) {
                if (VideoCodec.of(format) != null) {
                    synchronized (lock) {
                        if (current != null) {
                            return Reply.status(RtspStatus.SERVICE_UNAVAILABLE);
                        }
                        current = new Recording(ctx.session(), media, format, VideoCodec.of(format));
                        if (finished.isDone()) {
                            finished = new CompletableFuture<>();
                        }
                    }
                    LOG.info("recording {} of '{}' into {}", format.codec(), ctx.path(), output);
                    return Reply.ok();
                }
            }
        }
        // 406: the description is fine, but there is nothing this recorder can store
        return Reply.status(RtspStatus.NOT_ACCEPTABLE);
    }

    @Override
    public Reply onSetup(RequestContext ctx) {
        return Reply.ok();
    }

    @Override
    public Reply onRecord(RequestContext ctx) {
        Recording rec;
        synchronized (lock) {
            rec = current;
        }
        if (rec == null || rec.session != ctx.session()) {
            return Reply.status(RtspStatus.SESSION_NOT_FOUND);
        }
        if (!ctx.session().medias().contains(rec.media)) {
            return Reply.status(RtspStatus.NOT_ACCEPTABLE);
        }
        disk.execute(() -> open(rec));
        ctx.session().onPacketRtp(rec.media, rec.format, (media, format, packet) -> {
            List<byte[]> accessUnit;
            try {
                accessUnit = rec.depacketizer.depacketize(packet);
            } catch (RtpCodecException e) {
                // lost or malformed packets: skip to the next key frame so that the file stays decodable
                LOG.debug("depacketizer: {}", e.getMessage());
                disk.execute(() -> {
                    if (rec.writer != null) {
                        rec.writer.resync();
                    }
                });
                return;
            }
            if (accessUnit != null) {
                disk.execute(() -> write(rec, accessUnit));
            }
        });
        return Reply.ok();
    }

    private void open(Recording rec) {
        try {
            rec.out = new BufferedOutputStream(Files.newOutputStream(output), 1 << 16);
            rec.writer = new AnnexBWriter(rec.codec, rec.codec.parameterSets(rec.format), rec.out);
        } catch (IOException e) {
            LOG.error("cannot open {}: {}", output, e.getMessage());
            rec.session.close();
        }
    }

    private void write(Recording rec, List<byte[]> accessUnit) {
        if (rec.writer == null) {
            return;
        }
        try {
            rec.writer.write(accessUnit);
        } catch (IOException e) {
            LOG.error("cannot write {}: {}", output, e.getMessage());
            rec.writer = null;
            rec.session.close();
        }
    }

    @Override
    public void onSessionClose(ServerSession session, Throwable reason) {
        Recording rec;
        CompletableFuture<Long> done;
        synchronized (lock) {
            if (current == null || current.session != session) {
                return;
            }
            rec = current;
            current = null;
            done = finished;
        }
        // no packet callback runs after this one, so everything to write is queued before this task
        disk.execute(() -> {
            long units = rec.writer == null ? 0 : rec.writer.accessUnits();
            try {
                if (rec.out != null) {
                    rec.out.close();
                }
                LOG.info("recording of '{}' ended ({}): {} access units in {}", session.path(), reason.getMessage(),
                        units, output);
                done.complete(units);
            } catch (IOException e) {
                done.completeExceptionally(e);
            }
        });
    }

    /**
     * Waits until the current (or next) recording ends and its file is closed.
     *
     * @param timeout how long to wait
     * @return the number of access units written
     * @throws TimeoutException if no recording ended in time
     * @throws InterruptedException if interrupted
     */
    public long awaitRecording(Duration timeout) throws TimeoutException, InterruptedException {
        CompletableFuture<Long> f;
        synchronized (lock) {
            f = finished;
        }
        try {
            return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new UncheckedIOException(new IOException("recording failed", e.getCause()));
        }
    }

    /** Stops the disk thread (after what is queued). Close the server first so that the recording ends. */
    @Override
    public void close() {
        disk.shutdown();
        try {
            disk.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Runs the recorder: {@code AnnexBRecorder <output.h264|.h265> [rtsp-address, default :8554]}.
     *
     * @param args the output file and optionally the listen address
     * @throws Exception if the server cannot start
     */
    public static void main(String[] args) throws Exception {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: AnnexBRecorder <output.h264|output.h265> [rtsp-address, default :8554]");
            System.exit(2);
        }
        AnnexBRecorder recorder = new AnnexBRecorder(Path.of(args[0]));
        RtspServer server = new RtspServer(RtspServerConfig.builder()
                .rtspAddress(args.length > 1 ? args[1] : ":8554")
                .udpAddresses(":8000", ":8001")
                .handler(recorder)
                .build());
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            recorder.close();
        }, "recorder-shutdown"));
        System.out.println("rtsp4j recorder ready rtsp=" + server.rtspAddress() + " file=" + args[0]);
        server.awaitTermination();
    }
}
