package io.rtsp4j.srtp.mikey;

import java.util.Arrays;

/**
 * The RAND payload (RFC 3830 §6.11): fresh random bytes that enter the key derivation of the initiator.
 *
 * @param data the random bytes, at most 255 (RFC 3830 asks for at least 16, which
 *     {@link MikeySrtp#validate} checks)
 */
public record MikeyRandPayload(byte[] data) implements MikeyPayload {

    /**
     * Copies the data.
     *
     * @param data the random bytes, at most 255
     * @throws IllegalArgumentException when longer than 255 bytes
     */
    public MikeyRandPayload {
        data = Fields.copy(data, "RAND data", 255);
    }

    /**
     * The random bytes.
     *
     * @return a copy
     */
    @Override
    public byte[] data() {
        return data.clone();
    }

    @Override
    public int payloadType() {
        return TYPE_RAND;
    }

    static MikeyRandPayload decodeBody(MikeyReader in) throws MikeyException {
        int length = in.u8("RAND length");
        return new MikeyRandPayload(in.bytes(length, "RAND data"));
    }

    void encodeBody(MikeyWriter out) {
        out.u8(data.length).bytes(data);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MikeyRandPayload && Arrays.equals(data, ((MikeyRandPayload) o).data);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "RAND{" + Fields.hex(data) + '}';
    }
}
