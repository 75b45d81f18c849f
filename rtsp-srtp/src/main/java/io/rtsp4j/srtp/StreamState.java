package io.rtsp4j.srtp;

/**
 * Per-SSRC state of a context: the RTP packet index (rollover counter and highest sequence number) with its
 * replay window, the SRTCP index to send next, and the SRTCP replay window.
 */
final class StreamState {

    /** {@link #estimateRtpIndex(int)}: the guessed rollover counter would be below 0. */
    static final long INDEX_BEFORE_START = -1;
    /** {@link #estimateRtpIndex(int)}: the guessed rollover counter would pass 2^32 - 1. */
    static final long INDEX_EXHAUSTED = -2;

    private static final long MAX_ROC = 0xFFFF_FFFFL;

    final int ssrc;
    private final long initialRoc;
    private final int windowSize;
    final ReplayWindow rtpWindow;
    private ReplayWindow rtcpWindow;
    long nextSrtcpIndex;

    StreamState(int ssrc, long initialRoc, int windowSize) {
        this.ssrc = ssrc;
        this.initialRoc = initialRoc;
        this.windowSize = windowSize;
        this.rtpWindow = new ReplayWindow(windowSize);
    }

    /**
     * Guesses the 48-bit packet index of a sequence number (RFC 3711 §3.3.1): the rollover counter of the
     * highest index so far, minus one for a late packet from before the last wrap, plus one for a packet
     * after the next wrap.
     *
     * @param seq the RTP sequence number
     * @return the index, or {@link #INDEX_BEFORE_START} / {@link #INDEX_EXHAUSTED}
     */
    long estimateRtpIndex(int seq) {
        if (!rtpWindow.started()) {
            return (initialRoc << 16) | seq;
        }
        long highest = rtpWindow.highest();
        long roc = highest >>> 16;
        int highestSeq = (int) (highest & 0xFFFF);
        long guess;
        if (highestSeq < 0x8000) {
            guess = seq - highestSeq > 0x8000 ? roc - 1 : roc;
        } else {
            guess = highestSeq - 0x8000 > seq ? roc + 1 : roc;
        }
        if (guess < 0) {
            return INDEX_BEFORE_START;
        }
        if (guess > MAX_ROC) {
            return INDEX_EXHAUSTED;
        }
        return (guess << 16) | seq;
    }

    /**
     * The rollover counter of the highest accepted index, or the announced one before the first packet.
     *
     * @return the ROC
     */
    long rolloverCounter() {
        return rtpWindow.started() ? rtpWindow.highest() >>> 16 : initialRoc;
    }

    /**
     * The SRTCP replay window, created on first use (sending contexts never need one).
     *
     * @return the window
     */
    ReplayWindow rtcpWindow() {
        if (rtcpWindow == null) {
            rtcpWindow = new ReplayWindow(windowSize);
        }
        return rtcpWindow;
    }

    /**
     * Whether an SRTCP index passes the replay check.
     *
     * @param index the SRTCP index
     * @return true when not a replay
     */
    boolean checkRtcp(long index) {
        return rtcpWindow == null || rtcpWindow.check(index);
    }
}
