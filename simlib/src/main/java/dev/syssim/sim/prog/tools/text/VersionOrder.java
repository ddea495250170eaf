package dev.syssim.sim.prog.tools.text;

/**
 * Version order as gnulib's filevercmp gives it to {@code sort -V} and {@code ls -v}: runs of digits
 * compare as numbers, letters before other characters, {@code ~} before everything (even the end),
 * and a file suffix such as {@code .tar.gz} only breaks ties.
 */
public final class VersionOrder {

    private VersionOrder() {
    }

    /** Two names in version order ({@code ls -v}). */
    public static int compare(String a, String b) {
        byte[] x = a.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] y = b.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return compare(x, 0, x.length, y, 0, y.length);
    }

    static int compare(byte[] a, int as, int ae, byte[] b, int bs, int be) {
        int alen = ae - as;
        int blen = be - bs;
        if (alen == blen && SortKey.bytes(a, as, ae, b, bs, be) == 0) return 0;
        if (alen == 0) return blen == 0 ? 0 : -1;
        if (blen == 0) return 1;
        if (a[as] == '.') {
            if (b[bs] != '.') return -1;
            boolean adot = alen == 1;
            boolean bdot = blen == 1;
            if (adot) return bdot ? 0 : -1;
            if (bdot) return 1;
            boolean adotdot = a[as + 1] == '.' && alen == 2;
            boolean bdotdot = b[bs + 1] == '.' && blen == 2;
            if (adotdot) return bdotdot ? 0 : -1;
            if (bdotdot) return 1;
        } else if (b[bs] == '.') {
            return 1;
        }
        int ap = prefixLength(a, as, ae);
        int bp = prefixLength(b, bs, be);
        boolean onePass = ap == alen && bp == blen;
        int result = verrevcmp(a, as, as + ap, b, bs, bs + bp);
        return result != 0 || onePass ? result : verrevcmp(a, as, ae, b, bs, be);
    }

    /** The length without a trailing suffix like {@code .tar.gz} ({@code (\.[A-Za-z~][A-Za-z0-9~]*)*$}). */
    private static int prefixLength(byte[] s, int from, int to) {
        int n = to - from;
        int prefix = 0;
        int i = 0;
        while (true) {
            if (i == n) return prefix;
            i++;
            prefix = i;
            while (i + 1 < n && s[from + i] == '.' && (alpha(s[from + i + 1]) || s[from + i + 1] == '~')) {
                for (i += 2; i < n && (alpha(s[from + i]) || digit(s[from + i]) || s[from + i] == '~'); i++) {
                    // skip the suffix
                }
            }
        }
    }

    private static boolean digit(byte c) {
        return c >= '0' && c <= '9';
    }

    private static boolean alpha(byte c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private static int order(byte[] s, int pos, int end) {
        if (pos >= end) return -1;
        byte c = s[pos];
        if (digit(c)) return 0;
        if (alpha(c)) return c;
        if (c == '~') return -2;
        return (c & 0xff) + 256;
    }

    private static int verrevcmp(byte[] a, int ap, int ae, byte[] b, int bp, int be) {
        while (ap < ae || bp < be) {
            int firstDiff = 0;
            while (ap < ae && !digit(a[ap]) || bp < be && !digit(b[bp])) {
                int ac = order(a, ap, ae);
                int bc = order(b, bp, be);
                if (ac != bc) return ac - bc;
                ap++;
                bp++;
            }
            while (ap < ae && a[ap] == '0') ap++;
            while (bp < be && b[bp] == '0') bp++;
            while (ap < ae && bp < be && digit(a[ap]) && digit(b[bp])) {
                if (firstDiff == 0) firstDiff = a[ap] - b[bp];
                ap++;
                bp++;
            }
            if (ap < ae && digit(a[ap])) return 1;
            if (bp < be && digit(b[bp])) return -1;
            if (firstDiff != 0) return firstDiff;
        }
        return 0;
    }
}
