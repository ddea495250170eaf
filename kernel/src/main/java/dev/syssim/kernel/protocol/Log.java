package dev.syssim.kernel.protocol;

import java.util.Locale;

/**
 * The kernel's log: lines on stderr, which Jupyter servers show in their own log. Deliberately not
 * java.util.logging: loading it costs start-up time, and a kernel needs one stream and one level.
 */
public final class Log {

    private static final boolean DEBUG =
            "debug".equals(System.getenv().getOrDefault("SYSSIM_LOG", "").toLowerCase(Locale.ROOT));

    private Log() {
    }

    public static void warn(String message) {
        System.err.println("[syssim] " + message);
    }

    public static void debug(String message) {
        if (DEBUG) System.err.println("[syssim debug] " + message);
    }
}
