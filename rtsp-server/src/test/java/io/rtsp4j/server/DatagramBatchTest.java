package io.rtsp4j.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.unix.SegmentedDatagramPacket;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link DatagramBatch}: how held packets of one UDP reader become segmented datagrams (one segment size each, a
 * shorter packet only at the end), and the fallback to one datagram per packet when a segmented send fails.
 * The socket is an embedded channel that records what is written (the kernel side is covered by WriteBatchTest's
 * UDP cases).
 */
class DatagramBatchTest {

    private static final InetSocketAddress READER = new InetSocketAddress("127.0.0.1", 40000);

    private final List<ByteBuf> toRelease = new ArrayList<>();

    @AfterEach
    void release() {
        toRelease.forEach(ByteBuf::release);
    }

    static Stream<Arguments> runs() {
        return Stream.of(
                Arguments.of("equal sizes: one datagram", new int[] {1200, 1200, 1200, 1200}, "4x1200"),
                Arguments.of("a shorter last packet ends one", new int[] {1200, 1200, 300, 1200}, "3x1200 1x1200"),
                Arguments.of("a longer packet starts a new one", new int[] {800, 800, 1200, 1200}, "2x800 2x1200"),
                Arguments.of("two shorter ones in a row", new int[] {1200, 300, 300, 300}, "2x1200 2x300"),
                Arguments.of("a lone packet", new int[] {500}, "1x500"),
                Arguments.of("the byte limit", new int[] {30000, 30000, 30000}, "2x30000 1x30000"),
                Arguments.of("all different", new int[] {100, 200, 300, 400}, "1x100 1x200 1x300 1x400"));
    }

    /** Splits {@code sizes} into datagrams as {@link DatagramBatch#segmentEnd} does: "count x first-size". */
    @ParameterizedTest(name = "{0}")
    @MethodSource("runs")
    void segmentedDatagramsHaveOneSegmentSize(String name, int[] sizes, String expected) {
        ByteBuf[] packets = new ByteBuf[sizes.length];
        for (int i = 0; i < sizes.length; i++) {
            packets[i] = Unpooled.buffer(sizes[i]).writerIndex(sizes[i]);
        }
        List<String> runs = new ArrayList<>();
        for (int i = 0; i < sizes.length; ) {
            int end = DatagramBatch.segmentEnd(packets, i, sizes.length);
            assertThat(end).isGreaterThan(i);
            runs.add((end - i) + "x" + sizes[i]);
            i = end;
        }
        assertThat(String.join(" ", runs)).isEqualTo(expected);
    }

    @Test
    void aSegmentedDatagramNeverExceedsTheSegmentLimit() {
        ByteBuf[] packets = new ByteBuf[100];
        for (int i = 0; i < packets.length; i++) {
            packets[i] = Unpooled.buffer(100).writerIndex(100);
        }
        assertThat(DatagramBatch.segmentEnd(packets, 0, 100)).isEqualTo(DatagramBatch.MAX_SEGMENTS);
    }

    /** An RTP-like packet: its first byte is {@code id}, then {@code size - 1} more bytes. */
    private static ByteBuf packet(int id, int size) {
        ByteBuf b = Unpooled.directBuffer(size);
        b.writeByte(id);
        b.writeZero(size - 1);
        return b;
    }

    @Test
    void fullBatchesLeaveAsSegmentedDatagramsAndTheTailOnItsOwn() {
        EmbeddedChannel ch = new EmbeddedChannel();
        PacketWriter out = new PacketWriter(ch, null);
        DatagramBatch batch = new DatagramBatch(out, READER, 4, 1_000_000_000L);
        for (int id = 0; id < 12; id++) {
            batch.add(packet(id, id == 11 ? 100 : 1000), false);
        }
        batch.writeHeld();
        ch.runPendingTasks();
        List<Integer> ids = new ArrayList<>();
        int segmented = 0;
        Object m;
        while ((m = ch.readOutbound()) != null) {
            DatagramPacket d = (DatagramPacket) m;
            toRelease.add(d.content());
            assertThat(d.recipient()).isEqualTo(READER);
            if (d instanceof SegmentedDatagramPacket s) {
                segmented++;
                assertThat(s.segmentSize()).isEqualTo(1000);
                for (int off = 0; off < d.content().readableBytes(); off += 1000) {
                    ids.add((int) d.content().getByte(d.content().readerIndex() + off));
                }
            } else {
                ids.add((int) d.content().getByte(d.content().readerIndex()));
            }
        }
        assertThat(ids).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
        // 12 packets, whatever the phase of the first batch: at least two datagrams carry several.
        assertThat(segmented).isGreaterThanOrEqualTo(2);
        assertThat(batch.heldCount()).isZero();
        ch.finishAndReleaseAll();
    }

    @Test
    void aFrameEndWritesTheBatchAtOnce() {
        EmbeddedChannel ch = new EmbeddedChannel();
        DatagramBatch batch = new DatagramBatch(new PacketWriter(ch, null), READER, 64, 1_000_000_000L, 64);
        batch.add(packet(0, 1000), false);
        ByteBuf last = packet(1, 1000);
        last.setByte(1, 0x80 | 96); // marker bit: the last packet of a frame
        batch.add(last, true);
        assertThat(batch.heldCount()).isZero();
        ch.runPendingTasks();
        Object m = ch.readOutbound();
        assertThat(m).isInstanceOf(SegmentedDatagramPacket.class);
        toRelease.add(((DatagramPacket) m).content());
        assertThat(((DatagramPacket) m).content().readableBytes()).isEqualTo(2000);
        ch.finishAndReleaseAll();
    }

    @Test
    void aFailedSegmentedSendIsResentOnePacketAtATimeAndSegmentingStops() {
        List<DatagramPacket> sent = new ArrayList<>();
        EmbeddedChannel ch = new EmbeddedChannel(new ChannelOutboundHandlerAdapter() {
            @Override
            public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
                if (msg instanceof SegmentedDatagramPacket s) {
                    // As a device that cannot segment: sendmsg fails with EIO.
                    s.release();
                    promise.setFailure(new IOException("sendmsg(..) failed: Input/output error"));
                    return;
                }
                sent.add((DatagramPacket) msg);
                promise.setSuccess();
            }
        });
        PacketWriter out = new PacketWriter(ch, null);
        DatagramBatch batch = new DatagramBatch(out, READER, 8, 1_000_000_000L);
        for (int id = 0; id < 8; id++) {
            batch.add(packet(id, 1200), false);
        }
        batch.writeHeld();
        ch.runPendingTasks();
        // After the failure: no holding any more, every packet on its own.
        batch.add(packet(8, 1200), false);
        assertThat(batch.heldCount()).isZero();
        ch.runPendingTasks();
        ch.flush();
        List<Integer> ids = new ArrayList<>();
        for (DatagramPacket d : sent) {
            toRelease.add(d.content());
            assertThat(d.content().readableBytes()).isEqualTo(1200);
            ids.add((int) d.content().getByte(d.content().readerIndex()));
        }
        assertThat(ids).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8);
        ch.finishAndReleaseAll();
    }
}
