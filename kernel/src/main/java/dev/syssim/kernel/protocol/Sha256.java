package dev.syssim.kernel.protocol;

/**
 * SHA-256 as FIPS 180-4 defines it, for {@link HmacSha256}. The kernel signs with its own digest
 * instead of the JDK's because looking up a JCA provider initialises the whole security framework,
 * which costs 60 to 100 ms of a start-up budget of 200. Tests check it against the FIPS/NIST vectors
 * and against {@code javax.crypto.Mac}. It has no secret-dependent branches or table indexes.
 */
final class Sha256 {

    // FIPS 180-4 4.2.2: the first 32 bits of the fractional parts of the cube roots of the first 64
    // primes; 5.3.3: of the square roots of the first 8. Computed rather than typed, so there is no
    // 72-number table to proofread; every digest test exercises all of them.
    private static final int[] K = new int[64];
    private static final int[] H0 = new int[8];

    static {
        int found = 0;
        for (int candidate = 2; found < 64; candidate++) {
            if (!isPrime(candidate)) continue;
            K[found] = fraction32(Math.cbrt(candidate));
            if (found < 8) H0[found] = fraction32(Math.sqrt(candidate));
            found++;
        }
    }

    private final int[] state = H0.clone();
    private final int[] schedule = new int[64];
    private final byte[] block = new byte[64];
    private int blockLength;
    private long messageLength;

    void update(byte[] data) {
        int offset = 0;
        while (offset < data.length) {
            int n = Math.min(64 - blockLength, data.length - offset);
            System.arraycopy(data, offset, block, blockLength, n);
            blockLength += n;
            offset += n;
            if (blockLength == 64) {
                compress();
                blockLength = 0;
            }
        }
        messageLength += data.length;
    }

    /** Pads, finishes and returns the 32-byte digest; the instance is spent afterwards. */
    byte[] digest() {
        long bits = messageLength * 8;
        block[blockLength++] = (byte) 0x80;
        if (blockLength > 56) {
            while (blockLength < 64) block[blockLength++] = 0;
            compress();
            blockLength = 0;
        }
        while (blockLength < 56) block[blockLength++] = 0;
        for (int i = 7; i >= 0; i--) block[blockLength++] = (byte) (bits >>> (8 * i));
        compress();
        byte[] digest = new byte[32];
        for (int i = 0; i < 8; i++) {
            for (int j = 0; j < 4; j++) digest[4 * i + j] = (byte) (state[i] >>> (24 - 8 * j));
        }
        return digest;
    }

    // FIPS 180-4 6.2.2: message schedule, 64 rounds, add into the state.
    private void compress() {
        int[] w = schedule;
        for (int t = 0; t < 16; t++) {
            w[t] = (block[4 * t] & 0xff) << 24 | (block[4 * t + 1] & 0xff) << 16
                    | (block[4 * t + 2] & 0xff) << 8 | (block[4 * t + 3] & 0xff);
        }
        for (int t = 16; t < 64; t++) {
            int s0 = Integer.rotateRight(w[t - 15], 7) ^ Integer.rotateRight(w[t - 15], 18) ^ (w[t - 15] >>> 3);
            int s1 = Integer.rotateRight(w[t - 2], 17) ^ Integer.rotateRight(w[t - 2], 19) ^ (w[t - 2] >>> 10);
            w[t] = w[t - 16] + s0 + w[t - 7] + s1;
        }
        int a = state[0], b = state[1], c = state[2], d = state[3];
        int e = state[4], f = state[5], g = state[6], h = state[7];
        for (int t = 0; t < 64; t++) {
            int sum1 = Integer.rotateRight(e, 6) ^ Integer.rotateRight(e, 11) ^ Integer.rotateRight(e, 25);
            int choose = (e & f) ^ (~e & g);
            int t1 = h + sum1 + choose + K[t] + w[t];
            int sum0 = Integer.rotateRight(a, 2) ^ Integer.rotateRight(a, 13) ^ Integer.rotateRight(a, 22);
            int majority = (a & b) ^ (a & c) ^ (b & c);
            int t2 = sum0 + majority;
            h = g;
            g = f;
            f = e;
            e = d + t1;
            d = c;
            c = b;
            b = a;
            a = t1 + t2;
        }
        state[0] += a;
        state[1] += b;
        state[2] += c;
        state[3] += d;
        state[4] += e;
        state[5] += f;
        state[6] += g;
        state[7] += h;
    }

    private static int fraction32(double root) {
        return (int) (long) ((root - Math.floor(root)) * 0x1p32);
    }

    private static boolean isPrime(int n) {
        for (int d = 2; d * d <= n; d++) {
            if (n % d == 0) return false;
        }
        return true;
    }
}
