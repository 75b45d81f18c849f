package io.rtsp4j.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import javax.crypto.Mac;
import org.junit.jupiter.api.Test;

class NoncesTest {

    private static final Mac KEY = Nonces.keyedMac(
            "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
    private static final Mac OTHER_KEY = Nonces.keyedMac("fedcba9876543210fedcba9876543210".getBytes(
            StandardCharsets.US_ASCII));
    private static final byte[] SCOPE = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};
    private static final byte[] OTHER_SCOPE = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 17};

    @Test
    void layoutIsExpiryThenTagInLowercaseHex() {
        String nonce = Nonces.issue(KEY, SCOPE, 0x0123456789abL);
        assertThat(nonce).hasSize(Nonces.LENGTH).startsWith("00000123456789ab").matches("[0-9a-f]{48}");
        assertThat(Nonces.issue(KEY, SCOPE, 0x0123456789abL)).isEqualTo(nonce);
    }

    @Test
    void validUntilExpiryInclusive() {
        String nonce = Nonces.issue(KEY, SCOPE, 1000);
        assertThat(Nonces.check(KEY, SCOPE, nonce, 999)).isEqualTo(Nonces.Check.VALID);
        assertThat(Nonces.check(KEY, SCOPE, nonce, 1000)).isEqualTo(Nonces.Check.VALID);
        assertThat(Nonces.check(KEY, SCOPE, nonce, 1001)).isEqualTo(Nonces.Check.EXPIRED);
    }

    @Test
    void boundToScopeAndKey() {
        String nonce = Nonces.issue(KEY, SCOPE, 1000);
        assertThat(Nonces.check(KEY, OTHER_SCOPE, nonce, 0)).isEqualTo(Nonces.Check.FOREIGN);
        assertThat(Nonces.check(OTHER_KEY, SCOPE, nonce, 0)).isEqualTo(Nonces.Check.FOREIGN);
    }

    @Test
    void everySingleCharacterChangeIsForeign() {
        String nonce = Nonces.issue(KEY, SCOPE, 1000);
        for (int i = 0; i < nonce.length(); i++) {
            for (char c : "0123456789abcdefABCDEFg\"".toCharArray()) {
                if (c == nonce.charAt(i)) {
                    continue;
                }
                String changed = nonce.substring(0, i) + c + nonce.substring(i + 1);
                // extending the expiry or forging the tag both break the tag
                assertThat(Nonces.check(KEY, SCOPE, changed, 0)).as(changed).isEqualTo(Nonces.Check.FOREIGN);
            }
        }
        assertThat(Nonces.check(KEY, SCOPE, nonce.substring(1), 0)).isEqualTo(Nonces.Check.FOREIGN);
        assertThat(Nonces.check(KEY, SCOPE, nonce + "0", 0)).isEqualTo(Nonces.Check.FOREIGN);
        assertThat(Nonces.check(KEY, SCOPE, "", 0)).isEqualTo(Nonces.Check.FOREIGN);
    }
}
