package io.rtsp4j.srtp.mikey;

import java.util.Arrays;

/**
 * One type/length/value parameter of a security policy payload.
 *
 * @param type the parameter type, e.g. {@link MikeySecurityPolicyPayload#ENCRYPTION_ALGORITHM}
 * @param value the value bytes, at most 255
 */
public record MikeyPolicyParam(int type, byte[] value) {

    /**
     * Checks the type and copies the value.
     *
     * @param type the parameter type, 0..255
     * @param value the value, at most 255 bytes
     * @throws IllegalArgumentException when out of range
     */
    public MikeyPolicyParam {
        Fields.checkU8(type, "policy parameter type");
        value = Fields.copy(value, "policy parameter value", 255);
    }

    /**
     * A parameter with a one-byte value, the form of every SRTP policy value.
     *
     * @param type the parameter type
     * @param value the value, 0..255
     * @return the parameter
     */
    public static MikeyPolicyParam ofByte(int type, int value) {
        Fields.checkU8(value, "policy parameter value");
        return new MikeyPolicyParam(type, new byte[] {(byte) value});
    }

    /**
     * The value bytes.
     *
     * @return a copy
     */
    @Override
    public byte[] value() {
        return value.clone();
    }

    /**
     * The value as an unsigned big-endian number.
     *
     * @return the number, or -1 when the value is empty or longer than 7 bytes
     */
    public long numericValue() {
        if (value.length == 0 || value.length > 7) {
            return -1;
        }
        long v = 0;
        for (byte b : value) {
            v = (v << 8) | (b & 0xFF);
        }
        return v;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MikeyPolicyParam && type == ((MikeyPolicyParam) o).type
                && Arrays.equals(value, ((MikeyPolicyParam) o).value);
    }

    @Override
    public int hashCode() {
        return 31 * type + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return type + "=" + Fields.hex(value);
    }
}
