package io.rtsp4j.sdp.format;

import java.util.Objects;

/** Payload type storage and wire-form equality shared by the formats. */
abstract class BaseFormat implements MediaFormat {

    private final int payloadType;

    BaseFormat(int payloadType) {
        if (payloadType < 0 || payloadType > 127) {
            throw new IllegalArgumentException("payload type out of range: " + payloadType);
        }
        this.payloadType = payloadType;
    }

    @Override
    public final int payloadType() {
        return payloadType;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || o.getClass() != getClass()) {
            return false;
        }
        MediaFormat other = (MediaFormat) o;
        return payloadType == other.payloadType() && clockRate() == other.clockRate()
                && Objects.equals(rtpMap(), other.rtpMap()) && Objects.equals(fmtpValue(), other.fmtpValue());
    }

    @Override
    public int hashCode() {
        return Objects.hash(getClass(), payloadType, rtpMap(), fmtpValue());
    }

    @Override
    public String toString() {
        String fmtp = fmtpValue();
        return codec() + "[" + payloadType + (rtpMap() != null ? " " + rtpMap() : "")
                + (fmtp != null ? "; " + fmtp : "") + "]";
    }
}
