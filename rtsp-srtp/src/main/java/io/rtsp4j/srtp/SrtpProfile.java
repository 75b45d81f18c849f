package io.rtsp4j.srtp;

import java.util.Locale;
import java.util.Optional;

/**
 * The SRTP protection profiles (crypto suites) this module implements.
 *
 * <p>Sizes per profile, in bytes ({@link #rtpOverhead()} and {@link #rtcpOverhead()} exclude the MKI):
 * <table>
 *   <caption>Profile sizes</caption>
 *   <tr><th>profile</th><th>master key</th><th>master salt</th><th>RTP overhead</th><th>RTCP overhead</th></tr>
 *   <tr><td>AES_CM_128_HMAC_SHA1_80</td><td>16</td><td>14</td><td>10 (tag)</td><td>14 (index 4 + tag 10)</td></tr>
 *   <tr><td>AES_CM_128_HMAC_SHA1_32</td><td>16</td><td>14</td><td>4 (tag)</td><td>14 (index 4 + tag 10)</td></tr>
 *   <tr><td>AEAD_AES_128_GCM</td><td>16</td><td>12</td><td>16 (tag)</td><td>20 (tag 16 + index 4)</td></tr>
 *   <tr><td>AEAD_AES_256_GCM</td><td>32</td><td>12</td><td>16 (tag)</td><td>20 (tag 16 + index 4)</td></tr>
 * </table>
 *
 * <p>AES_CM_128_HMAC_SHA1_32 shortens only the SRTP tag: SRTCP keeps the 80-bit tag (RFC 4568 §6.2.2,
 * RFC 5764 §4.1.2, and what libsrtp does). The names are the SDES / DTLS-SRTP names of RFC 4568 and RFC 7714.
 */
public enum SrtpProfile {
    /** AES-128 counter mode with an 80-bit HMAC-SHA1 tag: the RFC 3711 default, and the one RTSP servers use. */
    AES_CM_128_HMAC_SHA1_80(16, 14, 20, 10, 10, false),
    /** AES-128 counter mode with a 32-bit HMAC-SHA1 tag on SRTP (SRTCP keeps 80 bits). */
    AES_CM_128_HMAC_SHA1_32(16, 14, 20, 4, 10, false),
    /** AES-128 in Galois/counter mode with a 16-byte tag (RFC 7714). */
    AEAD_AES_128_GCM(16, 12, 0, 16, 16, true),
    /** AES-256 in Galois/counter mode with a 16-byte tag (RFC 7714). */
    AEAD_AES_256_GCM(32, 12, 0, 16, 16, true);

    /** Length of the SRTCP trailer word holding the E flag and the 31-bit SRTCP index. */
    public static final int SRTCP_INDEX_LENGTH = 4;
    /** Longest master key identifier (MKI) a context accepts; libsrtp has the same limit. */
    public static final int MAX_MKI_LENGTH = 128;
    /** SRTP overhead of {@link #AES_CM_128_HMAC_SHA1_80} without MKI: its 10-byte tag. */
    public static final int RTP_OVERHEAD_AES_CM_128_HMAC_SHA1_80 = 10;
    /** SRTCP overhead of {@link #AES_CM_128_HMAC_SHA1_80} without MKI: 4-byte E flag and index plus 10-byte tag. */
    public static final int RTCP_OVERHEAD_AES_CM_128_HMAC_SHA1_80 = 14;
    /** Largest SRTP overhead of any profile, MKI included: reserve this much to protect in place with any context. */
    public static final int MAX_RTP_OVERHEAD = 16 + MAX_MKI_LENGTH;
    /** Largest SRTCP overhead of any profile, MKI included. */
    public static final int MAX_RTCP_OVERHEAD = 16 + SRTCP_INDEX_LENGTH + MAX_MKI_LENGTH;

    private final int masterKeyLength;
    private final int masterSaltLength;
    private final int sessionAuthKeyLength;
    private final int rtpAuthTagLength;
    private final int rtcpAuthTagLength;
    private final boolean aead;

    SrtpProfile(int masterKeyLength, int masterSaltLength, int sessionAuthKeyLength, int rtpAuthTagLength,
            int rtcpAuthTagLength, boolean aead) {
        this.masterKeyLength = masterKeyLength;
        this.masterSaltLength = masterSaltLength;
        this.sessionAuthKeyLength = sessionAuthKeyLength;
        this.rtpAuthTagLength = rtpAuthTagLength;
        this.rtcpAuthTagLength = rtcpAuthTagLength;
        this.aead = aead;
    }

    /**
     * Length of the master key, which is also the length of the derived session encryption keys.
     *
     * @return 16 or 32
     */
    public int masterKeyLength() {
        return masterKeyLength;
    }

    /**
     * Length of the master salt, which is also the length of the derived session salts.
     *
     * @return 14 for AES-CM, 12 for AES-GCM
     */
    public int masterSaltLength() {
        return masterSaltLength;
    }

    /**
     * Length of master key plus master salt, the key data SDES and MIKEY carry as one string.
     *
     * @return 30 for the AES-CM profiles, 28 or 44 for AES-GCM
     */
    public int keyAndSaltLength() {
        return masterKeyLength + masterSaltLength;
    }

    /**
     * Length of the derived HMAC-SHA1 session authentication key.
     *
     * @return 20 for AES-CM, 0 for AES-GCM (the AEAD needs no separate key)
     */
    public int sessionAuthKeyLength() {
        return sessionAuthKeyLength;
    }

    /**
     * Length of the SRTP authentication tag.
     *
     * @return 10, 4 or 16
     */
    public int rtpAuthTagLength() {
        return rtpAuthTagLength;
    }

    /**
     * Length of the SRTCP authentication tag.
     *
     * @return 10 or 16
     */
    public int rtcpAuthTagLength() {
        return rtcpAuthTagLength;
    }

    /**
     * Bytes SRTP adds to an RTP packet with this profile, without MKI.
     *
     * @return the tag length
     */
    public int rtpOverhead() {
        return rtpAuthTagLength;
    }

    /**
     * Bytes SRTCP adds to an RTCP packet with this profile, without MKI.
     *
     * @return the tag length plus the 4-byte E flag and index word
     */
    public int rtcpOverhead() {
        return rtcpAuthTagLength + SRTCP_INDEX_LENGTH;
    }

    /**
     * Whether this is an AEAD profile (RFC 7714), where one AES-GCM pass encrypts and authenticates.
     *
     * @return true for the GCM profiles
     */
    public boolean isAead() {
        return aead;
    }

    /**
     * Finds a profile by its SDES name as written in {@code a=crypto} (case-insensitive).
     *
     * @param name e.g. {@code "AES_CM_128_HMAC_SHA1_80"}
     * @return the profile, or empty when the name is unknown
     */
    public static Optional<SrtpProfile> forName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String upper = name.trim().toUpperCase(Locale.ROOT);
        for (SrtpProfile profile : values()) {
            if (profile.name().equals(upper)) {
                return Optional.of(profile);
            }
        }
        return Optional.empty();
    }
}
