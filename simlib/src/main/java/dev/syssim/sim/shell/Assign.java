package dev.syssim.sim.shell;

import dev.syssim.sim.shell.arith.ArithResult;
import java.util.List;

/**
 * Assigning a value the way bash does: readonly variables refuse, {@code declare -i} evaluates the
 * value as arithmetic, {@code -u}/{@code -l} change its case, {@code set -a} exports it, a name
 * reference assigns its target, an array takes it as element 0, and some names mean something to
 * the shell itself (PATH empties the command hash, RANDOM seeds, OPTIND restarts getopts). Each
 * method returns null, or the message bash prints.
 */
final class Assign {

    private Assign() {
    }

    static String scalar(Shell sh, String name, String value, boolean append) {
        Variables vars = sh.st.vars;
        Variable raw = vars.findRaw(name);
        if (raw != null && raw.has(Variable.NAMEREF) && raw.value == null) {
            // declare -n ref; ref=target: the reference gets its target
            if (raw.has(Variable.READONLY)) return name + ": readonly variable";
            raw.value = value;
            return null;
        }
        String target = vars.resolveName(name);
        int bracket = target.indexOf('[');
        if (!target.equals(name) && bracket > 0 && target.endsWith("]")) {
            // a reference to an array element (declare -n r='a[1]'): r=v assigns that element
            return element(sh, target.substring(0, bracket), target.substring(bracket + 1, target.length() - 1), value, append);
        }
        Variable v = vars.lookupForAssignment(name);
        if (v.has(Variable.READONLY)) return v.name + ": readonly variable";
        if (vars.dynamic() != null && !vars.dynamicUnset(v.name) && vars.dynamic().set(v.name, value)) {
            if (v.name.equals("_") || vars.dynamic().array(v.name) != null) {
                // nothing is stored: the shell keeps these itself (and an empty variable would hide them)
                if (v.value == null && !v.isArray()) vars.global().table.remove(v.name);
                return null;
            }
            store(v, value);
            return null;
        }
        String old = v.scalar();
        String converted = convert(sh, v, value, append ? old : null);
        if (converted == null) return ""; // declare -i's expression failed (already reported): the assignment fails
        if (v.isArray()) {
            v.indexed.put(0L, converted);
        } else if (v.isAssoc()) {
            v.assoc.put("0", converted);
        } else {
            v.value = converted;
        }
        after(sh, v);
        return null;
    }

    private static void store(Variable v, String value) {
        v.value = value;
    }

    /** name[subscript]=value: the subscript is arithmetic for an indexed array, a key for an associative one. */
    static String element(Shell sh, String name, String subscript, String value, boolean append) {
        Variable v = sh.st.vars.find(name);
        if (subscript.isEmpty()) return name + "[]: bad array subscript";
        if (v != null && v.isAssoc()) return key(sh, name, subscript, value, append);
        if (subscript.isEmpty()) return name + "[]: bad array subscript";
        ArithResult r = sh.arithmetic.evaluate(subscript, new ArithBridge(sh));
        ArithBridge.report(sh, r, null);
        if (!(r instanceof ArithResult.Value iv)) return "";
        return indexed(sh, name, iv.value(), value, append);
    }

    static String indexed(Shell sh, String name, long index, String value, boolean append) {
        Variables vars = sh.st.vars;
        Variable v = vars.lookupForAssignment(name);
        if (v.has(Variable.READONLY)) return v.name + ": readonly variable";
        if (v.isAssoc()) return key(sh, name, Long.toString(index), value, append);
        v.makeIndexed();
        long i = index;
        if (i < 0) {
            i += v.maxIndex() + 1;
            if (i < 0) return name + "[" + index + "]: bad array subscript";
        }
        String converted = convert(sh, v, value, append ? v.indexed.get(i) : null);
        if (converted == null) return null;
        v.indexed.put(i, converted);
        after(sh, v);
        return null;
    }

    static String key(Shell sh, String name, String key, String value, boolean append) {
        Variable v = sh.st.vars.lookupForAssignment(name);
        if (v.has(Variable.READONLY)) return v.name + ": readonly variable";
        if (!v.isAssoc()) v.makeAssoc();
        String converted = convert(sh, v, value, append ? v.assoc.get(key) : null);
        if (converted == null) return null;
        v.assoc.put(key, converted);
        after(sh, v);
        return null;
    }

    /** One element of a compound assignment: its subscript (null: the next index) and value. */
    record Element(String subscript, boolean append, String value) {
    }

    /**
     * {@code name=(elements)} ({@code append}: {@code +=}): an indexed array unless the variable is
     * associative; without {@code +=} the old elements go first.
     */
    static String array(Shell sh, String name, List<Element> elements, boolean append, boolean assoc) {
        Variable v = sh.st.vars.lookupForAssignment(name);
        if (v.has(Variable.READONLY)) return v.name + ": readonly variable";
        if (assoc || v.isAssoc()) {
            if (!v.isAssoc()) v.makeAssoc();
            if (!append) v.assoc = new HashTable<>(1024);
            v.value = null;
            // bash 5.2: (k1 v1 k2 v2) without brackets is a list of keys and values
            boolean pairs = !elements.isEmpty() && elements.get(0).subscript() == null;
            if (pairs) {
                for (int i = 0; i < elements.size(); i += 2) {
                    String k = elements.get(i).value();
                    String val = i + 1 < elements.size() ? elements.get(i + 1).value() : "";
                    String c = convert(sh, v, val, null);
                    v.assoc.put(k, c == null ? val : c);
                }
            } else {
                for (Element e : elements) {
                    if (e.subscript() == null) {
                        sh.error(name + ": " + e.value() + ": must use subscript when assigning associative array");
                        continue;
                    }
                    String c = convert(sh, v, e.value(), e.append() ? v.assoc.get(e.subscript()) : null);
                    v.assoc.put(e.subscript(), c == null ? e.value() : c);
                }
            }
            after(sh, v);
            return null;
        }
        v.makeIndexed();
        if (!append) v.indexed.clear();
        long next = append ? v.maxIndex() + 1 : 0;
        for (Element e : elements) {
            long i = next;
            if (e.subscript() != null) {
                if (e.subscript().isEmpty()) {
                    sh.error(name + "[]: bad array subscript");
                    continue;
                }
                ArithResult r = sh.arithmetic.evaluate(e.subscript(), new ArithBridge(sh));
                ArithBridge.report(sh, r, null);
                if (!(r instanceof ArithResult.Value iv)) continue;
                i = iv.value();
                if (i < 0) {
                    i += v.maxIndex() + 1;
                    if (i < 0) {
                        sh.error(name + "[" + iv.value() + "]: bad array subscript");
                        continue;
                    }
                }
            }
            String c = convert(sh, v, e.value(), e.append() ? v.indexed.get(i) : null);
            v.indexed.put(i, c == null ? e.value() : c);
            next = i + 1;
        }
        after(sh, v);
        return null;
    }

    /**
     * The value as the variable's attributes make it: arithmetic for {@code -i} (appending adds),
     * upper or lower case; {@code old} is the value to append to, or null. Null after an arithmetic
     * error (its message printed).
     */
    private static String convert(Shell sh, Variable v, String value, String old) {
        String result = value;
        if (v.has(Variable.INTEGER)) {
            String expr = old != null && !old.isEmpty() ? old + "+(" + value + ")" : value;
            ArithResult r = sh.arithmetic.evaluate(expr, new ArithBridge(sh));
            ArithBridge.report(sh, r, sh.declaring);
            if (!(r instanceof ArithResult.Value iv)) return null;
            result = Long.toString(iv.value());
        } else if (old != null) {
            result = old + value;
        }
        if (!v.has(Variable.UPPER) && !v.has(Variable.LOWER) && !v.has(Variable.CAPITALIZE)) return result;
        boolean utf8 = sh.utf8();
        if (v.has(Variable.UPPER)) result = ParamOps.changeCase(result, null, true, true, utf8, false);
        else if (v.has(Variable.LOWER)) result = ParamOps.changeCase(result, null, false, true, utf8, false);
        else if (v.has(Variable.CAPITALIZE)) result = ParamOps.changeCase(ParamOps.changeCase(result, null, false, true, utf8, false),
                null, true, false, utf8, false);
        return result;
    }

    /** After any assignment: set -a exports, and names the shell watches take effect. */
    private static void after(Shell sh, Variable v) {
        v.declaredOnly = false;
        if (sh.st.options.allexport) v.attributes |= Variable.EXPORT;
        switch (v.name) {
            case "PATH" -> {
                sh.st.hash.clear();
                sh.st.hashHits.clear();
            }
            case "OPTIND" -> sh.st.getoptsCharIndex = 0;
            case "POSIXLY_CORRECT" -> sh.st.options.set("posix", true); // bash turns posix mode on, as set -o posix
            default -> {
            }
        }
    }
}
