package dev.syssim.sim.prog.regex;

/**
 * The twelve POSIX character classes, in the C locale (ASCII only: a byte above 127 is in none of
 * them) and in C.UTF-8. glibc's C.UTF-8 classifies characters from Unicode; Java's Character
 * tables stand in for its tables (simplification: a few rare code points may be classified
 * differently). As in glibc, non-ASCII digits such as U+0661 are {@code alpha}, not {@code digit}.
 */
public enum CharClass {
    ALPHA, UPPER, LOWER, DIGIT, XDIGIT, SPACE, PRINT, PUNCT, GRAPH, CNTRL, BLANK, ALNUM;

    /** The class named in {@code [[:name:]]}, or null for a name glibc does not know. */
    public static CharClass named(String name) {
        for (CharClass c : values()) {
            if (c.name().toLowerCase(java.util.Locale.ROOT).equals(name)) return c;
        }
        return null;
    }

    /** Whether character {@code c} (a byte in the C locale, a code point under UTF-8) is in this class. */
    public boolean contains(int c, boolean utf8) {
        if (c < 128) return ascii(c);
        if (!utf8 || c > Character.MAX_CODE_POINT) return false;
        return switch (this) {
            case ALPHA -> alpha(c);
            case UPPER -> Character.isUpperCase(c) || Character.isTitleCase(c);
            case LOWER -> Character.isLowerCase(c);
            case DIGIT, XDIGIT -> false;
            case SPACE -> Character.isWhitespace(c);
            case BLANK -> Character.isWhitespace(c) && Character.getType(c) == Character.SPACE_SEPARATOR;
            case CNTRL -> Character.getType(c) == Character.CONTROL || c == 0x2028 || c == 0x2029;
            case PRINT -> printable(c);
            case GRAPH -> printable(c) && !Character.isWhitespace(c) && c != 0xA0;
            case PUNCT -> printable(c) && !Character.isWhitespace(c) && c != 0xA0 && !alpha(c);
            case ALNUM -> alpha(c);
        };
    }

    private static boolean alpha(int c) {
        return Character.isAlphabetic(c) || Character.isDigit(c);
    }

    private static boolean printable(int c) {
        int type = Character.getType(c);
        return type != Character.CONTROL && type != Character.UNASSIGNED && type != Character.SURROGATE
                && type != Character.PRIVATE_USE && c != 0x2028 && c != 0x2029;
    }

    private boolean ascii(int c) {
        return switch (this) {
            case ALPHA -> c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
            case UPPER -> c >= 'A' && c <= 'Z';
            case LOWER -> c >= 'a' && c <= 'z';
            case DIGIT -> c >= '0' && c <= '9';
            case XDIGIT -> c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
            case SPACE -> c == ' ' || c >= '\t' && c <= '\r';
            case BLANK -> c == ' ' || c == '\t';
            case CNTRL -> c < 32 || c == 127;
            case PRINT -> c >= 32 && c < 127;
            case GRAPH -> c > 32 && c < 127;
            case PUNCT -> c > 32 && c < 127 && !ALNUM.ascii(c);
            case ALNUM -> ALPHA.ascii(c) || DIGIT.ascii(c);
        };
    }

    /** A word character for {@code \w}, {@code \b}, {@code \<}: alphanumeric or underscore. */
    public static boolean word(int c, boolean utf8) {
        return c == '_' || ALNUM.contains(c, utf8);
    }
}
