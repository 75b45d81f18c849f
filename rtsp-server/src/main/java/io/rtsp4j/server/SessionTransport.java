package io.rtsp4j.server;

import java.util.Objects;

/**
 * The transport a session negotiated in its first SETUP; every later SETUP of the session must use the same.
 *
 * @param protocol UDP, multicast or TCP
 * @param profile AVP or SAVP
 */
public record SessionTransport(TransportProtocol protocol, TransportProfile profile) {
    /**
     * Validates the components.
     *
     * @param protocol UDP, multicast or TCP
     * @param profile AVP or SAVP
     */
    public SessionTransport {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(profile, "profile");
    }
}
