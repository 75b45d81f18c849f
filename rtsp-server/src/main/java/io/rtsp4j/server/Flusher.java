package io.rtsp4j.server;

import io.netty.channel.Channel;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Coalesces flushes of a channel: packets are written without flushing, and one flush runs on the channel's
 * event loop after everything written in the current loop iteration, so that many packets leave in one syscall
 * (one {@code writev}/{@code sendmmsg}) instead of one each.
 */
final class Flusher implements Runnable {

    private final Channel channel;
    private final AtomicBoolean scheduled = new AtomicBoolean();

    Flusher(Channel channel) {
        this.channel = channel;
    }

    void request() {
        if (!scheduled.get() && scheduled.compareAndSet(false, true)) {
            channel.eventLoop().execute(this);
        }
    }

    @Override
    public void run() {
        scheduled.set(false);
        channel.flush();
    }
}
