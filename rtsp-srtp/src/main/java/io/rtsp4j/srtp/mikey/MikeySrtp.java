package io.rtsp4j.srtp.mikey;

import io.rtsp4j.srtp.SrtpKeyMaterial;
import io.rtsp4j.srtp.SrtpProfile;
import io.rtsp4j.srtp.SrtpStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * MIKEY as RTSP uses it for SRTP (RFC 4567): building the message a server sends with its keys, validating a
 * received message, and turning it into {@link SrtpKeyMaterial}.
 *
 * <p>Typical receiving side, for the {@code KeyMgmt} header of a SETUP:
 * <pre>{@code
 * MikeyMessage msg = MikeyMessage.fromBase64(keyMgmtData);
 * MikeySrtp.validate(msg, clock);                 // time window, policy, one 30-byte key
 * SrtpContext inbound = SrtpContext.create(MikeySrtp.fromMikey(msg));
 * }</pre>
 * Sending side, for {@code a=key-mgmt} and the SETUP response:
 * <pre>{@code
 * SrtpKeyMaterial key = SrtpKeyMaterial.generate(SrtpProfile.AES_CM_128_HMAC_SHA1_80, random);
 * SrtpContext outbound = SrtpContext.create(key);
 * String attribute = MikeySrtp.forSrtp(key, List.of(new SrtpStream(ssrc, roc)), clock).toKeyMgmtAttribute();
 * }</pre>
 *
 * <p>Only the AES-CM profiles are mapped: there is no MIKEY policy encoding for AES-GCM in RFC 3830.
 */
public final class MikeySrtp {

    /** How far the T payload of a received message may be from the local clock (as gortsplib). */
    public static final Duration MAX_CLOCK_SKEW = Duration.ofHours(1);

    private static final int ENCRYPTION_NULL = 0;
    private static final int ENCRYPTION_AES_CM = 1;
    private static final int AUTHENTICATION_HMAC_SHA1 = 1;
    private static final int RAND_LENGTH = 16;
    private static final SecureRandom DEFAULT_RANDOM = new SecureRandom();

    private MikeySrtp() {
    }

    /**
     * Builds the MIKEY message announcing SRTP key material, in the form gortsplib sends: version 1, pre-shared
     * key initiator, random CSB ID, SRTP-ID map with policy 0 per stream; T (NTP-UTC now), RAND (16 random
     * bytes), SP (AES-CM, key length, HMAC-SHA-1, auth key length 20, SRTP/SRTCP encryption as configured,
     * SRTP authentication on, tag length) and KEMAC (NULL encryption and MAC) with one TEK holding key and
     * salt, bound to the MKI when there is one.
     *
     * @param key the key material; only AES-CM profiles
     * @param streams the streams sent with this key (SSRC and current ROC)
     * @param clock the clock for the timestamp
     * @return the message
     * @throws IllegalArgumentException for an AEAD profile
     */
    public static MikeyMessage forSrtp(SrtpKeyMaterial key, List<SrtpStream> streams, Clock clock) {
        return forSrtp(key, streams, clock, DEFAULT_RANDOM);
    }

    /**
     * As {@link #forSrtp(SrtpKeyMaterial, List, Clock)} with a given source of randomness for CSB ID and RAND.
     *
     * @param key the key material; only AES-CM profiles
     * @param streams the streams sent with this key (SSRC and current ROC)
     * @param clock the clock for the timestamp
     * @param random the randomness for CSB ID and RAND
     * @return the message
     * @throws IllegalArgumentException for an AEAD profile
     */
    public static MikeyMessage forSrtp(SrtpKeyMaterial key, List<SrtpStream> streams, Clock clock,
            SecureRandom random) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(streams, "streams");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(random, "random");
        SrtpProfile profile = key.profile();
        if (profile.isAead()) {
            throw new IllegalArgumentException("MIKEY has no security policy for " + profile);
        }
        List<MikeySrtpIdEntry> map = new ArrayList<>();
        for (SrtpStream s : streams) {
            map.add(new MikeySrtpIdEntry(0, s.ssrc(), s.rolloverCounter()));
        }
        byte[] rand = new byte[RAND_LENGTH];
        random.nextBytes(rand);
        List<MikeyPolicyParam> policy = List.of(
                MikeyPolicyParam.ofByte(MikeySecurityPolicyPayload.ENCRYPTION_ALGORITHM, ENCRYPTION_AES_CM),
                MikeyPolicyParam.ofByte(MikeySecurityPolicyPayload.ENCRYPTION_KEY_LENGTH, profile.masterKeyLength()),
                MikeyPolicyParam.ofByte(MikeySecurityPolicyPayload.AUTHENTICATION_ALGORITHM, AUTHENTICATION_HMAC_SHA1),
                MikeyPolicyParam.ofByte(MikeySecurityPolicyPayload.AUTHENTICATION_KEY_LENGTH,
                        profile.sessionAuthKeyLength()),
                MikeyPolicyParam.ofByte(MikeySecurityPolicyPayload.SRTP_ENCRYPTION, key.rtpEncryption() ? 1 : 0),
                MikeyPolicyParam.ofByte(MikeySecurityPolicyPayload.SRTCP_ENCRYPTION, key.rtcpEncryption() ? 1 : 0),
                MikeyPolicyParam.ofByte(MikeySecurityPolicyPayload.SRTP_AUTHENTICATION, 1),
                MikeyPolicyParam.ofByte(MikeySecurityPolicyPayload.AUTHENTICATION_TAG_LENGTH,
                        profile.rtpAuthTagLength()));
        byte[] mki = key.mki();
        MikeyKeyData tek = mki.length == 0 ? MikeyKeyData.tek(key.keyAndSalt()) : MikeyKeyData.tek(key.keyAndSalt(), mki);
        long csbId = random.nextInt() & 0xFFFF_FFFFL;
        return new MikeyMessage(MikeyHeader.pskInit(csbId, map), List.of(
                MikeyTimestampPayload.ntpUtc(clock.instant()),
                new MikeyRandPayload(rand),
                new MikeySecurityPolicyPayload(0, MikeySecurityPolicyPayload.PROTOCOL_SRTP, policy),
                MikeyKemacPayload.plain(List.of(tek))));
    }

    /**
     * Checks a received message against the rules of gortsplib (reference server behaviour): pre-shared key
     * initiator message without verification request and with PRF MIKEY-1; a T payload with an NTP time within
     * {@link #MAX_CLOCK_SKEW} of the clock; RAND, when present, of at least 16 bytes; an SP payload whose
     * encryption algorithm (AES-CM), encryption key length (16), authentication algorithm (HMAC-SHA-1), SRTP
     * encryption, SRTCP encryption and SRTP authentication (all on) are present with exactly those values; and
     * a KEMAC payload with exactly one key of 30 bytes (master key and salt, as one TEK or as TEK plus salt).
     *
     * @param message the received message
     * @param clock the local clock
     * @throws MikeyException naming the first rule the message breaks
     */
    public static void validate(MikeyMessage message, Clock clock) throws MikeyException {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(clock, "clock");
        MikeyHeader header = message.header();
        if (header.dataType() != MikeyHeader.DATA_TYPE_PSK_INIT) {
            throw new MikeyException("unsupported MIKEY data type " + header.dataType()
                    + " (only the pre-shared key initiator message, 0)");
        }
        if (header.verificationRequested()) {
            throw new MikeyException("the message requests a verification message (V flag), which is not supported");
        }
        if (header.prfFunction() != MikeyHeader.PRF_MIKEY_1) {
            throw new MikeyException("unsupported PRF function " + header.prfFunction());
        }

        MikeyTimestampPayload time = message.payload(MikeyTimestampPayload.class)
                .orElseThrow(() -> new MikeyException("time payload (T) not present"));
        if (time.tsType() == MikeyTimestampPayload.TS_TYPE_COUNTER) {
            throw new MikeyException("T payload is a counter, not an NTP time");
        }
        Instant sent = time.toInstant();
        Instant now = clock.instant();
        Duration skew = Duration.between(sent, now).abs();
        if (skew.compareTo(MAX_CLOCK_SKEW) > 0) {
            throw new MikeyException("MIKEY time " + sent + " is " + skew.getSeconds() + " s from the local time "
                    + now + " (more than " + MAX_CLOCK_SKEW.getSeconds() + " s)");
        }

        Optional<MikeyRandPayload> rand = message.payload(MikeyRandPayload.class);
        if (rand.isPresent() && rand.get().data().length < RAND_LENGTH) {
            throw new MikeyException("RAND payload has " + rand.get().data().length + " bytes, fewer than 16");
        }

        MikeySecurityPolicyPayload sp = message.payload(MikeySecurityPolicyPayload.class)
                .orElseThrow(() -> new MikeyException("security policy payload (SP) not present"));
        requirePolicy(sp, MikeySecurityPolicyPayload.ENCRYPTION_ALGORITHM, ENCRYPTION_AES_CM, "encryption algorithm");
        requirePolicy(sp, MikeySecurityPolicyPayload.ENCRYPTION_KEY_LENGTH, 16, "session encryption key length");
        requirePolicy(sp, MikeySecurityPolicyPayload.AUTHENTICATION_ALGORITHM, AUTHENTICATION_HMAC_SHA1,
                "authentication algorithm");
        requirePolicy(sp, MikeySecurityPolicyPayload.SRTP_ENCRYPTION, 1, "SRTP encryption");
        requirePolicy(sp, MikeySecurityPolicyPayload.SRTCP_ENCRYPTION, 1, "SRTCP encryption");
        requirePolicy(sp, MikeySecurityPolicyPayload.SRTP_AUTHENTICATION, 1, "SRTP authentication");

        MikeyKemacPayload kemac = message.payload(MikeyKemacPayload.class)
                .orElseThrow(() -> new MikeyException("key data transport payload (KEMAC) not present"));
        if (kemac.encryptionAlgorithm() != MikeyKemacPayload.ENCRYPTION_NULL) {
            throw new MikeyException("KEMAC key data is encrypted (algorithm " + kemac.encryptionAlgorithm()
                    + "); only NULL encryption is supported");
        }
        if (kemac.keyData().size() != 1) {
            throw new MikeyException("KEMAC carries " + kemac.keyData().size() + " keys, expected exactly one");
        }
        MikeyKeyData keyData = kemac.keyData().get(0);
        int length = keyData.key().length + keyData.salt().length;
        if (length != SrtpProfile.AES_CM_128_HMAC_SHA1_80.keyAndSaltLength()) {
            throw new MikeyException("unexpected key size: " + length + " bytes, expected 30");
        }
    }

    private static void requirePolicy(MikeySecurityPolicyPayload sp, int type, int expected, String name)
            throws MikeyException {
        Optional<MikeyPolicyParam> param = sp.param(type);
        if (param.isEmpty()) {
            throw new MikeyException("missing security policy: " + name + " (type " + type + ")");
        }
        byte[] value = param.get().value();
        if (value.length != 1 || (value[0] & 0xFF) != expected) {
            throw new MikeyException("unsupported security policy: " + name + " (type " + type + ") = "
                    + Fields.hex(value) + ", expected " + expected);
        }
    }

    /**
     * Converts a MIKEY message into SRTP key material: the profile from the SP payload (absent parameters take
     * the RFC 3830 §6.10.1 defaults), master key and salt from the single TEK, the MKI from its SPI, and the
     * streams from the SRTP-ID map. It checks what the conversion needs; call {@link #validate} first for the
     * time window and the stricter policy rules.
     *
     * @param message the message
     * @return the key material
     * @throws MikeyException when the policy is not one of the supported profiles or the key data does not fit
     */
    public static SrtpKeyMaterial fromMikey(MikeyMessage message) throws MikeyException {
        Objects.requireNonNull(message, "message");
        Optional<MikeySecurityPolicyPayload> sp = message.payload(MikeySecurityPolicyPayload.class);
        if (sp.isPresent() && sp.get().protocol() != MikeySecurityPolicyPayload.PROTOCOL_SRTP) {
            throw new MikeyException("security policy is for protocol " + sp.get().protocol() + ", not SRTP");
        }
        int encryption = policy(sp, MikeySecurityPolicyPayload.ENCRYPTION_ALGORITHM, ENCRYPTION_AES_CM);
        if (encryption != ENCRYPTION_AES_CM && encryption != ENCRYPTION_NULL) {
            throw new MikeyException("unsupported SRTP encryption algorithm " + encryption + " (only AES-CM)");
        }
        requireDefault(sp, MikeySecurityPolicyPayload.ENCRYPTION_KEY_LENGTH, 16, "session encryption key length");
        requireDefault(sp, MikeySecurityPolicyPayload.AUTHENTICATION_ALGORITHM, AUTHENTICATION_HMAC_SHA1,
                "authentication algorithm");
        requireDefault(sp, MikeySecurityPolicyPayload.SALT_KEY_LENGTH, 14, "session salt length");
        requireDefault(sp, MikeySecurityPolicyPayload.PSEUDO_RANDOM_FUNCTION, 0, "pseudo-random function");
        requireDefault(sp, MikeySecurityPolicyPayload.KEY_DERIVATION_RATE, 0, "key derivation rate");
        requireDefault(sp, MikeySecurityPolicyPayload.SRTP_AUTHENTICATION, 1, "SRTP authentication");
        requireDefault(sp, MikeySecurityPolicyPayload.SRTP_PREFIX_LENGTH, 0, "SRTP prefix length");
        int tagLength = policy(sp, MikeySecurityPolicyPayload.AUTHENTICATION_TAG_LENGTH, 10);
        SrtpProfile profile;
        if (tagLength == 10) {
            profile = SrtpProfile.AES_CM_128_HMAC_SHA1_80;
        } else if (tagLength == 4) {
            profile = SrtpProfile.AES_CM_128_HMAC_SHA1_32;
        } else {
            throw new MikeyException("unsupported authentication tag length " + tagLength + " (only 10 or 4 bytes)");
        }
        int srtpEncryption = policy(sp, MikeySecurityPolicyPayload.SRTP_ENCRYPTION, 1);
        int srtcpEncryption = policy(sp, MikeySecurityPolicyPayload.SRTCP_ENCRYPTION, 1);
        if (srtpEncryption > 1 || srtcpEncryption > 1) {
            throw new MikeyException("SRTP/SRTCP encryption policy must be 0 or 1");
        }
        boolean encryptRtp = encryption != ENCRYPTION_NULL && srtpEncryption == 1;
        boolean encryptRtcp = encryption != ENCRYPTION_NULL && srtcpEncryption == 1;

        MikeyKemacPayload kemac = message.payload(MikeyKemacPayload.class)
                .orElseThrow(() -> new MikeyException("key data transport payload (KEMAC) not present"));
        if (kemac.encryptionAlgorithm() != MikeyKemacPayload.ENCRYPTION_NULL) {
            throw new MikeyException("KEMAC key data is encrypted; only NULL encryption is supported");
        }
        if (kemac.keyData().size() != 1) {
            throw new MikeyException("KEMAC carries " + kemac.keyData().size() + " keys, expected exactly one");
        }
        MikeyKeyData keyData = kemac.keyData().get(0);
        byte[] keyAndSalt;
        if (keyData.type() == MikeyKeyData.TYPE_TEK) {
            keyAndSalt = keyData.key();
        } else if (keyData.type() == MikeyKeyData.TYPE_TEK_SALT) {
            byte[] key = keyData.key();
            byte[] salt = keyData.salt();
            keyAndSalt = Arrays.copyOf(key, key.length + salt.length);
            System.arraycopy(salt, 0, keyAndSalt, key.length, salt.length);
        } else {
            throw new MikeyException("KEMAC key is a TGK (type " + keyData.type() + "), not a TEK");
        }
        if (keyAndSalt.length != profile.keyAndSaltLength()) {
            throw new MikeyException("unexpected key size: " + keyAndSalt.length + " bytes, expected "
                    + profile.keyAndSaltLength());
        }
        byte[] spi = keyData.spi();
        if (spi.length > SrtpProfile.MAX_MKI_LENGTH) {
            throw new MikeyException("MKI (SPI) longer than " + SrtpProfile.MAX_MKI_LENGTH + " bytes: " + spi.length);
        }
        List<SrtpStream> streams = new ArrayList<>();
        for (MikeySrtpIdEntry e : message.header().srtpIdMap()) {
            streams.add(new SrtpStream(e.ssrc(), e.roc()));
        }
        return SrtpKeyMaterial.fromKeyAndSalt(profile, keyAndSalt)
                .withMki(spi)
                .withEncryption(encryptRtp, encryptRtcp)
                .withStreams(streams);
    }

    /** A numeric policy value, or the default when the parameter (or the whole SP payload) is absent. */
    private static int policy(Optional<MikeySecurityPolicyPayload> sp, int type, int defaultValue)
            throws MikeyException {
        if (sp.isEmpty()) {
            return defaultValue;
        }
        Optional<MikeyPolicyParam> param = sp.get().param(type);
        if (param.isEmpty()) {
            return defaultValue;
        }
        long value = param.get().numericValue();
        if (value < 0 || value > 0xFFFF) {
            throw new MikeyException("security policy type " + type + " has an unusable value "
                    + Fields.hex(param.get().value()));
        }
        return (int) value;
    }

    private static void requireDefault(Optional<MikeySecurityPolicyPayload> sp, int type, int expected, String name)
            throws MikeyException {
        int value = policy(sp, type, expected);
        if (value != expected) {
            throw new MikeyException("unsupported " + name + " " + value + " (type " + type + "), expected "
                    + expected);
        }
    }
}
