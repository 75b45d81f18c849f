package io.rtsp4j.srtp.mikey;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The security policy payload SP (RFC 3830 §6.10): a numbered set of parameters for one security protocol.
 * For SRTP ({@link #PROTOCOL_SRTP}) the parameter types are the {@code int} constants of this class
 * (RFC 3830 §6.10.1).
 *
 * @param policyNo the policy number the SRTP-ID map refers to, 0..255
 * @param protocol the security protocol, {@link #PROTOCOL_SRTP}
 * @param params the parameters in wire order
 */
public record MikeySecurityPolicyPayload(int policyNo, int protocol, List<MikeyPolicyParam> params)
        implements MikeyPayload {

    /** Security protocol SRTP. */
    public static final int PROTOCOL_SRTP = 0;
    /** SRTP encryption algorithm: 0 NULL, 1 AES-CM, 2 AES-F8. */
    public static final int ENCRYPTION_ALGORITHM = 0;
    /** Session encryption key length in bytes. */
    public static final int ENCRYPTION_KEY_LENGTH = 1;
    /** SRTP authentication algorithm: 0 NULL, 1 HMAC-SHA-1. */
    public static final int AUTHENTICATION_ALGORITHM = 2;
    /** Session authentication key length in bytes. */
    public static final int AUTHENTICATION_KEY_LENGTH = 3;
    /** Session salt key length in bytes. */
    public static final int SALT_KEY_LENGTH = 4;
    /** SRTP pseudo-random function: 0 AES-CM. */
    public static final int PSEUDO_RANDOM_FUNCTION = 5;
    /** Key derivation rate (0: derive once). */
    public static final int KEY_DERIVATION_RATE = 6;
    /** SRTP encryption: 0 off, 1 on. */
    public static final int SRTP_ENCRYPTION = 7;
    /** SRTCP encryption: 0 off, 1 on. */
    public static final int SRTCP_ENCRYPTION = 8;
    /** Sender's FEC order: 0 FEC-SRTP. */
    public static final int FEC_ORDER = 9;
    /** SRTP authentication: 0 off, 1 on. */
    public static final int SRTP_AUTHENTICATION = 10;
    /** Authentication tag length in bytes. */
    public static final int AUTHENTICATION_TAG_LENGTH = 11;
    /** SRTP prefix length. */
    public static final int SRTP_PREFIX_LENGTH = 12;

    /**
     * Checks the ranges and copies the parameters.
     *
     * @param policyNo the policy number, 0..255
     * @param protocol the security protocol, 0..255
     * @param params the parameters; their encoding must fit the 16-bit length field
     * @throws IllegalArgumentException when out of range
     */
    public MikeySecurityPolicyPayload {
        Fields.checkU8(policyNo, "policy number");
        Fields.checkU8(protocol, "security protocol");
        params = List.copyOf(params);
        int length = 0;
        for (MikeyPolicyParam p : params) {
            length += 2 + p.value().length;
        }
        if (length > 0xFFFF) {
            throw new IllegalArgumentException("policy parameters longer than 65535 bytes: " + length);
        }
    }

    /**
     * The first parameter of a type.
     *
     * @param type the parameter type
     * @return the parameter, or empty when absent
     */
    public Optional<MikeyPolicyParam> param(int type) {
        for (MikeyPolicyParam p : params) {
            if (p.type() == type) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    @Override
    public int payloadType() {
        return TYPE_SP;
    }

    static MikeySecurityPolicyPayload decodeBody(MikeyReader in) throws MikeyException {
        int policyNo = in.u8("SP policy number");
        int protocol = in.u8("SP protocol type");
        int length = in.u16("SP policy param length");
        MikeyReader body = in.slice(length, "SP policy params");
        List<MikeyPolicyParam> params = new ArrayList<>();
        while (body.remaining() > 0) {
            int type = body.u8("SP policy param type");
            int valueLength = body.u8("SP policy param length");
            params.add(new MikeyPolicyParam(type, body.bytes(valueLength, "SP policy param " + type + " value")));
        }
        return new MikeySecurityPolicyPayload(policyNo, protocol, params);
    }

    void encodeBody(MikeyWriter out) {
        int length = 0;
        for (MikeyPolicyParam p : params) {
            length += 2 + p.value().length;
        }
        out.u8(policyNo).u8(protocol).u16(length);
        for (MikeyPolicyParam p : params) {
            byte[] value = p.value();
            out.u8(p.type()).u8(value.length).bytes(value);
        }
    }

    @Override
    public String toString() {
        return "SP{policy=" + policyNo + ", protocol=" + protocol + ", params=" + params + '}';
    }
}
