package io.rtsp4j.examples.e2e;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where the relay and the tools of one worker run: a network namespace made by the test (so multicast never
 * leaves it and fixed ports cannot clash with anything on the machine), or, when {@code ip netns} is not
 * available (not root), the host's loopback with free ports and no multicast.
 *
 * <p>The namespace gets only {@code lo}, up with multicast on and a route for 224.0.0.0/4, as the project's
 * network rule requires.
 */
final class NetSandbox implements AutoCloseable {

    private static final String PREFIX = "rtsp4j-e2e-";
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final String netns;

    private NetSandbox(String netns) {
        this.netns = netns;
    }

    /** Why namespaces cannot be used here, or null when they can. */
    static String netnsUnavailableReason() {
        if (!E2eTools.onPath("ip")) {
            return "the 'ip' command is missing (Debian package iproute2)";
        }
        String probe = PREFIX + "probe-" + ProcessHandle.current().pid();
        int rc = E2eTools.exitCode(List.of("ip", "netns", "add", probe));
        if (rc != 0) {
            return "'ip netns add' failed (exit " + rc + "): creating network namespaces needs root";
        }
        E2eTools.exitCode(List.of("ip", "netns", "del", probe));
        return null;
    }

    /** Deletes namespaces left by earlier test JVMs that were killed before they could clean up. */
    static void deleteStale() {
        for (String line : E2eTools.run(List.of("ip", "netns", "list")).split("\n")) {
            String name = line.strip().split(" ")[0];
            if (!name.startsWith(PREFIX)) {
                continue;
            }
            String[] parts = name.substring(PREFIX.length()).split("-");
            try {
                long pid = Long.parseLong(parts[parts.length - 2]);
                if (ProcessHandle.of(pid).isEmpty()) {
                    E2eTools.exitCode(List.of("ip", "netns", "del", name));
                }
            } catch (RuntimeException e) {
                // not one of ours after all
            }
        }
    }

    /** A fresh namespace with loopback up, multicast on and the multicast route. */
    static NetSandbox namespace(String tag) {
        String name = PREFIX + tag + "-" + ProcessHandle.current().pid() + "-" + COUNTER.incrementAndGet();
        check(List.of("ip", "netns", "add", name));
        NetSandbox box = new NetSandbox(name);
        try {
            check(List.of("ip", "-n", name, "link", "set", "dev", "lo", "up", "multicast", "on"));
            check(List.of("ip", "-n", name, "route", "add", "224.0.0.0/4", "dev", "lo", "src", "127.0.0.1"));
        } catch (RuntimeException e) {
            box.close();
            throw e;
        }
        return box;
    }

    /** The host's loopback: free ports, no multicast. */
    static NetSandbox host() {
        return new NetSandbox(null);
    }

    private static void check(List<String> command) {
        int rc = E2eTools.exitCode(command);
        if (rc != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed with exit " + rc);
        }
    }

    boolean isNamespace() {
        return netns != null;
    }

    boolean supportsMulticast() {
        return netns != null;
    }

    String name() {
        return netns == null ? "host" : netns;
    }

    /** The command run inside the sandbox. */
    List<String> wrap(List<String> command) {
        if (netns == null) {
            return command;
        }
        List<String> out = new ArrayList<>(List.of("ip", "netns", "exec", netns));
        out.addAll(command);
        return out;
    }

    /**
     * A TCP port for a listener: fixed inside a namespace (nothing else lives there), a free one on the host.
     */
    int tcpPort(int preferred) {
        if (netns != null) {
            return preferred;
        }
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free TCP port", e);
        }
    }

    /** An even UDP port whose successor is free too (RTP/RTCP pair). */
    int udpPortPair(int preferred) {
        if (netns != null) {
            return preferred;
        }
        for (int attempt = 0; attempt < 50; attempt++) {
            try (DatagramSocket a = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
                int p = a.getLocalPort() & ~1;
                if (p < 1024 || p > 65530) {
                    continue;
                }
                a.close();
                try (DatagramSocket rtp = new DatagramSocket(new InetSocketAddress(p));
                        DatagramSocket rtcp = new DatagramSocket(new InetSocketAddress(p + 1))) {
                    return p;
                } catch (IOException busy) {
                    // try another pair
                }
            } catch (IOException e) {
                throw new IllegalStateException("no free UDP port", e);
            }
        }
        throw new IllegalStateException("no free UDP port pair");
    }

    @Override
    public void close() {
        if (netns != null) {
            E2eTools.exitCode(List.of("ip", "netns", "del", netns));
        }
    }

    @Override
    public String toString() {
        return name();
    }
}
