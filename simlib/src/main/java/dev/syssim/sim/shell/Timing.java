package dev.syssim.sim.shell;

/** What bash's {@code time} prints: its default TIMEFORMAT, the POSIX {@code -p} form, or the user's TIMEFORMAT. */
final class Timing {

    private static final String DEFAULT = "\nreal\t%3lR\nuser\t%3lU\nsys\t%3lS";

    private Timing() {
    }

    static String report(long realNanos, long userNanos, long sysNanos, boolean posix, String timeformat) {
        if (posix) {
            return "real " + seconds(realNanos, 2) + "\nuser " + seconds(userNanos, 2) + "\nsys " + seconds(sysNanos, 2) + "\n";
        }
        String format = timeformat == null ? DEFAULT : timeformat;
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < format.length(); i++) {
            char ch = format.charAt(i);
            if (ch != '%' || i + 1 >= format.length()) {
                out.append(ch);
                continue;
            }
            int j = i + 1;
            if (format.charAt(j) == '%') {
                out.append('%');
                i = j;
                continue;
            }
            int precision = 3;
            if (Character.isDigit(format.charAt(j))) {
                precision = Math.min(3, format.charAt(j) - '0');
                j++;
            }
            boolean longForm = j < format.length() && format.charAt(j) == 'l';
            if (longForm) j++;
            if (j >= format.length()) {
                out.append(format, i, j);
                i = j - 1;
                continue;
            }
            char what = format.charAt(j);
            long nanos = switch (what) {
                case 'R' -> realNanos;
                case 'U' -> userNanos;
                case 'S' -> sysNanos;
                default -> -1;
            };
            if (what == 'P') {
                long cpu = userNanos + sysNanos;
                out.append(realNanos == 0 ? "0.00" : seconds(cpu * 100 / Math.max(1, realNanos) * 1_000_000_000L / 100 * 100, 2));
            } else if (nanos < 0) {
                out.append(format, i, j + 1);
            } else if (longForm) {
                long minutes = nanos / 60_000_000_000L;
                out.append(minutes).append('m').append(seconds(nanos - minutes * 60_000_000_000L, precision)).append('s');
            } else {
                out.append(seconds(nanos, precision));
            }
            i = j;
        }
        return out + "\n";
    }

    /** Seconds with {@code digits} decimals, truncated as bash does. */
    static String seconds(long nanos, int digits) {
        long whole = nanos / 1_000_000_000L;
        long frac = nanos % 1_000_000_000L;
        if (digits == 0) return Long.toString(whole);
        long scaled = frac / (long) Math.pow(10, 9 - digits);
        return whole + "." + String.format("%0" + digits + "d", scaled);
    }
}
