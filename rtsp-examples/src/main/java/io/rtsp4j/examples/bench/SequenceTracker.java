package io.rtsp4j.examples.bench;

/**
 * Counts the bench packets one reader receives inside the measured window {@code [windowStart, windowEnd)} of
 * sequence numbers: received packets, gaps (jumps forward over missing numbers), packets arriving late (after a
 * higher number) and duplicates of the highest number. Single-threaded, no allocation.
 */
final class SequenceTracker {

    private final long windowStart;
    private final long windowEnd;
    private long highest = -1;
    private long received;
    private long gaps;
    private long missingInGaps;
    private long late;
    private long duplicates;

    /**
     * Creates a tracker.
     *
     * @param windowStart first sequence number of the window
     * @param windowEnd sequence number after the window
     */
    SequenceTracker(long windowStart, long windowEnd) {
        this.windowStart = windowStart;
        this.windowEnd = windowEnd;
    }

    /**
     * Accounts one packet.
     *
     * @param seq its sequence number
     * @return whether it is a new packet inside the window (its latency should be recorded)
     */
    boolean onPacket(long seq) {
        boolean inWindow = seq >= windowStart && seq < windowEnd;
        if (seq > highest) {
            long from = Math.max(highest + 1, windowStart);
            long to = Math.min(seq, windowEnd);
            if (to > from) {
                gaps++;
                missingInGaps += to - from;
            }
            highest = seq;
        } else if (seq == highest) {
            if (inWindow) {
                duplicates++;
            }
            return false;
        } else if (inWindow) {
            late++;
        }
        if (inWindow) {
            received++;
        }
        return inWindow;
    }

    /** Whether the last packet of the window (or a later one) arrived. */
    boolean complete() {
        return highest >= windowEnd - 1;
    }

    long received() {
        return received;
    }

    long gaps() {
        return gaps;
    }

    long missingInGaps() {
        return missingInGaps;
    }

    long late() {
        return late;
    }

    long duplicates() {
        return duplicates;
    }

    long highest() {
        return highest;
    }
}
