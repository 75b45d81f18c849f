package io.rtsp4j.examples.bench;

import java.util.Locale;

/**
 * The few parameters the bench reads from the {@code Transport} header of a SETUP response (RFC 2326 §12.39):
 * {@code interleaved}, {@code server_port}, {@code destination} and {@code port}. Only the first transport
 * spec is read (a response carries one).
 *
 * @param interleaved RTP interleaved channel, or -1
 * @param serverRtpPort RTP port of {@code server_port}, or -1
 * @param serverRtcpPort RTCP port of {@code server_port}, or -1
 * @param destination {@code destination} address, or {@code null}
 * @param rtpPort RTP port of {@code port} (multicast), or -1
 * @param rtcpPort RTCP port of {@code port}, or -1
 */
record TransportParams(int interleaved, int serverRtpPort, int serverRtcpPort, String destination, int rtpPort,
        int rtcpPort) {

    /**
     * Parses a Transport header value.
     *
     * @param header the value
     * @return the parameters
     * @throws IllegalArgumentException when a port or channel is not a number
     */
    static TransportParams parse(String header) {
        int interleaved = -1;
        int[] serverPorts = {-1, -1};
        int[] ports = {-1, -1};
        String destination = null;
        String first = header.split(",", 2)[0];
        for (String part : first.split(";")) {
            String p = part.trim();
            int eq = p.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String key = p.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            String value = p.substring(eq + 1).trim();
            switch (key) {
                case "interleaved" -> interleaved = range(key, value)[0];
                case "server_port" -> serverPorts = range(key, value);
                case "port" -> ports = range(key, value);
                case "destination" -> destination = value.startsWith("\"") && value.endsWith("\"")
                        && value.length() >= 2 ? value.substring(1, value.length() - 1) : value;
                default -> { }
            }
        }
        return new TransportParams(interleaved, serverPorts[0], serverPorts[1], destination, ports[0], ports[1]);
    }

    /** {@code a} or {@code a-b}; b defaults to a + 1. */
    private static int[] range(String key, String value) {
        String[] ab = value.split("-", 2);
        try {
            int a = Integer.parseInt(ab[0].trim());
            int b = ab.length > 1 ? Integer.parseInt(ab[1].trim()) : a + 1;
            if (a < 0 || b < 0 || a > 65535 || b > 65535) {
                throw new IllegalArgumentException("Transport " + key + " out of range: '" + value + "'");
            }
            return new int[] {a, b};
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Transport " + key + " is not a number or range: '" + value + "'");
        }
    }
}
