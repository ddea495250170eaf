package dev.syssim.sim.netfilter.ipset;

/**
 * The kernel's {@code jhash2} (Bob Jenkins' lookup3 over 32-bit words, {@code include/linux/jhash.h}),
 * with which ipset spreads a set's members over its buckets: {@code jhash2(words, initval) & mask}.
 * The words are the member as the kernel stores it in memory (network-order fields read as
 * little-endian {@code u32}s on x86), so that a set seeded with the same {@code initval} puts every
 * member in the same bucket as Linux does.
 */
final class Jhash {

    private static final int INITVAL = 0xdeadbeef;

    private Jhash() {
    }

    /** {@code jhash2} of one word. */
    static int hash1(int word, int initval) {
        int a = INITVAL + 4 + initval;
        return finish(a + word, a, a);
    }

    /** {@code jhash2} of two words. */
    static int hash2(int first, int second, int initval) {
        int a = INITVAL + 8 + initval;
        return finish(a + first, a + second, a);
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
