package dev.syssim.sim.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One shell variable: its attributes ({@code declare}'s flags) and its value — a string, an indexed
 * array (sparse, in index order, as bash keeps it) or an associative array (in bash's hash order).
 * A declared variable without a value ({@code declare x}, {@code local x}) has a null value and
 * counts as unset.
 */
final class Variable {

    static final int EXPORT = 1;
    static final int READONLY = 2;
    static final int INTEGER = 4;
    static final int LOWER = 8;
    static final int UPPER = 16;
    static final int NAMEREF = 32;
    static final int ARRAY = 64;
    static final int ASSOC = 128;
    static final int TRACE = 256;
    static final int CAPITALIZE = 512;

    final String name;
    int attributes;
    String value;
    TreeMap<Long, String> indexed;
    HashTable<String> assoc;
    /** Declared without a value ({@code declare -a e}): declare -p shows it without {@code =()}. */
    boolean declaredOnly;

    Variable(String name) {
        this.name = name;
    }

    Variable(String name, String value) {
        this.name = name;
        this.value = value;
    }

    boolean has(int attribute) {
        return (attributes & attribute) != 0;
    }

    boolean isArray() {
        return indexed != null;
    }

    boolean isIndexed() {
        return indexed != null;
    }

    boolean isAssoc() {
        return assoc != null;
    }

    /** Set: a scalar with a value, or an array with at least one element. */
    boolean isSet() {
        if (indexed != null) return !indexed.isEmpty();
        if (assoc != null) return assoc.size() > 0;
        return value != null;
    }

    /** The value as {@code $name} gives it: the scalar, or element 0 (key "0") of an array. */
    String scalar() {
        if (indexed != null) return indexed.get(0L);
        if (assoc != null) return assoc.get("0");
        return value;
    }

    void makeIndexed() {
        if (indexed != null) return;
        indexed = new TreeMap<>();
        if (value != null) indexed.put(0L, value);
        value = null;
        assoc = null;
        attributes = (attributes | ARRAY) & ~ASSOC;
    }

    void makeAssoc() {
        if (assoc != null) return;
        assoc = new HashTable<>(1024);
        if (value != null) assoc.put("0", value);
        value = null;
        indexed = null;
        attributes = (attributes | ASSOC) & ~ARRAY;
    }

    /** The elements in order (values of an array; the scalar alone; nothing if unset). */
    List<String> elements() {
        if (indexed != null) return new ArrayList<>(indexed.values());
        if (assoc != null) return assoc.values();
        return value == null ? List.of() : List.of(value);
    }

    /** The subscripts in order, as {@code ${!a[@]}} lists them. */
    List<String> keys() {
        if (indexed != null) {
            List<String> keys = new ArrayList<>(indexed.size());
            for (Long k : indexed.keySet()) keys.add(Long.toString(k));
            return keys;
        }
        if (assoc != null) return assoc.keys();
        return value == null ? List.of() : List.of("0");
    }

    Variable copy() {
        Variable c = new Variable(name, value);
        c.attributes = attributes;
        c.declaredOnly = declaredOnly;
        if (indexed != null) c.indexed = new TreeMap<>(indexed);
        if (assoc != null) c.assoc = assoc.copy(v -> v);
        return c;
    }

    /** The largest index of an indexed array, or -1 when it has none. */
    long maxIndex() {
        return indexed == null || indexed.isEmpty() ? -1 : indexed.lastKey();
    }

    static String entries(Map<Long, String> m) {
        return m.toString();
    }
}
