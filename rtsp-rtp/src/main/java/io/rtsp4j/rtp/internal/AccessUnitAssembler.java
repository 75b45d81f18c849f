package io.rtsp4j.rtp.internal;

import io.rtsp4j.rtp.codec.RtpCodecException;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the NAL units (or OBUs) of one access unit until the marker bit, with limits on their number and total
 * size. A packet with another timestamp also completes the pending unit: some cameras (FLIR M400, mediamtx issue
 * 3945) never set the marker bit.
 */
public final class AccessUnitAssembler {

    private final String partName;
    private final int maxParts;
    private final int maxSize;
    private List<byte[]> parts = new ArrayList<>();
    private int size;
    private int timestamp;

    /**
     * Creates an assembler.
     *
     * @param partName the name of a part in error messages ("NALU", "OBU")
     * @param maxParts the maximum number of parts per unit
     * @param maxSize the maximum unit size in bytes
     */
    public AccessUnitAssembler(String partName, int maxParts, int maxSize) {
        this.partName = partName;
        this.maxParts = maxParts;
        this.maxSize = maxSize;
    }

    /**
     * If a unit is pending and {@code timestamp} differs from its timestamp, hands the pending unit out: it is
     * complete although its marker was never seen.
     *
     * @param timestamp the timestamp of the packet being processed
     * @return the pending unit, or null
     */
    public List<byte[]> takeIfTimestampChanged(long timestamp) {
        if (parts.isEmpty() || (int) timestamp == this.timestamp) {
            return null;
        }
        return take();
    }

    /**
     * Adds the parts of one packet.
     *
     * @param newParts the parts
     * @param timestamp the packet's timestamp
     * @throws RtpCodecException if a limit is exceeded (the pending unit is discarded)
     */
    public void add(List<byte[]> newParts, long timestamp) throws RtpCodecException {
        int count = parts.size() + newParts.size();
        if (count > maxParts) {
            clear();
            throw new RtpCodecException(RtpCodecException.Reason.TOO_LARGE,
                    partName + " count (" + count + ") exceeds maximum allowed (" + maxParts + ")");
        }
        long newSize = size + (long) Bytes.totalLength(newParts);
        if (newSize > maxSize) {
            clear();
            throw new RtpCodecException(RtpCodecException.Reason.TOO_LARGE,
                    "access unit size (" + newSize + ") is too big, maximum is " + maxSize);
        }
        parts.addAll(newParts);
        size = (int) newSize;
        this.timestamp = (int) timestamp;
    }

    /**
     * Whether a unit is pending.
     *
     * @return true if parts are held
     */
    public boolean isEmpty() {
        return parts.isEmpty();
    }

    /**
     * Hands the pending unit out and starts a new one.
     *
     * @return the parts
     */
    public List<byte[]> take() {
        List<byte[]> out = parts;
        parts = new ArrayList<>();
        size = 0;
        return out;
    }

    /** Discards the pending unit. */
    public void clear() {
        parts = new ArrayList<>();
        size = 0;
    }
}
