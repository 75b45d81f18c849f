package io.rtsp4j.srtp.mikey;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A MIKEY message (RFC 3830 §6): the common header and a chain of payloads.
 *
 * <p>Decoding accepts the pre-shared-key message form RTSP uses: version 1, SRTP-ID map, and the T, RAND, SP
 * and KEMAC payloads (KEMAC sub-payloads are decoded when the key data is not encrypted). It is strict about
 * structure and lenient about values: data type, V flag, PRF, timestamps and policies are decoded as they are
 * and judged by {@link MikeySrtp#validate}. Zero bytes after the last payload (padding some devices add) are
 * accepted and not re-encoded; anything else left over is an error. Every failure is a
 * {@link MikeyException}; no input makes decoding throw anything else.
 *
 * <p>Immutable. {@link #encode()} writes the canonical form, so {@code decode(m.encode())} equals {@code m}.
 */
public final class MikeyMessage {

    private final MikeyHeader header;
    private final List<MikeyPayload> payloads;

    /**
     * Creates a message.
     *
     * @param header the common header
     * @param payloads the payloads in wire order
     */
    public MikeyMessage(MikeyHeader header, List<MikeyPayload> payloads) {
        this.header = Objects.requireNonNull(header, "header");
        this.payloads = List.copyOf(payloads);
    }

    /**
     * Decodes a message.
     *
     * @param data the message bytes
     * @return the message
     * @throws MikeyException when the bytes are not a supported MIKEY message; the text names the field and
     *     offset
     */
    public static MikeyMessage decode(byte[] data) throws MikeyException {
        Objects.requireNonNull(data, "data");
        MikeyReader in = new MikeyReader(data, 0, data.length);
        MikeyHeader.MikeyHeaderAndNext start = MikeyHeader.decode(in);
        List<MikeyPayload> payloads = new ArrayList<>();
        int next = start.nextPayload();
        int nextAt = 2;
        while (next != MikeyPayload.TYPE_LAST) {
            int type = next;
            if (type != MikeyPayload.TYPE_T && type != MikeyPayload.TYPE_RAND && type != MikeyPayload.TYPE_SP
                    && type != MikeyPayload.TYPE_KEMAC) {
                throw new MikeyException("unsupported payload type " + type, nextAt);
            }
            nextAt = in.position();
            next = in.u8("payload next payload");
            switch (type) {
                case MikeyPayload.TYPE_T:
                    payloads.add(MikeyTimestampPayload.decodeBody(in));
                    break;
                case MikeyPayload.TYPE_RAND:
                    payloads.add(MikeyRandPayload.decodeBody(in));
                    break;
                case MikeyPayload.TYPE_SP:
                    payloads.add(MikeySecurityPolicyPayload.decodeBody(in));
                    break;
                default:
                    payloads.add(MikeyKemacPayload.decodeBody(in));
                    break;
            }
        }
        if (in.remaining() > 0 && !in.restIsZero()) {
            throw new MikeyException(in.remaining() + " unparsed bytes after the last payload", in.position());
        }
        return new MikeyMessage(start.header(), payloads);
    }

    /**
     * Decodes a base64 message, as carried by the {@code KeyMgmt} header's {@code data} parameter. Whitespace
     * is ignored and missing {@code =} padding is tolerated.
     *
     * @param base64 the base64 text
     * @return the message
     * @throws MikeyException when the text is not base64 or not a supported MIKEY message
     */
    public static MikeyMessage fromBase64(String base64) throws MikeyException {
        Objects.requireNonNull(base64, "base64");
        StringBuilder clean = new StringBuilder(base64.length() + 3);
        for (int i = 0; i < base64.length(); i++) {
            char c = base64.charAt(i);
            if (!Character.isWhitespace(c)) {
                clean.append(c);
            }
        }
        while (clean.length() % 4 != 0 && clean.length() % 4 != 1) {
            clean.append('=');
        }
        byte[] data;
        try {
            data = Base64.getDecoder().decode(clean.toString());
        } catch (IllegalArgumentException e) {
            throw new MikeyException("invalid base64 in MIKEY data: " + e.getMessage(), e);
        }
        return decode(data);
    }

    /**
     * Decodes the value of an SDP {@code a=key-mgmt} attribute (RFC 4567 §3.1): {@code mikey <base64>}.
     *
     * @param attributeValue the attribute value after {@code key-mgmt:}
     * @return the message
     * @throws MikeyException when the protocol is not {@code mikey} or the data does not decode
     */
    public static MikeyMessage fromKeyMgmtAttribute(String attributeValue) throws MikeyException {
        Objects.requireNonNull(attributeValue, "attributeValue");
        String value = attributeValue.trim();
        int space = value.indexOf(' ');
        String protocol = space < 0 ? value : value.substring(0, space);
        if (!protocol.equalsIgnoreCase("mikey")) {
            throw new MikeyException("key-mgmt protocol is \"" + protocol + "\", not mikey");
        }
        if (space < 0) {
            throw new MikeyException("key-mgmt attribute has no MIKEY data");
        }
        return fromBase64(value.substring(space + 1));
    }

    /**
     * Encodes the message.
     *
     * @return the message bytes
     */
    public byte[] encode() {
        MikeyWriter out = new MikeyWriter();
        int nextAt = header.encode(out);
        for (MikeyPayload payload : payloads) {
            out.set(nextAt, payload.payloadType());
            nextAt = out.size();
            out.u8(MikeyPayload.TYPE_LAST);
            if (payload instanceof MikeyTimestampPayload) {
                ((MikeyTimestampPayload) payload).encodeBody(out);
            } else if (payload instanceof MikeyRandPayload) {
                ((MikeyRandPayload) payload).encodeBody(out);
            } else if (payload instanceof MikeySecurityPolicyPayload) {
                ((MikeySecurityPolicyPayload) payload).encodeBody(out);
            } else {
                ((MikeyKemacPayload) payload).encodeBody(out);
            }
        }
        return out.toByteArray();
    }

    /**
     * Encodes the message as base64 (with padding), for the {@code KeyMgmt} header's {@code data} parameter.
     *
     * @return the base64 text
     */
    public String toBase64() {
        return Base64.getEncoder().encodeToString(encode());
    }

    /**
     * The value of an SDP {@code a=key-mgmt} attribute carrying this message: {@code mikey <base64>}.
     *
     * @return the attribute value
     */
    public String toKeyMgmtAttribute() {
        return "mikey " + toBase64();
    }

    /**
     * The common header.
     *
     * @return the header
     */
    public MikeyHeader header() {
        return header;
    }

    /**
     * The payloads in wire order.
     *
     * @return an unmodifiable list
     */
    public List<MikeyPayload> payloads() {
        return payloads;
    }

    /**
     * The first payload of a kind.
     *
     * @param <T> the payload class
     * @param type e.g. {@code MikeyKemacPayload.class}
     * @return the payload, or empty when the message has none
     */
    public <T extends MikeyPayload> Optional<T> payload(Class<T> type) {
        for (MikeyPayload p : payloads) {
            if (type.isInstance(p)) {
                return Optional.of(type.cast(p));
            }
        }
        return Optional.empty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MikeyMessage && header.equals(((MikeyMessage) o).header)
                && payloads.equals(((MikeyMessage) o).payloads);
    }

    @Override
    public int hashCode() {
        return 31 * header.hashCode() + payloads.hashCode();
    }

    /**
     * Describes the message; key bytes are not printed.
     *
     * @return a readable form
     */
    @Override
    public String toString() {
        return "MikeyMessage{" + header + ", " + payloads + '}';
    }
}
