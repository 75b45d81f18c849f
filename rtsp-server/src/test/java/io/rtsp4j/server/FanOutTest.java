package io.rtsp4j.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.netty.channel.EventLoop;
import io.rtsp4j.rtp.RtpPacket;
import io.rtsp4j.sdp.description.Media;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fan-out of a stream's packets to its readers, batched per event loop ({@link LoopReaders}, {@link
 * PacketWriter}, {@link LoopFlusher}): order on every loop, no lost flush, drops counted, readers leaving during
 * a burst. Leaks fail the class (paranoid leak detection in every test run).
 */
class FanOutTest {

    private static final String TCP = "RTP/AVP/TCP;unicast;interleaved=0-1";

    private final AtomicReference<ServerStream> stream = new AtomicReference<>();

    /** Who calls {@code ServerStream.writeRtp}. */
    enum Writer {
        /** A thread that is none of the server's loops (an application thread). */
        APPLICATION_THREAD,
        /** One of the server's event loops, as the relay does from the publisher's connection. */
        EVENT_LOOP
    }

    static Stream<Arguments> writers() {
        return Stream.of(Arguments.of(Writer.APPLICATION_THREAD), Arguments.of(Writer.EVENT_LOOP));
    }

    private Media media() {
        return stream.get().description().medias().get(0);
    }

    private StreamMedia streamMedia() {
        return stream.get().streamMedia(media());
    }

    /** Writes packets {@code from..to-1} (sequence numbers) with non-IDR payloads (no sender report). */
    private void write(int from, int to, int payloadSize) {
        byte[] payload = new byte[payloadSize];
        payload[0] = 0x41;
        for (int seq = from; seq < to; seq++) {
            RtpPacket p = Fixtures.packet(96, seq, seq * 3000L, 1, payload);
            try {
                stream.get().writeRtp(media(), p);
            } finally {
                p.release();
            }
        }
    }

    /** Runs {@code write} as the given writer and waits until it returned. */
    private void writeAs(TestServer ts, Writer writer, Runnable write) throws Exception {
        if (writer == Writer.APPLICATION_THREAD) {
            write.run();
            return;
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        ts.server.eventLoopGroup().next().execute(() -> {
            try {
                write.run();
                done.complete(null);
            } catch (Throwable t) {
                done.completeExceptionally(t);
            }
        });
        done.get(30, TimeUnit.SECONDS);
    }

    private static RtspTestClient playingTcpReader(TestServer ts) throws IOException {
        RtspTestClient c = ts.connect();
        c.doPlay(ts.url("/teststream"), c.doSetup(ts.url("/teststream/trackID=0"), TCP, null).session());
        return c;
    }

    /** Reads on a thread of its own (the common pool may have a single thread on a 2-core machine). */
    private static CompletableFuture<List<Integer>> readAsync(RtspTestClient c, int count) {
        CompletableFuture<List<Integer>> f = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                f.complete(Fixtures.readRtp(c, count));
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        }, "test-reader");
        t.setDaemon(true);
        t.start();
        return f;
    }

    private static Set<EventLoop> loopsOf(StreamMedia sm) {
        Set<EventLoop> loops = new HashSet<>();
        for (ReaderTarget r : sm.readers()) {
            loops.add(r.loop());
        }
        return loops;
    }

    // ------------------------------------------------------------------------------------------ order

    @ParameterizedTest(name = "{0}")
    @MethodSource("writers")
    void readersOnEveryLoopGetEveryPacketInOrder(Writer writer) throws Exception {
        int total = 3000;
        try (TestServer ts = TestServer.start(TestHandler.serving(stream::get), b -> b.writeQueueSize(4096))) {
            stream.set(ts.stream(Fixtures.h264()));
            List<RtspTestClient> readers = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                readers.add(playingTcpReader(ts));
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> streamMedia().readers().size() == 5);
            // Two loops, five connections: both loops have readers (one of them the writer's, for EVENT_LOOP).
            assertThat(loopsOf(streamMedia())).hasSize(2);

            List<CompletableFuture<List<Integer>>> received = new ArrayList<>();
            for (RtspTestClient c : readers) {
                received.add(readAsync(c, total));
            }
            // One burst far above what one task delivers per loop tick: batches, queues and flushes all happen.
            writeAs(ts, writer, () -> write(0, total, 200));
            for (CompletableFuture<List<Integer>> r : received) {
                assertThat(r.get(60, TimeUnit.SECONDS)).isEqualTo(Fixtures.range(0, total));
            }
            StreamStats.MediaStats ms = stream.get().stats().medias().get(0);
            assertThat(ms.outboundRtpPackets()).isEqualTo(5L * total);
            assertThat(ms.droppedPackets()).isZero();
            for (ServerSession s : ts.server.sessions()) {
                assertThat(s.stats().outboundRtpPackets()).isEqualTo(total);
            }
        }
    }

    // ------------------------------------------------------------------------------------------ flush

    @ParameterizedTest(name = "{0}")
    @MethodSource("writers")
    void aSinglePacketIsFlushedToEveryReader(Writer writer) throws Exception {
        try (TestServer ts = TestServer.start(TestHandler.serving(stream::get))) {
            stream.set(ts.stream(Fixtures.h264()));
            List<RtspTestClient> tcp = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                tcp.add(playingTcpReader(ts));
            }
            UdpPorts ports = ts.udpPorts();
            RtspTestClient u = ts.connect();
            u.doPlay(ts.url("/teststream"), u.doSetup(ts.url("/teststream/trackID=0"),
                    "RTP/AVP;unicast;" + ports.clientPort(), null).session());
            await().atMost(Duration.ofSeconds(10)).until(() -> streamMedia().readers().size() == 4);

            // Nothing else is written: if the flush of this one packet were lost, nobody would receive it.
            writeAs(ts, writer, () -> write(7, 8, 100));
            for (RtspTestClient c : tcp) {
                assertThat(Fixtures.readRtp(c, 1)).containsExactly(7);
            }
            assertThat(Fixtures.sequenceNumber(ports.receiveRtp())).isEqualTo(7);

            // And again, later: the flusher is scheduled anew.
            writeAs(ts, writer, () -> write(8, 9, 100));
            for (RtspTestClient c : tcp) {
                assertThat(Fixtures.readRtp(c, 1)).containsExactly(8);
            }
            assertThat(Fixtures.sequenceNumber(ports.receiveRtp())).isEqualTo(8);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("writers")
    void udpReadersGetEveryPacketInOrder(Writer writer) throws Exception {
        int total = 300;
        try (TestServer ts = TestServer.start(TestHandler.serving(stream::get))) {
            stream.set(ts.stream(Fixtures.h264()));
            List<UdpPorts> ports = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                UdpPorts p = ts.udpPorts();
                // Room for every datagram even if the reading thread is slow (the OS may grant less).
                p.rtp.setReceiveBufferSize(2 << 20);
                RtspTestClient c = ts.connect();
                c.doPlay(ts.url("/teststream"), c.doSetup(ts.url("/teststream/trackID=0"),
                        "RTP/AVP;unicast;" + p.clientPort(), null).session());
                ports.add(p);
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> streamMedia().readers().size() == 3);
            // Read while writing: a default client socket holds only ~256 small datagrams.
            List<CompletableFuture<List<Integer>>> received = new ArrayList<>();
            for (UdpPorts p : ports) {
                CompletableFuture<List<Integer>> f = new CompletableFuture<>();
                Thread t = new Thread(() -> {
                    List<Integer> got = new ArrayList<>();
                    try {
                        while (got.size() < total) {
                            got.add(Fixtures.sequenceNumber(p.receiveRtp()));
                        }
                    } catch (IOException e) {
                        // the assertion shows what arrived
                    }
                    f.complete(got);
                }, "test-udp-reader");
                t.setDaemon(true);
                t.start();
                received.add(f);
            }
            // Small bursts: one tick's datagrams go out together.
            for (int seq = 0; seq < total; seq += 10) {
                int from = seq;
                writeAs(ts, writer, () -> write(from, from + 10, 100));
                Thread.sleep(1);
            }
            for (CompletableFuture<List<Integer>> r : received) {
                List<Integer> got = r.get(60, TimeUnit.SECONDS);
                assertThat(got).isEqualTo(Fixtures.range(0, total));
            }
        }
    }

    @Test
    void aReaderWithOtherChannelIdsGetsItsOwnFrameHeader() throws Exception {
        try (TestServer ts = TestServer.start(TestHandler.serving(stream::get))) {
            stream.set(ts.stream(Fixtures.h264()));
            RtspTestClient shared = playingTcpReader(ts);
            RtspTestClient own = ts.connect();
            own.doPlay(ts.url("/teststream"), own.doSetup(ts.url("/teststream/trackID=0"),
                    "RTP/AVP/TCP;unicast;interleaved=6-7", null).session());
            await().atMost(Duration.ofSeconds(10)).until(() -> streamMedia().readers().size() == 2);
            write(0, 50, 300);
            assertThat(Fixtures.readRtp(shared, 50)).isEqualTo(Fixtures.range(0, 50));
            for (int seq = 0; seq < 50; seq++) {
                RtspTestClient.Frame f = own.readFrame(6);
                assertThat(Fixtures.sequenceNumber(f.payload())).isEqualTo(seq);
                assertThat(f.payload()).hasSize(12 + 300);
            }
        }
    }

    // ------------------------------------------------------------------------------------------ drops

    @ParameterizedTest(name = "{0}")
    @MethodSource("writers")
    void anUnwritableReaderDropsAndIsCounted(Writer writer) throws Exception {
        int total = 8000;
        TestHandler h = TestHandler.serving(stream::get);
        try (TestServer ts = TestServer.start(h, b -> b.writeQueueSize(64).writeTimeout(Duration.ofSeconds(120)))) {
            stream.set(ts.stream(Fixtures.h264()));
            // The slow reader: a tiny receive window, and it never reads after PLAY.
            RtspTestClient slow = ts.connect(4096);
            slow.doPlay(ts.url("/teststream"), slow.doSetup(ts.url("/teststream/trackID=0"), TCP, null).session());
            ServerSession slowServerSide = ts.server.sessions().get(0);
            RtspTestClient fast = playingTcpReader(ts);
            await().atMost(Duration.ofSeconds(10)).until(() -> streamMedia().readers().size() == 2);
            ServerSession fastServerSide = ts.server.sessions().stream().filter(s -> s != slowServerSide)
                    .findFirst().orElseThrow();

            List<Integer> got = new CopyOnWriteArrayList<>();
            Thread reader = new Thread(() -> {
                try {
                    got.addAll(Fixtures.readRtp(fast, total));
                } catch (IOException e) {
                    // the assertions below report it
                }
            });
            reader.start();
            for (int seq = 0; seq < total; seq += 16) {
                int from = seq;
                writeAs(ts, writer, () -> write(from, from + 16, 1200));
            }
            reader.join(60_000);

            // Every delivery is either sent or dropped, and counted the same by the stream and the sessions.
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                StreamStats.MediaStats ms = stream.get().stats().medias().get(0);
                assertThat(ms.outboundRtpPackets() + ms.droppedPackets()).isEqualTo(2L * total);
            });
            StreamStats.MediaStats ms = stream.get().stats().medias().get(0);
            SessionStats slowStats = slowServerSide.stats();
            SessionStats fastStats = fastServerSide.stats();
            assertThat(slowStats.outboundRtpPacketsDropped()).isPositive();
            assertThat(ms.droppedPackets()).isEqualTo(slowStats.outboundRtpPacketsDropped()
                    + fastStats.outboundRtpPacketsDropped());
            assertThat(ms.outboundRtpPackets()).isEqualTo(slowStats.outboundRtpPackets()
                    + fastStats.outboundRtpPackets());
            assertThat(TestHandler.await(h.streamWriteErrors, "onStreamWriteError").getMessage())
                    .contains("reader is too slow");
            // The fast reader got what was sent to it, in order (on a busy machine it may have lost some too).
            assertThat((long) got.size()).isEqualTo(fastStats.outboundRtpPackets());
            assertThat(got).isSorted().doesNotHaveDuplicates();
        }
    }

    @Test
    void aLoopBehindDropsWhatItCannotQueueAndCountsIt() throws Exception {
        int queue = LoopReaders.capacity(64);
        try (TestServer ts = TestServer.start(TestHandler.serving(stream::get), b -> b.writeQueueSize(64))) {
            stream.set(ts.stream(Fixtures.h264()));
            RtspTestClient c = playingTcpReader(ts);
            await().atMost(Duration.ofSeconds(10)).until(() -> streamMedia().readers().size() == 1);
            ServerSession s = ts.server.sessions().get(0);
            EventLoop loop = streamMedia().readers().get(0).loop();

            // Hold the reader's loop while the application writes twice the queue size.
            CountDownLatch held = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            loop.execute(() -> {
                held.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
            write(0, 2 * queue, 20);
            release.countDown();

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                    s.stats().outboundRtpPackets() + s.stats().outboundRtpPacketsDropped()).isEqualTo(2L * queue));
            long sent = s.stats().outboundRtpPackets();
            assertThat(sent).isBetween((long) queue / 2, 2L * queue - 1);
            assertThat(Fixtures.readRtp(c, (int) sent)).isEqualTo(Fixtures.range(0, (int) sent));
            StreamStats.MediaStats ms = stream.get().stats().medias().get(0);
            assertThat(ms.droppedPackets()).isEqualTo(2L * queue - sent);
            // The loop caught up: later packets flow again.
            write(2 * queue, 2 * queue + 1, 20);
            assertThat(Fixtures.readRtp(c, 1)).containsExactly(2 * queue);
        }
    }

    // ------------------------------------------------------------------------------------------ membership

    @ParameterizedTest(name = "{0}")
    @MethodSource("writers")
    void readersLeavingDuringABurstDoNotDisturbTheOthers(Writer writer) throws Exception {
        int total = 4000;
        try (TestServer ts = TestServer.start(TestHandler.serving(stream::get), b -> b.writeQueueSize(8192))) {
            stream.set(ts.stream(Fixtures.h264()));
            List<RtspTestClient> stay = new ArrayList<>();
            List<RtspTestClient> leave = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                (i % 2 == 0 ? stay : leave).add(playingTcpReader(ts));
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> streamMedia().readers().size() == 6);

            List<CompletableFuture<List<Integer>>> received = new ArrayList<>();
            for (RtspTestClient c : stay) {
                received.add(readAsync(c, total));
            }
            // The leaving readers disconnect while the burst is being delivered (their sessions close on their
            // loops, between or during the drains of those loops).
            Thread closer = new Thread(() -> {
                for (RtspTestClient c : leave) {
                    try {
                        c.readFrame(0);
                        c.close();
                    } catch (IOException e) {
                        // closed anyway
                    }
                }
            });
            closer.start();
            writeAs(ts, writer, () -> {
                write(0, total / 2, 200);
            });
            closer.join(30_000);
            writeAs(ts, writer, () -> write(total / 2, total, 200));
            for (CompletableFuture<List<Integer>> r : received) {
                assertThat(r.get(60, TimeUnit.SECONDS)).isEqualTo(Fixtures.range(0, total));
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> streamMedia().readers().size() == 3);
        }
    }
}
