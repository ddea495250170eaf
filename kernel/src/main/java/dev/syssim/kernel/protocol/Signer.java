package dev.syssim.kernel.protocol;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and checks messages with the connection file's HMAC key ({@code hmac-sha256} and friends).
 * The check compares in constant time ({@link MessageDigest#isEqual}), so how long a rejection takes
 * says nothing about how many leading hex digits of a forged signature were right. An empty key means
 * the client does not sign: signatures are empty and every message passes, as in jupyter_client.
 */
public final class Signer {

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private final String algorithm;
    private final byte[] key;
    // Mac is stateful and not thread-safe; shell, control and iopub sign from different threads.
    private final ThreadLocal<Mac> macs;

    private Signer(String algorithm, byte[] key) {
        this.algorithm = algorithm;
        this.key = key;
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    /** A signer for a scheme such as {@code hmac-sha256}; an empty key gives an unsigned one. */
    public static Signer of(String scheme, String key) {
        byte[] keyBytes = key.getBytes(StandardCharsets.UTF_8);
        if (keyBytes.length == 0) return new Signer(null, keyBytes);
        String lower = scheme.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("hmac-")) throw new IllegalArgumentException("unknown signature scheme " + scheme);
        String algorithm = "Hmac" + lower.substring(5).replace("-", "").toUpperCase(Locale.ROOT);
        Signer signer = new Signer(algorithm, keyBytes);
        signer.macs.get(); // fail now, not on the first message, if the JVM lacks the algorithm
        return signer;
    }

    public boolean signs() {
        return algorithm != null;
    }

    /** The signature of the four JSON frames, as lowercase hex in ASCII bytes. */
    public byte[] sign(byte[]... parts) {
        if (!signs()) return new byte[0];
        Mac mac = macs.get();
        for (byte[] part : parts) mac.update(part);
        byte[] digest = mac.doFinal();
        byte[] hex = new byte[digest.length * 2];
        for (int i = 0; i < digest.length; i++) {
            hex[2 * i] = HEX[(digest[i] >> 4) & 0xf];
            hex[2 * i + 1] = HEX[digest[i] & 0xf];
        }
        return hex;
    }

    /** Whether {@code signature} is right for the parts; constant time in the signature's content. */
    public boolean verify(byte[] signature, byte[]... parts) {
        if (!signs()) return true;
        return MessageDigest.isEqual(sign(parts), signature);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, algorithm));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot sign with " + algorithm + ": " + e.getMessage(), e);
        }
    }
}
