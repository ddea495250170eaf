package dev.syssim.sim.prog.tools.editors.awk;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * strftime() and mktime() on the simulated clock. Simplification: the simulated machines keep
 * UTC (no /etc/localtime), so local time is UTC unless TZ names a zone Java knows.
 */
final class Time {

    private Time() {
    }

    private static Value v(Object o) {
        return o instanceof Value val ? val : Value.UNINITIALIZED;
    }

    private static ZoneId zone(Vm vm, boolean utc) {
        if (utc) return ZoneOffset.UTC;
        String tz = vm.c.env("TZ");
        if (tz == null || tz.isEmpty()) return ZoneOffset.UTC;
        try {
            return ZoneId.of(tz.startsWith(":") ? tz.substring(1) : tz);
        } catch (RuntimeException e) {
            return ZoneOffset.UTC;
        }
    }

    static Object call(Vm vm, Builtins.Id id, Object[] a) {
        String cf = vm.convfmt();
        if (id == Builtins.Id.MKTIME) {
            String[] parts = v(a[0]).string(cf).trim().split("[ \t\n]+");
            if (parts.length < 6) return Value.of(-1);
            try {
                long[] f = new long[6];
                for (int i = 0; i < 6; i++) f[i] = (long) Numbers.parse(parts[i]).value();
                LocalDateTime t = LocalDateTime.of((int) f[0], 1, 1, 0, 0, 0).plusMonths(f[1] - 1).plusDays(f[2] - 1)
                        .plusHours(f[3]).plusMinutes(f[4]).plusSeconds(f[5]);
                boolean utc = a.length > 1 && v(a[1]).truth();
                return Value.of(t.atZone(zone(vm, utc)).toEpochSecond());
            } catch (RuntimeException e) {
                return Value.of(-1);
            }
        }
        String format = a.length > 0 ? v(a[0]).string(cf) : "%a %b %e %H:%M:%S %Z %Y";
        long seconds;
        if (a.length > 1) {
            seconds = (long) v(a[1]).number();
        } else {
            Object now = vm.clock();
            if (now instanceof Request) return now;
            seconds = (Long) now;
        }
        boolean utc = a.length > 2 && v(a[2]).truth();
        ZonedDateTime t = Instant.ofEpochSecond(seconds).atZone(zone(vm, utc));
        return Value.str(strftime(format, t));
    }

    /** The conversions of strftime(3) in the C locale. */
    static String strftime(String format, ZonedDateTime t) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < format.length(); i++) {
            char ch = format.charAt(i);
            if (ch != '%' || i + 1 >= format.length()) {
                b.append(ch);
                continue;
            }
            char f = format.charAt(++i);
            switch (f) {
                case 'a': b.append(t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH)); break;
                case 'A': b.append(t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH)); break;
                case 'b': case 'h': b.append(t.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH)); break;
                case 'B': b.append(t.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH)); break;
                case 'c': b.append(strftime("%a %b %e %H:%M:%S %Y", t)); break;
                case 'C': b.append(two(t.getYear() / 100)); break;
                case 'd': b.append(two(t.getDayOfMonth())); break;
                case 'D': b.append(strftime("%m/%d/%y", t)); break;
                case 'e': b.append(String.format("%2d", t.getDayOfMonth())); break;
                case 'F': b.append(strftime("%Y-%m-%d", t)); break;
                case 'H': b.append(two(t.getHour())); break;
                case 'I': b.append(two(t.getHour() % 12 == 0 ? 12 : t.getHour() % 12)); break;
                case 'j': b.append(String.format("%03d", t.getDayOfYear())); break;
                case 'k': b.append(String.format("%2d", t.getHour())); break;
                case 'l': b.append(String.format("%2d", t.getHour() % 12 == 0 ? 12 : t.getHour() % 12)); break;
                case 'm': b.append(two(t.getMonthValue())); break;
                case 'M': b.append(two(t.getMinute())); break;
                case 'n': b.append('\n'); break;
                case 'p': b.append(t.getHour() < 12 ? "AM" : "PM"); break;
                case 'r': b.append(strftime("%I:%M:%S %p", t)); break;
                case 'R': b.append(strftime("%H:%M", t)); break;
                case 's': b.append(t.toEpochSecond()); break;
                case 'S': b.append(two(t.getSecond())); break;
                case 't': b.append('\t'); break;
                case 'T': b.append(strftime("%H:%M:%S", t)); break;
                case 'u': b.append(t.getDayOfWeek().getValue()); break;
                case 'w': b.append(t.getDayOfWeek().getValue() % 7); break;
                case 'x': b.append(strftime("%m/%d/%y", t)); break;
                case 'X': b.append(strftime("%H:%M:%S", t)); break;
                case 'y': b.append(two(t.getYear() % 100)); break;
                case 'Y': b.append(t.getYear()); break;
                case 'z': {
                    int off = t.getOffset().getTotalSeconds() / 60;
                    b.append(off < 0 ? '-' : '+').append(two(Math.abs(off) / 60)).append(two(Math.abs(off) % 60));
                    break;
                }
                case 'Z': b.append(t.getZone() instanceof ZoneOffset ? "UTC" : t.getZone().getDisplayName(TextStyle.SHORT, Locale.ENGLISH)); break;
                case '%': b.append('%'); break;
                default: b.append('%').append(f);
            }
        }
        return b.toString();
    }

    private static String two(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }
}
