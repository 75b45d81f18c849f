package io.rtsp4j.rtp.internal;

import io.netty.buffer.ByteBuf;
import io.rtsp4j.rtp.codec.RtpCodecException;
import io.rtsp4j.rtp.codec.RtpCodecException.Reason;

/**
 * Reassembly of a unit split across consecutive packets: a start, continuations with consecutive sequence numbers
 * and a size limit. Not thread-safe.
 */
public final class FragmentedUnitDepacketizerSupport {

    private final String unitName;
    private final int maxSize;
    private final ByteAccumulator fragments = new ByteAccumulator();
    private int nextSequenceNumber;
    private boolean started;

    /**
     * Creates the helper.
     *
     * @param unitName name of the unit in error messages ("frame")
     * @param maxSize the maximum unit size in bytes
     */
    public FragmentedUnitDepacketizerSupport(String unitName, int maxSize) {
        this.unitName = unitName;
        this.maxSize = maxSize;
    }

    /**
     * Whether a unit is being reassembled.
     *
     * @return true if fragments are held
     */
    public boolean inProgress() {
        return started;
    }

    /**
     * Starts a new unit with a first fragment (discarding any unfinished one).
     *
     * @param payload the payload holding the fragment
     * @param from offset of the fragment from the payload's reader index
     * @param length fragment length
     * @param sequenceNumber the packet's sequence number
     * @throws RtpCodecException if the fragment exceeds the size limit
     */
    public void start(ByteBuf payload, int from, int length, int sequenceNumber) throws RtpCodecException {
        fragments.clear();
        started = false;
        checkSize(length);
        fragments.append(payload, from, length);
        nextSequenceNumber = (sequenceNumber + 1) & 0xFFFF;
        started = true;
    }

    /**
     * Appends a continuation fragment.
     *
     * @param payload the payload holding the fragment
     * @param from offset of the fragment from the payload's reader index
     * @param length fragment length
     * @param sequenceNumber the packet's sequence number, which must follow the previous one
     * @throws RtpCodecException on a sequence gap or when the unit exceeds the size limit (the unit is dropped)
     */
    public void append(ByteBuf payload, int from, int length, int sequenceNumber) throws RtpCodecException {
        if (sequenceNumber != nextSequenceNumber) {
            reset();
            throw new RtpCodecException(Reason.PACKET_LOST, "discarding frame since a RTP packet is missing");
        }
        checkSize(fragments.size() + (long) length);
        fragments.append(payload, from, length);
        nextSequenceNumber = (nextSequenceNumber + 1) & 0xFFFF;
    }

    /**
     * The number of bytes held.
     *
     * @return the size
     */
    public int size() {
        return fragments.size();
    }

    /**
     * Hands the unit out and resets.
     *
     * @return the reassembled bytes
     */
    public byte[] finish() {
        byte[] out = fragments.toByteArray();
        reset();
        return out;
    }

    /** Drops any unfinished unit. */
    public void reset() {
        fragments.clear();
        started = false;
    }

    private void checkSize(long size) throws RtpCodecException {
        if (size > maxSize) {
            reset();
            throw new RtpCodecException(Reason.TOO_LARGE, unitName + " size (" + size + ") is too big, maximum is "
                    + maxSize);
        }
    }
}
