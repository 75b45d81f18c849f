package io.rtsp4j.srtp;

/**
 * The cryptographic part of a context for one profile, working on arrays. The context has already parsed
 * the header, checked length, MKI and replay, and guarantees room for the overhead after the packet.
 *
 * <p>Lengths: {@code payloadLength} is always the plain payload (SRTP) or plain packet (SRTCP) length; where
 * MKI, tag and SRTCP index go depends on the profile (see the implementations).
 */
interface SrtpTransform {

    /** Returned by a protect method when the cipher refuses to reuse a nonce. */
    int NONCE_REUSE = -1;

    /**
     * Encrypts (if configured) and authenticates an RTP packet, appending MKI and tag.
     *
     * @param a the array holding the packet, with room for the overhead after it
     * @param offset start of the RTP header
     * @param headerLength RTP header length including CSRCs and extension
     * @param payloadLength payload length
     * @param ssrc the SSRC
     * @param index the 48-bit packet index (ROC * 65536 + SEQ)
     * @return the protected length, or {@link #NONCE_REUSE}
     */
    int protectRtp(byte[] a, int offset, int headerLength, int payloadLength, int ssrc, long index);

    /**
     * Verifies and (if configured) decrypts an SRTP packet in place.
     *
     * @param a the array holding the packet
     * @param offset start of the RTP header
     * @param headerLength RTP header length
     * @param payloadLength payload length without tag and MKI
     * @param ssrc the SSRC
     * @param index the guessed 48-bit packet index
     * @return true when the packet is authentic (its payload is then plain text); false leaves it unchanged
     */
    boolean unprotectRtp(byte[] a, int offset, int headerLength, int payloadLength, int ssrc, long index);

    /**
     * Encrypts (if configured) and authenticates an RTCP packet, appending the E flag and index, MKI and tag.
     *
     * @param a the array holding the packet, with room for the overhead after it
     * @param offset start of the packet
     * @param length packet length
     * @param ssrc the sender SSRC (bytes 4..7)
     * @param index the 31-bit SRTCP index
     * @return the protected length, or {@link #NONCE_REUSE}
     */
    int protectRtcp(byte[] a, int offset, int length, int ssrc, int index);

    /**
     * Verifies and (if the E flag says so) decrypts an SRTCP packet in place.
     *
     * @param a the array holding the packet
     * @param offset start of the packet
     * @param length plain packet length (without index, MKI and tag)
     * @param ssrc the sender SSRC
     * @param index the 31-bit SRTCP index from the packet
     * @param encrypted the E flag from the packet
     * @return true when authentic (and then decrypted); false leaves the packet unchanged
     */
    boolean unprotectRtcp(byte[] a, int offset, int length, int ssrc, int index, boolean encrypted);
}
