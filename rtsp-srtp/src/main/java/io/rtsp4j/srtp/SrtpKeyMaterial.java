package io.rtsp4j.srtp;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What key management negotiates for one SRTP crypto context: the profile, master key and salt, the optional
 * master key identifier (MKI), whether SRTP and SRTCP payloads are encrypted, and the streams (SSRC and
 * starting rollover counter) announced with the key.
 *
 * <p>Immutable; byte arrays are copied in and out. {@link #toString()} never prints key bytes.
 * {@link SrtpContext#create(SrtpKeyMaterial)} turns it into a working context; the MIKEY conversion lives in
 * {@code io.rtsp4j.srtp.mikey.MikeySrtp}.
 */
public final class SrtpKeyMaterial {

    private static final byte[] NO_MKI = new byte[0];

    private final SrtpProfile profile;
    private final byte[] masterKey;
    private final byte[] masterSalt;
    private final byte[] mki;
    private final boolean rtpEncryption;
    private final boolean rtcpEncryption;
    private final List<SrtpStream> streams;

    private SrtpKeyMaterial(SrtpProfile profile, byte[] masterKey, byte[] masterSalt, byte[] mki,
            boolean rtpEncryption, boolean rtcpEncryption, List<SrtpStream> streams) {
        this.profile = profile;
        this.masterKey = masterKey;
        this.masterSalt = masterSalt;
        this.mki = mki;
        this.rtpEncryption = rtpEncryption;
        this.rtcpEncryption = rtcpEncryption;
        this.streams = streams;
    }

    /**
     * Key material with both payload encryptions on, no MKI and no announced streams.
     *
     * @param profile the protection profile
     * @param masterKey the master key, {@link SrtpProfile#masterKeyLength()} bytes
     * @param masterSalt the master salt, {@link SrtpProfile#masterSaltLength()} bytes
     * @return the key material
     * @throws IllegalArgumentException when a length does not fit the profile
     */
    public static SrtpKeyMaterial of(SrtpProfile profile, byte[] masterKey, byte[] masterSalt) {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(masterKey, "masterKey");
        Objects.requireNonNull(masterSalt, "masterSalt");
        if (masterKey.length != profile.masterKeyLength()) {
            throw new IllegalArgumentException(profile + " needs a " + profile.masterKeyLength()
                    + "-byte master key, got " + masterKey.length + " bytes");
        }
        if (masterSalt.length != profile.masterSaltLength()) {
            throw new IllegalArgumentException(profile + " needs a " + profile.masterSaltLength()
                    + "-byte master salt, got " + masterSalt.length + " bytes");
        }
        return new SrtpKeyMaterial(profile, masterKey.clone(), masterSalt.clone(), NO_MKI, true, true, List.of());
    }

    /**
     * Key material from master key and salt concatenated, the form SDES ({@code inline:}) and MIKEY key data
     * carry (30 bytes for the AES-CM profiles).
     *
     * @param profile the protection profile
     * @param keyAndSalt master key followed by master salt, {@link SrtpProfile#keyAndSaltLength()} bytes
     * @return the key material
     * @throws IllegalArgumentException when the length does not fit the profile
     */
    public static SrtpKeyMaterial fromKeyAndSalt(SrtpProfile profile, byte[] keyAndSalt) {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(keyAndSalt, "keyAndSalt");
        if (keyAndSalt.length != profile.keyAndSaltLength()) {
            throw new IllegalArgumentException(profile + " needs " + profile.keyAndSaltLength()
                    + " bytes of master key and salt, got " + keyAndSalt.length + " bytes");
        }
        int keyLength = profile.masterKeyLength();
        return of(profile, Arrays.copyOfRange(keyAndSalt, 0, keyLength),
                Arrays.copyOfRange(keyAndSalt, keyLength, keyAndSalt.length));
    }

    /**
     * Fresh random master key and salt, as a server does for each stream media it publishes.
     *
     * @param profile the protection profile
     * @param random the source of randomness, normally a shared {@link SecureRandom}
     * @return new key material with both encryptions on, no MKI and no streams
     */
    public static SrtpKeyMaterial generate(SrtpProfile profile, SecureRandom random) {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(random, "random");
        byte[] key = new byte[profile.masterKeyLength()];
        byte[] salt = new byte[profile.masterSaltLength()];
        random.nextBytes(key);
        random.nextBytes(salt);
        return new SrtpKeyMaterial(profile, key, salt, NO_MKI, true, true, List.of());
    }

    /**
     * A copy with a master key identifier, which every protected packet then carries and every received
     * packet must carry.
     *
     * @param mki the identifier, 0 to {@link SrtpProfile#MAX_MKI_LENGTH} bytes; empty means no MKI
     * @return the new key material
     * @throws IllegalArgumentException when the identifier is too long
     */
    public SrtpKeyMaterial withMki(byte[] mki) {
        Objects.requireNonNull(mki, "mki");
        if (mki.length > SrtpProfile.MAX_MKI_LENGTH) {
            throw new IllegalArgumentException("MKI longer than " + SrtpProfile.MAX_MKI_LENGTH + " bytes: " + mki.length);
        }
        return new SrtpKeyMaterial(profile, masterKey, masterSalt, mki.length == 0 ? NO_MKI : mki.clone(),
                rtpEncryption, rtcpEncryption, streams);
    }

    /**
     * A copy with payload encryption switched on or off (authentication always stays on). Off corresponds to
     * MIKEY's "SRTP encryption off" / "SRTCP encryption off" policies; unencrypted SRTCP packets carry E=0.
     *
     * @param rtp whether SRTP payloads are encrypted
     * @param rtcp whether SRTCP payloads are encrypted
     * @return the new key material
     */
    public SrtpKeyMaterial withEncryption(boolean rtp, boolean rtcp) {
        return new SrtpKeyMaterial(profile, masterKey, masterSalt, mki, rtp, rtcp, streams);
    }

    /**
     * A copy announcing these streams (SSRC and starting rollover counter).
     *
     * @param streams the streams, in announcement order
     * @return the new key material
     */
    public SrtpKeyMaterial withStreams(List<SrtpStream> streams) {
        return new SrtpKeyMaterial(profile, masterKey, masterSalt, mki, rtpEncryption, rtcpEncryption,
                List.copyOf(streams));
    }

    /**
     * The protection profile.
     *
     * @return the profile
     */
    public SrtpProfile profile() {
        return profile;
    }

    /**
     * The master key.
     *
     * @return a copy of the key
     */
    public byte[] masterKey() {
        return masterKey.clone();
    }

    /**
     * The master salt.
     *
     * @return a copy of the salt
     */
    public byte[] masterSalt() {
        return masterSalt.clone();
    }

    /**
     * Master key followed by master salt, as SDES and MIKEY carry them.
     *
     * @return a new array
     */
    public byte[] keyAndSalt() {
        byte[] out = Arrays.copyOf(masterKey, masterKey.length + masterSalt.length);
        System.arraycopy(masterSalt, 0, out, masterKey.length, masterSalt.length);
        return out;
    }

    /**
     * The master key identifier.
     *
     * @return a copy, empty when packets carry no MKI
     */
    public byte[] mki() {
        return mki.clone();
    }

    /**
     * Whether SRTP payloads are encrypted.
     *
     * @return true unless switched off
     */
    public boolean rtpEncryption() {
        return rtpEncryption;
    }

    /**
     * Whether SRTCP payloads are encrypted.
     *
     * @return true unless switched off
     */
    public boolean rtcpEncryption() {
        return rtcpEncryption;
    }

    /**
     * The announced streams.
     *
     * @return an unmodifiable list, empty when none were announced
     */
    public List<SrtpStream> streams() {
        return streams;
    }

    // Package-private views without copies, for SrtpContext.
    byte[] masterKeyRef() {
        return masterKey;
    }

    byte[] masterSaltRef() {
        return masterSalt;
    }

    byte[] mkiRef() {
        return mki;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof SrtpKeyMaterial)) {
            return false;
        }
        SrtpKeyMaterial other = (SrtpKeyMaterial) o;
        return profile == other.profile && rtpEncryption == other.rtpEncryption
                && rtcpEncryption == other.rtcpEncryption && Arrays.equals(masterKey, other.masterKey)
                && Arrays.equals(masterSalt, other.masterSalt) && Arrays.equals(mki, other.mki)
                && streams.equals(other.streams);
    }

    @Override
    public int hashCode() {
        int h = Objects.hash(profile, rtpEncryption, rtcpEncryption, streams);
        h = 31 * h + Arrays.hashCode(masterKey);
        h = 31 * h + Arrays.hashCode(masterSalt);
        return 31 * h + Arrays.hashCode(mki);
    }

    /**
     * Describes the material without revealing key or salt.
     *
     * @return e.g. {@code SrtpKeyMaterial{AES_CM_128_HMAC_SHA1_80, mki=4 bytes, rtpEncryption=true, ...}}
     */
    @Override
    public String toString() {
        return "SrtpKeyMaterial{" + profile + ", mki=" + mki.length + " bytes, rtpEncryption=" + rtpEncryption
                + ", rtcpEncryption=" + rtcpEncryption + ", streams=" + streams + '}';
    }
}
