package dev.syssim.sim.shell;

/**
 * The resource limits {@code ulimit} reports: a Debian 12 login's on the simulated machine (8 MiB
 * stack, 1,024 open files). {@code ulimit -u} is the one the kernel enforces (fork fails with EAGAIN
 * past it); the others are shown and remembered.
 */
final class Limits {

    /** letter, description, default. */
    static final String[][] TABLE = {
        {"R", "real-time non-blocking time  (microseconds, -R)", "unlimited"},
        {"c", "core file size              (blocks, -c)", "0"},
        {"d", "data seg size               (kbytes, -d)", "unlimited"},
        {"e", "scheduling priority                 (-e)", "0"},
        {"f", "file size                   (blocks, -f)", "unlimited"},
        {"i", "pending signals                     (-i)", "15388"},
        {"l", "max locked memory           (kbytes, -l)", "503608"},
        {"m", "max memory size             (kbytes, -m)", "unlimited"},
        {"n", "open files                          (-n)", "1024"},
        {"p", "pipe size                (512 bytes, -p)", "8"},
        {"q", "POSIX message queues         (bytes, -q)", "819200"},
        {"r", "real-time priority                  (-r)", "0"},
        {"s", "stack size                  (kbytes, -s)", "8192"},
        {"t", "cpu time                   (seconds, -t)", "unlimited"},
        {"u", "max user processes                  (-u)", "15388"},
        {"v", "virtual memory              (kbytes, -v)", "unlimited"},
        {"x", "file locks                          (-x)", "unlimited"},
    };

    private Limits() {
    }

    static String name(String letter) {
        for (String[] l : TABLE) if (l[0].equals(letter)) return l[1];
        return null;
    }

    static String value(ShellState st, String letter) {
        String set = st.limits.get(letter);
        if (set != null) return set;
        for (String[] l : TABLE) if (l[0].equals(letter)) return l[2];
        return "unlimited";
    }
}
