package io.rtsp4j.sdp;

import java.util.Objects;

/**
 * A connection line ({@code c=}).
 *
 * @param networkType the network type, always {@code "IN"} after reading
 * @param addressType {@code "IP4"} or {@code "IP6"} ({@code IPV4}, a missing type and the like are
 *     normalised by the reader)
 * @param address the address as written, keeping a multicast {@code /ttl[/count]} suffix;
 *     {@code ""} when the line has none
 */
public record Connection(String networkType, String addressType, String address) {

    /**
     * Validates the components.
     *
     * @param networkType the network type
     * @param addressType the address type
     * @param address the address
     */
    public Connection {
        Objects.requireNonNull(networkType, "networkType");
        Objects.requireNonNull(addressType, "addressType");
        Objects.requireNonNull(address, "address");
    }

    /**
     * An IPv4 connection line {@code c=IN IP4 <address>}.
     *
     * @param address the address, with {@code /ttl} for multicast
     * @return the connection
     */
    public static Connection ip4(String address) {
        return new Connection("IN", "IP4", address);
    }

    /**
     * The address without the multicast {@code /ttl} and {@code /count} suffixes.
     *
     * @return the host part of {@link #address()}
     */
    public String host() {
        int slash = address.indexOf('/');
        return slash < 0 ? address : address.substring(0, slash);
    }

    /**
     * Whether the address is an IPv4 (224.0.0.0/4) or IPv6 ({@code ff00::/8}) multicast address.
     *
     * @return {@code true} for a multicast address
     */
    public boolean isMulticast() {
        String host = host();
        if (host.regionMatches(true, 0, "ff", 0, 2) && host.indexOf(':') > 0) {
            return true;
        }
        int dot = host.indexOf('.');
        if (dot <= 0 || dot > 3) {
            return false;
        }
        for (int i = 0; i < dot; i++) {
            if (host.charAt(i) < '0' || host.charAt(i) > '9') {
                return false;
            }
        }
        int first = Integer.parseInt(host, 0, dot, 10);
        return first >= 224 && first <= 239;
    }
}
