package dev.syssim.sim.prog.tools.editors.awk;

/**
 * An awk scalar: a number, a string, an uninitialized value (both "" and 0), or user input — a
 * field, a getline record, an element made by split, ARGV, ENVIRON, a -v value — which counts as a
 * number in comparisons when all of it looks like one (POSIX's "numeric string", gawk's strnum).
 *
 * <p>Strings hold bytes: each char of the Java string is one byte (0–255), so input that is not
 * valid UTF-8 passes through unchanged. The number of a string and the string of a number are
 * computed once and kept, as gawk keeps NUMCUR and STRCUR.
 */
final class Value {

    /**
     * What a value is. INDEX is an integer subscript handed out by {@code for (k in a)} over
     * integer keys: a number (it compares numerically) until its string is needed, when it becomes
     * a string for good — gawk's INTIND, which turns into STRING in format_val.
     */
    enum Kind { UNINIT, NUMBER, STRING, INPUT, INDEX, REGEX }

    static final Value UNINITIALIZED = new Value(Kind.UNINIT, 0, "");
    static final Value EMPTY = new Value(Kind.STRING, 0, "");
    /**
     * The value of a variable never assigned, read (gawk's Nnull_string: typeof "unassigned"), as
     * opposed to {@link #UNINITIALIZED}, an element made by a reference (typeof "untyped").
     */
    static final Value NULL_STRING = new Value(Kind.UNINIT, 0, "");
    /** A field beyond NF: the empty string (not a number: $5 == 0 is false), typeof "unassigned". */
    static final Value NULL_FIELD = new Value(Kind.STRING, 0, "");

    /** mkbool()'s results: numbers that typeof() calls "number|bool". */
    static final Value TRUE = new Value(Kind.NUMBER, 1, null);
    static final Value FALSE = new Value(Kind.NUMBER, 0, null);

    private static final Value[] SMALL = new Value[256];

    static {
        for (int i = 0; i < SMALL.length; i++) SMALL[i] = new Value(Kind.NUMBER, i, null);
    }

    Kind kind;
    private double number;
    private String string;
    /** The number format the cached string of a non-integral number was made with. */
    private String stringFormat;
    /** For strings: whether {@link #number} has been computed; for input: also whether it looks numeric. */
    private byte numberState;

    private static final byte NUMBER_UNKNOWN = 0;
    private static final byte NUMBER_KNOWN = 1;
    private static final byte NUMBER_LOOKS_NUMERIC = 2;

    private Value(Kind kind, double number, String string) {
        this.kind = kind;
        this.number = number;
        this.string = string;
        if (kind != Kind.STRING && kind != Kind.INPUT) numberState = NUMBER_KNOWN;
    }

    static Value of(double d) {
        if (d >= 0 && d < 256 && d == (int) d && !(d == 0 && 1 / d < 0)) return SMALL[(int) d];
        return new Value(Kind.NUMBER, d, null);
    }

    static Value of(boolean b) {
        return SMALL[b ? 1 : 0];
    }

    static Value str(String s) {
        return s.isEmpty() ? EMPTY : new Value(Kind.STRING, 0, s);
    }

    /** An integer subscript from a for-in loop (see {@link Kind#INDEX}). */
    static Value index(long k) {
        Value v = new Value(Kind.INDEX, k, null);
        return v;
    }

    /** A typed regexp constant ({@code @/re/}): its text as a string, 0 as a number. */
    static Value regex(String source) {
        return new Value(Kind.REGEX, 0, source);
    }

    /** Input text: a strnum if it looks numeric, else a string. */
    static Value input(String s) {
        return new Value(Kind.INPUT, 0, s);
    }

    /** The numeric value (a string's leading number, as gawk's force_number reads it). */
    double number() {
        if (numberState == NUMBER_UNKNOWN) computeNumber();
        return number;
    }

    private void computeNumber() {
        Numbers.Parsed p = Numbers.parse(string);
        number = p.value();
        numberState = kind == Kind.INPUT && p.whole() ? NUMBER_LOOKS_NUMERIC : NUMBER_KNOWN;
    }

    /** Whether the value takes part in comparisons as a number (gawk's NUMBER flag after fixtype). */
    boolean isNumeric() {
        switch (kind) {
            case NUMBER:
            case UNINIT:
            case INDEX:
                return true;
            case INPUT:
                if (numberState == NUMBER_UNKNOWN) computeNumber();
                return numberState == NUMBER_LOOKS_NUMERIC;
            default:
                return false;
        }
    }

    /** Whether this is a number or numeric input, as typeof() tells them apart. */
    boolean isStrnum() {
        return kind == Kind.INPUT && isNumeric();
    }

    /** The string value, numbers converted with {@code format} (CONVFMT or OFMT) unless integral. */
    String string(String format) {
        if (kind == Kind.INDEX) {
            string = Numbers.integerText(number);
            kind = Kind.STRING;
            numberState = NUMBER_KNOWN;
            return string;
        }
        if (kind != Kind.NUMBER) return string;
        if (string != null && (stringFormat == null || stringFormat.equals(format))) return string;
        if (Numbers.isIntegral(number)) {
            string = Numbers.integerText(number);
            stringFormat = null;
        } else {
            string = Numbers.format(number, format);
            stringFormat = format;
        }
        return string;
    }

    /** Whether a string of this value exists without converting (strings, input, uninitialized). */
    boolean hasString() {
        return kind != Kind.NUMBER && kind != Kind.INDEX;
    }

    /** The text of a string-like value (not for numbers). */
    String rawString() {
        return string;
    }

    /** awk's truth: numbers (and numeric input) are true when nonzero, strings when not empty. */
    boolean truth() {
        if (isNumeric()) {
            double d = number();
            return d != 0;
        }
        return !string.isEmpty();
    }

    @Override
    public String toString() {
        return kind + ":" + (kind == Kind.NUMBER ? Double.toString(number) : string);
    }
}
