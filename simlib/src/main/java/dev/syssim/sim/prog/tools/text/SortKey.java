package dev.syssim.sim.prog.tools.text;

import java.math.BigDecimal;

/**
 * One sort key of GNU sort (coreutils 9.1): where it starts and ends in a line ({@code -k
 * F[.C][OPTS][,F[.C][OPTS]]}) and how it compares — the ordering options b d f g h i M n R r V.
 * Lines are bytes; fields are found as sort.c's begfield and limfield find them, and every
 * comparison is its byte-wise counterpart (C.UTF-8 collates by code point, which for UTF-8 is byte
 * order).
 */
final class SortKey {

    /** 0-based start field and character; {@code startField == -1}: the line's start. */
    long startField = -1;
    long startChar;
    /** 0-based end field; -1: the line's end. {@code endChar} 0 means the end of that field. */
    long endField = -1;
    long endChar;
    boolean skipStartBlanks;
    boolean skipEndBlanks;
    boolean dictionary;
    boolean nonprinting;
    boolean fold;
    boolean numeric;
    boolean general;
    boolean human;
    boolean month;
    boolean random;
    boolean version;
    boolean reverse;

    /** Whether no ordering option was given for this key (it then takes the global ones). */
    boolean plain() {
        return !(dictionary || nonprinting || fold || skipStartBlanks || skipEndBlanks || month || numeric || general || human
                || version || random || reverse);
    }

    void inherit(SortKey global) {
        dictionary = global.dictionary;
        nonprinting = global.nonprinting;
        fold = global.fold;
        skipStartBlanks = global.skipStartBlanks;
        skipEndBlanks = global.skipEndBlanks;
        month = global.month;
        numeric = global.numeric;
        general = global.general;
        human = global.human;
        version = global.version;
        random = global.random;
        reverse = global.reverse;
    }

    /** The option letters as sort.c's key_to_opts writes them, for "options '-gn' are incompatible". */
    String letters(boolean withBlankAndReverse) {
        StringBuilder b = new StringBuilder();
        if (withBlankAndReverse && (skipStartBlanks || skipEndBlanks)) b.append('b');
        if (dictionary) b.append('d');
        if (fold) b.append('f');
        if (general) b.append('g');
        if (human) b.append('h');
        if (nonprinting) b.append('i');
        if (month) b.append('M');
        if (numeric) b.append('n');
        if (random) b.append('R');
        if (withBlankAndReverse && reverse) b.append('r');
        if (version) b.append('V');
        return b.toString();
    }

    boolean incompatible() {
        int n = (numeric ? 1 : 0) + (general ? 1 : 0) + (human ? 1 : 0) + (month ? 1 : 0) + (version || random || dictionary || nonprinting ? 1 : 0);
        return n > 1;
    }

    /**
     * Applies ordering letters at {@code s[at...]}; {@code end} says whether they follow the end
     * position (b then skips blanks at the key's end). Returns where the letters stop.
     */
    int options(String s, int at, boolean end) {
        while (at < s.length()) {
            switch (s.charAt(at)) {
                case 'b' -> {
                    if (end) skipEndBlanks = true;
                    else skipStartBlanks = true;
                }
                case 'd' -> dictionary = true;
                case 'f' -> fold = true;
                case 'g' -> general = true;
                case 'h' -> human = true;
                case 'i' -> nonprinting = true;
                case 'M' -> month = true;
                case 'n' -> numeric = true;
                case 'R' -> random = true;
                case 'r' -> reverse = true;
                case 'V' -> version = true;
                default -> {
                    return at;
                }
            }
            at++;
        }
        return at;
    }

    // ---- finding the key in a line ----

    static boolean blank(byte b) {
        return b == ' ' || b == '\t' || b == '\n';
    }

    /** Where the key starts in {@code line[from, to)} (begfield). {@code tab} -1: blank-separated fields. */
    int begin(byte[] line, int from, int to, int tab) {
        int p = from;
        if (startField >= 0) {
            long fields = startField;
            if (tab >= 0) {
                while (p < to && fields-- > 0) {
                    while (p < to && line[p] != (byte) tab) p++;
                    if (p < to) p++;
                }
            } else {
                while (p < to && fields-- > 0) {
                    while (p < to && blank(line[p])) p++;
                    while (p < to && !blank(line[p])) p++;
                }
            }
        }
        if (skipStartBlanks) while (p < to && blank(line[p])) p++;
        return (int) Math.min(to, p + (startField >= 0 ? startChar : 0));
    }

    /** Where the key ends in {@code line[from, to)} (limfield). */
    int limit(byte[] line, int from, int to, int tab) {
        if (endField < 0) return to;
        int p = from;
        long fields = endField + (endChar == 0 ? 1 : 0);
        if (tab >= 0) {
            while (p < to && fields-- > 0) {
                while (p < to && line[p] != (byte) tab) p++;
                if (p < to && (fields > 0 || endChar != 0)) p++;
            }
        } else {
            while (p < to && fields-- > 0) {
                while (p < to && blank(line[p])) p++;
                while (p < to && !blank(line[p])) p++;
            }
        }
        if (endChar != 0) {
            if (skipEndBlanks) while (p < to && blank(line[p])) p++;
            p = (int) Math.min(to, p + endChar);
        }
        return p;
    }

    // ---- comparing two keys ----

    /** Compares the key texts {@code a[as, ae)} and {@code b[bs, be)} (without -r). */
    int compare(byte[] a, int as, int ae, byte[] b, int bs, int be, byte[] salt) {
        if (ae < as) ae = as;
        if (be < bs) be = bs;
        if (numeric) return numericCompare(a, as, ae, b, bs, be);
        if (general) return generalCompare(a, as, ae, b, bs, be);
        if (human) return humanCompare(a, as, ae, b, bs, be);
        if (month) return Integer.compare(month(a, as, ae), month(b, bs, be));
        if (version) return VersionOrder.compare(a, as, ae, b, bs, be);
        if (random) return randomCompare(a, as, ae, b, bs, be, salt);
        if (dictionary || nonprinting || fold) return translated(a, as, ae, b, bs, be);
        return bytes(a, as, ae, b, bs, be);
    }

    static int bytes(byte[] a, int as, int ae, byte[] b, int bs, int be) {
        int n = Math.min(ae - as, be - bs);
        for (int i = 0; i < n; i++) {
            int d = (a[as + i] & 0xff) - (b[bs + i] & 0xff);
            if (d != 0) return d;
        }
        return Integer.compare(ae - as, be - bs);
    }

    private boolean ignored(byte x) {
        int c = x & 0xff;
        if (dictionary && !(Character.isLetterOrDigit(c) && c < 128 || c == ' ' || c == '\t')) return true;
        return nonprinting && !(c >= 32 && c < 127);
    }

    private int translate(byte x) {
        int c = x & 0xff;
        return fold && c >= 'a' && c <= 'z' ? c - 32 : c;
    }

    private int translated(byte[] a, int as, int ae, byte[] b, int bs, int be) {
        int i = as;
        int j = bs;
        while (true) {
            while (i < ae && ignored(a[i])) i++;
            while (j < be && ignored(b[j])) j++;
            if (i >= ae || j >= be) break;
            int d = translate(a[i]) - translate(b[j]);
            if (d != 0) return d;
            i++;
            j++;
        }
        return (i < ae ? 1 : 0) - (j < be ? 1 : 0);
    }

    /** sort -n (strnumcmp): blanks, an optional minus, digits, a decimal point and digits; nothing else counts. */
    static int numericCompare(byte[] a, int as, int ae, byte[] b, int bs, int be) {
        while (as < ae && blank(a[as])) as++;
        while (bs < be && blank(b[bs])) bs++;
        return number(a, as, ae).compareTo(number(b, bs, be));
    }

    private static BigDecimal number(byte[] s, int from, int to) {
        int p = from;
        boolean negative = p < to && s[p] == '-';
        if (negative) p++;
        StringBuilder digits = new StringBuilder();
        while (p < to && s[p] >= '0' && s[p] <= '9') digits.append((char) s[p++]);
        StringBuilder fraction = new StringBuilder();
        if (p < to && s[p] == '.') {
            p++;
            while (p < to && s[p] >= '0' && s[p] <= '9') fraction.append((char) s[p++]);
        }
        if (digits.length() == 0 && fraction.length() == 0) return BigDecimal.ZERO;
        BigDecimal v = new BigDecimal((digits.length() == 0 ? "0" : digits) + (fraction.length() == 0 ? "" : "." + fraction));
        return negative ? v.negate() : v;
    }

    /** sort -g: strtold's prefix; what does not convert sorts first, then NaN, then the numbers. */
    private static int generalCompare(byte[] a, int as, int ae, byte[] b, int bs, int be) {
        Double x = strtod(a, as, ae);
        Double y = strtod(b, bs, be);
        if (x == null) return y == null ? 0 : -1;
        if (y == null) return 1;
        if (x.isNaN() || y.isNaN()) return x.isNaN() ? y.isNaN() ? 0 : -1 : 1;
        return Double.compare(x == 0 ? 0.0 : x, y == 0 ? 0.0 : y);
    }

    /** The longest prefix of {@code s} that strtod converts (after blanks), or null when none does. */
    static Double strtod(byte[] s, int from, int to) {
        int p = from;
        while (p < to && (s[p] == ' ' || s[p] >= '\t' && s[p] <= '\r')) p++;
        String rest = new String(s, p, to - p, java.nio.charset.StandardCharsets.ISO_8859_1);
        java.util.regex.Matcher m = STRTOD.matcher(rest);
        if (!m.lookingAt()) return null;
        String t = m.group().toLowerCase(java.util.Locale.ROOT);
        boolean neg = t.startsWith("-");
        String body = t.replaceFirst("^[+-]", "");
        double v;
        if (body.startsWith("inf")) v = Double.POSITIVE_INFINITY;
        else if (body.startsWith("nan")) v = Double.NaN;
        else if (body.startsWith("0x")) v = hex(body.substring(2));
        else v = Double.parseDouble(body);
        return neg ? -v : v;
    }

    private static final java.util.regex.Pattern STRTOD = java.util.regex.Pattern.compile(
            "[+-]?(?i:(?:infinity|inf|nan(?:\\([0-9a-z_]*\\))?)|0x(?:[0-9a-f]+\\.?[0-9a-f]*|\\.[0-9a-f]+)(?:p[+-]?[0-9]+)?"
                    + "|(?:[0-9]+\\.?[0-9]*|\\.[0-9]+)(?:e[+-]?[0-9]+)?)");

    private static double hex(String body) {
        String mantissa = body;
        int exp = 0;
        int pIndex = body.indexOf('p');
        if (pIndex >= 0) {
            mantissa = body.substring(0, pIndex);
            exp = Integer.parseInt(body.substring(pIndex + 1).replace("+", ""));
        }
        int dot = mantissa.indexOf('.');
        String digits = mantissa.replace(".", "");
        int fractionDigits = dot < 0 ? 0 : mantissa.length() - dot - 1;
        double v = digits.isEmpty() ? 0 : new java.math.BigInteger(digits, 16).doubleValue();
        return v * Math.pow(2, exp - 4.0 * fractionDigits);
    }

    /** sort -h: the SI suffix (K M G T P E Z Y R Q) decides first, then the number. */
    private static int humanCompare(byte[] a, int as, int ae, byte[] b, int bs, int be) {
        while (as < ae && blank(a[as])) as++;
        while (bs < be && blank(b[bs])) bs++;
        int d = unitOrder(a, as, ae) - unitOrder(b, bs, be);
        return d != 0 ? d : numericCompare(a, as, ae, b, bs, be);
    }

    private static int unitOrder(byte[] s, int from, int to) {
        int p = from;
        boolean minus = p < to && s[p] == '-';
        if (minus) p++;
        int maxDigit = 0;
        int ch;
        while (true) {
            while (p < to && s[p] >= '0' && s[p] <= '9') maxDigit = Math.max(maxDigit, s[p++]);
            ch = p < to ? s[p++] & 0xff : 0;
            if (ch == '.' && p < to && s[p] >= '0' && s[p] <= '9') continue;
            break;
        }
        int order = "KMGTPEZYRQ".indexOf(ch) + 1;
        if (ch == 'k') order = 1;
        if (ch == 0) order = 0;
        return (minus ? -order : order) * (maxDigit > '0' ? 1 : 0);
    }

    private static final String[] MONTHS = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};

    /** sort -M: 1 to 12 for a month abbreviation after blanks (any case), 0 for anything else. */
    private static int month(byte[] s, int from, int to) {
        int p = from;
        while (p < to && blank(s[p])) p++;
        for (int m = 0; m < 12; m++) {
            if (to - p < 3) return 0;
            boolean ok = true;
            for (int k = 0; k < 3; k++) {
                int c = s[p + k] & 0xff;
                if (c >= 'a' && c <= 'z') c -= 32;
                if (c != MONTHS[m].charAt(k)) ok = false;
            }
            if (ok) return m + 1;
        }
        return 0;
    }

    /** sort -R: by a hash of the key and a salt, so equal keys stay together; ties by the bytes. */
    private static int randomCompare(byte[] a, int as, int ae, byte[] b, int bs, int be, byte[] salt) {
        byte[] x = hash(a, as, ae, salt);
        byte[] y = hash(b, bs, be, salt);
        int d = bytes(x, 0, x.length, y, 0, y.length);
        return d != 0 ? d : bytes(a, as, ae, b, bs, be);
    }

    private static byte[] hash(byte[] s, int from, int to, byte[] salt) {
        try {
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("MD5");
            md.update(salt);
            md.update(s, from, to - from);
            return md.digest();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
