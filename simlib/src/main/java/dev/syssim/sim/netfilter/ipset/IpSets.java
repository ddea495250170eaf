package dev.syssim.sim.netfilter.ipset;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;
import java.util.function.ToIntFunction;

/**
 * The ipsets of one machine ({@code ip_set_net}): up to 256 sets in numbered slots, a new set
 * taking the first free one (so listings after a {@code destroy} show a new set in the freed
 * place), each hash set seeded with a random {@code initval} from the machine's seeded generator.
 * A set that iptables rules refer to cannot be destroyed or renamed; how many rules refer to a
 * set is asked of the tables ({@link #countReferencesWith}).
 */
public final class IpSets {

    /** {@code ip_set_max}, the default number of slots. */
    public static final int MAX_SETS = 256;

    /** What a change of the set list answers. */
    public enum Outcome {
        OK,
        /** IPSET_ERR_EXIST on create: a set of that name (and, with -exist, another kind). */
        NAME_TAKEN,
        /** ENOENT: no set of that name. */
        NO_SUCH_SET,
        /** IPSET_ERR_REFERENCED on destroy. */
        IN_USE,
        /** IPSET_ERR_REFERENCED on rename. */
        RENAME_IN_USE,
        /** IPSET_ERR_EXIST_SETNAME2 on rename. */
        NEW_NAME_TAKEN,
        /** IPSET_ERR_EXIST_SETNAME2 on swap. */
        SECOND_MISSING,
        /** IPSET_ERR_TYPE_MISMATCH on swap. */
        TYPE_MISMATCH,
        /** IPSET_ERR_MAX_SETS. */
        NO_FREE_SLOT
    }

    /** How to make a set: its type and the options of {@code ipset create} (-1 where not given). */
    public record Spec(SetType type, int hashsize, int maxelem, int bucketsize, int timeout, int initval,
                       int rangeFirst, int rangeLast) {
    }

    private final IpSet[] slots = new IpSet[MAX_SETS];
    /** The same sets by name, for the lookup every packet of a {@code -m set} rule makes. */
    private final Map<String, IpSet> byName = new HashMap<>();
    private IntSupplier initvals;
    private ToIntFunction<String> references = name -> 0;

    /** Sets seeded from {@code initvals} (the machine's seeded generator; a test may give recorded seeds). */
    public IpSets(IntSupplier initvals) {
        this.initvals = initvals;
    }

    public void seedWith(IntSupplier source) {
        this.initvals = source;
    }

    /** How the tables count the rules that refer to a set by name. */
    public void countReferencesWith(ToIntFunction<String> counter) {
        this.references = counter;
    }

    public int references(String name) {
        return references.applyAsInt(name);
    }

    /** The set called {@code name}, or null. */
    public IpSet get(String name) {
        return byName.get(name);
    }

    public boolean exists(String name) {
        return get(name) != null;
    }

    /** The sets in slot order, as {@code ipset list} shows them. */
    public List<IpSet> all() {
        List<IpSet> out = new ArrayList<>();
        for (IpSet set : slots) if (set != null) out.add(set);
        return out;
    }

    /** {@code ipset create}; with {@code exist}, an equal set already there is no error. */
    public Outcome create(String name, Spec spec, boolean exist, long now) {
        IpSet clash = get(name);
        if (clash != null) {
            return exist && sameSet(make(name, spec, 0, now), clash) ? Outcome.OK : Outcome.NAME_TAKEN;
        }
        for (int i = 0; i < slots.length; i++) {
            if (slots[i] == null) {
                slots[i] = make(name, spec, spec.initval() != -1 || !spec.type().isHash() ? spec.initval() : initvals.getAsInt(), now);
                byName.put(name, slots[i]);
                return Outcome.OK;
            }
        }
        return Outcome.NO_FREE_SLOT;
    }

    private static IpSet make(String name, Spec spec, int initval, long now) {
        if (spec.type() == SetType.BITMAP_PORT) {
            return new BitmapPortSet(name, spec.rangeFirst(), spec.rangeLast(), spec.timeout(), now);
        }
        return new HashIpSet(name, spec.type(), spec.hashsize() < 0 ? HashIpSet.DEFAULT_HASHSIZE : spec.hashsize(),
                spec.maxelem() < 0 ? HashIpSet.DEFAULT_MAXELEM : spec.maxelem(),
                spec.bucketsize() < 0 ? HashIpSet.MAX_SIZE : spec.bucketsize(), spec.timeout(), initval, now);
    }

    /** mtype_same_set: the same type, timeout and size limits (for {@code -exist create}). */
    private static boolean sameSet(IpSet a, IpSet b) {
        if (a.type() != b.type() || a.timeout() != b.timeout()) return false;
        if (a instanceof HashIpSet x && b instanceof HashIpSet y) return x.maxelem() == y.maxelem();
        if (a instanceof BitmapPortSet x && b instanceof BitmapPortSet y) return x.first() == y.first() && x.last() == y.last();
        return false;
    }

    /** {@code ipset destroy NAME}. */
    public Outcome destroy(String name) {
        for (int i = 0; i < slots.length; i++) {
            if (slots[i] == null || !slots[i].name().equals(name)) continue;
            if (references(name) > 0) return Outcome.IN_USE;
            slots[i] = null;
            byName.remove(name);
            return Outcome.OK;
        }
        return Outcome.NO_SUCH_SET;
    }

    /** {@code ipset destroy}: every set, or none if one is in use. */
    public Outcome destroyAll() {
        for (IpSet set : slots) if (set != null && references(set.name()) > 0) return Outcome.IN_USE;
        Arrays.fill(slots, null);
        byName.clear();
        return Outcome.OK;
    }

    /** {@code ipset rename FROM TO}. */
    public Outcome rename(String from, String to) {
        IpSet set = get(from);
        if (set == null) return Outcome.NO_SUCH_SET;
        if (references(from) > 0) return Outcome.RENAME_IN_USE;
        if (get(to) != null) return Outcome.NEW_NAME_TAKEN;
        set.rename(to);
        byName.remove(from);
        byName.put(to, set);
        return Outcome.OK;
    }

    /**
     * {@code ipset swap A B}: the two sets change places and names, so that rules naming A now
     * test what was B — the way to replace a live set at once.
     */
    public Outcome swap(String first, String second) {
        int a = slotOf(first);
        if (a < 0) return Outcome.NO_SUCH_SET;
        int b = slotOf(second);
        if (b < 0) return Outcome.SECOND_MISSING;
        if (!slots[a].swappableWith(slots[b])) return Outcome.TYPE_MISMATCH;
        IpSet x = slots[a];
        IpSet y = slots[b];
        slots[a] = y;
        slots[b] = x;
        y.rename(first);
        x.rename(second);
        byName.put(first, y);
        byName.put(second, x);
        return Outcome.OK;
    }

    private int slotOf(String name) {
        for (int i = 0; i < slots.length; i++) if (slots[i] != null && slots[i].name().equals(name)) return i;
        return -1;
    }
}
