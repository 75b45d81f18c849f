package io.rtsp4j.sdp.description;

/** The direction attribute of a media (RFC 8866 §6.7), seen from the side that wrote the SDP. */
public enum Direction {
    /** {@code a=sendrecv}. */
    SENDRECV("sendrecv"),
    /** {@code a=sendonly}; on an RTSP DESCRIBE answer, an ONVIF audio back channel. */
    SENDONLY("sendonly"),
    /** {@code a=recvonly}. */
    RECVONLY("recvonly"),
    /** {@code a=inactive}. */
    INACTIVE("inactive");

    private final String attribute;

    Direction(String attribute) {
        this.attribute = attribute;
    }

    /**
     * The attribute name.
     *
     * @return for example {@code "sendonly"}
     */
    public String attribute() {
        return attribute;
    }

    /**
     * The direction named by an attribute.
     *
     * @param key an attribute name
     * @return the direction, or {@code null} when the name is not a direction
     */
    public static Direction fromAttribute(String key) {
        for (Direction d : values()) {
            if (d.attribute.equals(key)) {
                return d;
            }
        }
        return null;
    }
}
