package dev.syssim.kernel.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** HMAC-SHA256 against RFC 4231's test cases and against {@code javax.crypto.Mac}. */
class HmacSha256Test {

    private static String hex(byte[] key, String data) {
        return HexFormat.of().formatHex(new HmacSha256(key).mac(data.getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void rfc4231TestCase1() {
        byte[] key = new byte[20];
        Arrays.fill(key, (byte) 0x0b);
        assertEquals("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7", hex(key, "Hi There"));
    }

    @Test
    void rfc4231TestCase2KeyShorterThanTheOutput() {
        assertEquals("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                hex("Jefe".getBytes(StandardCharsets.US_ASCII), "what do ya want for nothing?"));
    }

    @Test
    void agreesWithTheJdkForKeysShorterAndLongerThanABlock() throws GeneralSecurityException {
        Random random = new Random(4231);
        for (int keyLength = 1; keyLength <= 140; keyLength += 3) {
            byte[] key = new byte[keyLength];
            random.nextBytes(key);
            byte[] first = new byte[random.nextInt(100)];
            byte[] second = new byte[random.nextInt(100)];
            random.nextBytes(first);
            random.nextBytes(second);
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(first);
            mac.update(second);
            assertArrayEquals(mac.doFinal(), new HmacSha256(key).mac(first, second), "key length " + keyLength);
        }
    }
}
