package io.rtsp4j.srtp.mikey;

import java.util.Arrays;
import java.util.Objects;

/**
 * A key data sub-payload of KEMAC (RFC 3830 §6.13): a TGK or TEK, an optional separate salt, and the key
 * validity: none, an SPI (for SRTP the MKI, RFC 3830 §6.13 and RFC 4567), or an interval.
 *
 * @param type {@link #TYPE_TGK}, {@link #TYPE_TGK_SALT}, {@link #TYPE_TEK} or {@link #TYPE_TEK_SALT}
 * @param kv the key validity type: {@link #KV_NULL}, {@link #KV_SPI} or {@link #KV_INTERVAL}
 * @param key the key data, at most 65535 bytes; for SRTP a TEK is master key followed by master salt
 * @param salt the salt of the {@code _SALT} types, otherwise empty
 * @param spi the SPI/MKI when {@code kv} is {@link #KV_SPI}, otherwise empty; at most 255 bytes
 * @param validFrom start of validity when {@code kv} is {@link #KV_INTERVAL}, otherwise empty
 * @param validTo end of validity when {@code kv} is {@link #KV_INTERVAL}, otherwise empty
 */
public record MikeyKeyData(int type, int kv, byte[] key, byte[] salt, byte[] spi, byte[] validFrom,
        byte[] validTo) {

    /** TEK generation key. */
    public static final int TYPE_TGK = 0;
    /** TEK generation key with salt. */
    public static final int TYPE_TGK_SALT = 1;
    /** Traffic-encrypting key. */
    public static final int TYPE_TEK = 2;
    /** Traffic-encrypting key with salt. */
    public static final int TYPE_TEK_SALT = 3;
    /** No key validity data. */
    public static final int KV_NULL = 0;
    /** Key validity: SPI / MKI. */
    public static final int KV_SPI = 1;
    /** Key validity: interval. */
    public static final int KV_INTERVAL = 2;

    /**
     * Checks the combination of type, validity and data, and copies the arrays.
     *
     * @param type the key type, 0..3
     * @param kv the key validity type, 0..2
     * @param key the key data
     * @param salt the salt (only for the {@code _SALT} types)
     * @param spi the SPI (only for {@link #KV_SPI})
     * @param validFrom the interval start (only for {@link #KV_INTERVAL})
     * @param validTo the interval end (only for {@link #KV_INTERVAL})
     * @throws IllegalArgumentException when a field does not fit the type or validity, or is too long
     */
    public MikeyKeyData {
        if (type < TYPE_TGK || type > TYPE_TEK_SALT) {
            throw new IllegalArgumentException("unknown key data type " + type);
        }
        if (kv < KV_NULL || kv > KV_INTERVAL) {
            throw new IllegalArgumentException("unknown key validity type " + kv);
        }
        key = Fields.copy(key, "key data", 0xFFFF);
        salt = Fields.copy(salt, "salt", 0xFFFF);
        spi = Fields.copy(spi, "SPI", 255);
        validFrom = Fields.copy(validFrom, "valid-from", 255);
        validTo = Fields.copy(validTo, "valid-to", 255);
        if (salt.length > 0 && !hasSalt(type)) {
            throw new IllegalArgumentException("key data type " + type + " carries no salt");
        }
        if (spi.length > 0 && kv != KV_SPI) {
            throw new IllegalArgumentException("an SPI needs key validity type KV_SPI");
        }
        if ((validFrom.length > 0 || validTo.length > 0) && kv != KV_INTERVAL) {
            throw new IllegalArgumentException("an interval needs key validity type KV_INTERVAL");
        }
    }

    /**
     * A TEK without validity data.
     *
     * @param key the key data (for SRTP: master key then master salt)
     * @return the sub-payload
     */
    public static MikeyKeyData tek(byte[] key) {
        return new MikeyKeyData(TYPE_TEK, KV_NULL, key, Fields.EMPTY, Fields.EMPTY, Fields.EMPTY, Fields.EMPTY);
    }

    /**
     * A TEK bound to an SPI, for SRTP the MKI its packets carry.
     *
     * @param key the key data (for SRTP: master key then master salt)
     * @param spi the SPI / MKI
     * @return the sub-payload
     */
    public static MikeyKeyData tek(byte[] key, byte[] spi) {
        return new MikeyKeyData(TYPE_TEK, KV_SPI, key, Fields.EMPTY, Objects.requireNonNull(spi, "spi"), Fields.EMPTY,
                Fields.EMPTY);
    }

    private static boolean hasSalt(int type) {
        return type == TYPE_TGK_SALT || type == TYPE_TEK_SALT;
    }

    /**
     * The key data.
     *
     * @return a copy
     */
    @Override
    public byte[] key() {
        return key.clone();
    }

    /**
     * The separate salt.
     *
     * @return a copy, empty for the types without salt
     */
    @Override
    public byte[] salt() {
        return salt.clone();
    }

    /**
     * The SPI / MKI.
     *
     * @return a copy, empty unless {@code kv} is {@link #KV_SPI}
     */
    @Override
    public byte[] spi() {
        return spi.clone();
    }

    /**
     * The start of the validity interval.
     *
     * @return a copy, empty unless {@code kv} is {@link #KV_INTERVAL}
     */
    @Override
    public byte[] validFrom() {
        return validFrom.clone();
    }

    /**
     * The end of the validity interval.
     *
     * @return a copy, empty unless {@code kv} is {@link #KV_INTERVAL}
     */
    @Override
    public byte[] validTo() {
        return validTo.clone();
    }

    static MikeyKeyData decodeBody(MikeyReader in) throws MikeyException {
        int typeAt = in.position();
        int typeKv = in.u8("key data type/KV");
        int type = typeKv >>> 4;
        int kv = typeKv & 0x0F;
        if (type > TYPE_TEK_SALT) {
            throw new MikeyException("unsupported key data type " + type, typeAt);
        }
        if (kv > KV_INTERVAL) {
            throw new MikeyException("unsupported key validity type " + kv, typeAt);
        }
        int keyLength = in.u16("key data length");
        byte[] key = in.bytes(keyLength, "key data");
        byte[] salt = Fields.EMPTY;
        if (hasSalt(type)) {
            int saltLength = in.u16("salt length");
            salt = in.bytes(saltLength, "salt data");
        }
        byte[] spi = Fields.EMPTY;
        byte[] from = Fields.EMPTY;
        byte[] to = Fields.EMPTY;
        if (kv == KV_SPI) {
            spi = in.bytes(in.u8("SPI length"), "SPI");
        } else if (kv == KV_INTERVAL) {
            from = in.bytes(in.u8("valid-from length"), "valid-from");
            to = in.bytes(in.u8("valid-to length"), "valid-to");
        }
        return new MikeyKeyData(type, kv, key, salt, spi, from, to);
    }

    /** Writes everything after the next-payload byte. */
    void encodeBody(MikeyWriter out) {
        out.u8((type << 4) | kv).u16(key.length).bytes(key);
        if (hasSalt(type)) {
            out.u16(salt.length).bytes(salt);
        }
        if (kv == KV_SPI) {
            out.u8(spi.length).bytes(spi);
        } else if (kv == KV_INTERVAL) {
            out.u8(validFrom.length).bytes(validFrom).u8(validTo.length).bytes(validTo);
        }
    }

    int encodedLength() {
        int n = 4 + key.length;
        if (hasSalt(type)) {
            n += 2 + salt.length;
        }
        if (kv == KV_SPI) {
            n += 1 + spi.length;
        } else if (kv == KV_INTERVAL) {
            n += 2 + validFrom.length + validTo.length;
        }
        return n;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof MikeyKeyData)) {
            return false;
        }
        MikeyKeyData other = (MikeyKeyData) o;
        return type == other.type && kv == other.kv && Arrays.equals(key, other.key)
                && Arrays.equals(salt, other.salt) && Arrays.equals(spi, other.spi)
                && Arrays.equals(validFrom, other.validFrom) && Arrays.equals(validTo, other.validTo);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * type + kv) + Fields.hash(key, salt, spi, validFrom, validTo);
    }

    /**
     * Describes the sub-payload without the key bytes.
     *
     * @return e.g. {@code KeyData{type=2, kv=1, key=30 bytes, spi=1122}}
     */
    @Override
    public String toString() {
        return "KeyData{type=" + type + ", kv=" + kv + ", key=" + key.length + " bytes"
                + (salt.length > 0 ? ", salt=" + salt.length + " bytes" : "")
                + (kv == KV_SPI ? ", spi=" + Fields.hex(spi) : "") + '}';
    }
}
