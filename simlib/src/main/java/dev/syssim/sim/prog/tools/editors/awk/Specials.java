package dev.syssim.sim.prog.tools.editors.awk;

import java.util.List;

/**
 * awk's built-in variables, each with a fixed global slot: assigning some of them has effects
 * (NF rebuilds the record, FS changes how the next record splits), reading NF splits the record.
 */
final class Specials {

    static final int NF = 0;
    static final int NR = 1;
    static final int FNR = 2;
    static final int FS = 3;
    static final int OFS = 4;
    static final int ORS = 5;
    static final int RS = 6;
    static final int RT = 7;
    static final int FILENAME = 8;
    static final int SUBSEP = 9;
    static final int RSTART = 10;
    static final int RLENGTH = 11;
    static final int CONVFMT = 12;
    static final int OFMT = 13;
    static final int ERRNO = 14;
    static final int IGNORECASE = 15;
    static final int ARGC = 16;
    static final int ARGV = 17;
    static final int ENVIRON = 18;
    static final int PROCINFO = 19;
    static final int BINMODE = 20;
    static final int LINT = 21;
    static final int TEXTDOMAIN = 22;
    static final int FIELDWIDTHS = 23;
    static final int FPAT = 24;
    static final int ARGIND = 25;
    static final int PREC = 26;
    static final int ROUNDMODE = 27;
    static final int SYMTAB = 28;
    static final int FUNCTAB = 29;

    /** In slot order. */
    static final List<String> NAMES = List.of("NF", "NR", "FNR", "FS", "OFS", "ORS", "RS", "RT", "FILENAME", "SUBSEP",
            "RSTART", "RLENGTH", "CONVFMT", "OFMT", "ERRNO", "IGNORECASE", "ARGC", "ARGV", "ENVIRON", "PROCINFO",
            "BINMODE", "LINT", "TEXTDOMAIN", "FIELDWIDTHS", "FPAT", "ARGIND", "PREC", "ROUNDMODE", "SYMTAB", "FUNCTAB");

    static final int COUNT = NAMES.size();

    private Specials() {
    }

    static boolean isSpecial(String name) {
        return NAMES.contains(name);
    }

    static int slot(String name) {
        return NAMES.indexOf(name);
    }

    static boolean isArray(int slot) {
        return slot == ARGV || slot == ENVIRON || slot == PROCINFO || slot == SYMTAB || slot == FUNCTAB;
    }
}
