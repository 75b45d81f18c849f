package io.rtsp4j.sdp;

import java.util.Objects;

/**
 * The origin line ({@code o=}) of a session description.
 *
 * <p>Session id and version are unsigned 64-bit values stored in a {@code long} (use
 * {@link Long#toUnsignedString(long)}): cameras send values above 2<sup>63</sup>. The reader normalises
 * hexadecimal ({@code 0xAC4EC96E}, {@code 103bdb6f}), negative and fractional ids.
 *
 * @param username the user name; may contain spaces; {@code ""} when missing
 * @param sessionId the session id (unsigned)
 * @param sessionVersion the session version (unsigned)
 * @param networkType the network type, {@code "IN"}; {@code ""} when the line has no network part
 * @param addressType {@code "IP4"} or {@code "IP6"}; {@code ""} when the line has no network part
 * @param unicastAddress the address of the originating host; {@code ""} when missing
 */
public record Origin(String username, long sessionId, long sessionVersion, String networkType,
                     String addressType, String unicastAddress) {

    /**
     * Validates the components.
     *
     * @param username the user name
     * @param sessionId the session id
     * @param sessionVersion the session version
     * @param networkType the network type
     * @param addressType the address type
     * @param unicastAddress the address
     */
    public Origin {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(networkType, "networkType");
        Objects.requireNonNull(addressType, "addressType");
        Objects.requireNonNull(unicastAddress, "unicastAddress");
    }

    /**
     * The origin servers usually send: {@code o=- <id> <version> IN IP4 <address>}.
     *
     * @param sessionId the session id (unsigned)
     * @param sessionVersion the session version (unsigned)
     * @param address the IPv4 address of the host
     * @return the origin
     */
    public static Origin of(long sessionId, long sessionVersion, String address) {
        return new Origin("-", sessionId, sessionVersion, "IN", "IP4", address);
    }
}
