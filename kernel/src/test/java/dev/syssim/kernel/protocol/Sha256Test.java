package dev.syssim.kernel.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** SHA-256 against the FIPS 180-4 example vectors and against the JDK's implementation. */
class Sha256Test {

    private static String hex(String message) {
        Sha256 sha = new Sha256();
        sha.update(message.getBytes(StandardCharsets.US_ASCII));
        return HexFormat.of().formatHex(sha.digest());
    }

    @Test
    void emptyMessage() {
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", hex(""));
    }

    @Test
    void oneBlockMessageAbc() {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", hex("abc"));
    }

    @Test
    void twoBlockMessageFromFips180Examples() {
        assertEquals("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
                hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"));
    }

    @Test
    void oneMillionTimesA() {
        assertEquals("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0", hex("a".repeat(1_000_000)));
    }

    @Test
    void agreesWithTheJdkOnEveryLengthAroundTheBlockBoundaries() throws NoSuchAlgorithmException {
        Random random = new Random(180_4);
        for (int length = 0; length <= 200; length++) {
            byte[] message = new byte[length];
            random.nextBytes(message);
            Sha256 ours = new Sha256();
            // Split the input to exercise updates that straddle blocks.
            int split = length / 3;
            ours.update(java.util.Arrays.copyOfRange(message, 0, split));
            ours.update(java.util.Arrays.copyOfRange(message, split, length));
            assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(message), ours.digest(), "length " + length);
        }
    }
}
