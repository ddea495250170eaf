package dev.syssim.sim.prog;

/**
 * The character classes of bracket expressions ({@code [:alpha:]} ...) as glibc's C.UTF-8 locale
 * defines them: the twelve of POSIX plus bash's {@code ascii} and {@code word}. A byte (matched
 * one byte at a time) is classified as the C locale does, so bytes 128-255 are in no class; a
 * character decoded from UTF-8 is classified by Unicode as glibc's locale generator does it
 * (localedata/unicode-gen): letters, letter numbers and non-ASCII decimal digits are alphabetic,
 * only 0-9 are digits, no-break spaces are not spaces.
 *
 * <p>Simplification: the Unicode tables are Java's (Unicode 13 in Java 17) rather than glibc
 * 2.36's (Unicode 14), so characters assigned in Unicode 14 are in no class here.
 */
enum CharClass {
    ALNUM, ALPHA, BLANK, CNTRL, DIGIT, GRAPH, LOWER, PRINT, PUNCT, SPACE, UPPER, XDIGIT, ASCII, WORD;

    /** The class named {@code name} ({@code "alpha"}), or null if there is none. */
    static CharClass named(String name) {
        for (CharClass c : values()) {
            if (c.name().toLowerCase(java.util.Locale.ROOT).equals(name)) return c;
        }
        return null;
    }

    /** Whether the class is one of POSIX's twelve, which glibc's {@code wctype} knows. */
    boolean posix() {
        return this != ASCII && this != WORD;
    }

    /** Whether byte {@code b} (0-255) is in the class in the C locale. */
    boolean hasByte(int b) {
        if (b >= 128) return false;
        return switch (this) {
            case ASCII -> true;
            case ALNUM -> isDigit(b) || isAsciiLetter(b);
            case ALPHA -> isAsciiLetter(b);
            case BLANK -> b == ' ' || b == '\t';
            case CNTRL -> b < 32 || b == 127;
            case DIGIT -> isDigit(b);
            case GRAPH -> b > 32 && b < 127;
            case LOWER -> b >= 'a' && b <= 'z';
            case PRINT -> b >= 32 && b < 127;
            case PUNCT -> b > 32 && b < 127 && !isDigit(b) && !isAsciiLetter(b);
            case SPACE -> b == ' ' || (b >= '\t' && b <= '\r');
            case UPPER -> b >= 'A' && b <= 'Z';
            case XDIGIT -> isDigit(b) || (b >= 'a' && b <= 'f') || (b >= 'A' && b <= 'F');
            case WORD -> isDigit(b) || isAsciiLetter(b) || b == '_';
        };
    }

    /** Whether code point {@code cp} is in the class in glibc's C.UTF-8 locale. */
    boolean hasCodePoint(int cp) {
        if (cp < 128) return hasByte(cp);
        return switch (this) {
            case ASCII -> false;
            case ALNUM, ALPHA -> alpha(cp);
            case WORD -> alpha(cp);
            case BLANK -> blank(cp);
            case CNTRL -> Character.getType(cp) == Character.CONTROL || cp == 0x2028 || cp == 0x2029;
            case DIGIT, XDIGIT -> false;
            case GRAPH -> print(cp) && !space(cp);
            case LOWER -> lower(cp);
            case PRINT -> print(cp);
            case PUNCT -> print(cp) && !space(cp) && !alpha(cp);
            case SPACE -> space(cp);
            case UPPER -> upper(cp);
        };
    }

    private static boolean alpha(int cp) {
        int type = Character.getType(cp);
        return Character.isAlphabetic(cp) || type == Character.DECIMAL_DIGIT_NUMBER;
    }

    private static boolean space(int cp) {
        int type = Character.getType(cp);
        boolean separator = type == Character.SPACE_SEPARATOR || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
        return separator && !noBreak(cp);
    }

    private static boolean blank(int cp) {
        return Character.getType(cp) == Character.SPACE_SEPARATOR && !noBreak(cp);
    }

    private static boolean noBreak(int cp) {
        return cp == 0x00A0 || cp == 0x2007 || cp == 0x202F;
    }

    private static boolean print(int cp) {
        int type = Character.getType(cp);
        return Character.isDefined(cp) && type != Character.CONTROL && type != Character.SURROGATE
                && cp != 0x2028 && cp != 0x2029;
    }

    private static boolean upper(int cp) {
        return Character.toLowerCase(cp) != cp || Character.isUpperCase(cp)
                || Character.getType(cp) == Character.TITLECASE_LETTER;
    }

    private static boolean lower(int cp) {
        return Character.toUpperCase(cp) != cp || Character.isLowerCase(cp);
    }

    private static boolean isDigit(int b) {
        return b >= '0' && b <= '9';
    }

    private static boolean isAsciiLetter(int b) {
        return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z');
    }
}
