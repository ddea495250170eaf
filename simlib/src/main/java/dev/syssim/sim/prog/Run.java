package dev.syssim.sim.prog;

/**
 * One match of a compiled {@link Fnmatch} pattern against one string: bash's {@code gmatch},
 * {@code brackmatch}, {@code extmatch} and {@code glob_patscan} over arrays of characters (code
 * points, or bytes). Both arrays end in a 0 that stands for C's string terminator; bash reads
 * past the end of a sub-pattern into the rest of the pattern, and so does this.
 */
final class Run {

    private static final int NOMATCH_INDEX = -1;

    private final int[] pat;
    private final int[] str;
    private final int top;
    private final boolean wide;
    private int depth;

    Run(int[] pat, int[] str, int top, boolean wide, int flags) {
        this.pat = pat;
        this.str = str;
        this.top = top;
        this.wide = wide;
    }

    private int p(int i) {
        return i >= 0 && i < pat.length ? pat[i] : 0;
    }

    /** The string's character at {@code i}; 0 past the end of the whole string (and before it). */
    private int s(int i) {
        return i >= 0 && i < top ? str[i] : 0;
    }

    private int fold(int c, int flags) {
        if ((flags & Fnmatch.CASEFOLD) == 0) return c;
        if (!wide) return c >= 'A' && c <= 'Z' ? c + 32 : c;
        return CharClass.UPPER.hasCodePoint(c) ? Character.toLowerCase(c) : c;
    }

    /** Whether a leading dot at {@code n} must be matched explicitly. */
    private boolean hiddenDot(int n, int string, int flags) {
        return (flags & Fnmatch.PERIOD) != 0 && s(n) == '.'
                && (n == string || ((flags & Fnmatch.PATHNAME) != 0 && s(n - 1) == '/'));
    }

    private boolean dotOrDotDot(int n, int string, int flags) {
        if ((flags & Fnmatch.DOTDOT) == 0) return false;
        return (n == string && stringDot(n)) || ((flags & Fnmatch.PATHNAME) != 0 && s(n - 1) == '/' && pathDot(n));
    }

    private boolean stringDot(int n) {
        return s(n) == '.' && (s(n + 1) == 0 || (s(n + 1) == '.' && s(n + 2) == 0));
    }

    private boolean pathDot(int n) {
        return s(n) == '.' && (pathSep(s(n + 1)) || (s(n + 1) == '.' && pathSep(s(n + 2))));
    }

    private static boolean pathSep(int c) {
        return c == '/' || c == 0;
    }

    /**
     * bash's {@code gmatch}: does string [string, se) match pattern [pattern, pe)? With
     * {@code ends}, return at the next {@code *}, recording where it stands (glibc's trick that
     * never backtracks to an earlier star).
     */
    boolean gmatch(int string, int se, int pattern, int pe, int[] ends, int flags) {
        if (++depth > Fnmatch.MAX_DEPTH) {
            depth--;
            return false;
        }
        try {
            return gmatchLoop(string, se, pattern, pe, ends, flags);
        } finally {
            depth--;
        }
    }

    private boolean gmatchLoop(int string, int se, int pattern, int pe, int[] ends, int flags) {
        int p = pattern;
        int n = string;
        restart:
        for (;;) {
            scan:
            while (p < pe) {
                int c = fold(p(p++), flags);
                int sc = n < se ? s(n) : 0;
                if ((flags & Fnmatch.EXTMATCH) != 0 && p(p) == '(' && isExtglobOperator(c)) {
                    int lflags = n == string ? flags : flags & ~(Fnmatch.PERIOD | Fnmatch.DOTDOT);
                    return extmatch(c, n, se, p, pe, lflags);
                }
                switch (c) {
                    case '?' -> {
                        if (sc == 0) return false;
                        if ((flags & Fnmatch.PATHNAME) != 0 && sc == '/') return false;
                        if (hiddenDot(n, string, flags)) return false;
                        if (dotOrDotDot(n, string, flags)) return false;
                    }
                    case '\\' -> {
                        if (!(p == pe && sc == '\\' && n + 1 == se)) {
                            if (p == pe) return false;
                            if ((flags & Fnmatch.NOESCAPE) == 0) {
                                c = p(p++);
                                if (p > pe) return false; // a trailing backslash cannot match
                                c = fold(c, flags);
                            }
                            if (fold(sc, flags) != c) return false;
                        }
                    }
                    case '*' -> {
                        if (ends != null) {
                            ends[0] = p - 1;
                            ends[1] = n;
                            return true;
                        }
                        if (hiddenDot(n, string, flags)) return false;
                        if (dotOrDotDot(n, string, flags)) return false;
                        if (p == pe) {
                            // bash returns a match here even across a slash with PATHNAME, which its
                            // globbing (one name at a time) never passes; fnmatch(3) does not match
                            return (flags & Fnmatch.PATHNAME) == 0 || (flags & Fnmatch.LEADING_DIR) != 0
                                    || noSlash(n, se);
                        }
                        // several * and ? in a row: one character for each ?
                        for (c = p(p++); c == '?' || c == '*'; c = p(p++)) {
                            if ((flags & Fnmatch.PATHNAME) != 0 && sc == '/') return false;
                            if ((flags & Fnmatch.EXTMATCH) != 0 && c == '?' && p(p) == '(') {
                                if (extmatch(c, n, se, p, pe, flags)) return true;
                                int next = patscan(p + 1, pe, 0);
                                p = next >= 0 ? next : pe;
                            } else if (c == '?') {
                                if (sc == 0) return false;
                                n++;
                                sc = n < se ? s(n) : 0;
                            }
                            if ((flags & Fnmatch.EXTMATCH) != 0 && c == '*' && p(p) == '(') {
                                for (int newn = n; newn < se; ++newn) {
                                    if (extmatch(c, newn, se, p, pe, flags)) return true;
                                }
                                int next = patscan(p + 1, pe, 0);
                                p = next >= 0 ? next : pe;
                            }
                            if (p == pe) break;
                        }
                        if (c == 0) {
                            return (flags & Fnmatch.PATHNAME) == 0 || (flags & Fnmatch.LEADING_DIR) != 0
                                    || noSlash(n, se);
                        }
                        if (p == pe && (c == '?' || c == '*')) return true;
                        if (n == se && (flags & Fnmatch.EXTMATCH) != 0 && (c == '!' || c == '?') && p(p) == '(') {
                            --p;
                            if (extmatch(c, n, se, p, pe, flags)) return c != '!';
                            return c == '!';
                        }
                        if (c == '/' && (flags & Fnmatch.PATHNAME) != 0) {
                            while (n < se && s(n) != '/') ++n;
                            if (n < se && s(n) == '/') {
                                // bash recurses here as a tail call: match the rest after the slash
                                string = n + 1;
                                n = string;
                                ends = null;
                                continue restart;
                            }
                            return false;
                        }
                        int[] end = {NOMATCH_INDEX, 0};
                        int endp = se;
                        if ((flags & Fnmatch.PATHNAME) != 0) {
                            for (int i = n; i < se; i++) {
                                if (s(i) == '/') {
                                    endp = i;
                                    break;
                                }
                            }
                        }
                        int c1 = fold((flags & Fnmatch.NOESCAPE) == 0 && c == '\\' ? p(p) : c, flags);
                        boolean extmatching = (flags & Fnmatch.EXTMATCH) != 0;
                        for (--p; n < endp; ++n) {
                            if (!extmatching && c != '[' && fold(s(n), flags) != c1) continue;
                            if (extmatching && p(p + 1) != '(' && p(p) != 0 && "?*+@!".indexOf(p(p)) < 0
                                    && c != '[' && fold(s(n), flags) != c1) continue;
                            if (gmatch(n, se, p, pe, end, flags & ~(Fnmatch.PERIOD | Fnmatch.DOTDOT))) {
                                if (end[0] == NOMATCH_INDEX) return true;
                                break;
                            }
                        }
                        if (end[0] != NOMATCH_INDEX) {
                            p = end[0];
                            n = end[1];
                            continue scan;
                        }
                        return false;
                    }
                    case '[' -> {
                        if (sc == 0 || n == se) return false;
                        // fnmatch(3): no bracket expression matches a slash with PATHNAME (bash only
                        // refuses one written right after the set's first character)
                        if ((flags & Fnmatch.PATHNAME) != 0 && sc == '/') return false;
                        if (hiddenDot(n, string, flags)) return false;
                        if (dotOrDotDot(n, string, flags)) return false;
                        p = brackmatch(p, sc, flags);
                        if (p < 0) return false;
                    }
                    default -> {
                        if (c != fold(sc, flags)) return false;
                    }
                }
                n++;
            }
            if (n == se) return true;
            return (flags & Fnmatch.LEADING_DIR) != 0 && s(n) == '/';
        }
    }

    private boolean noSlash(int from, int to) {
        for (int i = from; i < to; i++) {
            if (s(i) == '/') return false;
        }
        return true;
    }

    private static boolean isExtglobOperator(int c) {
        return c == '+' || c == '*' || c == '?' || c == '@' || c == '!';
    }

    /** bash's {@code parse_collsym}: past {@code [.name.]}; the value (or -1) in {@code value[0]}. */
    private int parseCollsym(int p, int[] value) {
        p++;
        int length = 0;
        while (p(p + length) != 0 && !(p(p + length) == '.' && p(p + length + 1) == ']')) length++;
        if (p(p + length) == 0) {
            value[0] = -1;
            return p + length;
        }
        value[0] = Fnmatch.collatingSymbol(pat, p, length);
        return p + length + 2;
    }

    /**
     * bash's {@code brackmatch}: the pattern index after the bracket expression at {@code p}
     * (just past its {@code [}) if {@code test} matches it, else -1. An unclosed {@code [}
     * matches a {@code [} as an ordinary character.
     */
    private int brackmatch(int p, int test0, int flags) {
        int origTest = test0;
        int test = fold(origTest, flags);
        int savep = p;
        boolean not = p(p) == '!' || p(p) == '^';
        if (not) ++p;
        int c = p(p++);
        int[] value = new int[1];
        for (;;) {
            int cstart = c;
            int cend;
            boolean forcecoll = false;
            if (c == '[' && p(p) == '=' && p(p + 2) == '=' && p(p + 3) == ']') {
                int pc = fold(p(p + 1), flags);
                p += 4;
                if (test == pc) return matched(p + 1, test, not, savep, flags);
                c = p(p++);
                if (c == 0) return test == '[' ? savep : -1;
                c = fold(c, flags);
                continue;
            }
            if (c == '[' && p(p) == ':') {
                int pc = 0;
                int close = p + 1;
                while (p(close) != 0 && !(p(close) == ':' && p(close + 1) == ']')) close++;
                if (p(close) != 0) {
                    pc = Math.max(0, Fnmatch.inClass(origTest, dequote(p + 1, close), wide));
                    p = close + 2;
                }
                if (pc != 0) return matched(p + 1, test, not, savep, flags);
                c = p(p++);
                if (c == 0) return test == '[' ? savep : -1;
                if (c == ']') break;
                c = fold(c, flags);
                continue;
            }
            if (c == '[' && p(p) == '.') {
                p = parseCollsym(p, value);
                cstart = value[0] == -1 ? test + 1 : value[0];
                forcecoll = true;
            }
            if ((flags & Fnmatch.NOESCAPE) == 0 && c == '\\') {
                if (p(p) == 0) return -1;
                cstart = p(p++);
            }
            cstart = fold(cstart, flags);
            cend = cstart;
            boolean isRange = false;
            if (c == 0) return test == '[' ? savep : -1;
            c = fold(p(p++), flags);
            if (c == 0) return test == '[' ? savep : -1;
            if ((flags & Fnmatch.PATHNAME) != 0 && c == '/') return -1;
            if (c == '-' && p(p) != ']') {
                cend = p(p++);
                if ((flags & Fnmatch.NOESCAPE) == 0 && cend == '\\') cend = p(p++);
                if (cend == 0) return -1;
                if (cend == '[' && p(p) == '.') {
                    p = parseCollsym(p, value);
                    cend = value[0] == -1 ? test - 1 : value[0];
                    forcecoll = true;
                }
                cend = fold(cend, flags);
                c = p(p++);
                // in C.UTF-8 ranges and collation both order by code point
                if (cstart > cend) {
                    if (c == ']') break;
                    c = fold(c, flags);
                    continue;
                }
                isRange = true;
            }
            if (!isRange && test == cstart) return matched(p, test, not, savep, flags);
            if (isRange && test >= cstart && test <= cend) return matched(p, test, not, savep, flags);
            if (c == ']') break;
        }
        return not ? p : -1;
    }

    /** The rest of a bracket expression that already matched: skip to its end. */
    private int matched(int p, int test, boolean not, int savep, int flags) {
        int c = p(--p);
        int brcnt = 1;
        int brchrp = -1;
        while (brcnt > 0) {
            if (c == 0) return test == '[' ? savep : -1;
            int oc = c;
            c = p(p++);
            if (c == '[' && (p(p) == '=' || p(p) == ':' || p(p) == '.')) {
                brcnt++;
                brchrp = p++;
                c = p(p);
                if (c == 0) return test == '[' ? savep : -1;
            } else if (c == ']' && brcnt > 1 && brchrp >= 0 && oc == p(brchrp)) {
                brcnt--;
                brchrp = -1;
            } else if (c == ']' && (brchrp < 0 || p(brchrp) != '.') && brcnt >= 1) {
                brcnt = 0;
            } else if ((flags & Fnmatch.NOESCAPE) == 0 && c == '\\') {
                if (p(p) == 0) return -1;
                ++p;
            }
        }
        return not ? -1 : p;
    }

    /** A class name with its backslashes removed (bash allows {@code [[:al\pha:]]}). */
    private String dequote(int from, int to) {
        StringBuilder name = new StringBuilder();
        for (int i = from; i < to; i++) {
            if (p(i) == '\\' && i + 1 < to) i++;
            name.appendCodePoint(p(i));
        }
        return name.toString();
    }

    /**
     * bash's {@code glob_patscan}: the index after the {@code )} closing a pattern list (delim
     * 0) or after the next top-level {@code |} (delim '|'), or {@code end} if reached first, or
     * -1 if the list is empty or unclosed.
     */
    int patscan(int string, int end, int delim) {
        int pnest = 0;
        int bnest = 0;
        boolean skip = false;
        int cchar = 0;
        int bfirst = -1;
        if (string == end) return -1;
        for (int s = string; p(s) != 0; s++) {
            if (s >= end) return s;
            if (skip) {
                skip = false;
                continue;
            }
            int c = p(s);
            switch (c) {
                case '\\' -> skip = true;
                case '[' -> {
                    if (bnest == 0) {
                        bfirst = s + 1;
                        if (p(bfirst) == '!' || p(bfirst) == '^') bfirst++;
                        bnest++;
                    } else if (p(s + 1) == ':' || p(s + 1) == '.' || p(s + 1) == '=') {
                        cchar = p(s + 1);
                    }
                }
                case ']' -> {
                    if (bnest != 0) {
                        if (cchar != 0 && p(s - 1) == cchar) {
                            cchar = 0;
                        } else if (s != bfirst) {
                            bnest--;
                            bfirst = -1;
                        }
                    }
                }
                case '(' -> {
                    if (bnest == 0) pnest++;
                }
                case ')' -> {
                    if (bnest == 0 && pnest-- <= 0) return s + 1;
                }
                case '|' -> {
                    if (bnest == 0 && pnest == 0 && delim == '|') return s + 1;
                }
                default -> { }
            }
        }
        return -1;
    }

    /** The pattern text [p, pe) compared with the string [s, se) as plain text. */
    private boolean strcompare(int p, int pe, int s, int se) {
        if (pe - p != se - s) return false;
        for (int i = 0; i < pe - p; i++) {
            if (p(p + i) != s(s + i)) return false;
        }
        return true;
    }

    /** bash's {@code extmatch}: {@code xc(pattern-list)} at {@code p} (its {@code (}) and the rest. */
    private boolean extmatch(int xc, int s, int se, int p, int pe, int flags) {
        int prest = patscan(p + (p(p) == '(' ? 1 : 0), pe, 0);
        if (prest < 0) return strcompare(p - 1, pe, s, se);
        int later = flags & ~(Fnmatch.PERIOD | Fnmatch.DOTDOT);
        switch (xc) {
            case '+', '*' -> {
                return repeated(xc, s, se, p, pe, prest, flags);
            }
            case '?', '@' -> {
                if (xc == '?' && gmatch(s, se, prest, pe, null, flags)) return true;
                for (int psub = p + 1; ; ) {
                    int pnext = patscan(psub, pe, '|');
                    if (pnext < 0) return false;
                    for (int srest = prest == pe ? se : s; srest <= se; srest++) {
                        int xflags = srest > s ? later : flags;
                        if (gmatch(s, srest, psub, pnext - 1, null, flags)
                                && gmatch(srest, se, prest, pe, null, xflags)) return true;
                    }
                    if (pnext == prest) break;
                    psub = pnext;
                }
                return false;
            }
            default -> { // '!'
                for (int srest = s; srest <= se; srest++) {
                    boolean m1 = anyAlternative(s, srest, p, pe, prest, flags);
                    if (!m1 && (flags & Fnmatch.PERIOD) != 0 && s(s) == '.') return false;
                    if (!m1 && (flags & Fnmatch.DOTDOT) != 0
                            && (stringDot(s) || ((flags & Fnmatch.PATHNAME) != 0 && s(s - 1) == '/' && pathDot(s)))) {
                        return false;
                    }
                    int xflags = srest > s ? later : flags;
                    if (!m1 && gmatch(srest, se, prest, pe, null, xflags)) return true;
                }
                return false;
            }
        }
    }

    /**
     * The most characters pattern [from, to) can match: as many as it has when it holds no
     * {@code *} and no group (every other element matches exactly one character), else no limit.
     */
    private int longest(int from, int to) {
        for (int i = from; i < to; i++) {
            if (p(i) == '*' || p(i) == '(') return Integer.MAX_VALUE;
        }
        return to - from;
    }

    /** Whether one of the alternatives of the list at {@code p} matches string [s, srest). */
    private boolean anyAlternative(int s, int srest, int p, int pe, int prest, int flags) {
        for (int psub = p + 1; ; ) {
            int pnext = patscan(psub, pe, '|');
            if (pnext < 0) return false;
            if (gmatch(s, srest, psub, pnext - 1, null, flags)) return true;
            if (pnext == prest) return false;
            psub = pnext;
        }
    }

    /**
     * {@code *(list)} and {@code +(list)} followed by the rest of the pattern. bash tries one
     * repetition and then calls itself for the next (once per repetition, so once per character
     * of the string); the same answer comes from the set of positions that one or more non-empty
     * repetitions reach from {@code s}, each then tried against the rest of the pattern. A first
     * repetition may be empty, which for {@code +} means one alternative matches nothing.
     */
    private boolean repeated(int xc, int s, int se, int p, int pe, int prest, int flags) {
        int later = flags & ~(Fnmatch.PERIOD | Fnmatch.DOTDOT);
        if (xc == '*' && gmatch(s, se, prest, pe, null, flags)) return true;
        if (xc == '+' && anyAlternative(s, s, p, pe, prest, flags) && gmatch(s, se, prest, pe, null, flags)) {
            return true;
        }
        boolean[] reached = new boolean[se - s + 1];
        int[] queue = new int[se - s + 1];
        int head = 0;
        int tail = 0;
        queue[tail++] = s;
        while (head < tail) {
            int q = queue[head++];
            int qflags = q == s ? flags : later;
            for (int psub = p + 1; ; ) {
                int pnext = patscan(psub, pe, '|');
                if (pnext < 0) break;
                int last = (int) Math.min(se, (long) q + longest(psub, pnext - 1));
                for (int r = q + 1; r <= last; r++) {
                    if (reached[r - s]) continue;
                    if (gmatch(q, r, psub, pnext - 1, null, qflags)) {
                        reached[r - s] = true;
                        if (gmatch(r, se, prest, pe, null, later)) return true;
                        queue[tail++] = r;
                    }
                }
                if (pnext == prest) break;
                psub = pnext;
            }
        }
        return false;
    }
}
