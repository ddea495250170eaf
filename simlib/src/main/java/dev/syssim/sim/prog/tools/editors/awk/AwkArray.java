package dev.syssim.sim.prog.tools.editors.awk;

import java.util.ArrayList;
import java.util.List;

/**
 * An awk associative array, stored the way gawk 5.2 stores it — because {@code for (k in a)} visits
 * the elements in the order of gawk's internal tables, and scripts (and their expected output) rely
 * on that order. An empty array takes the type its first subscript asks for:
 * <ul>
 * <li>{@code cint}: integers >= 0 in power-of-two groups of hashed array trees, listed in ascending
 * order; other subscripts, and integers that would waste too much room, go to an extra array;</li>
 * <li>{@code int}: integers (negative ones too) in a hash table of two-slot buckets;</li>
 * <li>{@code str}: strings in a hash table with chains, gawk's sdbm-style hash, prime sizes.</li>
 * </ul>
 * The extra array is listed first. An array whose integer part empties becomes its extra array;
 * an array that empties becomes untyped again. Only the order is gawk's: memory is Java's.
 */
final class AwkArray {

    /** One element's storage: the value can change without another lookup. */
    static final class Cell {
        Value value = Value.UNINITIALIZED;
        /** A subarray (gawk's arrays of arrays): then the element is no scalar. */
        AwkArray array;
    }

    /** A subarray's name in messages ({@code a["1"]["x"]}); null for an array variable. */
    String name;

    /** gawk's arrays that stand for the program's own names: their elements are the Vm's business. */
    enum View { SYMTAB, FUNCTAB }

    /** Set on SYMTAB and FUNCTAB (null for ordinary arrays). */
    View view;

    /** A subscript as the tables see it: its string and, when it is one, its integer. */
    record Sub(String text, boolean integer, long k) {

        static Sub of(Value v, String convfmt) {
            if (v.kind == Value.Kind.NUMBER || v.kind == Value.Kind.INDEX) {
                double d = v.number();
                boolean integral = d == (int) d && !Double.isNaN(d);
                String text = integral ? Integer.toString((int) d) : v.string(convfmt);
                return new Sub(text, integral, integral ? (int) d : 0);
            }
            String s = v.string(convfmt);
            if (v.kind == Value.Kind.UNINIT) return new Sub(s, false, 0);
            return ofString(s);
        }

        static Sub ofString(String s) {
            if (!standardInteger(s)) return new Sub(s, false, 0);
            if (s.length() > 11) return new Sub(s, false, 0);
            long k = Long.parseLong(s);
            if (k < Integer.MIN_VALUE || k > Integer.MAX_VALUE) return new Sub(s, false, 0);
            return new Sub(s, true, k);
        }

        /** What sprintf("%ld") could have made: 0, or an optional minus and no leading zero. */
        private static boolean standardInteger(String s) {
            int n = s.length();
            if (n == 0) return false;
            if (n == 1) return s.charAt(0) >= '0' && s.charAt(0) <= '9';
            int i = 0;
            if (s.charAt(0) == '-') i++;
            if (i >= n || s.charAt(i) < '1' || s.charAt(i) > '9') return false;
            for (i++; i < n; i++) {
                if (s.charAt(i) < '0' || s.charAt(i) > '9') return false;
            }
            return true;
        }

        boolean unsigned() {
            return integer && k >= 0;
        }
    }

    /** A type of table (gawk's array_funcs). */
    private interface Table {
        Cell find(Sub s);

        Cell insert(AwkArray self, Sub s);

        boolean remove(AwkArray self, Sub s);

        int size();

        void list(List<Value> keys, List<Cell> cells);
    }

    private Table table;

    int size() {
        return table == null ? 0 : table.size();
    }

    /** The element, or null when there is none (the {@code in} operator). */
    Cell find(Sub s) {
        return table == null ? null : table.find(s);
    }

    /** The element, made (uninitialized) if there is none: what referencing {@code a[k]} does. */
    Cell lookup(Sub s) {
        if (table == null) {
            if (s.unsigned()) table = new CintTable();
            else if (s.integer()) table = new IntTable();
            else table = new StrTable();
        }
        Cell c = table.find(s);
        return c != null ? c : table.insert(this, s);
    }

    boolean remove(Sub s) {
        return table != null && table.remove(this, s);
    }

    void clear() {
        table = null;
    }

    /** A deep copy (subarrays copied too), named {@code name}, its elements made in this array's order. */
    AwkArray copy(String name) {
        AwkArray a = new AwkArray();
        a.name = name;
        List<Value> keys = new ArrayList<>();
        List<Cell> cells = new ArrayList<>();
        entries(keys, cells);
        for (int i = 0; i < keys.size(); i++) {
            Value k = keys.get(i);
            Cell from = cells.get(i);
            Cell to = a.lookup(k.kind == Value.Kind.INDEX ? new Sub(Numbers.integerText(k.number()), true, (long) k.number())
                    : Sub.ofString(k.rawString()));
            if (from.array != null) to.array = from.array.copy(name + "[\"" + keysText(k) + "\"]");
            else to.value = from.value;
        }
        return a;
    }

    private static String keysText(Value k) {
        return k.kind == Value.Kind.INDEX ? Numbers.integerText(k.number()) : k.rawString();
    }

    /** The subscripts in gawk's unsorted order (integers of the integer tables as {@link Value.Kind#INDEX}). */
    List<Value> keys() {
        List<Value> keys = new ArrayList<>(size());
        if (table != null) table.list(keys, null);
        return keys;
    }

    /** The subscripts and their cells, in the same order. */
    void entries(List<Value> keys, List<Cell> cells) {
        if (table != null) table.list(keys, cells);
    }

    private static final long[] SIZES = {13, 127, 1021, 8191, 16381, 32749, 65497, 131101, 262147, 524309, 1048583,
        2097169, 4194319, 8388617, 16777259, 33554467, 67108879, 134217757, 268435459, 536870923, 1073741827};

    private static final int CHAIN_MAX = 2;

    private static int nextSize(int old) {
        for (long s : SIZES) {
            if (old < s) return (int) s;
        }
        return old;
    }

    // ---- str: strings in chained buckets ----

    private static final class StrBucket {
        final String name;
        final long code;
        final Cell cell = new Cell();
        StrBucket next;

        StrBucket(String name, long code) {
            this.name = name;
            this.code = code;
        }
    }

    /** gawk's default string hash (sdbm, 65599, kept to 32 bits; bytes are signed chars). */
    static long hash(String s) {
        long h = 0;
        for (int i = 0; i < s.length(); i++) {
            long c = (byte) s.charAt(i);
            h = (c + (h << 6) + (h << 16) - h) & 0xFFFFFFFFL;
        }
        return h;
    }

    private static final class StrTable implements Table {
        StrBucket[] buckets;
        int tableSize;

        private StrBucket findBucket(String name, long code) {
            if (buckets == null) return null;
            for (StrBucket b = buckets[(int) (code % buckets.length)]; b != null; b = b.next) {
                if (b.code == code && b.name.equals(name)) return b;
            }
            return null;
        }

        public Cell find(Sub s) {
            if (tableSize == 0) return null;
            StrBucket b = findBucket(s.text(), hash(s.text()));
            return b == null ? null : b.cell;
        }

        public Cell insert(AwkArray self, Sub s) {
            long code = hash(s.text());
            if (buckets == null) grow();
            tableSize++;
            if (tableSize / buckets.length > CHAIN_MAX) grow();
            int h = (int) (code % buckets.length);
            StrBucket b = new StrBucket(s.text(), code);
            b.next = buckets[h];
            buckets[h] = b;
            return b.cell;
        }

        private void grow() {
            int oldSize = buckets == null ? 0 : buckets.length;
            int newSize = nextSize(oldSize);
            if (newSize == oldSize) return;
            StrBucket[] old = buckets;
            buckets = new StrBucket[newSize];
            if (old == null) return;
            for (StrBucket chain : old) {
                StrBucket next;
                for (StrBucket b = chain; b != null; b = next) {
                    next = b.next;
                    int h = (int) (b.code % newSize);
                    b.next = buckets[h];
                    buckets[h] = b;
                }
            }
        }

        public boolean remove(AwkArray self, Sub s) {
            if (tableSize == 0) return false;
            long code = hash(s.text());
            int h = (int) (code % buckets.length);
            StrBucket prev = null;
            for (StrBucket b = buckets[h]; b != null; prev = b, b = b.next) {
                if (!b.name.equals(s.text())) continue;
                if (prev != null) prev.next = b.next;
                else buckets[h] = b.next;
                if (--tableSize == 0) self.table = null;
                return true;
            }
            return false;
        }

        public int size() {
            return tableSize;
        }

        public void list(List<Value> keys, List<Cell> cells) {
            if (buckets == null) return;
            for (StrBucket chain : buckets) {
                for (StrBucket b = chain; b != null; b = b.next) {
                    keys.add(Value.str(b.name));
                    if (cells != null) cells.add(b.cell);
                }
            }
        }
    }

    // ---- int: integers in two-slot buckets, other subscripts in an extra str array ----

    private static final class IntBucket {
        final long[] num = new long[2];
        final Cell[] cells = new Cell[2];
        int count;
        IntBucket next;
    }

    /** Paul Hsieh's final mix, as gawk hashes integer subscripts (32-bit unsigned arithmetic). */
    static int intHash(long key, int hsize) {
        int k = (int) key;
        k ^= k << 3;
        k += k >>> 5;
        k ^= k << 4;
        k += k >>> 17;
        k ^= k << 25;
        k += k >>> 6;
        return Integer.remainderUnsigned(k, hsize);
    }

    private static final class IntTable implements Table {
        IntBucket[] buckets;
        int tableSize;
        AwkArray xarray;

        private Cell findInt(long k) {
            if (buckets == null) return null;
            for (IntBucket b = buckets[intHash(k, buckets.length)]; b != null; b = b.next) {
                for (int i = 0; i < b.count; i++) {
                    if (b.num[i] == k) return b.cells[i];
                }
            }
            return null;
        }

        public Cell find(Sub s) {
            if (!s.integer()) return xarray == null ? null : xarray.find(s);
            return findInt(s.k());
        }

        public Cell insert(AwkArray self, Sub s) {
            if (!s.integer()) {
                if (xarray == null) xarray = new AwkArray();
                tableSize++;
                return xarray.lookup(s);
            }
            if (buckets == null) grow();
            tableSize++;
            int ints = tableSize - (xarray == null ? 0 : xarray.size());
            if (ints / buckets.length > CHAIN_MAX) grow();
            Cell c = new Cell();
            put(s.k(), c, intHash(s.k(), buckets.length));
            return c;
        }

        private void put(long k, Cell c, int h) {
            IntBucket b = buckets[h];
            if (b == null || b.count == 2) {
                b = new IntBucket();
                b.next = buckets[h];
                buckets[h] = b;
            }
            b.num[b.count] = k;
            b.cells[b.count] = c;
            b.count++;
        }

        private void grow() {
            int oldSize = buckets == null ? 0 : buckets.length;
            int newSize = nextSize(oldSize);
            if (newSize == oldSize) return;
            IntBucket[] old = buckets;
            buckets = new IntBucket[newSize];
            if (old == null) return;
            for (IntBucket chain : old) {
                for (IntBucket b = chain; b != null; b = b.next) {
                    for (int i = 0; i < b.count; i++) put(b.num[i], b.cells[i], intHash(b.num[i], newSize));
                }
            }
        }

        public boolean remove(AwkArray self, Sub s) {
            if (tableSize == 0 || buckets == null) return false;
            if (!s.integer()) {
                if (xarray == null || !xarray.remove(s)) return false;
                if (xarray.size() == 0) xarray = null;
                tableSize--;
                return true;
            }
            long k = s.k();
            int h = intHash(k, buckets.length);
            IntBucket prev = null;
            IntBucket b;
            found:
            for (b = buckets[h]; b != null; prev = b, b = b.next) {
                for (int i = 0; i < b.count; i++) {
                    if (b.num[i] != k) continue;
                    if (i == 0 && b.count == 2) {
                        b.num[0] = b.num[1];
                        b.cells[0] = b.cells[1];
                    }
                    break found;
                }
            }
            if (b == null) return false;
            b.count--;
            if (b.count == 0) {
                if (prev != null) prev.next = b.next;
                else buckets[h] = b.next;
            } else if (b != buckets[h]) {
                // keep only the head bucket partly full: move the head's last element here
                IntBucket head = buckets[h];
                int i = --head.count;
                b.num[1] = head.num[i];
                b.cells[1] = head.cells[i];
                b.count++;
                if (i == 0) buckets[h] = head.next;
            }
            tableSize--;
            if (xarray == null && tableSize == 0) self.table = null;
            else if (xarray != null && tableSize == xarray.size()) self.table = xarray.table;
            return true;
        }

        public int size() {
            return tableSize;
        }

        public void list(List<Value> keys, List<Cell> cells) {
            if (xarray != null) xarray.entries(keys, cells);
            if (buckets == null) return;
            for (IntBucket chain : buckets) {
                for (IntBucket b = chain; b != null; b = b.next) {
                    for (int i = 0; i < b.count; i++) {
                        keys.add(Value.index(b.num[i]));
                        if (cells != null) cells.add(b.cells[i]);
                    }
                }
            }
        }
    }

    // ---- cint: integers >= 0 in hashed array trees ----

    private static final int NHAT = 10;
    private static final long THRESHOLD = 1L << (NHAT + 1);

    /** A hashed array tree: children are trees or leaves; a half HAT uses only its first half. */
    private static final class Tree {
        long base;
        int arraySize;
        int tableSize;
        Object[] nodes;
    }

    private static final class Leaf {
        long base;
        int size;
        int tableSize;
        Cell[] cells;
    }

    /** Which tree of the top level holds {@code k}: 0..1023 share the first; then one per power of two. */
    private static int cintHash(long k) {
        if (k == 0) return NHAT;
        int r = 63 - Long.numberOfLeadingZeros(k & 0xFFFFFFFFL);
        return r < NHAT ? NHAT : 1 + r;
    }

    private static final class CintTable implements Table {
        Tree[] nodes;
        int tableSize;
        long capacity;
        AwkArray xarray;

        public Cell find(Sub s) {
            if (s.unsigned()) {
                Cell c = findCint(s.k());
                if (c != null) return c;
            }
            return xarray == null ? null : xarray.find(s);
        }

        private Cell findCint(long k) {
            if (nodes == null) return null;
            Tree t = nodes[cintHash(k)];
            return t == null ? null : treeFind(t, k);
        }

        public Cell insert(AwkArray self, Sub s) {
            if (s.unsigned()) {
                long k = s.k();
                int h1 = cintHash(k);
                int m = h1 - 1;
                int li = Math.max(m, NHAT);
                while (li >= NHAT) li = (li + 1) / 2;
                long estimate = capacity + (1L << li);
                int cintSize = xarray == null ? tableSize : tableSize - xarray.size();
                if (estimate - cintSize <= THRESHOLD) {
                    if (nodes == null) {
                        capacity = 0;
                        nodes = new Tree[32];
                    }
                    tableSize++;
                    Tree t = nodes[h1];
                    if (t == null) t = nodes[h1] = new Tree();
                    return m < NHAT ? treeLookup(t, k, NHAT, 0) : treeLookup(t, k, m, 1L << m);
                }
            }
            tableSize++;
            if (xarray == null) {
                xarray = new AwkArray();
                xarray.table = s.integer() ? new IntTable() : new StrTable();
            }
            return xarray.lookup(s);
        }

        private Cell treeLookup(Tree tree, long k, int m, long base) {
            int n = (m + 1) / 2;
            int size;
            if (tree.tableSize == 0) {
                size = 1 << n;
                tree.base = base;
                tree.arraySize = size;
                int actual = n > m / 2 ? size / 2 : size;
                tree.nodes = new Object[actual];
            } else {
                size = tree.arraySize;
            }
            int i = (int) ((k - tree.base) / size);
            Cell found = treeFindAt(tree, k, i);
            if (found != null) return found;
            tree.tableSize++;
            base += (long) size * i;
            Object child = tree.nodes[i];
            if (n > NHAT) {
                if (child == null) child = tree.nodes[i] = new Tree();
                return treeLookup((Tree) child, k, n, base);
            }
            if (child == null) child = tree.nodes[i] = new Leaf();
            return leafLookup((Leaf) child, k, size, base);
        }

        private Cell leafLookup(Leaf leaf, long k, int size, long base) {
            if (leaf.cells == null) {
                leaf.tableSize = 0;
                leaf.size = size;
                leaf.base = base;
                leaf.cells = new Cell[size];
                capacity += size;
            }
            int at = (int) (k - base);
            if (leaf.cells[at] == null) {
                leaf.tableSize++;
                leaf.cells[at] = new Cell();
            }
            return leaf.cells[at];
        }

        private static Cell treeFind(Tree tree, long k) {
            if (tree.nodes == null) return null;
            int i = (int) ((k - tree.base) / tree.arraySize);
            return treeFindAt(tree, k, i);
        }

        private static Cell treeFindAt(Tree tree, long k, int i) {
            if (i < 0 || i >= tree.nodes.length) return null;
            Object child = tree.nodes[i];
            if (child == null) return null;
            if (child instanceof Tree t) return treeFind(t, k);
            Leaf leaf = (Leaf) child;
            if (leaf.cells == null) return null;
            int at = (int) (k - leaf.base);
            return at >= 0 && at < leaf.cells.length ? leaf.cells[at] : null;
        }

        public boolean remove(AwkArray self, Sub s) {
            if (tableSize == 0) return false;
            if (s.unsigned() && nodes != null) {
                long k = s.k();
                int h1 = cintHash(k);
                Tree t = nodes[h1];
                if (t != null && t.nodes != null && treeRemove(t, k)) {
                    if (t.tableSize == 0) nodes[h1] = null;
                    tableSize--;
                    if (xarray == null && tableSize == 0) self.table = null;
                    else if (xarray != null && tableSize == xarray.size()) self.table = xarray.table;
                    return true;
                }
            }
            if (xarray == null || !xarray.remove(s)) return false;
            if (xarray.size() == 0) xarray = null;
            tableSize--;
            return true;
        }

        private boolean treeRemove(Tree tree, long k) {
            int i = (int) ((k - tree.base) / tree.arraySize);
            if (i < 0 || i >= tree.nodes.length) return false;
            Object child = tree.nodes[i];
            if (child == null) return false;
            int left;
            if (child instanceof Tree t) {
                if (!treeRemove(t, k)) return false;
                left = t.tableSize;
            } else {
                Leaf leaf = (Leaf) child;
                int at = (int) (k - leaf.base);
                if (leaf.cells == null || at < 0 || at >= leaf.cells.length || leaf.cells[at] == null) return false;
                leaf.cells[at] = null;
                if (--leaf.tableSize == 0) {
                    leaf.cells = null;
                    capacity -= leaf.size;
                    leaf.size = 0;
                }
                left = leaf.tableSize;
            }
            if (left == 0) tree.nodes[i] = null;
            if (--tree.tableSize == 0) {
                tree.nodes = null;
                tree.arraySize = 0;
                tree.base = 0;
            }
            return true;
        }

        public int size() {
            return tableSize;
        }

        public void list(List<Value> keys, List<Cell> cells) {
            if (xarray != null) xarray.entries(keys, cells);
            if (nodes == null) return;
            for (int j = NHAT; j < 32; j++) {
                if (nodes[j] != null) listTree(nodes[j], keys, cells);
            }
        }

        private static void listTree(Tree tree, List<Value> keys, List<Cell> cells) {
            if (tree.nodes == null) return;
            for (Object child : tree.nodes) {
                if (child == null) continue;
                if (child instanceof Tree t) {
                    listTree(t, keys, cells);
                    continue;
                }
                Leaf leaf = (Leaf) child;
                if (leaf.cells == null) continue;
                for (int i = 0; i < leaf.cells.length; i++) {
                    if (leaf.cells[i] == null) continue;
                    keys.add(Value.index(leaf.base + i));
                    if (cells != null) cells.add(leaf.cells[i]);
                }
            }
        }
    }
}
