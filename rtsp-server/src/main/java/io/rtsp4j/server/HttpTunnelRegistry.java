package io.rtsp4j.server;

import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * HTTP tunnel GETs waiting for their POST, by {@code x-sessioncookie}. A POST joins the GET with its cookie (and,
 * unless {@link RtspServerConfig#tunnelPairingChecksIp()} is off, from the same IP address); a GET that is not
 * joined within {@link RtspServerConfig#tunnelPairingTimeout()} is closed. Each cookie pairs once: a second GET
 * with a waiting cookie, and a POST with no (or no longer a) waiting GET, are refused. Thread-safe.
 */
final class HttpTunnelRegistry {

    /** A GET waiting for its POST. */
    private record Waiting(InetAddress ip, HttpTunnelInput input) {
    }

    private final ConcurrentHashMap<String, Waiting> waiting = new ConcurrentHashMap<>();

    /**
     * Registers a GET. Its connection is closed when no POST joins it in time, and it leaves the registry when
     * its connection closes.
     *
     * @return false when a GET with this cookie is already waiting (the new one must be refused)
     */
    boolean register(String cookie, InetAddress ip, HttpTunnelInput input) {
        Waiting w = new Waiting(ip, input);
        if (waiting.putIfAbsent(cookie, w) != null) {
            return false;
        }
        ServerConnection conn = input.connection();
        conn.channel.closeFuture().addListener(f -> waiting.remove(cookie, w));
        Duration timeout = conn.server.config().tunnelPairingTimeout();
        conn.channel.eventLoop().schedule(() -> {
            if (waiting.remove(cookie, w)) {
                conn.close(new RtspServerException("HTTP tunnel: no POST with x-sessioncookie '" + cookie
                        + "' within " + timeout.toMillis() + " ms of the GET"));
            }
        }, timeout.toNanos(), TimeUnit.NANOSECONDS);
        return true;
    }

    /**
     * Takes the GET a POST joins.
     *
     * @param checkIp whether the POST must come from the GET's IP address
     * @return the GET's input, or {@code null} when none with this cookie (and address) is waiting
     */
    HttpTunnelInput join(String cookie, InetAddress ip, boolean checkIp) {
        Waiting w = waiting.get(cookie);
        if (w == null || (checkIp && !w.ip().equals(ip))) {
            // A POST from elsewhere must not be able to end someone else's waiting GET: it stays.
            return null;
        }
        return waiting.remove(cookie, w) ? w.input() : null;
    }
}
