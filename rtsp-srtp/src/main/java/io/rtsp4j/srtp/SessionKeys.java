package io.rtsp4j.srtp;

/**
 * The session keys of one direction of one stream type (SRTP or SRTCP), derived from the master key
 * (RFC 3711 §4.3) or, in tests, given directly by a test vector.
 *
 * @param encryptionKey the session encryption key
 * @param salt the session salt (14 bytes for AES-CM, 12 for AES-GCM)
 * @param authenticationKey the HMAC-SHA1 key (empty for AES-GCM)
 */
record SessionKeys(byte[] encryptionKey, byte[] salt, byte[] authenticationKey) {

    /**
     * Derives the SRTP or the SRTCP session keys of a profile.
     *
     * @param profile the profile (key and salt lengths)
     * @param masterKey the master key
     * @param masterSalt the master salt
     * @param rtcp false for the SRTP labels 0..2, true for the SRTCP labels 3..5
     * @return the keys
     */
    static SessionKeys derive(SrtpProfile profile, byte[] masterKey, byte[] masterSalt, boolean rtcp) {
        int base = rtcp ? KeyDerivation.LABEL_RTCP_ENCRYPTION : KeyDerivation.LABEL_RTP_ENCRYPTION;
        return new SessionKeys(
                KeyDerivation.derive(masterKey, masterSalt, base, profile.masterKeyLength()),
                KeyDerivation.derive(masterKey, masterSalt, base + 2, profile.masterSaltLength()),
                KeyDerivation.derive(masterKey, masterSalt, base + 1, profile.sessionAuthKeyLength()));
    }
}
