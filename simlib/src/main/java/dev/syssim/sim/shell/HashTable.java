package dev.syssim.sim.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * bash's hash table (hashlib.c): FNV-1 hashes, a power-of-two number of buckets, new entries at the
 * head of their bucket, four times the buckets once there are two entries per bucket. Its iteration
 * order is what {@code ${!assoc[@]}}, {@code declare -A} and the environment of a child show, so it
 * is kept exactly — a Java map would print the same keys in another order.
 */
final class HashTable<V> {

    private static final class Entry<V> {
        final String key;
        final int hash;
        V value;
        Entry<V> next;

        Entry(String key, int hash, V value, Entry<V> next) {
            this.key = key;
            this.hash = hash;
            this.value = value;
            this.next = next;
        }
    }

    private Entry<V>[] buckets;
    private int size;

    @SuppressWarnings("unchecked")
    HashTable(int buckets) {
        this.buckets = new Entry[buckets];
    }

    /** bash's hash_string: FNV-1 over the bytes, each byte sign-extended as a C {@code char} is on x86. */
    static int hash(String key) {
        int h = 0x811c9dc5;
        for (int i = 0; i < key.length(); i++) {
            h *= 16777619;
            h ^= (byte) key.charAt(i);
        }
        return h;
    }

    int size() {
        return size;
    }

    V get(String key) {
        int h = hash(key);
        for (Entry<V> e = buckets[h & (buckets.length - 1)]; e != null; e = e.next) {
            if (e.hash == h && e.key.equals(key)) return e.value;
        }
        return null;
    }

    boolean containsKey(String key) {
        int h = hash(key);
        for (Entry<V> e = buckets[h & (buckets.length - 1)]; e != null; e = e.next) {
            if (e.hash == h && e.key.equals(key)) return true;
        }
        return false;
    }

    void put(String key, V value) {
        int h = hash(key);
        for (Entry<V> e = buckets[h & (buckets.length - 1)]; e != null; e = e.next) {
            if (e.hash == h && e.key.equals(key)) {
                e.value = value;
                return;
            }
        }
        if (size >= buckets.length * 2) grow();
        int b = h & (buckets.length - 1);
        buckets[b] = new Entry<>(key, h, value, buckets[b]);
        size++;
    }

    V remove(String key) {
        int h = hash(key);
        int b = h & (buckets.length - 1);
        Entry<V> prev = null;
        for (Entry<V> e = buckets[b]; e != null; prev = e, e = e.next) {
            if (e.hash == h && e.key.equals(key)) {
                if (prev == null) buckets[b] = e.next;
                else prev.next = e.next;
                size--;
                return e.value;
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private void grow() {
        Entry<V>[] old = buckets;
        buckets = new Entry[old.length * 4];
        for (Entry<V> head : old) {
            Entry<V> e = head;
            while (e != null) {
                Entry<V> next = e.next;
                int b = e.hash & (buckets.length - 1);
                e.next = buckets[b];
                buckets[b] = e;
                e = next;
            }
        }
    }

    /** Every entry in bash's order: bucket by bucket, newest first within a bucket. */
    void forEach(BiConsumer<String, V> action) {
        for (Entry<V> head : buckets) {
            for (Entry<V> e = head; e != null; e = e.next) action.accept(e.key, e.value);
        }
    }

    List<String> keys() {
        List<String> keys = new ArrayList<>(size);
        forEach((k, v) -> keys.add(k));
        return keys;
    }

    List<V> values() {
        List<V> values = new ArrayList<>(size);
        forEach((k, v) -> values.add(v));
        return values;
    }

    /** A copy with the same order (bash's hash_copy keeps bucket contents in order). */
    HashTable<V> copy(java.util.function.UnaryOperator<V> copyValue) {
        HashTable<V> c = new HashTable<>(buckets.length);
        for (int b = 0; b < buckets.length; b++) {
            Entry<V> tail = null;
            for (Entry<V> e = buckets[b]; e != null; e = e.next) {
                Entry<V> n = new Entry<>(e.key, e.hash, copyValue.apply(e.value), null);
                if (tail == null) c.buckets[b] = n;
                else tail.next = n;
                tail = n;
            }
        }
        c.size = size;
        return c;
    }
}
