package io.rtsp4j.examples.bench;

import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import java.net.InetSocketAddress;
import java.util.Map;

/**
 * What the publisher and readers of one run share.
 *
 * @param options the options
 * @param readerGroup the readers' event loops
 * @param shards the statistics of each reader loop
 * @param serverAddress the server's RTSP address
 * @param runId marks this run's packets (another publisher's packets on the path are not counted)
 * @param epochNanos {@link System#nanoTime()} origin of the send timestamps
 * @param windowStart first sequence number of the measured window
 * @param windowEnd sequence number after the window (also the number of packets the publisher sends)
 */
record BenchContext(BenchOptions options, EventLoopGroup readerGroup, Map<EventLoop, ReaderShard> shards,
        InetSocketAddress serverAddress, int runId, long epochNanos, long windowStart, long windowEnd) {

    ReaderShard shard(EventLoop loop) {
        ReaderShard s = shards.get(loop);
        if (s == null) {
            throw new IllegalStateException("no statistics for event loop " + loop);
        }
        return s;
    }
}
