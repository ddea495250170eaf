package dev.syssim.sim.shell;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The shell's variables with bash's dynamic scoping: a global table, one table per running function
 * for its {@code local} variables, and temporary tables for {@code NAME=value command}. A name is
 * looked up from the innermost scope out; an assignment changes the innermost variable of that name
 * or makes a global one. Name references ({@code declare -n}) are followed here. Tables are bash's
 * hash tables, so listings and the environment come out in bash's order.
 */
final class Variables {

    /** One level of scope: the global table, a function's locals, or a command's temporary bindings. */
    static final class Scope {
        final HashTable<Variable> table;
        /** The function whose locals these are; null for the global and temporary scopes. */
        final String function;
        final boolean temporary;
        /** The set -o options as they were when the function ran {@code local -}; they come back at its return. */
        Map<String, Boolean> savedOptions;

        Scope(int buckets, String function, boolean temporary) {
            this.table = new HashTable<>(buckets);
            this.function = function;
            this.temporary = temporary;
        }

        private Scope(HashTable<Variable> table, String function, boolean temporary) {
            this.table = table;
            this.function = function;
            this.temporary = temporary;
        }

        Scope copy() {
            Scope c = new Scope(table.copy(Variable::copy), function, temporary);
            c.savedOptions = savedOptions == null ? null : new LinkedHashMap<>(savedOptions);
            return c;
        }
    }

    /** Variables whose value the shell computes when read (RANDOM, SECONDS, LINENO ...). */
    interface Dynamic {
        /** The value of a dynamic variable, or null if {@code name} is not one (or it was unset). */
        String get(String name);

        /** Called on assignment to a dynamic variable (RANDOM seeds, SECONDS restarts); false if it is not one. */
        boolean set(String name, String value);

        /** The elements of a dynamic array (FUNCNAME, BASH_SOURCE, PIPESTATUS ...), or null if {@code name} is not one. */
        default java.util.List<String> array(String name) {
            return null;
        }
    }

    private final List<Scope> scopes = new ArrayList<>();
    private Dynamic dynamic;
    /** Dynamic variables the user unset: they lose their special meaning, as in bash. */
    private final Set<String> unsetDynamic = new LinkedHashSet<>();

    Variables() {
        scopes.add(new Scope(1024, null, false));
    }

    void setDynamic(Dynamic dynamic) {
        this.dynamic = dynamic;
    }

    Variables copy() {
        Variables c = new Variables();
        c.scopes.clear();
        for (Scope s : scopes) c.scopes.add(s.copy());
        c.unsetDynamic.addAll(unsetDynamic);
        c.dynamic = dynamic;
        return c;
    }

    // ---- scopes ----

    void pushFunction(String name) {
        scopes.add(new Scope(4, name, false));
    }

    void pushTemporary(Map<String, String> bindings, boolean exported) {
        Scope s = new Scope(4, null, true);
        for (Map.Entry<String, String> e : bindings.entrySet()) {
            Variable v = new Variable(e.getKey(), e.getValue());
            if (exported) v.attributes |= Variable.EXPORT;
            s.table.put(e.getKey(), v);
        }
        scopes.add(s);
    }

    void popScope() {
        if (scopes.size() > 1) scopes.remove(scopes.size() - 1);
    }

    /** The number of function scopes open: 0 at the top level. */
    int functionDepth() {
        int n = 0;
        for (Scope s : scopes) if (s.function != null) n++;
        return n;
    }

    /** The innermost function scope, or null at the top level. */
    Scope functionScope() {
        for (int i = scopes.size() - 1; i >= 0; i--) if (scopes.get(i).function != null) return scopes.get(i);
        return null;
    }

    Scope global() {
        return scopes.get(0);
    }

    List<Scope> scopes() {
        return scopes;
    }

    // ---- lookup ----

    /** The innermost variable called {@code name}, without following name references; null if none. */
    Variable findRaw(String name) {
        for (int i = scopes.size() - 1; i >= 0; i--) {
            Variable v = scopes.get(i).table.get(name);
            if (v != null) return v;
        }
        return null;
    }

    /** The innermost variable called {@code name}, following name references; null if none. */
    Variable find(String name) {
        Variable v = findRaw(name);
        for (int hops = 0; v != null && v.has(Variable.NAMEREF) && v.value != null && hops < 8; hops++) {
            String targetName = v.value;
            Variable target = findRaw(targetName);
            if (target == null) return dynamicArray(targetName);
            v = target;
        }
        if (v == null) return dynamicArray(name);
        return v;
    }

    /** A dynamic array as a variable made for this read (changing it changes nothing), or null. */
    private Variable dynamicArray(String name) {
        if (dynamic == null || unsetDynamic.contains(name)) return null;
        java.util.List<String> elements = dynamic.array(name);
        if (elements == null) return null;
        Variable v = new Variable(name);
        v.makeIndexed();
        for (int i = 0; i < elements.size(); i++) v.indexed.put((long) i, elements.get(i));
        return v.indexed.isEmpty() ? null : v;
    }

    /** The name a reference finally points to ({@code name} itself if it is no reference). */
    String resolveName(String name) {
        Variable v = findRaw(name);
        String current = name;
        for (int hops = 0; v != null && v.has(Variable.NAMEREF) && v.value != null && hops < 8; hops++) {
            current = v.value;
            v = findRaw(current);
        }
        return current;
    }

    /**
     * The element a reference like {@code declare -n r='a[1]'} names. Simplification: an indexed
     * array's subscript is taken as a decimal number here, not evaluated as arithmetic.
     */
    private String element(String base, String subscript) {
        Variable v = find(base);
        if (v == null) return null;
        if (v.isAssoc()) return v.assoc.get(subscript);
        long index;
        try {
            index = Long.parseLong(subscript.strip());
        } catch (NumberFormatException e) {
            return null;
        }
        if (!v.isArray()) return index == 0 ? v.value : null;
        if (index < 0 && !v.indexed.isEmpty()) index += v.indexed.lastKey() + 1;
        return v.indexed.get(index);
    }

    boolean isDynamic(String name) {
        return dynamic != null && !unsetDynamic.contains(name) && findRaw(name) == null && dynamic.get(name) != null;
    }

    /** The value of {@code $name}: a scalar or element 0; dynamic variables computed; null when unset. */
    String get(String name) {
        String target = resolveName(name);
        int bracket = target.indexOf('[');
        if (!target.equals(name) && bracket > 0 && target.endsWith("]")) return element(target.substring(0, bracket),
                target.substring(bracket + 1, target.length() - 1));
        Variable v = find(name);
        if (v != null && v.isArray() && findRaw(name) == null) return v.scalar();
        if (v == null) {
            if (dynamic != null && !unsetDynamic.contains(name)) return dynamic.get(name);
            return null;
        }
        if (dynamic != null && !unsetDynamic.contains(name) && !v.isArray() && v.value != null && isDynamicName(name)) {
            String d = dynamic.get(name);
            if (d != null) return d;
        }
        return v.scalar();
    }

    private boolean isDynamicName(String name) {
        return switch (name) {
            case "RANDOM", "SECONDS", "LINENO", "BASHPID", "EPOCHSECONDS", "EPOCHREALTIME", "SRANDOM", "BASH_SUBSHELL" -> true;
            default -> false;
        };
    }

    // ---- assignment ----

    /**
     * Where an assignment to {@code name} lands: the innermost existing variable of that name (a
     * temporary binding included), else a new global one.
     */
    Variable lookupForAssignment(String name) {
        String target = resolveName(name);
        Variable v = findRaw(target);
        if (v == null) {
            v = new Variable(target);
            global().table.put(target, v);
        }
        return v;
    }

    /** Makes (or returns) {@code name} in the innermost function scope; null at the top level. */
    Variable local(String name) {
        Scope scope = functionScope();
        if (scope == null) return null;
        Variable v = scope.table.get(name);
        if (v == null) {
            v = new Variable(name);
            Variable outer = findRaw(name);
            // local keeps the attributes the shell's special variables need (bash copies some)
            if (outer != null && outer.has(Variable.EXPORT)) v.attributes |= Variable.EXPORT;
            scope.table.put(name, v);
        }
        return v;
    }

    /** Unsets the innermost variable of that name (following references unless {@code reference}). */
    boolean unset(String name, boolean reference) {
        String target = reference ? name : resolveName(name);
        for (int i = scopes.size() - 1; i >= 0; i--) {
            Scope s = scopes.get(i);
            Variable v = s.table.get(target);
            if (v == null) continue;
            if (s.function != null && i == scopes.size() - 1 && !s.temporary) {
                // bash: unset of a local in the current function leaves it declared but unset there
                v.value = null;
                v.indexed = null;
                v.assoc = null;
                v.attributes &= Variable.EXPORT | Variable.LOWER | Variable.UPPER | Variable.INTEGER;
                return true;
            }
            s.table.remove(target);
            return true;
        }
        if (dynamic != null && dynamic.get(target) != null) unsetDynamic.add(target);
        return true;
    }

    void forgetDynamic(String name) {
        unsetDynamic.add(name);
    }

    boolean dynamicUnset(String name) {
        return unsetDynamic.contains(name);
    }

    Dynamic dynamic() {
        return dynamic;
    }

    // ---- listings and the environment ----

    /** Every visible variable (inner scopes hide outer ones), sorted by name as {@code set} and {@code declare -p} list them. */
    TreeMap<String, Variable> visible() {
        TreeMap<String, Variable> all = new TreeMap<>(Variables::compareNames);
        for (Scope s : scopes) s.table.forEach((k, v) -> all.put(k, v));
        return all;
    }

    /** bash sorts variable names with strcmp in the C locale. */
    static int compareNames(String a, String b) {
        return a.compareTo(b);
    }

    /**
     * The environment of a program the shell runs: exported variables with values, innermost scope
     * first, each scope in its hash order, as bash's maybe_make_export_env flattens them.
     */
    LinkedHashMap<String, String> environment() {
        LinkedHashMap<String, String> env = new LinkedHashMap<>();
        Set<String> seen = new LinkedHashSet<>();
        for (int i = scopes.size() - 1; i >= 0; i--) {
            scopes.get(i).table.forEach((name, v) -> {
                if (!seen.add(name)) return;
                if (v.has(Variable.EXPORT) && !v.isArray() && !v.isAssoc() && v.value != null && !v.has(Variable.NAMEREF)) {
                    env.put(name, v.value);
                }
            });
        }
        return env;
    }
}
