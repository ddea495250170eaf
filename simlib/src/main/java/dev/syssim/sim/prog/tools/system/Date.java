package dev.syssim.sim.prog.tools.system;

import dev.syssim.sim.os.ClockGettime;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Options;
import dev.syssim.sim.prog.Tool;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Set;

/**
 * date: the machine's clock — its boot date plus the simulated time since boot, read through the
 * vDSO (clock_gettime, no syscall) — in UTC, the machines' time zone. {@code +FORMAT} takes the
 * common strftime conversions ({@code %Y-%m-%d %H:%M:%S}, {@code %s}, {@code %a %b %e} ...);
 * {@code -d @SECONDS} formats another instant; {@code -R} and {@code -I} the standard forms.
 */
public final class Date extends Tool {

    @Override
    protected Step run(Libc c) {
        Options o = Options.parse("date", c.args().operands(), "uRI", "d", Set.of("help", "utc", "universal", "rfc-email"), Set.of("date"), true);
        if (o.failed()) return c.usageError(o.error(), 1);
        if (o.has("help")) return help(c);
        String format = null;
        for (String op : o.operands()) {
            if (op.startsWith("+") && format == null) format = op.substring(1);
            else return c.usageError("date: invalid date " + Libc.quote(op), 1);
        }
        String fmt = format;
        String when = o.value("d", o.value("date"));
        return c.clock(ClockGettime.CLOCK_REALTIME, nanos -> {
            long seconds = Math.floorDiv(nanos, 1_000_000_000L);
            long fraction = Math.floorMod(nanos, 1_000_000_000L);
            if (when != null) {
                Long parsed = parse(when, seconds);
                if (parsed == null) {
                    c.error("invalid date " + Libc.quote(when));
                    return c.exit(1);
                }
                if (parsed != seconds) fraction = 0;
                seconds = parsed;
            }
            ZonedDateTime t = Instant.ofEpochSecond(seconds, fraction).atZone(ZoneOffset.UTC);
            String out;
            if (fmt != null) out = format(fmt, t);
            else if (o.hasAny("R", "rfc-email")) out = format("%a, %d %b %Y %H:%M:%S %z", t);
            else if (o.has("I")) out = format("%Y-%m-%d", t);
            else out = format("%a %b %e %H:%M:%S %Z %Y", t);
            c.println(out);
            return c.exit(0);
        });
    }

    /** A few of the forms date -d understands: {@code @SECONDS}, {@code now}, {@code YYYY-MM-DD [HH:MM[:SS]]}. */
    private static Long parse(String text, long now) {
        String s = text.strip();
        if (s.equals("now") || s.isEmpty()) return now;
        if (s.matches("@-?[0-9]+")) return Long.parseLong(s.substring(1));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("([0-9]{4})-([0-9]{2})-([0-9]{2})(?:[ T]([0-9]{2}):([0-9]{2})(?::([0-9]{2}))?)?").matcher(s);
        if (!m.matches()) return null;
        try {
            return ZonedDateTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                    m.group(4) == null ? 0 : Integer.parseInt(m.group(4)), m.group(5) == null ? 0 : Integer.parseInt(m.group(5)),
                    m.group(6) == null ? 0 : Integer.parseInt(m.group(6)), 0, ZoneOffset.UTC).toEpochSecond();
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    /** strftime(3) in the C locale for the conversions a course uses. */
    public static String format(String fmt, ZonedDateTime t) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < fmt.length(); i++) {
            char ch = fmt.charAt(i);
            if (ch != '%' || i + 1 >= fmt.length()) {
                out.append(ch);
                continue;
            }
            char conv = fmt.charAt(++i);
            out.append(switch (conv) {
                case 'Y' -> Integer.toString(t.getYear());
                case 'y' -> String.format("%02d", t.getYear() % 100);
                case 'C' -> String.format("%02d", t.getYear() / 100);
                case 'm' -> String.format("%02d", t.getMonthValue());
                case 'd' -> String.format("%02d", t.getDayOfMonth());
                case 'e' -> String.format("%2d", t.getDayOfMonth());
                case 'H' -> String.format("%02d", t.getHour());
                case 'I' -> String.format("%02d", (t.getHour() + 11) % 12 + 1);
                case 'M' -> String.format("%02d", t.getMinute());
                case 'S' -> String.format("%02d", t.getSecond());
                case 'N' -> String.format("%09d", t.getNano());
                case 'p' -> t.getHour() < 12 ? "AM" : "PM";
                case 's' -> Long.toString(t.toEpochSecond());
                case 'a' -> t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ROOT);
                case 'A' -> t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ROOT);
                case 'b', 'h' -> t.getMonth().getDisplayName(TextStyle.SHORT, Locale.ROOT);
                case 'B' -> t.getMonth().getDisplayName(TextStyle.FULL, Locale.ROOT);
                case 'j' -> String.format("%03d", t.getDayOfYear());
                case 'u' -> Integer.toString(t.getDayOfWeek().getValue());
                case 'w' -> Integer.toString(t.getDayOfWeek().getValue() % 7);
                case 'Z' -> "UTC";
                case 'z' -> "+0000";
                case 'T' -> format("%H:%M:%S", t);
                case 'R' -> format("%H:%M", t);
                case 'D' -> format("%m/%d/%y", t);
                case 'F' -> format("%Y-%m-%d", t);
                case 'c' -> format("%a %b %e %H:%M:%S %Y", t);
                case 'n' -> "\n";
                case 't' -> "\t";
                case '%' -> "%";
                default -> "%" + conv;
            });
        }
        return out.toString();
    }

    @Override
    public String whatis() {
        return "print or set the system date and time";
    }

    @Override
    public String manual() {
        return "date [OPTION]... [+FORMAT]\n  Display the current time in the given FORMAT.\n"
                + "  -d, --date=STRING   display time described by STRING (@SECONDS, YYYY-MM-DD [HH:MM[:SS]]), not 'now'\n"
                + "  -I                  output date in ISO 8601 format\n"
                + "  -R, --rfc-email     output date and time in RFC 5322 format\n"
                + "  -u, --utc           print Coordinated Universal Time (UTC)\n"
                + "  FORMAT: %Y year, %m month, %d day, %H hour, %M minute, %S second, %s seconds since the Epoch,\n"
                + "  %a/%A weekday, %b/%B month name, %e day (space padded), %j day of year, %F %Y-%m-%d, %T %H:%M:%S, %Z zone";
    }
}
