package dev.syssim.sim.prog.regex;

/** glibc's regcomp error codes with the messages regerror(3) gives them (what grep and sed print). */
public enum RegexError {
    BADPAT("Invalid regular expression"),
    ECOLLATE("Invalid collation character"),
    ECTYPE("Invalid character class name"),
    EESCAPE("Trailing backslash"),
    ESUBREG("Invalid back reference"),
    EBRACK("Unmatched [, [^, [:, [., or [="),
    EPAREN("Unmatched ( or \\("),
    EBRACE("Unmatched \\{"),
    BADBR("Invalid content of \\{\\}"),
    ERANGE("Invalid range end"),
    ESPACE("Memory exhausted"),
    BADRPT("Invalid preceding regular expression"),
    EEND("Premature end of regular expression"),
    ESIZE("Regular expression too big"),
    ERPAREN("Unmatched ) or \\)"),
    /** Not glibc's: gnulib's dfa.c, which grep and sed also run, rejects {@code [:space:]}. */
    CONFUSING_BRACKETS("character class syntax is [[:space:]], not [:space:]");

    private final String message;

    RegexError(String message) {
        this.message = message;
    }

    public String message() {
        return message;
    }
}
