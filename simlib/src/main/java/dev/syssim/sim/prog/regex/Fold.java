package dev.syssim.sim.prog.regex;

/** Case folding as glibc's RE_ICASE does it: pattern and text are compared upper-cased (toupper/towupper). */
final class Fold {

    private Fold() {
    }

    static int upper(int c, boolean utf8) {
        if (c >= 'a' && c <= 'z') return c - 32;
        if (c < 128 || !utf8 || c > Character.MAX_CODE_POINT) return c;
        return Character.toUpperCase(c);
    }
}
