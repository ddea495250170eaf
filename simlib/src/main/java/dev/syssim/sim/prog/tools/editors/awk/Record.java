package dev.syssim.sim.prog.tools.editors.awk;

import java.util.ArrayList;
import java.util.List;

/**
 * The current record, $0, and its fields, split lazily (as gawk does) with the field separator in
 * force when the record was set: assigning a field or NF rebuilds $0 with OFS; assigning $0 splits
 * it anew. Fields are user input: they compare as numbers when they look like numbers.
 */
final class Record {

    /** How fields are found in a record (from FS, or split()'s separator argument). */
    static final class Splitter {
        static final int BLANKS = 0;
        static final int CHAR = 1;
        static final int REGEX = 2;
        static final int CHARS = 3;

        final int kind;
        final char ch;
        final AwkRegex regex;
        /** RS = "" with the default FS: leading blanks skipped, no empty last field. */
        final boolean paragraphBlanks;

        Splitter(int kind, char ch, AwkRegex regex, boolean paragraphBlanks) {
            this.kind = kind;
            this.ch = ch;
            this.regex = regex;
            this.paragraphBlanks = paragraphBlanks;
        }
    }

    private String text = "";
    private Value zero = Value.NULL_FIELD;
    private final List<Value> fields = new ArrayList<>();
    private boolean split = true;
    private Splitter splitter;
    private boolean utf8;
    /** $0 must be rebuilt from the fields before it is read. */
    private boolean stale;

    /** Sets $0 to a new record (user input); the fields are split when first needed. */
    void set(String record, Splitter with, boolean utf8) {
        set(record, Value.input(record), with, utf8);
    }

    /**
     * Sets $0 to a value: an assignment keeps the value's type ($0 = "00E0" is a string, not a
     * number), while the fields split from it are user input, as in gawk.
     */
    void set(String record, Value value, Splitter with, boolean utf8) {
        text = record;
        zero = value;
        fields.clear();
        split = false;
        stale = false;
        splitter = with;
        this.utf8 = utf8;
    }

    /** $0, rebuilt with {@code ofs} if a field or NF changed. */
    Value zero(String ofs, String convfmt) {
        if (stale) rebuild(ofs, convfmt);
        return zero;
    }

    String text(String ofs, String convfmt) {
        if (stale) rebuild(ofs, convfmt);
        return text;
    }

    private void ensureSplit() {
        if (split) return;
        split = true;
        splitInto(text, splitter, fields, null, utf8);
    }

    /** Splits now with the separator the record was set with (before FS changes, as gawk does). */
    void splitNow() {
        ensureSplit();
    }

    int nf() {
        ensureSplit();
        return fields.size();
    }

    /** $n for n >= 1 ($0 is {@link #zero}); beyond NF the empty string, not creating it. */
    Value field(int n) {
        ensureSplit();
        if (n > fields.size()) return Value.NULL_FIELD;
        return fields.get(n - 1);
    }

    void setField(int n, Value v, String ofs, String convfmt) {
        ensureSplit();
        while (fields.size() < n) fields.add(Value.NULL_FIELD);
        fields.set(n - 1, v);
        stale = true;
    }

    /** NF = n: fields beyond are dropped, missing ones are empty; $0 is rebuilt. */
    void setNf(int n) {
        ensureSplit();
        while (fields.size() > n) fields.remove(fields.size() - 1);
        while (fields.size() < n) fields.add(Value.NULL_FIELD);
        stale = true;
    }

    private void rebuild(String ofs, String convfmt) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) b.append(ofs);
            b.append(fields.get(i).string(convfmt));
        }
        text = b.toString();
        zero = Value.str(text);
        stale = false;
    }

    /**
     * Splits {@code s} into {@code out} as gawk's field parsers do; {@code seps} (split()'s fourth
     * argument) gets the separators. Returns the number of fields.
     */
    static int splitInto(String s, Splitter sp, List<Value> out, java.util.Map<Integer, String> seps, boolean utf8) {
        int n = s.length();
        if (n == 0) return 0;
        switch (sp.kind) {
            case Splitter.BLANKS: {
                int i = 0;
                while (true) {
                    int sepStart = i;
                    while (i < n && isBlank(s.charAt(i))) i++;
                    if (seps != null && i > sepStart) seps.put(out.size(), s.substring(sepStart, i));
                    if (i >= n) break;
                    int f = i;
                    while (i < n && !isBlank(s.charAt(i))) i++;
                    out.add(Value.input(s.substring(f, i)));
                }
                return out.size();
            }
            case Splitter.CHAR: {
                int f = 0;
                for (int i = 0; i < n; i++) {
                    if (s.charAt(i) == sp.ch) {
                        out.add(Value.input(s.substring(f, i)));
                        if (seps != null) seps.put(out.size(), String.valueOf(sp.ch));
                        f = i + 1;
                    }
                }
                out.add(Value.input(s.substring(f)));
                return out.size();
            }
            case Splitter.CHARS: {
                for (int i = 0; i < n; ) {
                    int len = utf8 ? Bytes.charLength(s, i) : 1;
                    out.add(Value.input(s.substring(i, i + len)));
                    i += len;
                }
                return out.size();
            }
            default:
                return splitRegex(s, sp, out, seps, utf8);
        }
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\n';
    }

    private static int splitRegex(String s, Splitter sp, List<Value> out, java.util.Map<Integer, String> seps, boolean utf8) {
        byte[] b = Bytes.bytes(s);
        int end = b.length;
        int scan = 0;
        if (sp.paragraphBlanks) {
            while (scan < end && isBlank(s.charAt(scan))) scan++;
            if (seps != null && scan > 0) seps.put(0, s.substring(0, scan));
        }
        int field = scan;
        boolean notBol = false;
        while (scan < end) {
            int[] m = sp.regex.search(b, scan, end, scan, notBol);
            if (m == null) break;
            notBol = true;
            if (m[0] == m[1]) {
                scan += utf8 ? Bytes.charLength(s, scan) : 1;
                if (scan == end) {
                    out.add(Value.input(s.substring(field, scan)));
                    return out.size();
                }
                continue;
            }
            out.add(Value.input(s.substring(field, m[0])));
            if (seps != null) seps.put(out.size(), s.substring(m[0], m[1]));
            scan = m[1];
            field = scan;
            if (scan == end && !sp.paragraphBlanks) out.add(Value.input(""));
        }
        if (scan < end) out.add(Value.input(s.substring(scan)));
        return out.size();
    }
}
