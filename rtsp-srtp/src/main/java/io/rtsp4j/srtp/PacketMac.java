package io.rtsp4j.srtp;

/**
 * An HMAC-SHA1 computation over one packet at a time, without allocation. Not thread-safe.
 */
interface PacketMac {

    /** Length of the full HMAC-SHA1 output. */
    int MAC_LENGTH = 20;

    /**
     * Adds bytes to the current message.
     *
     * @param data the array
     * @param offset first byte
     * @param length number of bytes
     */
    void update(byte[] data, int offset, int length);

    /**
     * Adds a 32-bit value in network byte order (the SRTP rollover counter).
     *
     * @param value the value
     */
    void updateInt(int value);

    /**
     * Finishes the message, writes the 20-byte MAC and starts a new message.
     *
     * @param out the destination
     * @param offset where the 20 bytes go
     */
    void doFinal(byte[] out, int offset);
}
