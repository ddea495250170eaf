package dev.syssim.sim.netfilter;

/**
 * The kernel's {@code jhash} family (Bob Jenkins' lookup3 over 32-bit words,
 * {@code include/linux/jhash.h}), with which netfilter spreads keys over hash buckets: ipset's
 * members, recent's addresses, hashlimit's flows. The words are the key as the kernel stores it in
 * memory (network-order fields read as little-endian {@code u32}s on x86), so that a table seeded
 * alike puts every key in the same bucket as Linux does — and lists it in the same order.
 */
public final class Jhash {

    private static final int INITVAL = 0xdeadbeef;

    private Jhash() {
    }

    /** {@code jhash2} of one word; also {@code jhash_1word}. */
    public static int hash1(int word, int initval) {
        int a = INITVAL + 4 + initval;
        return finish(a + word, a, a);
    }

    /** {@code jhash2} of two words. */
    public static int hash2(int first, int second, int initval) {
        int a = INITVAL + 8 + initval;
        return finish(a + first, a + second, a);
    }

    /** {@code jhash2} of any number of words. */
    public static int hash(int[] words, int initval) {
        int length = words.length;
        int a = INITVAL + (length << 2) + initval;
        int b = a;
        int c = a;
        int k = 0;
        while (length > 3) {
            a += words[k];
            b += words[k + 1];
            c += words[k + 2];
            // __jhash_mix(a, b, c)
            a -= c;
            a ^= Integer.rotateLeft(c, 4);
            c += b;
            b -= a;
            b ^= Integer.rotateLeft(a, 6);
            a += c;
            c -= b;
            c ^= Integer.rotateLeft(b, 8);
            b += a;
            a -= c;
            a ^= Integer.rotateLeft(c, 16);
            c += b;
            b -= a;
            b ^= Integer.rotateLeft(a, 19);
            a += c;
            c -= b;
            c ^= Integer.rotateLeft(b, 4);
            b += a;
            length -= 3;
            k += 3;
        }
        switch (length) {
            case 3:
                c += words[k + 2];
                // fall through
            case 2:
                b += words[k + 1];
                // fall through
            case 1:
                a += words[k];
                return finish(a, b, c);
            default:
                return c;
        }
    }

    /** {@code __jhash_final(a, b, c)}, returning c. */
    private static int finish(int a, int b, int c) {
        c ^= b;
        c -= Integer.rotateLeft(b, 14);
        a ^= c;
        a -= Integer.rotateLeft(c, 11);
        b ^= a;
        b -= Integer.rotateLeft(a, 25);
        c ^= b;
        c -= Integer.rotateLeft(b, 16);
        a ^= c;
        a -= Integer.rotateLeft(c, 4);
        b ^= a;
        b -= Integer.rotateLeft(a, 14);
        c ^= b;
        c -= Integer.rotateLeft(b, 24);
        return c;
    }
}
