package dev.syssim.sim.netfilter.tools;

/**
 * How nft 1.0.6 picks the "did you mean table ‘fw’ in family inet?" it adds to a lookup that
 * failed (its misspell.c): of the names it knows, the nearest to the one typed, if near enough —
 * the threshold a third of the longer name's length, a little more when the lengths differ by two
 * or more. Its edit distance compares each string's character i+1 where i is meant and lays the
 * table out one column short, so it is not quite Levenshtein's; measured suggestions on nft 1.0.6
 * follow this arithmetic and not the textbook one, so the same arithmetic is kept here.
 */
final class NftMisspell {

    private int best = Integer.MAX_VALUE;
    private Object found;

    /** Considers {@code known} (a name that exists, standing for {@code what}) against {@code typed}. */
    void consider(String known, String typed, Object what) {
        int maxLen = Math.max(known.length(), typed.length());
        int minLen = Math.min(known.length(), typed.length());
        if (maxLen <= 1) return;
        int threshold = maxLen - minLen <= 1 ? Math.max((maxLen + 2) / 3, 1) : (maxLen + 4) / 3;
        int distance = distance(known, typed);
        if (distance <= threshold && distance < best) {
            best = distance;
            found = what;
        }
    }

    /** The nearest name's object, or null. */
    Object found() {
        return found;
    }

    static int distance(String a, String b) {
        int la = a.length();
        int lb = b.length();
        int[] d = new int[(la + 1) * (lb + 1)];
        for (int i = 0; i <= la; i++) d[i * lb] = i;
        for (int j = 0; j <= lb; j++) d[j] = j;
        for (int i = 1; i <= la; i++) {
            for (int j = 1; j <= lb; j++) {
                char ai = at(a, i);
                char bj = at(b, j);
                int sub = ai == bj ? 0 : 1;
                int v = Math.min(Math.min(d[(i - 1) * lb + j] + 1, d[i * lb + j - 1] + 1), d[(i - 1) * lb + j - 1] + sub);
                d[i * lb + j] = v;
                if (i > 1 && j > 1 && ai == at(b, j - 1) && at(a, i - 1) == bj) {
                    d[i * lb + j] = Math.min(v, d[(i - 2) * lb + j - 2] + sub);
                }
            }
        }
        return d[la * lb + lb];
    }

    /** The C string's character {@code i}: its terminating NUL past the end. */
    private static char at(String s, int i) {
        return i < s.length() ? s.charAt(i) : '\0';
    }
}
