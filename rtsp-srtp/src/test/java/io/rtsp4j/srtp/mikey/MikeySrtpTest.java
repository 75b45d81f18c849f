package io.rtsp4j.srtp.mikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.rtsp4j.srtp.SrtpContext;
import io.rtsp4j.srtp.SrtpKeyMaterial;
import io.rtsp4j.srtp.SrtpProfile;
import io.rtsp4j.srtp.SrtpResult;
import io.rtsp4j.srtp.SrtpStream;
import io.rtsp4j.testing.Corpus;
import io.rtsp4j.testing.Hex;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** MIKEY for SRTP: the message a server sends, the validation rules, and conversion to key material. */
class MikeySrtpTest {

    private static final Instant NOW = Instant.parse("2025-06-20T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final byte[] KEY_AND_SALT =
            Hex.decode("9091783dfce8ddcd443a53508b64509f35bd8a86bc4d8b7637a502493daf");

    private static SrtpKeyMaterial key() {
        return SrtpKeyMaterial.fromKeyAndSalt(SrtpProfile.AES_CM_128_HMAC_SHA1_80, KEY_AND_SALT);
    }

    private static MikeyMessage valid() {
        return MikeySrtp.forSrtp(key(), List.of(new SrtpStream(0x11223344L, 3)), CLOCK);
    }

    @Test
    void serverMessageHasTheGortsplibLayout() throws MikeyException {
        SrtpKeyMaterial key = key().withMki(new byte[] {1, 2, 3, 4});
        MikeyMessage message = MikeySrtp.forSrtp(key, List.of(new SrtpStream(0x11223344L, 3),
                new SrtpStream(0xCAFEBABEL, 0)), CLOCK, new SecureRandom());
        MikeyHeader header = message.header();
        assertThat(header.version()).isEqualTo(1);
        assertThat(header.dataType()).isEqualTo(MikeyHeader.DATA_TYPE_PSK_INIT);
        assertThat(header.verificationRequested()).isFalse();
        assertThat(header.srtpIdMap()).containsExactly(new MikeySrtpIdEntry(0, 0x11223344L, 3),
                new MikeySrtpIdEntry(0, 0xCAFEBABEL, 0));
        assertThat(message.payloads()).extracting(p -> p.getClass().getSimpleName()).containsExactly(
                "MikeyTimestampPayload", "MikeyRandPayload", "MikeySecurityPolicyPayload", "MikeyKemacPayload");
        assertThat(message.payload(MikeyTimestampPayload.class).orElseThrow().toInstant()).isEqualTo(NOW);
        assertThat(message.payload(MikeyRandPayload.class).orElseThrow().data()).hasSize(16);
        MikeySecurityPolicyPayload sp = message.payload(MikeySecurityPolicyPayload.class).orElseThrow();
        assertThat(sp.params().stream().map(MikeyPolicyParam::toString).collect(Collectors.joining(" ")))
                .isEqualTo("0=01 1=10 2=01 3=14 7=01 8=01 10=01 11=0a");
        MikeyKemacPayload kemac = message.payload(MikeyKemacPayload.class).orElseThrow();
        assertThat(kemac.encryptionAlgorithm()).isZero();
        assertThat(kemac.macAlgorithm()).isZero();
        assertThat(kemac.keyData()).containsExactly(MikeyKeyData.tek(KEY_AND_SALT, new byte[] {1, 2, 3, 4}));

        MikeyMessage received = MikeyMessage.fromKeyMgmtAttribute(message.toKeyMgmtAttribute());
        MikeySrtp.validate(received, CLOCK);
        assertThat(MikeySrtp.fromMikey(received)).isEqualTo(key.withStreams(List.of(
                new SrtpStream(0x11223344L, 3), new SrtpStream(0xCAFEBABEL, 0))));
    }

    @Test
    void thirtyTwoBitTagAndEncryptionSwitchesRoundTrip() throws MikeyException {
        SrtpKeyMaterial key = SrtpKeyMaterial.fromKeyAndSalt(SrtpProfile.AES_CM_128_HMAC_SHA1_32, KEY_AND_SALT)
                .withEncryption(true, false);
        MikeyMessage message = MikeyMessage.decode(MikeySrtp.forSrtp(key, List.of(), CLOCK).encode());
        assertThat(MikeySrtp.fromMikey(message)).isEqualTo(key);
        assertThatThrownBy(() -> MikeySrtp.validate(message, CLOCK)).hasMessageContaining("SRTCP encryption");
    }

    @Test
    void aeadProfilesHaveNoMikeyPolicy() {
        SrtpKeyMaterial key = SrtpKeyMaterial.generate(SrtpProfile.AEAD_AES_128_GCM, new SecureRandom());
        assertThatThrownBy(() -> MikeySrtp.forSrtp(key, List.of(), CLOCK)).isInstanceOf(IllegalArgumentException.class);
    }

    static Stream<Arguments> corpus() {
        List<Arguments> out = new ArrayList<>();
        for (JsonNode record : Corpus.jsonLines("srtp/mikey.jsonl")) {
            out.add(Arguments.of(Named.of(record.path("name").asText(), record)));
        }
        return out.stream();
    }

    /**
     * The corpus samples from cameras and gortsplib pass validation at their own time and convert; the SPI
     * sample is a codec test with a 3-byte key and no T payload, which both steps reject.
     */
    @ParameterizedTest
    @MethodSource("corpus")
    void corpusMessagesValidateAndConvert(JsonNode record) throws MikeyException {
        MikeyMessage message = MikeyMessage.decode(Hex.decode(record.path("hex").asText()));
        if (record.path("name").asText().equals("KEMAC key data with SPI")) {
            assertThatThrownBy(() -> MikeySrtp.fromMikey(message)).hasMessageContaining("unexpected key size: 3");
            assertThatThrownBy(() -> MikeySrtp.validate(message, CLOCK)).hasMessageContaining("T) not present");
            return;
        }
        SrtpKeyMaterial key = MikeySrtp.fromMikey(message);
        assertThat(key.profile()).isEqualTo(SrtpProfile.AES_CM_128_HMAC_SHA1_80);
        assertThat(key.mki()).isEmpty();
        List<SrtpStream> expectedStreams = new ArrayList<>();
        for (JsonNode e : record.path("decoded").path("header").path("csIdMapInfo")) {
            expectedStreams.add(new SrtpStream(e.path("ssrc").asLong(), e.path("roc").asLong()));
        }
        assertThat(key.streams()).isEqualTo(expectedStreams);
        String keyData = record.path("decoded").path("payloads").get(3).path("subPayloads").get(0).path("keyData").asText();
        assertThat(Hex.encode(key.keyAndSalt())).isEqualTo(keyData);
        Instant sent = message.payload(MikeyTimestampPayload.class).orElseThrow().toInstant();
        MikeySrtp.validate(message, Clock.fixed(sent.plusSeconds(3599), ZoneOffset.UTC));
        MikeySrtp.validate(message, Clock.fixed(sent.minusSeconds(3599), ZoneOffset.UTC));
        assertThatThrownBy(() -> MikeySrtp.validate(message, Clock.fixed(sent.plusSeconds(3601), ZoneOffset.UTC)))
                .isInstanceOf(MikeyException.class).hasMessageContaining("from the local time");
    }

    @Test
    void mkiComesFromTheSpi() throws MikeyException {
        MikeyMessage message = new MikeyMessage(MikeyHeader.pskInit(1, List.of()),
                List.of(MikeyKemacPayload.plain(List.of(MikeyKeyData.tek(KEY_AND_SALT, new byte[] {0x11, 0x22})))));
        assertThat(MikeySrtp.fromMikey(message).mki()).containsExactly(0x11, 0x22);
    }

    @Test
    void mikeySampleAKeysTheLibsrtpPacketVector() throws MikeyException {
        // srtp-packet-vectors.json was made with the key material and SSRC of MIKEY sample "a".
        MikeyMessage a = MikeyMessage.decode(Hex.decode(Corpus.jsonLines("srtp/mikey.jsonl").get(0).path("hex").asText()));
        SrtpKeyMaterial key = MikeySrtp.fromMikey(a);
        JsonNode vector = Corpus.json("srtp/srtp-packet-vectors.json");
        assertThat(key.streams()).extracting(SrtpStream::ssrc).containsExactly(vector.path("ssrc").asLong());
        SrtpContext receiver = SrtpContext.create(key);
        for (JsonNode rtp : vector.path("rtp")) {
            ByteBuf buf = Unpooled.wrappedBuffer(Hex.decode(rtp.path("protected").asText()));
            try {
                assertThat(receiver.unprotectRtp(buf)).isEqualTo(SrtpResult.OK);
                assertThat(Hex.encode(ByteBufUtil.getBytes(buf))).isEqualTo(rtp.path("plain").asText());
            } finally {
                buf.release();
            }
        }
    }

    private static MikeyMessage replace(MikeyMessage m, Class<? extends MikeyPayload> type, MikeyPayload with) {
        List<MikeyPayload> payloads = new ArrayList<>();
        for (MikeyPayload p : m.payloads()) {
            if (type.isInstance(p)) {
                if (with != null) {
                    payloads.add(with);
                }
            } else {
                payloads.add(p);
            }
        }
        return new MikeyMessage(m.header(), payloads);
    }

    private static MikeyMessage policy(MikeyMessage m, UnaryOperator<List<MikeyPolicyParam>> change) {
        MikeySecurityPolicyPayload sp = m.payload(MikeySecurityPolicyPayload.class).orElseThrow();
        return replace(m, MikeySecurityPolicyPayload.class,
                new MikeySecurityPolicyPayload(0, 0, change.apply(new ArrayList<>(sp.params()))));
    }

    private static UnaryOperator<List<MikeyPolicyParam>> without(int type) {
        return params -> {
            params.removeIf(p -> p.type() == type);
            return params;
        };
    }

    private static UnaryOperator<List<MikeyPolicyParam>> set(int type, int value) {
        return params -> {
            params.replaceAll(p -> p.type() == type ? MikeyPolicyParam.ofByte(type, value) : p);
            return params;
        };
    }

    private static MikeyMessage header(MikeyMessage m, int dataType, boolean v, int prf) {
        MikeyHeader h = m.header();
        return new MikeyMessage(new MikeyHeader(1, dataType, v, prf, h.csbId(), 0, h.srtpIdMap()), m.payloads());
    }

    static Stream<Arguments> validationFailures() {
        MikeyMessage ok = valid();
        MikeyKeyData key = MikeyKeyData.tek(KEY_AND_SALT);
        return Stream.of(
                Arguments.of("time 2 h ahead", replace(ok, MikeyTimestampPayload.class,
                        MikeyTimestampPayload.ntpUtc(NOW.plus(Duration.ofHours(2)))), "from the local time"),
                Arguments.of("time 2 h behind", replace(ok, MikeyTimestampPayload.class,
                        MikeyTimestampPayload.ntpUtc(NOW.minus(Duration.ofHours(2)))), "from the local time"),
                Arguments.of("no T", replace(ok, MikeyTimestampPayload.class, null), "T) not present"),
                Arguments.of("counter T", replace(ok, MikeyTimestampPayload.class,
                        new MikeyTimestampPayload(MikeyTimestampPayload.TS_TYPE_COUNTER, 5)), "counter"),
                Arguments.of("short RAND", replace(ok, MikeyRandPayload.class, new MikeyRandPayload(new byte[8])),
                        "fewer than 16"),
                Arguments.of("no SP", replace(ok, MikeySecurityPolicyPayload.class, null), "SP) not present"),
                Arguments.of("no encryption algorithm", policy(ok, without(0)), "missing security policy: encryption algorithm"),
                Arguments.of("AES-F8", policy(ok, set(0, 2)), "unsupported security policy: encryption algorithm"),
                Arguments.of("no key length", policy(ok, without(1)), "session encryption key length"),
                Arguments.of("key length 32", policy(ok, set(1, 32)), "session encryption key length"),
                Arguments.of("no auth algorithm", policy(ok, without(2)), "authentication algorithm"),
                Arguments.of("SRTP encryption off", policy(ok, set(7, 0)), "SRTP encryption"),
                Arguments.of("no SRTCP encryption", policy(ok, without(8)), "SRTCP encryption"),
                Arguments.of("SRTP authentication off", policy(ok, set(10, 0)), "SRTP authentication"),
                Arguments.of("no KEMAC", replace(ok, MikeyKemacPayload.class, null), "KEMAC) not present"),
                Arguments.of("two keys", replace(ok, MikeyKemacPayload.class, MikeyKemacPayload.plain(List.of(key, key))),
                        "carries 2 keys"),
                Arguments.of("16-byte key", replace(ok, MikeyKemacPayload.class,
                        MikeyKemacPayload.plain(List.of(MikeyKeyData.tek(new byte[16])))), "unexpected key size: 16"),
                Arguments.of("encrypted KEMAC", replace(ok, MikeyKemacPayload.class, new MikeyKemacPayload(1, List.of(),
                        new byte[34], 1, new byte[20])), "encrypted"),
                Arguments.of("verification message type", header(ok, 1, false, 0), "data type 1"),
                Arguments.of("V flag", header(ok, 0, true, 0), "V flag"),
                Arguments.of("PRF 1", header(ok, 0, false, 1), "PRF function 1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validationFailures")
    void validationRejects(String name, MikeyMessage message, String text) {
        assertThatThrownBy(() -> MikeySrtp.validate(message, CLOCK)).isInstanceOf(MikeyException.class)
                .hasMessageContaining(text);
    }

    @Test
    void theValidMessageValidates() throws MikeyException {
        MikeySrtp.validate(valid(), CLOCK);
        MikeySrtp.validate(valid(), Clock.offset(CLOCK, Duration.ofMinutes(59)));
    }

    static Stream<Arguments> conversionFailures() {
        MikeyMessage ok = valid();
        return Stream.of(
                Arguments.of("tag length 6", policy(ok, set(11, 6)), "authentication tag length 6"),
                Arguments.of("AES-F8", policy(ok, set(0, 2)), "encryption algorithm 2"),
                Arguments.of("key derivation rate", policy(ok, params -> {
                    params.add(MikeyPolicyParam.ofByte(6, 24));
                    return params;
                }), "key derivation rate"),
                Arguments.of("NULL authentication", policy(ok, set(2, 0)), "authentication algorithm"),
                Arguments.of("TGK", replace(ok, MikeyKemacPayload.class, MikeyKemacPayload.plain(List.of(
                        new MikeyKeyData(0, 0, KEY_AND_SALT, new byte[0], new byte[0], new byte[0], new byte[0])))),
                        "TGK"),
                Arguments.of("20-byte key", replace(ok, MikeyKemacPayload.class,
                        MikeyKemacPayload.plain(List.of(MikeyKeyData.tek(new byte[20])))), "unexpected key size: 20"),
                Arguments.of("200-byte MKI", replace(ok, MikeyKemacPayload.class,
                        MikeyKemacPayload.plain(List.of(MikeyKeyData.tek(KEY_AND_SALT, new byte[200])))), "MKI"),
                Arguments.of("no KEMAC", replace(ok, MikeyKemacPayload.class, null), "KEMAC"),
                Arguments.of("other protocol", replace(ok, MikeySecurityPolicyPayload.class,
                        new MikeySecurityPolicyPayload(0, 1, List.of())), "not SRTP"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("conversionFailures")
    void conversionRejects(String name, MikeyMessage message, String text) {
        assertThatThrownBy(() -> MikeySrtp.fromMikey(message)).isInstanceOf(MikeyException.class)
                .hasMessageContaining(text);
    }

    @Test
    void conversionAppliesRfc3830DefaultsAndAcceptsSeparateSalt() throws MikeyException {
        MikeyKeyData split = new MikeyKeyData(MikeyKeyData.TYPE_TEK_SALT, MikeyKeyData.KV_NULL,
                java.util.Arrays.copyOf(KEY_AND_SALT, 16), java.util.Arrays.copyOfRange(KEY_AND_SALT, 16, 30),
                new byte[0], new byte[0], new byte[0]);
        MikeyMessage message = new MikeyMessage(MikeyHeader.pskInit(1, List.of()),
                List.of(MikeyKemacPayload.plain(List.of(split))));
        assertThat(MikeySrtp.fromMikey(message)).isEqualTo(key());
    }
}
