package dev.syssim.kernel.protocol;

/**
 * HMAC-SHA256 (RFC 2104) over {@link Sha256}: {@code H((K ^ opad) || H((K ^ ipad) || message))}.
 * Immutable after construction and allocation-only per call, so every thread can sign at once.
 */
final class HmacSha256 {

    private static final int BLOCK = 64;

    private final byte[] innerPad = new byte[BLOCK];
    private final byte[] outerPad = new byte[BLOCK];

    HmacSha256(byte[] key) {
        byte[] k = key;
        if (k.length > BLOCK) {
            Sha256 hash = new Sha256();
            hash.update(k);
            k = hash.digest();
        }
        for (int i = 0; i < BLOCK; i++) {
            byte b = i < k.length ? k[i] : 0;
            innerPad[i] = (byte) (b ^ 0x36);
            outerPad[i] = (byte) (b ^ 0x5c);
        }
    }

    /** The MAC of the concatenation of {@code parts}. */
    byte[] mac(byte[]... parts) {
        Sha256 inner = new Sha256();
        inner.update(innerPad);
        for (byte[] part : parts) inner.update(part);
        Sha256 outer = new Sha256();
        outer.update(outerPad);
        outer.update(inner.digest());
        return outer.digest();
    }
}
