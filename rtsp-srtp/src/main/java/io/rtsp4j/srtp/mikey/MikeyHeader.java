package io.rtsp4j.srtp.mikey;

import java.util.List;

/**
 * The MIKEY common header (RFC 3830 §6.1) with an SRTP-ID crypto session map.
 *
 * @param version the MIKEY version, 1
 * @param dataType the message type ({@link #DATA_TYPE_PSK_INIT} for what RTSP carries)
 * @param verificationRequested the V flag: the initiator asks for a verification message
 * @param prfFunction the PRF function, {@link #PRF_MIKEY_1}
 * @param csbId the crypto session bundle ID, an unsigned 32-bit value
 * @param csIdMapType the map type; only {@link #CS_ID_MAP_TYPE_SRTP_ID} is supported
 * @param srtpIdMap one entry per crypto session (RTP stream), at most 255
 */
public record MikeyHeader(int version, int dataType, boolean verificationRequested, int prfFunction, long csbId,
        int csIdMapType, List<MikeySrtpIdEntry> srtpIdMap) {

    /** The only MIKEY version. */
    public static final int VERSION = 1;
    /** Data type: initiator's pre-shared key message. */
    public static final int DATA_TYPE_PSK_INIT = 0;
    /** Data type: verification message of a pre-shared key exchange. */
    public static final int DATA_TYPE_PSK_VERIFICATION = 1;
    /** PRF function MIKEY-1. */
    public static final int PRF_MIKEY_1 = 0;
    /** CS ID map type SRTP-ID. */
    public static final int CS_ID_MAP_TYPE_SRTP_ID = 0;

    /**
     * Checks the ranges and copies the map.
     *
     * @param version the MIKEY version, 0..255
     * @param dataType the message type, 0..255
     * @param verificationRequested the V flag
     * @param prfFunction the PRF function, 0..127
     * @param csbId the crypto session bundle ID, 0..2^32-1
     * @param csIdMapType the map type, 0..255
     * @param srtpIdMap the crypto sessions, at most 255
     * @throws IllegalArgumentException when a value is out of range
     */
    public MikeyHeader {
        Fields.checkU8(version, "version");
        Fields.checkU8(dataType, "data type");
        if (prfFunction < 0 || prfFunction > 0x7F) {
            throw new IllegalArgumentException("PRF function must be 0..127: " + prfFunction);
        }
        Fields.checkU32(csbId, "CSB ID");
        Fields.checkU8(csIdMapType, "CS ID map type");
        srtpIdMap = List.copyOf(srtpIdMap);
        if (srtpIdMap.size() > 255) {
            throw new IllegalArgumentException("more than 255 crypto sessions: " + srtpIdMap.size());
        }
    }

    /**
     * A version 1, pre-shared-key initiator header with an SRTP-ID map, as RTSP uses.
     *
     * @param csbId the crypto session bundle ID
     * @param srtpIdMap the crypto sessions
     * @return the header
     */
    public static MikeyHeader pskInit(long csbId, List<MikeySrtpIdEntry> srtpIdMap) {
        return new MikeyHeader(VERSION, DATA_TYPE_PSK_INIT, false, PRF_MIKEY_1, csbId, CS_ID_MAP_TYPE_SRTP_ID,
                srtpIdMap);
    }

    static MikeyHeaderAndNext decode(MikeyReader in) throws MikeyException {
        int versionAt = in.position();
        int version = in.u8("header version");
        if (version != VERSION) {
            throw new MikeyException("unsupported MIKEY version " + version, versionAt);
        }
        int dataType = in.u8("header data type");
        int nextPayload = in.u8("header next payload");
        int vPrf = in.u8("header V/PRF");
        long csbId = in.u32("header CSB ID");
        int count = in.u8("header #CS");
        int mapTypeAt = in.position();
        int mapType = in.u8("header CS ID map type");
        if (mapType != CS_ID_MAP_TYPE_SRTP_ID) {
            throw new MikeyException("unsupported CS ID map type " + mapType, mapTypeAt);
        }
        MikeySrtpIdEntry[] entries = new MikeySrtpIdEntry[count];
        for (int i = 0; i < count; i++) {
            int policy = in.u8("SRTP-ID map entry " + i);
            long ssrc = in.u32("SRTP-ID map entry " + i);
            long roc = in.u32("SRTP-ID map entry " + i);
            entries[i] = new MikeySrtpIdEntry(policy, ssrc, roc);
        }
        MikeyHeader header = new MikeyHeader(version, dataType, (vPrf & 0x80) != 0, vPrf & 0x7F, csbId, mapType,
                List.of(entries));
        return new MikeyHeaderAndNext(header, nextPayload);
    }

    /** Writes the header; returns the position of its next-payload byte. */
    int encode(MikeyWriter out) {
        out.u8(version).u8(dataType);
        int next = out.size();
        out.u8(0).u8((verificationRequested ? 0x80 : 0) | prfFunction).u32(csbId);
        out.u8(srtpIdMap.size()).u8(csIdMapType);
        for (MikeySrtpIdEntry e : srtpIdMap) {
            out.u8(e.policyNo()).u32(e.ssrc()).u32(e.roc());
        }
        return next;
    }

    /** A decoded header and the type of the first payload. */
    record MikeyHeaderAndNext(MikeyHeader header, int nextPayload) {
    }
}
