package dev.syssim.sim.netfilter;

/**
 * A packet and byte counter, as every rule and every built-in chain's policy has one. Mutable: the
 * only changing part of an installed rule.
 */
public final class Counters {

    private long packets;
    private long bytes;

    public Counters() {
    }

    public Counters(long packets, long bytes) {
        set(packets, bytes);
    }

    /** Counts one packet of {@code length} bytes. */
    public void count(int length) {
        packets++;
        bytes += length;
    }

    public void set(long newPackets, long newBytes) {
        if (newPackets < 0 || newBytes < 0) throw new IllegalArgumentException("negative counter");
        packets = newPackets;
        bytes = newBytes;
    }

    public void zero() {
        packets = 0;
        bytes = 0;
    }

    public long packets() {
        return packets;
    }

    public long bytes() {
        return bytes;
    }

    public Counters copy() {
        return new Counters(packets, bytes);
    }

    @Override
    public String toString() {
        return "[" + packets + ":" + bytes + "]";
    }
}
