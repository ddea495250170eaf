package dev.syssim.sim.netfilter.ipset;

import dev.syssim.sim.netfilter.Jhash;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code hash:ip}, {@code hash:net} or {@code hash:ip,port} set, laid out as
 * {@code ip_set_hash_gen.h} lays it out: {@code 2^bits} buckets, a member's bucket chosen by
 * {@code jhash2} of its stored bytes seeded with the set's random {@code initval}; a bucket is an
 * array that starts with room for 2 members and grows by 2; when a bucket would need more than
 * {@code bucketsize} (12) the whole table doubles and every member is hashed again. A lookup
 * therefore reads one bucket of at most 12 members, however large the set: constant time.
 * {@code hash:net} also keeps, as the kernel does, the prefix lengths it holds, longest first, and
 * looks an address up once per prefix length.
 *
 * <p>Listings walk the buckets in order, so they show the kernel's order for the same seed, and
 * {@code Size in memory} adds up the same structures (x86-64 sizes). Expired members stay in their
 * slot until the garbage collector clears them ({@code mtype_gc}: first after a second, then every
 * third of the set's timeout), as on Linux, which is when their memory can go.
 */
public final class HashIpSet extends IpSet {

    /** AHASH_INIT_SIZE: the members a new bucket has room for, and how many more it grows by. */
    static final int INIT_SIZE = 2;
    /** AHASH_MAX_SIZE: the default and largest {@code bucketsize}. */
    static final int MAX_SIZE = 6 * INIT_SIZE;
    /** IPSET_MIMINAL_HASHSIZE. */
    static final int MINIMAL_HASHSIZE = 64;
    static final int DEFAULT_HASHSIZE = 1024;
    static final int DEFAULT_MAXELEM = 65536;
    private static final int BUCKET_HEADER = 32;
    private static final int TABLE_HEADER = 24;
    private static final int REGION_SIZE = 24;
    private static final int REGION_BITS = 10;
    private static final long SECOND = 1_000_000_000L;

    /** One bucket: an array of member slots, which of them are used, and how far they were filled. */
    private static final class Bucket {
        final int[] ip;
        final int[] aux;
        final long[] expires;
        long used;
        int pos;

        Bucket(int size) {
            ip = new int[size];
            aux = new int[size];
            expires = new long[size];
        }

        int size() {
            return ip.length;
        }

        boolean used(int i) {
            return (used & (1L << i)) != 0;
        }

        Bucket resized(int size) {
            Bucket b = new Bucket(size);
            int n = Math.min(size, ip.length);
            System.arraycopy(ip, 0, b.ip, 0, n);
            System.arraycopy(aux, 0, b.aux, 0, n);
            System.arraycopy(expires, 0, b.expires, 0, n);
            b.used = used;
            b.pos = pos;
            return b;
        }

        void put(int i, int address, int auxiliary, long expiry) {
            ip[i] = address;
            aux[i] = auxiliary;
            expires[i] = expiry;
            used |= 1L << i;
        }
    }

    /** The outcome of one attempt to add: a result, or "the bucket is full: resize and retry" (EAGAIN). */
    private static final SetResult RESIZE = null;

    private final int maxelem;
    private final int bucketsize;
    private final int initval;
    private final int dsize;
    private Bucket[] buckets;
    private int bits;
    private long extSize;
    private int[] regionElements;
    /** hash:net: the prefix lengths held, longest first, and how many members have each. */
    private final int[] netCidrs = new int[33];
    private final int[] netCounts = new int[33];
    private int netLength;
    private long nextGc;
    private int gcRegion;

    /**
     * A new empty set. {@code hashsize} is rounded up to a power of two (at least 64),
     * {@code bucketsize} to an even number in 2..12, as the kernel does; {@code timeout} -1 for a
     * set without timeout support.
     */
    HashIpSet(String name, SetType type, int hashsize, int maxelem, int bucketsize, int timeout, int initval, long now) {
        super(name, type, timeout);
        int size = Math.max(hashsize, MINIMAL_HASHSIZE);
        this.bits = 32 - Integer.numberOfLeadingZeros(size - 1);
        this.maxelem = maxelem;
        this.bucketsize = bucketsize < INIT_SIZE ? INIT_SIZE : bucketsize > MAX_SIZE ? MAX_SIZE : bucketsize + (bucketsize & 1);
        this.initval = initval;
        this.dsize = timeout >= 0 ? align8(type.elementSize()) + 8 : type.elementSize();
        this.buckets = new Bucket[1 << bits];
        this.regionElements = new int[locks(bits)];
        this.nextGc = now + SECOND;
    }

    /**
     * What the kernel adds to (or takes from) its memory count when a bucket grows (or shrinks)
     * by 2 slots: {@code ext_size(AHASH_INIT_SIZE, dsize)}, which counts a bucket header too —
     * Linux's own bookkeeping, reproduced as {@code ipset list} reports it.
     */
    private long growth() {
        return BUCKET_HEADER + (long) INIT_SIZE * dsize;
    }

    private static int align8(int n) {
        return (n + 7) & ~7;
    }

    /** ahash_numof_locks: one lock region per 1024 buckets (at least one). */
    private static int locks(int bits) {
        return bits < REGION_BITS ? 1 : 1 << (bits - REGION_BITS);
    }

    public int hashsize() {
        return 1 << bits;
    }

    public int maxelem() {
        return maxelem;
    }

    public int bucketsize() {
        return bucketsize;
    }

    public int initval() {
        return initval;
    }

    // ---- the member's stored form ----

    private int auxOf(Member m) {
        return switch (type()) {
            case HASH_NET -> m.cidr();
            case HASH_IP_PORT -> m.protocol() << 16 | m.port();
            default -> 0;
        };
    }

    private Member memberOf(int ip, int aux) {
        return switch (type()) {
            case HASH_NET -> new Member(ip, aux, 0, 0);
            case HASH_IP_PORT -> Member.addressPort(ip, aux >>> 16, aux & 0xFFFF);
            default -> Member.address(ip);
        };
    }

    /**
     * HKEY: jhash2 over the member's bytes as stored (address in network order; hash:net's cidr in
     * the struct's last byte; hash:ip,port's port in network order, then the protocol), read as
     * little-endian words.
     */
    private int key(int ip, int aux, int tableBits) {
        int first = Integer.reverseBytes(ip);
        int hash = switch (type()) {
            case HASH_NET -> Jhash.hash2(first, aux << 24, initval);
            case HASH_IP_PORT -> {
                int port = aux & 0xFFFF;
                yield Jhash.hash2(first, (port >>> 8) | (port & 0xFF) << 8 | (aux >>> 16) << 16, initval);
            }
            default -> Jhash.hash1(first, initval);
        };
        return hash & ((1 << tableBits) - 1);
    }

    // ---- add ----

    @Override
    public SetResult add(Member member, long seconds, boolean exist, long now) {
        collectGarbage(now);
        int ip = member.ip();
        int aux = auxOf(member);
        long expiry = expiry(now, seconds);
        while (true) {
            SetResult result = tryAdd(ip, aux, expiry, exist, now);
            if (result != RESIZE) return result;
            resize(now);
        }
    }

    /** mtype_add; null (RESIZE) where the kernel answers EAGAIN and ipset's core resizes the table. */
    private SetResult tryAdd(int ip, int aux, long expiry, boolean exist, long now) {
        int key = key(ip, aux, bits);
        int region = key % locks(bits);
        int elements = regionElements[region];
        int limit = maxelem / locks(bits);
        if (elements >= limit) {
            limit = maxelem;
            elements = 0;
            for (int e : regionElements) elements += e;
        }
        Bucket n = buckets[key];
        if (n == null) {
            if (elements >= limit) return SetResult.HASH_FULL;
            n = new Bucket(INIT_SIZE);
            extSize += BUCKET_HEADER + (long) INIT_SIZE * dsize;
            buckets[key] = n;
            store(n, n.pos++, ip, aux, expiry, region);
            return SetResult.OK;
        }
        int j = -1;
        boolean deleted = false;
        boolean reuse = false;
        for (int i = 0; i < n.pos; i++) {
            if (!n.used(i)) {
                if (j == -1) {
                    deleted = reuse = true;
                    j = i;
                }
                continue;
            }
            if (n.ip[i] == ip && n.aux[i] == aux) {
                if (exist || expired(n.expires[i], now)) {
                    // Only the extensions (the timeout) are written again.
                    n.expires[i] = expiry;
                    return SetResult.OK;
                }
                return SetResult.ALREADY_ADDED;
            }
            if (expired(n.expires[i], now) && j == -1) {
                j = i;
                reuse = true;
            }
        }
        if (reuse) {
            if (!deleted) {
                netDeleted(n.aux[j]);
                regionElements[region]--;
            }
            store(n, j, ip, aux, expiry, region);
            return SetResult.OK;
        }
        if (elements >= limit) return SetResult.HASH_FULL;
        if (n.pos >= n.size()) {
            if (n.size() >= bucketsize) return RESIZE;
            n = n.resized(n.size() + INIT_SIZE);
            extSize += growth();
            buckets[key] = n;
        }
        store(n, n.pos++, ip, aux, expiry, region);
        return SetResult.OK;
    }

    private void store(Bucket n, int slot, int ip, int aux, long expiry, int region) {
        regionElements[region]++;
        netAdded(aux);
        n.put(slot, ip, aux, expiry);
    }

    /**
     * mtype_resize: a table of twice the buckets, every live member hashed into it in bucket
     * order; if a bucket there would overflow, twice again.
     */
    private void resize(long now) {
        int newBits = bits;
        retry:
        while (true) {
            newBits++;
            Bucket[] table = new Bucket[1 << newBits];
            int[] counts = new int[locks(newBits)];
            long ext = 0;
            for (Bucket n : buckets) {
                if (n == null) continue;
                for (int j = 0; j < n.pos; j++) {
                    if (!n.used(j) || expired(n.expires[j], now)) continue;
                    int key = key(n.ip[j], n.aux[j], newBits);
                    Bucket m = table[key];
                    if (m == null) {
                        m = new Bucket(INIT_SIZE);
                        ext += BUCKET_HEADER + (long) INIT_SIZE * dsize;
                        table[key] = m;
                    } else if (m.pos >= m.size()) {
                        if (m.size() >= bucketsize) continue retry;
                        m = m.resized(m.size() + INIT_SIZE);
                        ext += growth();
                        table[key] = m;
                    }
                    m.put(m.pos++, n.ip[j], n.aux[j], n.expires[j]);
                    counts[key % counts.length]++;
                }
            }
            buckets = table;
            bits = newBits;
            extSize = ext;
            regionElements = counts;
            return;
        }
    }

    // ---- delete ----

    @Override
    public SetResult delete(Member member, long now) {
        collectGarbage(now);
        int ip = member.ip();
        int aux = auxOf(member);
        int key = key(ip, aux, bits);
        Bucket n = buckets[key];
        if (n == null) return SetResult.NOT_ADDED;
        int k = 0;
        for (int i = 0; i < n.pos; i++) {
            if (!n.used(i)) {
                k++;
                continue;
            }
            if (n.ip[i] != ip || n.aux[i] != aux) continue;
            if (expired(n.expires[i], now)) return SetResult.NOT_ADDED;
            n.used &= ~(1L << i);
            if (i + 1 == n.pos) n.pos--;
            regionElements[key % regionElements.length]--;
            netDeleted(aux);
            for (; i < n.pos; i++) {
                if (!n.used(i)) k++;
            }
            // Every slot up to pos is free: the bucket goes. (Measured on Linux 6.x: deleting the
            // first then the second member of a bucket frees it.)
            if (k == n.pos) {
                extSize -= BUCKET_HEADER + (long) n.size() * dsize;
                buckets[key] = null;
            } else if (k >= INIT_SIZE) {
                buckets[key] = compacted(n, n.size() - INIT_SIZE);
                extSize -= growth();
            }
            return SetResult.OK;
        }
        return SetResult.NOT_ADDED;
    }

    /** A smaller bucket with the used members of {@code n} moved to its front. */
    private static Bucket compacted(Bucket n, int size) {
        Bucket tmp = new Bucket(size);
        int d = 0;
        for (int j = 0; j < n.pos; j++) {
            if (!n.used(j)) continue;
            tmp.put(d++, n.ip[j], n.aux[j], n.expires[j]);
        }
        tmp.pos = d;
        return tmp;
    }

    // ---- test ----

    @Override
    public boolean test(Member member, long now) {
        collectGarbage(now);
        if (type() == SetType.HASH_NET && member.cidr() == 32) {
            // An address, not a network: try every prefix length the set holds, longest first.
            for (int i = 0; i < netLength; i++) {
                int cidr = netCidrs[i];
                if (find(member.ip() & Member.mask(cidr), cidr, now)) return true;
            }
            return false;
        }
        return find(member.ip(), auxOf(member), now);
    }

    private boolean find(int ip, int aux, long now) {
        Bucket n = buckets[key(ip, aux, bits)];
        if (n == null) return false;
        for (int i = 0; i < n.pos; i++) {
            if (n.used(i) && n.ip[i] == ip && n.aux[i] == aux) return !expired(n.expires[i], now);
        }
        return false;
    }

    // ---- the prefix lengths of hash:net (mtype_add_cidr, mtype_del_cidr) ----

    private void netAdded(int aux) {
        if (type() != SetType.HASH_NET) return;
        int cidr = aux;
        int i = 0;
        while (i < netLength && netCidrs[i] > cidr) i++;
        if (i < netLength && netCidrs[i] == cidr) {
            netCounts[i]++;
            return;
        }
        System.arraycopy(netCidrs, i, netCidrs, i + 1, netLength - i);
        System.arraycopy(netCounts, i, netCounts, i + 1, netLength - i);
        netCidrs[i] = cidr;
        netCounts[i] = 1;
        netLength++;
    }

    private void netDeleted(int aux) {
        if (type() != SetType.HASH_NET) return;
        for (int i = 0; i < netLength; i++) {
            if (netCidrs[i] != aux) continue;
            if (--netCounts[i] > 0) return;
            System.arraycopy(netCidrs, i + 1, netCidrs, i, netLength - i - 1);
            System.arraycopy(netCounts, i + 1, netCounts, i, netLength - i - 1);
            netLength--;
            return;
        }
    }

    // ---- flush, listing, size ----

    @Override
    public void flush() {
        buckets = new Bucket[1 << bits];
        extSize = 0;
        regionElements = new int[locks(bits)];
        netLength = 0;
    }

    @Override
    public List<Listed> members(long now) {
        collectGarbage(now);
        List<Listed> out = new ArrayList<>();
        for (Bucket n : buckets) {
            if (n == null) continue;
            for (int j = 0; j < n.pos; j++) {
                if (!n.used(j) || expired(n.expires[j], now)) continue;
                out.add(new Listed(memberOf(n.ip[j], n.aux[j]), hasTimeout() ? secondsLeft(n.expires[j], now) : -1));
            }
        }
        return out;
    }

    @Override
    public int entries(long now) {
        collectGarbage(now);
        int count = 0;
        for (Bucket n : buckets) {
            if (n == null) continue;
            for (int j = 0; j < n.pos; j++) {
                if (n.used(j) && !expired(n.expires[j], now)) count++;
            }
        }
        return count;
    }

    @Override
    public long memorySize(long now) {
        collectGarbage(now);
        return type().headerSize() + TABLE_HEADER + (long) locks(bits) * REGION_SIZE + extSize;
    }

    @Override
    public String header() {
        return "family inet hashsize " + hashsize() + " maxelem " + maxelem + (hasTimeout() ? " timeout " + timeout() : "")
                + " bucketsize " + bucketsize + " initval 0x" + String.format("%08x", initval);
    }

    // ---- garbage collection of expired members (mtype_gc) ----

    /**
     * Runs the collector passes due by {@code now}: one lock region per pass, the first a second
     * after the set was made, then every {@code max(timeout / 3, 1)} seconds shared out over the
     * regions. Simplified: after a long quiet time only the last two rounds are run, which
     * clears the same members.
     */
    private void collectGarbage(long now) {
        if (!hasTimeout() || now < nextGc) return;
        long period = Math.max(timeout() / 3, 1) * SECOND;
        int passes = 0;
        while (nextGc <= now) {
            int regions = locks(bits);
            long interval = Math.max(period / regions, SECOND / 10);
            if (passes++ < 2 * regions + 2) {
                int region = gcRegion++;
                if (region >= regions) region = gcRegion = 0;
                collectRegion(region, nextGc);
                nextGc += interval;
            } else {
                nextGc += ((now - nextGc) / interval + 1) * interval;
            }
        }
    }

    /** mtype_gc_do: clears the expired members of one region's buckets; a bucket with 2 or more free slots shrinks. */
    private void collectRegion(int region, long at) {
        int start = bits < REGION_BITS ? 0 : region << REGION_BITS;
        int end = bits < REGION_BITS ? 1 << bits : (region + 1) << REGION_BITS;
        for (int i = start; i < end; i++) {
            Bucket n = buckets[i];
            if (n == null) continue;
            int d = 0;
            for (int j = 0; j < n.pos; j++) {
                if (!n.used(j)) {
                    d++;
                    continue;
                }
                if (!expired(n.expires[j], at)) continue;
                n.used &= ~(1L << j);
                netDeleted(n.aux[j]);
                regionElements[region]--;
                d++;
            }
            if (d >= INIT_SIZE) {
                if (d >= n.size()) {
                    extSize -= BUCKET_HEADER + (long) n.size() * dsize;
                    buckets[i] = null;
                    continue;
                }
                buckets[i] = compacted(n, n.size() - INIT_SIZE);
                extSize -= growth();
            }
        }
    }
}
