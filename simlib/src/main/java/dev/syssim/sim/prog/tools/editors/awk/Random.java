package dev.syssim.sim.prog.tools.editors.awk;

/**
 * gawk's rand(): the BSD additive feedback generator of its support/random.c (63 words of state,
 * seeded through the Park–Miller "minimal standard" generator, the first 630 values dropped),
 * behind a 512-entry shuffle buffer, two draws per number. Seeded with 1 until srand(), so a
 * program prints the same "random" numbers on every run, exactly as gawk 5.2 does.
 */
final class Random {

    private static final int DEG = 63;
    private static final int SEP = 1;
    private static final int SHUFFLE = 512;

    private final int[] state = new int[DEG];
    private int front;
    private int rear;
    private final long[] shuffle = new long[SHUFFLE];
    private long s = 0xcafefeedL;
    private boolean shuffleInit = true;
    private long seed = 1;

    Random() {
        seed(1);
    }

    /** The seed srand() last set (srand returns the previous one). */
    long seed() {
        return seed;
    }

    private static int goodRand(int x) {
        if (x == 0) x = 123459876;
        int hi = x / 127773;
        int lo = x % 127773;
        x = 16807 * lo - 2836 * hi;
        if (x < 0) x += 0x7fffffff;
        return x;
    }

    /** srandom(x), as gawk's srand(x) calls it with the seed cast to unsigned int. */
    void seed(long x) {
        seed = x;
        shuffleInit = true;
        state[0] = (int) x;
        for (int i = 1; i < DEG; i++) state[i] = goodRand(state[i - 1]);
        front = SEP;
        rear = 0;
        for (int i = 0; i < 10 * DEG; i++) random();
    }

    private long randomOld() {
        state[front] += state[rear];
        long i = (state[front] >>> 1) & 0x7fffffffL;
        if (++front >= DEG) {
            front = 0;
            ++rear;
        } else if (++rear >= DEG) {
            rear = 0;
        }
        return i;
    }

    private long random() {
        if (shuffleInit) {
            for (int k = 0; k < SHUFFLE; k++) shuffle[k] = randomOld();
            s = randomOld();
            shuffleInit = false;
        }
        long r = randomOld();
        int k = (int) (s & (SHUFFLE - 1));
        s = shuffle[k];
        shuffle[k] = r;
        return s;
    }

    /** rand(): a number in [0, 1). */
    double next() {
        double divisor = 2147483648.0;
        double v;
        do {
            long d1 = random();
            long d2 = random();
            v = 0.5 + ((d1 / divisor + d2) / divisor);
            v -= 0.5;
        } while (v == 1.0);
        return v;
    }
}
