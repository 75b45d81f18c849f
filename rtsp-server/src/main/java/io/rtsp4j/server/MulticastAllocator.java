package io.rtsp4j.server;

import java.net.Inet4Address;

/**
 * Hands out multicast groups from the configured range, one per stream media, in order (the first is the
 * network address + 1), wrapping around inside the range.
 */
final class MulticastAllocator {

    private final RtspServerConfig config;
    private int next;

    MulticastAllocator(RtspServerConfig config) {
        this.config = config;
        this.next = config.multicastEnabled() ? RtspServerConfig.MulticastRange.toInt(config.multicastRange().network()) : 0;
    }

    synchronized ServerStream.MulticastAddress allocate() {
        RtspServerConfig.MulticastRange range = config.multicastRange();
        int mask = range.mask();
        int net = RtspServerConfig.MulticastRange.toInt(range.network());
        int candidate = net | ((next + 1) & ~mask);
        if (candidate == net && mask != -1) {
            candidate = net | 1;
        }
        next = candidate;
        Inet4Address group = RtspServerConfig.MulticastRange.fromInt(candidate);
        return new ServerStream.MulticastAddress(group, config.multicastRtpPort(), config.multicastRtcpPort());
    }
}
