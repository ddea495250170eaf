package dev.syssim.sim.os;

import java.util.ArrayList;
import java.util.List;

/**
 * The kernel's ring buffer of messages (what {@code dmesg} and {@code /dev/kmsg} show), each with
 * its syslog level, sequence number and simulated timestamp.
 */
public final class KernelLog {

    /** One message as /dev/kmsg presents it: {@code 6,42,1234567,-;text}. */
    public record Entry(int level, long sequence, long timeNanos, String text) {

        /** {@code [    0.123456] text}, dmesg's default format. */
        public String dmesgLine() {
            long micros = timeNanos / 1000;
            return String.format("[%5d.%06d] %s", micros / 1_000_000, micros % 1_000_000, text);
        }

        public String kmsgRecord() {
            return level + "," + sequence + "," + timeNanos / 1000 + ",-;" + text + "\n";
        }
    }

    public static final int KERN_ERR = 3;
    public static final int KERN_WARNING = 4;
    public static final int KERN_NOTICE = 5;
    public static final int KERN_INFO = 6;

    /** Ring buffer capacity in messages (Linux keeps bytes; the idea is the same). */
    private static final int CAPACITY = 4096;

    private final List<Entry> entries = new ArrayList<>();
    private long nextSequence;

    public Entry log(int level, long time, String text) {
        Entry e = new Entry(level, nextSequence++, time, text);
        if (entries.size() == CAPACITY) entries.remove(0);
        entries.add(e);
        return e;
    }

    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    /** Entries from sequence number {@code from} on (a /dev/kmsg reader's position). */
    public List<Entry> since(long from) {
        List<Entry> out = new ArrayList<>();
        for (Entry e : entries) if (e.sequence() >= from) out.add(e);
        return out;
    }

    public void clear() {
        entries.clear();
    }
}
