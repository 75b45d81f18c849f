package io.rtsp4j.sdp.format;

import java.util.Map;
import java.util.Objects;

/** Payload type storage and wire-form equality shared by the formats. */
abstract class BaseFormat implements MediaFormat {

    private final int payloadType;
    // the written parameters, computed once: formats are immutable and equality compares them
    private volatile Map<String, String> fmtp;
    private volatile String fmtpValue;

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
    public Map<String, String> fmtp() {
        Map<String, String> m = fmtp;
        if (m == null) {
            m = computeFmtp();
            fmtp = m;
        }
        return m;
    }

    @Override
    public final String fmtpValue() {
        String v = fmtpValue;
        if (v == null) {
            v = computeFmtpValue();
            fmtpValue = v == null ? "" : v;
        }
        return v == null || v.isEmpty() ? null : v;
    }

    /** The fmtp parameters of this format, sorted by name (see {@link Fmtp#sorted}). */
    abstract Map<String, String> computeFmtp();

    /** The fmtp text; by default the parameters joined with {@code "; "}. */
    String computeFmtpValue() {
        Map<String, String> m = fmtp();
        return m.isEmpty() ? null : Fmtp.join(m);
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
