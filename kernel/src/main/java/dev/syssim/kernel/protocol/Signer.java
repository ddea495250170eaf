package dev.syssim.kernel.protocol;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and checks messages with the connection file's HMAC key. The check compares in constant time
 * ({@link MessageDigest#isEqual}), so how long a rejection takes says nothing about how many leading
 * hex digits of a forged signature were right. {@code hmac-sha256}, what Jupyter clients use, runs on
 * {@link HmacSha256} (fast start-up); any other {@code hmac-*} scheme on the JDK's {@link Mac}. An
 * empty key means the client does not sign: signatures are empty and every message passes, as in
 * jupyter_client.
 */
public final class Signer {

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private final Function<byte[][], byte[]> mac;

    private Signer(Function<byte[][], byte[]> mac) {
        this.mac = mac;
    }

    /** A signer for a scheme such as {@code hmac-sha256}; an empty key gives an unsigned one. */
    public static Signer of(String scheme, String key) {
        byte[] keyBytes = key.getBytes(StandardCharsets.UTF_8);
        if (keyBytes.length == 0) return new Signer(null);
        String lower = scheme.toLowerCase(Locale.ROOT);
        if (lower.equals("hmac-sha256")) {
            HmacSha256 hmac = new HmacSha256(keyBytes);
            return new Signer(hmac::mac);
        }
        if (!lower.startsWith("hmac-")) throw new IllegalArgumentException("unknown signature scheme " + scheme);
        String algorithm = "Hmac" + lower.substring(5).replace("-", "").toUpperCase(Locale.ROOT);
        // Mac is stateful and not thread-safe; shell, control and iopub sign from different threads.
        ThreadLocal<Mac> macs = ThreadLocal.withInitial(() -> newMac(algorithm, keyBytes));
        macs.get(); // fail now, not on the first message, if the JVM lacks the algorithm
        return new Signer(parts -> {
            Mac jdkMac = macs.get();
            for (byte[] part : parts) jdkMac.update(part);
            return jdkMac.doFinal();
        });
    }

    public boolean signs() {
        return mac != null;
    }

    /** The signature of the four JSON frames, as lowercase hex in ASCII bytes. */
    public byte[] sign(byte[]... parts) {
        if (!signs()) return new byte[0];
        byte[] digest = mac.apply(parts);
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

    private static Mac newMac(String algorithm, byte[] key) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, algorithm));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot sign with " + algorithm + ": " + e.getMessage(), e);
        }
    }
}
