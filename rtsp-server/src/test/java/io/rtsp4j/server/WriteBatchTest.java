package io.rtsp4j.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.rtsp4j.rtp.RtpPacket;
import io.rtsp4j.sdp.description.Media;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * {@link RtspServerConfig#writeBatchPackets()} and {@link RtspServerConfig#writeBatchMaxDelay()}: a TCP reader's
 * connection holds evenly paced packets and writes them in groups, never holding one longer than the delay, and
 * anything else that flushes the connection writes what was held. Nothing here depends on timing except through
 * holds far longer than the test's own waits (a held packet cannot leave before its hold timer runs).
 */
class WriteBatchTest {

    private static final String TCP = "RTP/AVP/TCP;unicast;interleaved=0-1";

    private final AtomicReference<ServerStream> stream = new AtomicReference<>();

    private Media media() {
        return stream.get().description().medias().get(0);
    }

    private void write(int from, int to) {
        byte[] payload = new byte[300];
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

    private String session;

    private RtspTestClient playingReader(TestServer ts) throws IOException {
        RtspTestClient c = ts.connect();
        session = c.doSetup(ts.url("/teststream/trackID=0"), TCP, null).session();
        c.doPlay(ts.url("/teststream"), session);
        return c;
    }

    /**
     * Gets a fresh connection past its first batch, whose length is its phase (1 to the batch size, unknown to
     * the test): after a full batch of packets, all read (what the phase left over leaves with the hold timer),
     * nothing is held and the next packet starts a whole batch.
     */
    private void passThePhase(RtspTestClient c, int batch) throws IOException {
        write(0, batch);
        assertThat(Fixtures.readRtp(c, batch)).isEqualTo(Fixtures.range(0, batch));
    }

    /** A server whose TCP readers batch {@code packets}, holding none longer than {@code hold}, serving the stream. */
    private TestServer batchingServer(int packets, Duration hold) throws Exception {
        TestServer ts = TestServer.start(TestHandler.serving(stream::get),
                b -> b.writeBatchPackets(packets).writeBatchMaxDelay(hold));
        stream.set(ts.stream(Fixtures.h264()));
        return ts;
    }

    private void awaitReaders(int n) {
        await().atMost(Duration.ofSeconds(10)).until(() -> stream.get().streamMedia(media()).readers().size() == n);
    }

    /** One reader of a server batching 64 packets for up to 1 s, past its phase, with packet 64 held. */
    private RtspTestClient readerHoldingPacket64(TestServer ts) throws IOException {
        RtspTestClient c = playingReader(ts);
        awaitReaders(1);
        passThePhase(c, 64);
        write(64, 65);
        assertThat(c.staysSilent(300)).as("packet 64 held for the 1 s hold").isTrue();
        return c;
    }

    @Test
    void byDefaultNothingIsHeld() {
        RtspServerConfig c = RtspServerConfig.builder().rtspAddress(":8554").build();
        assertThat(c.writeBatchPackets()).isEqualTo(1);
        assertThat(c.writeBatchMaxDelay()).isEqualTo(Duration.ofMillis(10));
    }

    @Test
    void batchedReadersGetEveryPacketInOrder() throws Exception {
        try (TestServer ts = batchingServer(3, Duration.ofMillis(20))) {
            List<RtspTestClient> readers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                readers.add(playingReader(ts));
            }
            awaitReaders(4);
            // Evenly paced packets (each written on its own, as a paced source does), then a burst, then a tail
            // shorter than a batch that only the hold timer writes.
            for (int seq = 0; seq < 30; seq++) {
                write(seq, seq + 1);
                Thread.sleep(1);
            }
            write(30, 130);
            write(130, 131);
            for (RtspTestClient c : readers) {
                assertThat(Fixtures.readRtp(c, 131)).isEqualTo(Fixtures.range(0, 131));
            }
            StreamStats.MediaStats ms = stream.get().stats().medias().get(0);
            assertThat(ms.outboundRtpPackets()).isEqualTo(4L * 131);
            assertThat(ms.droppedPackets()).isZero();
        }
    }

    @Test
    void aLonePacketIsHeldThenWrittenByTheTimer() throws Exception {
        try (TestServer ts = batchingServer(64, Duration.ofSeconds(1))) {
            RtspTestClient c = readerHoldingPacket64(ts);
            assertThat(Fixtures.readRtp(c, 1)).as("then written by the timer").containsExactly(64);
            // A whole batch in one go: written as one group.
            write(65, 65 + 64);
            assertThat(Fixtures.readRtp(c, 64)).isEqualTo(Fixtures.range(65, 129));
        }
    }

    @Test
    void aResponseOnTheConnectionWritesWhatWasHeld() throws Exception {
        try (TestServer ts = batchingServer(64, Duration.ofSeconds(1))) {
            RtspTestClient c = readerHoldingPacket64(ts);
            // A request's response is flushed at once, and the held packet leaves with it, before it.
            c.sendRequest("GET_PARAMETER", ts.url("/teststream"), null, "Session: " + session);
            Object first = c.readMessage();
            assertThat(first).isInstanceOf(RtspTestClient.Frame.class);
            assertThat(Fixtures.sequenceNumber(((RtspTestClient.Frame) first).payload())).isEqualTo(64);
            assertThat(c.readMessage()).isInstanceOf(RtspTestClient.Response.class);
        }
    }

    @Test
    void readersLeavingWithHeldPacketsLeakNothingAndDisturbNobody() throws Exception {
        try (TestServer ts = batchingServer(16, Duration.ofMillis(200))) {
            List<RtspTestClient> stay = new ArrayList<>();
            List<RtspTestClient> leave = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                (i % 2 == 0 ? stay : leave).add(playingReader(ts));
            }
            awaitReaders(6);
            // Packets held in every connection (fewer than a batch since the phases), then half the readers drop
            // their connections: their held packets must be released with the channel (paranoid leak detection
            // fails the class otherwise) and the hold timer must not trip over closed channels.
            write(0, 5);
            for (RtspTestClient c : leave) {
                c.close();
            }
            awaitReaders(3);
            write(5, 200);
            for (RtspTestClient c : stay) {
                assertThat(Fixtures.readRtp(c, 200)).isEqualTo(Fixtures.range(0, 200));
            }
        }
    }
}
