package io.rtsp4j.srtp.mikey;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The key data transport payload KEMAC (RFC 3830 §6.2). With encryption algorithm NULL (what RTSP servers and
 * cameras send, relying on TLS) the key data sub-payloads are readable and decoded into {@link #keyData()};
 * with any other algorithm the encrypted data is kept as bytes in {@link #encryptedData()}, since decrypting
 * it needs the pre-shared key.
 *
 * @param encryptionAlgorithm {@link #ENCRYPTION_NULL}, {@link #ENCRYPTION_AES_CM_128} or
 *     {@link #ENCRYPTION_AES_KW_128}
 * @param keyData the key data sub-payloads (NULL encryption only), at least one
 * @param encryptedData the opaque encrypted sub-payloads (other encryptions only)
 * @param macAlgorithm {@link #MAC_NULL} or {@link #MAC_HMAC_SHA1_160}
 * @param mac the MAC: empty for {@link #MAC_NULL}, 20 bytes for {@link #MAC_HMAC_SHA1_160}
 */
public record MikeyKemacPayload(int encryptionAlgorithm, List<MikeyKeyData> keyData, byte[] encryptedData,
        int macAlgorithm, byte[] mac) implements MikeyPayload {

    /** No encryption: the key data travels in clear. */
    public static final int ENCRYPTION_NULL = 0;
    /** AES-CM with a 128-bit key. */
    public static final int ENCRYPTION_AES_CM_128 = 1;
    /** AES key wrap with a 128-bit key. */
    public static final int ENCRYPTION_AES_KW_128 = 2;
    /** No MAC. */
    public static final int MAC_NULL = 0;
    /** HMAC-SHA-1 with a 160-bit output. */
    public static final int MAC_HMAC_SHA1_160 = 1;

    private static final int HMAC_SHA1_LENGTH = 20;

    /**
     * Checks the combination and copies the data.
     *
     * @param encryptionAlgorithm the encryption algorithm, 0..255
     * @param keyData the key data sub-payloads (NULL encryption only)
     * @param encryptedData the encrypted sub-payloads (other encryptions only)
     * @param macAlgorithm the MAC algorithm, 0 or 1
     * @param mac the MAC bytes matching the algorithm
     * @throws IllegalArgumentException when the fields do not fit together or the data exceeds 65535 bytes
     */
    public MikeyKemacPayload {
        Fields.checkU8(encryptionAlgorithm, "KEMAC encryption algorithm");
        keyData = List.copyOf(keyData);
        encryptedData = Fields.copy(encryptedData, "KEMAC encrypted data", 0xFFFF);
        mac = Fields.copy(mac, "KEMAC MAC", HMAC_SHA1_LENGTH);
        if (encryptionAlgorithm == ENCRYPTION_NULL) {
            if (keyData.isEmpty()) {
                throw new IllegalArgumentException("a KEMAC payload needs at least one key data sub-payload");
            }
            if (encryptedData.length > 0) {
                throw new IllegalArgumentException("with NULL encryption the key data is given as keyData");
            }
            int length = 0;
            for (MikeyKeyData k : keyData) {
                length += k.encodedLength();
            }
            if (length > 0xFFFF) {
                throw new IllegalArgumentException("key data sub-payloads longer than 65535 bytes: " + length);
            }
        } else if (!keyData.isEmpty()) {
            throw new IllegalArgumentException("encrypted key data is given as encryptedData");
        }
        if (macAlgorithm == MAC_NULL) {
            if (mac.length != 0) {
                throw new IllegalArgumentException("MAC algorithm NULL takes no MAC bytes");
            }
        } else if (macAlgorithm == MAC_HMAC_SHA1_160) {
            if (mac.length != HMAC_SHA1_LENGTH) {
                throw new IllegalArgumentException("HMAC-SHA-1-160 needs a 20-byte MAC, got " + mac.length);
            }
        } else {
            throw new IllegalArgumentException("unknown KEMAC MAC algorithm " + macAlgorithm);
        }
    }

    /**
     * A KEMAC with NULL encryption and NULL MAC carrying key data in clear, as RTSP uses over TLS.
     *
     * @param keyData the sub-payloads
     * @return the payload
     */
    public static MikeyKemacPayload plain(List<MikeyKeyData> keyData) {
        return new MikeyKemacPayload(ENCRYPTION_NULL, keyData, Fields.EMPTY, MAC_NULL, Fields.EMPTY);
    }

    /**
     * The encrypted sub-payloads.
     *
     * @return a copy, empty with NULL encryption
     */
    @Override
    public byte[] encryptedData() {
        return encryptedData.clone();
    }

    /**
     * The MAC.
     *
     * @return a copy, empty with MAC algorithm NULL
     */
    @Override
    public byte[] mac() {
        return mac.clone();
    }

    @Override
    public int payloadType() {
        return TYPE_KEMAC;
    }

    static MikeyKemacPayload decodeBody(MikeyReader in) throws MikeyException {
        int algorithm = in.u8("KEMAC encryption algorithm");
        int length = in.u16("KEMAC encrypted data length");
        int dataAt = in.position();
        MikeyReader data = in.slice(length, "KEMAC encrypted data");
        List<MikeyKeyData> keys = new ArrayList<>();
        byte[] encrypted = Fields.EMPTY;
        if (algorithm == ENCRYPTION_NULL) {
            int next = MikeyPayload.TYPE_KEY_DATA;
            while (next != MikeyPayload.TYPE_LAST) {
                int nextAt = data.position();
                next = data.u8("key data next payload");
                if (next != MikeyPayload.TYPE_LAST && next != MikeyPayload.TYPE_KEY_DATA) {
                    throw new MikeyException("unsupported payload type " + next + " inside KEMAC", nextAt);
                }
                keys.add(MikeyKeyData.decodeBody(data));
            }
            if (data.remaining() != 0) {
                throw new MikeyException(data.remaining() + " unparsed bytes after the last key data sub-payload",
                        data.position());
            }
        } else {
            encrypted = data.bytes(length, "KEMAC encrypted data");
        }
        int macAt = in.position();
        int macAlgorithm = in.u8("KEMAC MAC algorithm");
        byte[] mac;
        if (macAlgorithm == MAC_NULL) {
            mac = Fields.EMPTY;
        } else if (macAlgorithm == MAC_HMAC_SHA1_160) {
            mac = in.bytes(HMAC_SHA1_LENGTH, "KEMAC MAC");
        } else {
            throw new MikeyException("unsupported KEMAC MAC algorithm " + macAlgorithm, macAt);
        }
        if (algorithm == ENCRYPTION_NULL && keys.isEmpty()) {
            throw new MikeyException("KEMAC without key data", dataAt);
        }
        return new MikeyKemacPayload(algorithm, keys, encrypted, macAlgorithm, mac);
    }

    void encodeBody(MikeyWriter out) {
        out.u8(encryptionAlgorithm);
        if (encryptionAlgorithm == ENCRYPTION_NULL) {
            int length = 0;
            for (MikeyKeyData k : keyData) {
                length += k.encodedLength();
            }
            out.u16(length);
            for (int i = 0; i < keyData.size(); i++) {
                out.u8(i == keyData.size() - 1 ? MikeyPayload.TYPE_LAST : MikeyPayload.TYPE_KEY_DATA);
                keyData.get(i).encodeBody(out);
            }
        } else {
            out.u16(encryptedData.length).bytes(encryptedData);
        }
        out.u8(macAlgorithm).bytes(mac);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof MikeyKemacPayload)) {
            return false;
        }
        MikeyKemacPayload other = (MikeyKemacPayload) o;
        return encryptionAlgorithm == other.encryptionAlgorithm && macAlgorithm == other.macAlgorithm
                && keyData.equals(other.keyData) && Arrays.equals(encryptedData, other.encryptedData)
                && Arrays.equals(mac, other.mac);
    }

    @Override
    public int hashCode() {
        return Objects.hash(encryptionAlgorithm, macAlgorithm, keyData) * 31 + Fields.hash(encryptedData, mac);
    }

    @Override
    public String toString() {
        return "KEMAC{encryption=" + encryptionAlgorithm + ", keyData=" + keyData
                + (encryptedData.length > 0 ? ", encrypted=" + encryptedData.length + " bytes" : "")
                + ", mac=" + macAlgorithm + '}';
    }
}
