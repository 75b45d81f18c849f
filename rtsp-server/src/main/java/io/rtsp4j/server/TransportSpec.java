package io.rtsp4j.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One alternative of a SETUP {@code Transport} header, as the server needs it to negotiate (RFC 2326 §12.39),
 * and the server's answer.
 */
final class TransportSpec {

    TransportProtocol protocol;
    TransportProfile profile = TransportProfile.AVP;
    boolean multicast;
    int[] clientPorts;
    int[] interleaved;
    int[] ports;
    String destination;
    Integer ttl;
    /** {@code null} (absent), {@code "play"} or {@code "record"} ({@code receive} is read as record). */
    String mode;

    /**
     * Parses the comma-separated alternatives of a Transport header.
     *
     * @throws IllegalArgumentException with a message saying what is wrong
     */
    static List<TransportSpec> parseList(String header) {
        if (header == null || header.isBlank()) {
            throw new IllegalArgumentException("Transport header is missing");
        }
        List<TransportSpec> out = new ArrayList<>();
        for (String alt : header.split(",")) {
            if (!alt.isBlank()) {
                out.add(parse(alt.trim()));
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("Transport header is empty");
        }
        return out;
    }

    static TransportSpec parse(String value) {
        String[] parts = value.split(";");
        TransportSpec t = new TransportSpec();
        String proto = parts[0].trim().toUpperCase(Locale.ROOT);
        switch (proto) {
            case "RTP/AVP", "RTP/AVP/UDP" -> t.protocol = TransportProtocol.UDP;
            case "RTP/AVP/TCP" -> t.protocol = TransportProtocol.TCP;
            case "RTP/SAVP", "RTP/SAVP/UDP" -> {
                t.protocol = TransportProtocol.UDP;
                t.profile = TransportProfile.SAVP;
            }
            case "RTP/SAVP/TCP" -> {
                t.protocol = TransportProtocol.TCP;
                t.profile = TransportProfile.SAVP;
            }
            default -> throw new IllegalArgumentException("unsupported transport protocol '" + parts[0].trim() + "'");
        }
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].trim();
            if (p.isEmpty()) {
                continue;
            }
            int eq = p.indexOf('=');
            String key = (eq < 0 ? p : p.substring(0, eq)).trim().toLowerCase(Locale.ROOT);
            String val = eq < 0 ? "" : p.substring(eq + 1).trim();
            switch (key) {
                case "unicast" -> t.multicast = false;
                case "multicast" -> t.multicast = true;
                case "client_port" -> t.clientPorts = ports(key, val);
                case "interleaved" -> t.interleaved = ports(key, val);
                case "port" -> t.ports = ports(key, val);
                case "destination" -> t.destination = val.isEmpty() ? null : val;
                case "ttl" -> {
                    try {
                        t.ttl = Integer.parseInt(val);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("invalid ttl '" + val + "'");
                    }
                }
                case "mode" -> {
                    String m = val.replace("\"", "").toLowerCase(Locale.ROOT);
                    if (m.equals("play")) {
                        t.mode = "play";
                    } else if (m.equals("record") || m.equals("receive")) {
                        t.mode = "record";
                    } else {
                        throw new IllegalArgumentException("invalid transport mode '" + val + "'");
                    }
                }
                default -> {
                    // server_port, ssrc, source, append, layers...: not needed to negotiate.
                }
            }
        }
        if (t.multicast && t.protocol == TransportProtocol.UDP) {
            t.protocol = TransportProtocol.UDP_MULTICAST;
        }
        return t;
    }

    private static int[] ports(String key, String val) {
        try {
            int dash = val.indexOf('-');
            if (dash < 0) {
                int a = Integer.parseInt(val);
                check(key, a);
                return new int[] {a, a + 1};
            }
            int a = Integer.parseInt(val.substring(0, dash).trim());
            int b = Integer.parseInt(val.substring(dash + 1).trim());
            check(key, a);
            check(key, b);
            return new int[] {a, b};
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid " + key + " '" + val + "'");
        }
    }

    private static void check(String key, int v) {
        int max = key.equals("interleaved") ? 255 : 65535;
        if (v < 0 || v > max) {
            throw new IllegalArgumentException(key + " value " + v + " out of range");
        }
    }

    static String profileToken(TransportProtocol protocol, TransportProfile profile) {
        String base = profile == TransportProfile.SAVP ? "RTP/SAVP" : "RTP/AVP";
        return protocol == TransportProtocol.TCP ? base + "/TCP" : base;
    }
}
