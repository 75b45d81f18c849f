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
        write(from, to, seq -> 300);
    }

    /** Writes packets {@code from} to {@code to} (exclusive) with payloads of {@code size.applyAsInt(seq)} bytes. */
    private void write(int from, int to, java.util.function.IntUnaryOperator size) {
        write(from, to, size, false);
    }

    /**
     * Writes packets, with the marker bit (end of a frame) or not: packets without it are what a batch holds, a
     * marker ends the batch.
     */
    private void write(int from, int to, java.util.function.IntUnaryOperator size, boolean marker) {
        for (int seq = from; seq < to; seq++) {
            byte[] payload = new byte[size.applyAsInt(seq)];
            payload[0] = 0x41;
            RtpPacket p = RtpPacket.builder().payloadType(96).sequenceNumber(seq).timestamp(seq * 3000L).ssrc(1)
                    .marker(marker).payload(io.netty.buffer.Unpooled.wrappedBuffer(payload)).build();
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

    /** A reader playing the stream over UDP unicast to {@code ports}; its session id is left in {@link #session}. */
    private RtspTestClient playingUdpReader(TestServer ts, UdpPorts ports) throws IOException {
        RtspTestClient c = ts.connect();
        session = c.doSetup(ts.url("/teststream/trackID=0"), "RTP/AVP;unicast;" + ports.clientPort(), null)
                .session();
        c.doPlay(ts.url("/teststream"), session);
        return c;
    }

    /** {@link #passThePhase(RtspTestClient, int)} for a UDP reader. */
    private void passThePhase(UdpPorts ports, int batch) throws IOException {
        write(0, batch);
        for (int seq = 0; seq < batch; seq++) {
            assertThat(Fixtures.sequenceNumber(ports.receiveRtp())).isEqualTo(seq);
        }
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
    void aFrameEndIsNotHeld() throws Exception {
        try (TestServer ts = batchingServer(64, Duration.ofSeconds(1))) {
            RtspTestClient c = playingReader(ts);
            awaitReaders(1);
            passThePhase(c, 64);
            // The frame's last packet (marker bit) leaves at once, with the packet held before it: the next frame
            // may be a frame interval away. Within the hold: a 1 s hold timer would still be waiting when the
            // read times out.
            write(64, 65);
            write(65, 66, seq -> 300, true);
            c.socket().setSoTimeout(700);
            assertThat(Fixtures.readRtp(c, 2)).containsExactly(64, 65);
        }
    }

    @Test
    void aFrameEndIsNotHeldForUdpReadersEither() throws Exception {
        try (TestServer ts = batchingServer(64, Duration.ofSeconds(1)); UdpPorts ports = UdpPorts.open()) {
            RtspTestClient c = playingUdpReader(ts, ports);
            awaitReaders(1);
            passThePhase(ports, 64);
            write(64, 65);
            write(65, 66, seq -> 300, true);
            // Both within the hold: a 1 s hold timer would still be waiting when this times out.
            ports.rtp.setSoTimeout(700);
            assertThat(Fixtures.sequenceNumber(ports.receiveRtp())).isEqualTo(64);
            assertThat(Fixtures.sequenceNumber(ports.receiveRtp())).isEqualTo(65);
            c.close();
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

    /** Payload size of packet {@code seq} in the UDP tests: runs of equal sizes broken by shorter and longer ones. */
    private static int udpPayloadSize(int seq) {
        return switch (seq % 7) {
            case 3 -> 200;
            case 5 -> 1400;
            default -> 1000;
        };
    }

    @Test
    void udpReadersGetEveryPacketAsItsOwnDatagram() throws Exception {
        // Held packets of a UDP reader leave as segmented datagrams where the kernel can segment (Linux, epoll):
        // the reader must still receive one datagram per RTP packet, in order, with its own size, whatever the mix
        // of sizes (a segmented datagram has one segment size).
        try (TestServer ts = batchingServer(4, Duration.ofMillis(20))) {
            List<UdpPorts> readers = new ArrayList<>();
            List<RtspTestClient> clients = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                UdpPorts ports = UdpPorts.open();
                readers.add(ports);
                clients.add(playingUdpReader(ts, ports));
            }
            awaitReaders(3);
            for (int seq = 0; seq < 20; seq++) {
                write(seq, seq + 1, WriteBatchTest::udpPayloadSize);
                Thread.sleep(1);
            }
            // A burst small enough for a default socket receive buffer (about 200 KB), then a lone tail packet.
            write(20, 60, WriteBatchTest::udpPayloadSize);
            write(60, 61, WriteBatchTest::udpPayloadSize);
            for (UdpPorts ports : readers) {
                for (int seq = 0; seq < 61; seq++) {
                    byte[] d = ports.receiveRtp();
                    assertThat(Fixtures.sequenceNumber(d)).isEqualTo(seq);
                    assertThat(d.length).as("packet %d", seq).isEqualTo(12 + udpPayloadSize(seq));
                }
            }
            StreamStats.MediaStats ms = stream.get().stats().medias().get(0);
            assertThat(ms.outboundRtpPackets()).isEqualTo(3L * 61);
            assertThat(ms.droppedPackets()).isZero();
            for (UdpPorts ports : readers) {
                ports.close();
            }
            for (RtspTestClient c : clients) {
                c.close();
            }
        }
    }

    @Test
    void aUdpReaderLeavingWritesWhatItHeld() throws Exception {
        try (TestServer ts = batchingServer(64, Duration.ofSeconds(1)); UdpPorts ports = UdpPorts.open()) {
            RtspTestClient c = playingUdpReader(ts, ports);
            awaitReaders(1);
            passThePhase(ports, 64);
            write(64, 66);
            // Delivered into the reader's batch (a packet still queued for the loop when PAUSE removes the reader
            // is not the reader's any more).
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> stream.get().stats().medias().get(0).outboundRtpPackets() == 66);
            // PAUSE removes the reader with two packets held: they still leave, in order, and nothing leaks
            // (paranoid leak detection), nor when the hold timer runs later and finds the batch empty.
            c.sendRequest("PAUSE", ts.url("/teststream"), null, "Session: " + session);
            assertThat(c.readMessage()).isInstanceOf(RtspTestClient.Response.class);
            assertThat(Fixtures.sequenceNumber(ports.receiveRtp())).isEqualTo(64);
            assertThat(Fixtures.sequenceNumber(ports.receiveRtp())).isEqualTo(65);
            c.close();
        }
    }

    @Test
    void aServerClosingWithUdpPacketsHeldLeaksNothing() throws Exception {
        UdpPorts ports = UdpPorts.open();
        try (ports) {
            TestServer ts = batchingServer(64, Duration.ofSeconds(1));
            RtspTestClient c = playingUdpReader(ts, ports);
            awaitReaders(1);
            // Fewer than a batch after the phase: some packets are held when the server closes.
            write(0, 100);
            ts.close();
            c.close();
            ports.rtp.setSoTimeout(1500);
            int got = 0;
            try {
                while (got < 100) {
                    assertThat(Fixtures.sequenceNumber(ports.receiveRtp())).isEqualTo(got);
                    got++;
                }
            } catch (java.net.SocketTimeoutException e) {
                // What was held when the loops stopped is released, not sent: a prefix arrived.
            }
            assertThat(got).isGreaterThan(0);
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
