package io.rtsp4j.srtp.mikey;

/**
 * A MIKEY payload this implementation understands. Messages with other payload types (PKE, DH, SIGN, ID,
 * CERT, V, ERR, ...) fail to decode with a {@link MikeyException} naming the type.
 */
public sealed interface MikeyPayload
        permits MikeyTimestampPayload, MikeyRandPayload, MikeySecurityPolicyPayload, MikeyKemacPayload {

    /** Next-payload value ending the chain. */
    int TYPE_LAST = 0;
    /** Key data transport payload. */
    int TYPE_KEMAC = 1;
    /** Timestamp payload. */
    int TYPE_T = 5;
    /** Security policy payload. */
    int TYPE_SP = 10;
    /** Random payload. */
    int TYPE_RAND = 11;
    /** Key data sub-payload (inside KEMAC). */
    int TYPE_KEY_DATA = 20;

    /**
     * The payload type as written in the next-payload field of the preceding payload.
     *
     * @return one of the {@code TYPE_} constants
     */
    int payloadType();
}
