package dev.syssim.sim.shell.arith;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A variable store for tests, with bash's kinds of variables: scalars, indexed arrays (sparse),
 * associative arrays, readonly names, names declared without a value, and {@code set -u}.
 */
final class MapVariables implements ArithVariables {

    final Map<String, String> scalars = new LinkedHashMap<>();
    final Map<String, TreeMap<Long, String>> indexed = new LinkedHashMap<>();
    final Map<String, LinkedHashMap<String, String>> associative = new LinkedHashMap<>();
    final Set<String> readonly = new TreeSet<>();
    final Set<String> declaredOnly = new TreeSet<>();
    boolean nounset;

    MapVariables set(String name, String value) {
        scalars.put(name, value);
        return this;
    }

    @Override
    public String value(String name) {
        if (scalars.containsKey(name)) return scalars.get(name);
        if (indexed.containsKey(name)) return indexed.get(name).get(0L);
        if (associative.containsKey(name)) return associative.get(name).get("0");
        return null;
    }

    @Override
    public boolean isSet(String name) {
        return scalars.containsKey(name) || indexed.containsKey(name) || associative.containsKey(name);
    }

    @Override
    public boolean isAssociative(String name) {
        return associative.containsKey(name);
    }

    @Override
    public boolean isIndexedArray(String name) {
        return indexed.containsKey(name);
    }

    @Override
    public long maxIndex(String name) {
        TreeMap<Long, String> a = indexed.get(name);
        return a == null || a.isEmpty() ? -1 : a.lastKey();
    }

    @Override
    public String element(String name, long index) {
        if (indexed.containsKey(name)) return indexed.get(name).get(index);
        if (scalars.containsKey(name)) return index == 0 ? scalars.get(name) : null;
        return null;
    }

    @Override
    public String element(String name, String key) {
        Map<String, String> a = associative.get(name);
        return a == null ? null : a.get(key);
    }

    @Override
    public String assign(String name, String value) {
        if (readonly.contains(name)) return name + ": readonly variable";
        declaredOnly.remove(name);
        if (indexed.containsKey(name)) indexed.get(name).put(0L, value);
        else if (associative.containsKey(name)) associative.get(name).put("0", value);
        else scalars.put(name, value);
        return null;
    }

    @Override
    public String assignElement(String name, long index, String value) {
        if (readonly.contains(name)) return name + ": readonly variable";
        declaredOnly.remove(name);
        if (associative.containsKey(name)) {
            associative.get(name).put(Long.toString(index), value);
            return null;
        }
        TreeMap<Long, String> a = indexed.computeIfAbsent(name, k -> new TreeMap<>());
        String old = scalars.remove(name);
        if (old != null) a.put(0L, old);
        a.put(index, value);
        return null;
    }

    @Override
    public String assignElement(String name, String key, String value) {
        if (readonly.contains(name)) return name + ": readonly variable";
        associative.computeIfAbsent(name, k -> new LinkedHashMap<>()).put(key, value);
        return null;
    }

    /**
     * Quote removal, the part of bash's expansion a test's subscripts need (no $ or backquotes
     * here): an indexed array's subscript is expanded as if double-quoted, so single quotes stay.
     */
    @Override
    public String expandSubscript(String text, boolean associative) {
        StringBuilder out = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote == '\'' && c != '\'') out.append(c);
            else if (quote == '\'') quote = 0;
            else if (c == '\\' && i + 1 < text.length()) out.append(text.charAt(++i));
            else if (c == '"') quote = quote == '"' ? 0 : '"';
            else if (c == '\'' && quote == 0 && associative) quote = '\'';
            else out.append(c);
        }
        return out.toString();
    }

    @Override
    public boolean nounset() {
        return nounset;
    }
}
