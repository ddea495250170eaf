package dev.syssim.sim.prog;

import dev.syssim.sim.os.Signal;
import java.util.Locale;

/**
 * Signal names and numbers as the tools read and print them: {@code KILL}, {@code SIGKILL},
 * {@code 9}, and the real-time signals {@code RTMIN+N} (34 to 64). coreutils (timeout, env) match
 * names exactly; procps (kill, pkill) ignores case. Linux's signals 1 to 31 are {@link Signal}'s.
 */
public final class SignalNames {

    /** glibc's SIGRTMIN and SIGRTMAX on Linux (the first two real-time signals belong to NPTL). */
    public static final int RTMIN = 34;
    public static final int RTMAX = 64;

    private SignalNames() {
    }

    /**
     * The number of a signal given by name or number, or -1. {@code ignoreCase} as procps; names
     * may carry the SIG prefix; {@code IO}, {@code CLD}, {@code IOT}, {@code POLL} are aliases.
     */
    public static int parse(String text, boolean ignoreCase) {
        if (text.isEmpty()) return -1;
        if (text.chars().allMatch(Character::isDigit)) {
            if (text.length() > 3) return -1;
            int n = Integer.parseInt(text);
            return n <= RTMAX ? n : -1;
        }
        String name = ignoreCase ? text.toUpperCase(Locale.ROOT) : text;
        if (name.startsWith("SIG")) name = name.substring(3);
        int rt = realtime(name);
        if (rt != 0) return rt;
        switch (name) {
            case "IO", "POLL" -> name = "IO";
            case "CLD" -> name = "CHLD";
            case "IOT" -> name = "ABRT";
            default -> { }
        }
        for (Signal s : Signal.values()) if (s.shortName().equals(name)) return s.number();
        return -1;
    }

    private static int realtime(String name) {
        if (name.equals("RTMIN")) return RTMIN;
        if (name.equals("RTMAX")) return RTMAX;
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("RT(MIN|MAX)([+-])([0-9]{1,2})").matcher(name);
        if (!m.matches()) return 0;
        int offset = Integer.parseInt(m.group(3));
        int n = m.group(1).equals("MIN") ? (m.group(2).equals("+") ? RTMIN + offset : -1) : (m.group(2).equals("-") ? RTMAX - offset : -1);
        return n >= RTMIN && n <= RTMAX ? n : -1;
    }

    /** The name without SIG as procps prints it ({@code POLL} for 29), or null past 31. */
    public static String name(int number) {
        if (number == 29) return "POLL";
        Signal s = Signal.of(number);
        return s == null ? null : s.shortName();
    }

    /** coreutils' sig2str: {@code TERM}, {@code IO}, {@code RTMIN+2}, or the number. */
    public static String coreutilsName(int number) {
        Signal s = Signal.of(number);
        if (s != null) return s.shortName();
        if (number == RTMIN) return "RTMIN";
        if (number == RTMAX) return "RTMAX";
        if (number > RTMIN && number <= (RTMIN + RTMAX) / 2) return "RTMIN+" + (number - RTMIN);
        if (number > RTMIN && number < RTMAX) return "RTMAX-" + (RTMAX - number);
        return Integer.toString(number);
    }
}
