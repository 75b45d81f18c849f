package io.rtsp4j.server;

import java.net.Inet4Address;

/**
 * Hands out multicast groups from the configured range, one per stream media, in order (the first is the
 * network address + 1), wrapping around inside the range. Groups carrying SRTP get the SRTP multicast ports when
 * configured apart; the addresses are drawn from one sequence either way.
 */
final class MulticastAllocator {

    private final RtspServerConfig config;
    private int next;

    MulticastAllocator(RtspServerConfig config) {
        this.config = config;
        this.next = config.multicastEnabled() ? RtspServerConfig.MulticastRange.toInt(config.multicastRange().network()) : 0;
    }

    /**
     * The next group, with the SRTP multicast ports for a group carrying SRTP when they are configured apart, else
     * the plain ones.
     */
    synchronized ServerStream.MulticastAddress allocate(boolean secure) {
        RtspServerConfig.MulticastRange range = config.multicastRange();
        int mask = range.mask();
        int net = RtspServerConfig.MulticastRange.toInt(range.network());
        int candidate = net | ((next + 1) & ~mask);
        if (candidate == net && mask != -1) {
            candidate = net | 1;
        }
        next = candidate;
        Inet4Address group = RtspServerConfig.MulticastRange.fromInt(candidate);
        if (secure && config.multicastSrtpRtpPort() != 0) {
            return new ServerStream.MulticastAddress(group, config.multicastSrtpRtpPort(),
                    config.multicastSrtpRtcpPort());
        }
        return new ServerStream.MulticastAddress(group, config.multicastRtpPort(), config.multicastRtcpPort());
    }
}
