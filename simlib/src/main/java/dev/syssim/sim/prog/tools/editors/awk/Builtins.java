package dev.syssim.sim.prog.tools.editors.awk;

import java.util.HashMap;
import java.util.Map;

/**
 * The built-in functions: their names, how many arguments each takes (gawk checks while parsing:
 * "2 is invalid as number of arguments for length"), and which arguments are arrays or regular
 * expressions rather than values. The functions themselves run in the {@link Vm}.
 */
final class Builtins {

    /** The built-ins, with their argument counts. */
    enum Id {
        AND("and", 2, 99), ASORT("asort", 1, 3), ASORTI("asorti", 1, 3), ATAN2("atan2", 2, 2), CLOSE("close", 1, 2),
        COMPL("compl", 1, 1), COS("cos", 1, 1), EXP("exp", 1, 1), FFLUSH("fflush", 0, 1), GENSUB("gensub", 3, 4),
        GSUB("gsub", 2, 3), INDEX("index", 2, 2), INT("int", 1, 1), ISARRAY("isarray", 1, 1), LENGTH("length", 0, 1),
        LOG("log", 1, 1), LSHIFT("lshift", 2, 2), MATCH("match", 2, 3), MKTIME("mktime", 1, 2), OR("or", 2, 99),
        RAND("rand", 0, 0), RSHIFT("rshift", 2, 2), SIN("sin", 1, 1), SPLIT("split", 2, 4), SPRINTF("sprintf", 1, 999),
        SQRT("sqrt", 1, 1), SRAND("srand", 0, 1), STRFTIME("strftime", 0, 3), STRTONUM("strtonum", 1, 1),
        SUB("sub", 2, 3), SUBSTR("substr", 2, 3), SYSTEM("system", 1, 1), SYSTIME("systime", 0, 0),
        TOLOWER("tolower", 1, 1), TOUPPER("toupper", 1, 1), TYPEOF("typeof", 1, 2), XOR("xor", 2, 99),
        PATSPLIT("patsplit", 2, 4), MKBOOL("mkbool", 1, 1), DCGETTEXT("dcgettext", 1, 3),
        DCNGETTEXT("dcngettext", 3, 5), BINDTEXTDOMAIN("bindtextdomain", 1, 2);

        final String word;
        final int min;
        final int max;

        Id(String word, int min, int max) {
            this.word = word;
            this.min = min;
            this.max = max;
        }
    }

    private static final Map<String, Id> BY_NAME = new HashMap<>();

    static {
        for (Id id : Id.values()) BY_NAME.put(id.word, id);
    }

    private Builtins() {
    }

    static Id byName(String name) {
        return BY_NAME.get(name);
    }

    /** {min, max} arguments, or null for a name that is no built-in. */
    static int[] arity(String name) {
        Id id = BY_NAME.get(name);
        return id == null ? null : new int[] {id.min, id.max};
    }

    /** How argument {@code i} of {@code id} is passed. */
    enum Pass { VALUE, ARRAY, REGEX, ARRAY_OR_VALUE }

    static Pass pass(Id id, int i) {
        switch (id) {
            case LENGTH:
            case ISARRAY:
            case TYPEOF:
                return i == 0 ? Pass.ARRAY_OR_VALUE : Pass.VALUE;
            case SPLIT:
            case PATSPLIT:
                return i == 1 || i == 3 ? Pass.ARRAY : i == 2 ? Pass.REGEX : Pass.VALUE;
            case MATCH:
                return i == 1 ? Pass.REGEX : i == 2 ? Pass.ARRAY : Pass.VALUE;
            case GENSUB:
                return i == 0 ? Pass.REGEX : Pass.VALUE;
            case ASORT:
            case ASORTI:
                return i < 2 ? Pass.ARRAY : Pass.VALUE;
            default:
                return Pass.VALUE;
        }
    }
}
