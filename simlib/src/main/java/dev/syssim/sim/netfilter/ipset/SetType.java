package dev.syssim.sim.netfilter.ipset;

/**
 * The set types simulated, with the kernel module's revision ({@code ipset list} shows it), the
 * number of dimensions a member has ({@code hash:ip,port}: two, an address and a port), and the
 * size of the type's header structure as {@code Size in memory} counts it on x86-64 Linux 6.x
 * (measured: an empty set with one lock region).
 */
public enum SetType {
    HASH_IP("hash:ip", 6, 1, 168, 4),
    HASH_NET("hash:net", 7, 1, 408, 8),
    HASH_IP_PORT("hash:ip,port", 7, 2, 168, 8),
    BITMAP_PORT("bitmap:port", 3, 1, 72, 0);

    private final String typeName;
    private final int revision;
    private final int dimension;
    private final int headerSize;
    private final int elementSize;

    SetType(String typeName, int revision, int dimension, int headerSize, int elementSize) {
        this.typeName = typeName;
        this.revision = revision;
        this.dimension = dimension;
        this.headerSize = headerSize;
        this.elementSize = elementSize;
    }

    /** As typed and listed: {@code hash:ip,port}. */
    public String typeName() {
        return typeName;
    }

    public int revision() {
        return revision;
    }

    public int dimension() {
        return dimension;
    }

    /** {@code sizeof(struct htype)} (hash types) or {@code sizeof(struct bitmap_port)}. */
    int headerSize() {
        return headerSize;
    }

    /** {@code sizeof(struct mtype_elem)} of a hash type: the bytes of one member, before extensions. */
    int elementSize() {
        return elementSize;
    }

    public boolean isHash() {
        return this != BITMAP_PORT;
    }

    /** The type {@code name} names, by its name or by the alias of ipset 4 ({@code iphash}, {@code nethash} …); null if none. */
    public static SetType named(String name) {
        for (SetType type : values()) if (type.typeName.equals(name)) return type;
        return switch (name) {
            case "iphash" -> HASH_IP;
            case "nethash" -> HASH_NET;
            case "ipporthash" -> HASH_IP_PORT;
            case "portmap" -> BITMAP_PORT;
            default -> null;
        };
    }
}
