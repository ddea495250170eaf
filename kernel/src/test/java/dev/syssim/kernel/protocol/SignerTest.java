package dev.syssim.kernel.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Signing and checking the four JSON frames of a message. */
class SignerTest {

    private static final byte[] HEADER = "{\"msg_id\":\"1\"}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] EMPTY = "{}".getBytes(StandardCharsets.UTF_8);

    @Test
    void signatureIsLowercaseHexOfTheHmacOverAllFourParts() {
        Signer signer = Signer.of("hmac-sha256", "key");
        String signature = new String(signer.sign(HEADER, EMPTY, EMPTY, EMPTY), StandardCharsets.US_ASCII);
        assertTrue(signature.matches("[0-9a-f]{64}"), signature);
        assertTrue(signer.verify(signature.getBytes(StandardCharsets.US_ASCII), HEADER, EMPTY, EMPTY, EMPTY));
    }

    @Test
    void aSignatureWithOneDigitChangedIsRejected() {
        Signer signer = Signer.of("hmac-sha256", "key");
        byte[] signature = signer.sign(HEADER, EMPTY, EMPTY, EMPTY);
        signature[63] = (byte) (signature[63] == '0' ? '1' : '0');
        assertFalse(signer.verify(signature, HEADER, EMPTY, EMPTY, EMPTY));
    }

    @Test
    void aSignatureOverOtherContentIsRejected() {
        Signer signer = Signer.of("hmac-sha256", "key");
        byte[] signature = signer.sign(HEADER, EMPTY, EMPTY, EMPTY);
        assertFalse(signer.verify(signature, HEADER, EMPTY, EMPTY, "{\"code\":\"x\"}".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aSignatureMadeWithAnotherKeyIsRejected() {
        byte[] signature = Signer.of("hmac-sha256", "other").sign(HEADER, EMPTY, EMPTY, EMPTY);
        assertFalse(Signer.of("hmac-sha256", "key").verify(signature, HEADER, EMPTY, EMPTY, EMPTY));
    }

    @Test
    void otherHmacSchemesUseTheJdk() {
        Signer signer = Signer.of("hmac-sha512", "key");
        assertEquals(128, signer.sign(HEADER, EMPTY, EMPTY, EMPTY).length);
        assertTrue(signer.verify(signer.sign(HEADER, EMPTY, EMPTY, EMPTY), HEADER, EMPTY, EMPTY, EMPTY));
    }

    @Test
    void anEmptyKeyMeansUnsignedMessages() {
        Signer signer = Signer.of("hmac-sha256", "");
        assertFalse(signer.signs());
        assertEquals(0, signer.sign(HEADER, EMPTY, EMPTY, EMPTY).length);
        assertTrue(signer.verify(new byte[0], HEADER, EMPTY, EMPTY, EMPTY));
    }

    @Test
    void anUnknownSchemeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Signer.of("rot13", "key"));
    }
}
