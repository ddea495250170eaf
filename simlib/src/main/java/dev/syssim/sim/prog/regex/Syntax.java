package dev.syssim.sim.prog.regex;

/**
 * glibc's regex syntax bits ({@code RE_*} in regex.h) that change how a pattern parses, and the
 * combinations the GNU tools pass. grep, sed, gawk and regcomp(3) differ in a few of them — which is
 * why {@code grep 'a**'} is fine while sed, given the same pattern, says "Invalid preceding regular
 * expression".
 */
public final class Syntax {

    /** Backslash quotes the next character inside a bracket expression (awk). */
    public static final int BACKSLASH_ESCAPE_IN_LISTS = 1;
    /** {@code \+} and {@code \?} are the operators, {@code +} and {@code ?} literal (BRE). */
    public static final int BK_PLUS_QM = 1 << 1;
    /** {@code [[:alpha:]]} classes are recognised. */
    public static final int CHAR_CLASSES = 1 << 2;
    /** {@code ^} and {@code $} are anchors anywhere (ERE). */
    public static final int CONTEXT_INDEP_ANCHORS = 1 << 3;
    /** A repetition operator where no expression precedes it is skipped (grep -E) ... */
    public static final int CONTEXT_INDEP_OPS = 1 << 4;
    /** ... or an error (POSIX ERE). */
    public static final int CONTEXT_INVALID_OPS = 1 << 5;
    /** {@code .} matches NUL too unless this is set. */
    public static final int DOT_NOT_NULL = 1 << 7;
    /** {@code [^a]} does not match a newline. */
    public static final int HAT_LISTS_NOT_NEWLINE = 1 << 8;
    /** Intervals {@code {m,n}} are recognised. */
    public static final int INTERVALS = 1 << 9;
    /** A newline separates alternatives (grep: each line of the pattern is a pattern). */
    public static final int NEWLINE_ALT = 1 << 11;
    /** {@code {} are the interval braces, {@code \{} literal (ERE). */
    public static final int NO_BK_BRACES = 1 << 12;
    /** {@code ()} group, {@code \(} is literal (ERE). */
    public static final int NO_BK_PARENS = 1 << 13;
    /** {@code \1} is not a back-reference. */
    public static final int NO_BK_REFS = 1 << 14;
    /** {@code |} is alternation, {@code \|} literal (ERE). */
    public static final int NO_BK_VBAR = 1 << 15;
    /** A range whose end comes before its start is an error. */
    public static final int NO_EMPTY_RANGES = 1 << 16;
    /** An unmatched {@code )} is an ordinary character. */
    public static final int UNMATCHED_RIGHT_PAREN_ORD = 1 << 17;
    /** {@code \w \s \b \< \`} ... are not recognised. */
    public static final int NO_GNU_OPS = 1 << 19;
    /** An interval that does not parse ({@code a{1}) is literal text instead of an error. */
    public static final int INVALID_INTERVAL_ORD = 1 << 21;
    /** A repetition operator after another, or at the start, is an error (POSIX BRE). */
    public static final int CONTEXT_INVALID_DUP = 1 << 22;
    /** Internal: a {@code ^} here is an anchor (start of pattern, after {@code \(} or {@code \|}). */
    static final int CARET_ANCHORS_HERE = 1 << 23;

    private static final int POSIX_COMMON = CHAR_CLASSES | DOT_NOT_NULL | INTERVALS | NO_EMPTY_RANGES;
    /** regcomp(3) without REG_EXTENDED. */
    public static final int POSIX_BASIC = POSIX_COMMON | BK_PLUS_QM | CONTEXT_INVALID_DUP;
    /** regcomp(3) with REG_EXTENDED: bash's {@code [[ =~ ]]}. */
    public static final int POSIX_EXTENDED = POSIX_COMMON | CONTEXT_INDEP_ANCHORS | CONTEXT_INDEP_OPS | NO_BK_BRACES
            | NO_BK_PARENS | NO_BK_VBAR | CONTEXT_INVALID_OPS | UNMATCHED_RIGHT_PAREN_ORD;
    /** grep (RE_SYNTAX_GREP in glibc 2.36). */
    public static final int GREP = (POSIX_BASIC | NEWLINE_ALT) & ~(CONTEXT_INVALID_DUP | DOT_NOT_NULL);
    /** grep -E (RE_SYNTAX_EGREP). */
    public static final int EGREP = (POSIX_EXTENDED | INVALID_INTERVAL_ORD | NEWLINE_ALT) & ~(CONTEXT_INVALID_OPS | DOT_NOT_NULL);
    /** sed: POSIX basic, {@code .} matching NUL. */
    public static final int SED = POSIX_BASIC & ~DOT_NOT_NULL;
    /** sed -E: POSIX extended, {@code .} matching NUL, an unmatched {@code )} an error (sed without --posix). */
    public static final int SED_EXTENDED = POSIX_EXTENDED & ~(DOT_NOT_NULL | UNMATCHED_RIGHT_PAREN_ORD);
    /** gawk (RE_SYNTAX_GNU_AWK): ERE, backslash escapes in lists, a bad interval literal. */
    public static final int GNU_AWK = (POSIX_EXTENDED | BACKSLASH_ESCAPE_IN_LISTS | INVALID_INTERVAL_ORD)
            & ~(DOT_NOT_NULL | CONTEXT_INDEP_OPS | CONTEXT_INVALID_OPS);

    private Syntax() {
    }

    static boolean has(int syntax, int bit) {
        return (syntax & bit) != 0;
    }
}
