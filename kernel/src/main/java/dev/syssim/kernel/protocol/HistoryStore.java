package dev.syssim.kernel.protocol;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The inputs (and text outputs) of the cells stored with {@code store_history}, numbered by their
 * execution count, answering tail, range and search queries the way IPython's history does. Kept in
 * memory for the life of the kernel process, like xeus's default history: a restarted kernel starts
 * a fresh session, and nothing is written to the student's disk.
 */
public final class HistoryStore {

    /** The number of the kernel's only session; requests may also say 0 for "the current one". */
    public static final int SESSION = 1;

    /** One stored cell. {@code output} is null when the cell had no text result. */
    public record Entry(int session, int line, String input, String output) {
    }

    private final List<Entry> entries = new ArrayList<>();

    public synchronized void add(int line, String input) {
        entries.add(new Entry(SESSION, line, input, null));
    }

    public synchronized void recordOutput(int line, String output) {
        for (int i = entries.size() - 1; i >= 0; i--) {
            Entry entry = entries.get(i);
            if (entry.line() == line) {
                entries.set(i, new Entry(entry.session(), line, entry.input(), output));
                return;
            }
        }
    }

    /** The last {@code n} entries, oldest first. */
    public synchronized List<Entry> tail(int n) {
        return List.copyOf(entries.subList(Math.max(0, entries.size() - n), entries.size()));
    }

    /**
     * Lines {@code start <= line < stop} of a session ({@code stop <= 0}: to the end). Session 0 is
     * the current one; negative sessions count back to earlier ones, which this store does not keep.
     */
    public synchronized List<Entry> range(int session, int start, int stop) {
        if (session != 0 && session != SESSION) return List.of();
        List<Entry> found = new ArrayList<>();
        for (Entry entry : entries) {
            if (entry.line() >= start && (stop <= 0 || entry.line() < stop)) found.add(entry);
        }
        return found;
    }

    /**
     * Entries whose whole input matches the glob {@code pattern} ({@code *}, {@code ?}, {@code [..]}
     * as in IPython's SQLite GLOB), oldest first; with {@code unique}, only the latest of equal inputs;
     * with {@code n > 0}, only the last {@code n}.
     */
    public synchronized List<Entry> search(String pattern, int n, boolean unique) {
        Pattern glob = Glob.toPattern(pattern);
        List<Entry> found = new ArrayList<>();
        for (Entry entry : entries) {
            if (glob.matcher(entry.input()).matches()) found.add(entry);
        }
        if (unique) {
            Map<String, Entry> latest = new LinkedHashMap<>();
            for (Entry entry : found) {
                latest.remove(entry.input());
                latest.put(entry.input(), entry);
            }
            found = new ArrayList<>(latest.values());
        }
        return n > 0 ? found.subList(Math.max(0, found.size() - n), found.size()) : found;
    }
}
