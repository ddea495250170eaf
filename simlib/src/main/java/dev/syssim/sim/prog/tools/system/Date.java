package dev.syssim.sim.prog.tools.system;

import dev.syssim.sim.os.ClockGettime;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Tool;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Locale;

/**
 * date (coreutils 9.1): the machine's clock — its boot date plus the simulated time since boot, read
 * through the vDSO (clock_gettime, no syscall) — in UTC, the machines' time zone. {@code +FORMAT}
 * takes strftime's conversions with GNU's flags and widths ({@code %-d}, {@code %_H}, {@code %05Y},
 * {@code %^a}, {@code %3N}, {@code %:z}); {@code -d STRING} formats another instant (see {@link
 * DateParser}), {@code -r FILE} a file's modification time; {@code -I[FMT]}, {@code -R} and
 * {@code --rfc-3339=FMT} the standard forms. Setting the clock ({@code -s}, or an operand without
 * {@code +}) fails with EPERM for everyone: the simulated clocks follow simulated time alone.
 */
public final class Date extends Tool {

    private final long bootEpochSeconds;

    /** {@code bootEpochSeconds}: when the machine booted, which file times count from. */
    public Date(long bootEpochSeconds) {
        this.bootEpochSeconds = bootEpochSeconds;
    }

    private static final List<String> ISO = List.of("hours", "minutes", "date", "seconds", "ns");
    private static final List<String> RFC_3339 = List.of("date", "seconds", "ns");

    /** The options, as read. */
    private static final class Request {
        String date;
        String reference;
        String set;
        String iso;
        String rfc3339;
        boolean rfcEmail;
        boolean help;
        int formats;
    }

    @Override
    protected Step run(Libc c) {
        Request r = new Request();
        List<String> args = c.args().operands();
        List<String> operands = new java.util.ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--")) {
                operands.addAll(args.subList(i + 1, args.size()));
                break;
            }
            if (!a.startsWith("-") || a.equals("-")) {
                operands.add(a);
                continue;
            }
            if (a.startsWith("--")) {
                String name = a.contains("=") ? a.substring(2, a.indexOf('=')) : a.substring(2);
                String value = a.contains("=") ? a.substring(a.indexOf('=') + 1) : null;
                String full = longName(name);
                if (full == null) return c.usageError("date: unrecognized option '" + a + "'", 1);
                if (List.of("date", "reference", "set", "rfc-3339", "file").contains(full) && value == null) {
                    if (i + 1 >= args.size()) return c.usageError("date: option '--" + full + "' requires an argument", 1);
                    value = args.get(++i);
                }
                String error = option(c, r, full, value);
                if (error != null) return error.isEmpty() ? c.exit(1) : c.usageError(error, 1);
                continue;
            }
            for (int j = 1; j < a.length(); j++) {
                char ch = a.charAt(j);
                String rest = a.substring(j + 1);
                if (ch == 'I') {
                    String error = option(c, r, "iso-8601", rest.isEmpty() ? null : rest);
                    if (error != null) return error.isEmpty() ? c.exit(1) : c.usageError(error, 1);
                    break;
                }
                if ("drsf".indexOf(ch) >= 0) {
                    String value = rest;
                    if (value.isEmpty()) {
                        if (i + 1 >= args.size()) return c.usageError("date: option requires an argument -- '" + ch + "'", 1);
                        value = args.get(++i);
                    }
                    String name = switch (ch) {
                        case 'd' -> "date";
                        case 'r' -> "reference";
                        case 's' -> "set";
                        default -> "file";
                    };
                    String error = option(c, r, name, value);
                    if (error != null) return error.isEmpty() ? c.exit(1) : c.usageError(error, 1);
                    break;
                }
                if (ch == 'u') continue;
                if (ch == 'R') {
                    r.rfcEmail = true;
                    r.formats++;
                    continue;
                }
                return c.usageError("date: invalid option -- '" + ch + "'", 1);
            }
        }
        if (r.help) return help(c);
        String format = null;
        if (!operands.isEmpty() && operands.get(0).startsWith("+")) {
            format = operands.get(0).substring(1);
            r.formats++;
            if (operands.size() > 1) return c.usageError("date: extra operand " + c.quoteLocale(operands.get(1)), 1);
        } else if (!operands.isEmpty()) {
            if (operands.size() > 1) return c.usageError("date: extra operand " + c.quoteLocale(operands.get(1)), 1);
            if (r.date != null || r.set != null) {
                c.error("the argument " + c.quoteLocale(operands.get(0)) + " lacks a leading '+';");
                c.eprint("when using an option to specify date(s), any non-option\nargument must be a format string beginning with '+'\n");
                return c.usageError("", 1);
            }
            r.set = operands.get(0);
        }
        if (r.formats > 1) {
            c.error("multiple output formats specified");
            return c.exit(1);
        }
        if (r.date != null && r.reference != null) {
            c.error("the options to specify dates for printing are mutually exclusive");
            return c.usageError("", 1);
        }
        String fmt = format;
        return c.clock(ClockGettime.CLOCK_REALTIME, nanos -> {
            long seconds = Math.floorDiv(nanos, 1_000_000_000L);
            int fraction = (int) Math.floorMod(nanos, 1_000_000_000L);
            if (r.reference != null) {
                return c.statOf(r.reference, true, (err, st) -> {
                    if (err != null) {
                        c.error(r.reference, err);
                        return c.exit(1);
                    }
                    // st_mtime counts simulated time since boot, as ls and find read it (reading the two
                    // clocks instead would lose the time the stat took, a second at the wrong moment)
                    long at = st.mtime();
                    return show(c, r, fmt, bootEpochSeconds + Math.floorDiv(at, 1_000_000_000L), (int) Math.floorMod(at, 1_000_000_000L));
                });
            }
            String when = r.set != null ? r.set : r.date;
            if (when == null) return show(c, r, fmt, seconds, fraction);
            DateParser.Instant at = r.set != null && !r.set.startsWith("@") && r.set.matches("[0-9]{8,12}(\\.[0-9]{2})?")
                    ? posixSet(r.set, seconds) : DateParser.parse(when, seconds, fraction);
            if (at == null) {
                c.error("invalid date " + c.quoteLocale(when));
                return c.exit(1);
            }
            if (r.set != null) {
                // nobody may set a simulated machine's clock: it is simulated time (no CAP_SYS_TIME)
                c.error("cannot set date", dev.syssim.sim.os.Errno.EPERM);
                return show(c, r, fmt, at.seconds(), at.nanos(), 1);
            }
            return show(c, r, fmt, at.seconds(), at.nanos());
        });
    }

    /** The POSIX operand MMDDhhmm[[CC]YY][.ss] that sets the date. */
    private static DateParser.Instant posixSet(String text, long now) {
        String main = text.contains(".") ? text.substring(0, text.indexOf('.')) : text;
        int sec = text.contains(".") ? Integer.parseInt(text.substring(text.indexOf('.') + 1)) : 0;
        int year = Instant.ofEpochSecond(now).atZone(ZoneOffset.UTC).getYear();
        if (main.length() == 10) year = 2000 + Integer.parseInt(main.substring(8)) - (Integer.parseInt(main.substring(8)) >= 69 ? 100 : 0);
        if (main.length() == 12) year = Integer.parseInt(main.substring(8));
        try {
            ZonedDateTime t = ZonedDateTime.of(year, Integer.parseInt(main.substring(0, 2)), Integer.parseInt(main.substring(2, 4)),
                    Integer.parseInt(main.substring(4, 6)), Integer.parseInt(main.substring(6, 8)), sec, 0, ZoneOffset.UTC);
            return new DateParser.Instant(t.toEpochSecond(), 0);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    private static String longName(String prefix) {
        List<String> names = List.of("date", "file", "iso-8601", "reference", "rfc-email", "rfc-3339", "set", "utc", "universal", "help",
                "version", "debug");
        if (names.contains(prefix)) return prefix;
        String found = null;
        for (String n : names) {
            if (!n.startsWith(prefix)) continue;
            if (found != null && !(found.equals("utc") || found.equals("universal")) ) return null;
            found = n;
        }
        return found;
    }

    /** One option; null, an error for usageError, or "" when already reported. */
    private static String option(Libc c, Request r, String name, String value) {
        switch (name) {
            case "date" -> r.date = value;
            case "reference" -> r.reference = value;
            case "set" -> r.set = value;
            case "file" -> r.date = value;
            case "help" -> r.help = true;
            case "rfc-email" -> {
                r.rfcEmail = true;
                r.formats++;
            }
            case "iso-8601" -> {
                String v = value == null ? "date" : argmatch(c, value, ISO, "--iso-8601");
                if (v == null) return "";
                r.iso = v;
                r.formats++;
            }
            case "rfc-3339" -> {
                String v = argmatch(c, value, RFC_3339, "--rfc-3339");
                if (v == null) return "";
                r.rfc3339 = v;
                r.formats++;
            }
            default -> { }
        }
        return null;
    }

    /** gnulib's argmatch: an exact or unambiguous abbreviation, else its error and the valid list. */
    private static String argmatch(Libc c, String value, List<String> valid, String option) {
        String found = null;
        for (String v : valid) {
            if (v.equals(value)) return v;
            if (v.startsWith(value) && !value.isEmpty()) found = found == null ? v : "";
        }
        if (found != null && !found.isEmpty()) return found;
        c.error((found == null ? "invalid" : "ambiguous") + " argument " + c.quoteLocale(value) + " for " + c.quoteLocale(option));
        StringBuilder list = new StringBuilder("Valid arguments are:\n");
        for (String v : valid) list.append("  - ").append(c.quoteLocale(v)).append('\n');
        c.eprint(list.toString());
        c.eprint("Try 'date --help' for more information.\n");
        return null;
    }

    private static Step show(Libc c, Request r, String fmt, long seconds, int nanos) {
        return show(c, r, fmt, seconds, nanos, 0);
    }

    private static Step show(Libc c, Request r, String fmt, long seconds, int nanos, int status) {
        ZonedDateTime t = Instant.ofEpochSecond(seconds, nanos).atZone(ZoneOffset.UTC);
        String out;
        if (fmt != null) out = format(fmt, t);
        else if (r.rfcEmail) out = format("%a, %d %b %Y %H:%M:%S %z", t);
        else if (r.iso != null) out = format(switch (r.iso) {
            case "hours" -> "%Y-%m-%dT%H%:z";
            case "minutes" -> "%Y-%m-%dT%H:%M%:z";
            case "seconds" -> "%Y-%m-%dT%H:%M:%S%:z";
            case "ns" -> "%Y-%m-%dT%H:%M:%S,%N%:z";
            default -> "%Y-%m-%d";
        }, t);
        else if (r.rfc3339 != null) out = format(switch (r.rfc3339) {
            case "seconds" -> "%Y-%m-%d %H:%M:%S%:z";
            case "ns" -> "%Y-%m-%d %H:%M:%S.%N%:z";
            default -> "%Y-%m-%d";
        }, t);
        else out = format("%a %b %e %H:%M:%S %Z %Y", t);
        c.println(out);
        return c.exit(status);
    }

    /**
     * strftime(3) in the C locale, with GNU date's flags ({@code -} no padding, {@code _} spaces,
     * {@code 0} zeros, {@code ^} upper case, {@code #} swapped case) and field widths.
     */
    public static String format(String fmt, ZonedDateTime t) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < fmt.length()) {
            char ch = fmt.charAt(i);
            if (ch != '%') {
                out.append(ch);
                i++;
                continue;
            }
            int start = i++;
            char pad = 0;
            boolean upper = false;
            boolean swap = false;
            while (i < fmt.length() && "-_0^#".indexOf(fmt.charAt(i)) >= 0) {
                char f = fmt.charAt(i++);
                if (f == '^') upper = true;
                else if (f == '#') swap = true;
                else pad = f;
            }
            int width = -1;
            while (i < fmt.length() && Character.isDigit(fmt.charAt(i))) width = Math.max(0, width) * 10 + fmt.charAt(i++) - '0';
            int colons = 0;
            while (i < fmt.length() && fmt.charAt(i) == ':') {
                colons++;
                i++;
            }
            if (i >= fmt.length()) {
                out.append(fmt, start, fmt.length());
                break;
            }
            char conv = fmt.charAt(i++);
            String value = conversion(conv, colons, width, t);
            if (value == null || colons > 0 && conv != 'z') {
                out.append(fmt, start, i);
                continue;
            }
            boolean numeric = isNumeric(conv);
            if (swap) value = conv == 'Z' || conv == 'p' ? value.toLowerCase(Locale.ROOT) : value.toUpperCase(Locale.ROOT);
            if (upper) value = value.toUpperCase(Locale.ROOT);
            out.append(pad(value, conv, pad, width, numeric));
        }
        return out.toString();
    }

    private static boolean isNumeric(char conv) {
        return "CdegGHIjklmMNsSuUVwWyY".indexOf(conv) >= 0;
    }

    /** The natural padding of a numeric conversion (zeros, or spaces for %e %k %l) changed by a flag and a width. */
    private static String pad(String value, char conv, char flag, int width, boolean numeric) {
        if (!numeric || conv == 'N' || conv == 's') {
            // the '-' flag turns padding off, a width included (%-10A is the bare name)
            if (flag == '-') return value;
            if (width > value.length()) return (flag == '0' ? "0" : " ").repeat(width - value.length()) + value;
            return value;
        }
        boolean negative = value.startsWith("-");
        String digits = value.strip();
        if (negative) digits = digits.substring(1);
        digits = digits.replaceFirst("^0+(?=.)", "");
        int natural = naturalWidth(conv);
        char fill = "ekl".indexOf(conv) >= 0 ? ' ' : '0';
        if (flag == '-') return (negative ? "-" : "") + digits;
        if (flag == '_') fill = ' ';
        if (flag == '0') fill = '0';
        int w = width >= 0 ? width : natural;
        String body = (negative ? "-" : "") + digits;
        if (body.length() >= w) return body;
        if (fill == '0') return (negative ? "-" : "") + "0".repeat(w - body.length()) + digits;
        return " ".repeat(w - body.length()) + body;
    }

    private static int naturalWidth(char conv) {
        return switch (conv) {
            case 'j' -> 3;
            case 'Y', 'G' -> 4;
            case 'u', 'w' -> 1;
            default -> 2;
        };
    }

    private static String conversion(char conv, int colons, int width, ZonedDateTime t) {
        return switch (conv) {
            case 'Y' -> Integer.toString(t.getYear());
            case 'y' -> two(Math.floorMod(t.getYear(), 100));
            case 'C' -> two(Math.floorDiv(t.getYear(), 100));
            case 'G' -> Integer.toString(t.get(IsoFields.WEEK_BASED_YEAR));
            case 'g' -> two(Math.floorMod(t.get(IsoFields.WEEK_BASED_YEAR), 100));
            case 'm' -> two(t.getMonthValue());
            case 'd' -> two(t.getDayOfMonth());
            case 'e' -> String.format("%2d", t.getDayOfMonth());
            case 'H' -> two(t.getHour());
            case 'k' -> String.format("%2d", t.getHour());
            case 'I' -> two((t.getHour() + 11) % 12 + 1);
            case 'l' -> String.format("%2d", (t.getHour() + 11) % 12 + 1);
            case 'M' -> two(t.getMinute());
            case 'S' -> two(t.getSecond());
            case 'N' -> {
                String ns = String.format("%09d", t.getNano());
                yield width > 0 && width < 9 ? ns.substring(0, width) : ns;
            }
            case 'p' -> t.getHour() < 12 ? "AM" : "PM";
            case 'P' -> t.getHour() < 12 ? "am" : "pm";
            case 's' -> Long.toString(t.toEpochSecond());
            case 'a' -> capitalized(t.getDayOfWeek().name()).substring(0, 3);
            case 'A' -> capitalized(t.getDayOfWeek().name());
            case 'b', 'h' -> capitalized(t.getMonth().name()).substring(0, 3);
            case 'B' -> capitalized(t.getMonth().name());
            case 'j' -> String.format("%03d", t.getDayOfYear());
            case 'u' -> Integer.toString(t.getDayOfWeek().getValue());
            case 'w' -> Integer.toString(t.getDayOfWeek().getValue() % 7);
            case 'U' -> two((t.getDayOfYear() + 6 - t.getDayOfWeek().getValue() % 7) / 7);
            case 'W' -> two((t.getDayOfYear() + 6 - (t.getDayOfWeek().getValue() + 6) % 7) / 7);
            case 'V' -> two(t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case 'q' -> Integer.toString((t.getMonthValue() + 2) / 3);
            case 'Z' -> "UTC";
            case 'z' -> switch (colons) {
                case 0 -> "+0000";
                case 1 -> "+00:00";
                case 2 -> "+00:00:00";
                default -> "+00";
            };
            case 'T' -> format("%H:%M:%S", t);
            case 'R' -> format("%H:%M", t);
            case 'r' -> format("%I:%M:%S %p", t);
            case 'D', 'x' -> format("%m/%d/%y", t);
            case 'X' -> format("%H:%M:%S", t);
            case 'F' -> format("%Y-%m-%d", t);
            case 'c' -> format("%a %b %e %H:%M:%S %Y", t);
            case 'n' -> "\n";
            case 't' -> "\t";
            case '%' -> "%";
            default -> null;
        };
    }

    /** An English name as the C locale prints it: {@code Tuesday}, {@code November}. */
    private static String capitalized(String enumName) {
        return enumName.charAt(0) + enumName.substring(1).toLowerCase(Locale.ROOT);
    }

    private static String two(int n) {
        return n < 10 && n >= 0 ? "0" + n : Integer.toString(n);
    }

    @Override
    public String whatis() {
        return "print or set the system date and time";
    }

    @Override
    public String manual() {
        return "date [OPTION]... [+FORMAT]\n  Display the current time in the given FORMAT.\n"
                + "  -d, --date=STRING   display time described by STRING, not 'now' (@SECONDS, 2024-02-29 13:45, 'next friday',\n"
                + "  '2 days ago', 'tomorrow')\n"
                + "  -I[FMT], --iso-8601[=FMT]  output date/time in ISO 8601 format; FMT is 'date' (the default), 'hours', 'minutes',\n"
                + "  'seconds', or 'ns'\n"
                + "  -R, --rfc-email     output date and time in RFC 5322 format\n"
                + "  --rfc-3339=FMT      output date/time in RFC 3339 format; FMT is 'date', 'seconds', or 'ns'\n"
                + "  -r, --reference=FILE  display the last modification time of FILE\n"
                + "  -s, --set=STRING    set time described by STRING (fails: the simulated clock follows simulated time)\n"
                + "  -u, --utc           print Coordinated Universal Time (UTC), the simulated machines' zone anyway\n"
                + "  FORMAT: %Y year, %m month, %d day, %H hour, %M minute, %S second, %N nanoseconds, %s seconds since the Epoch,\n"
                + "  %a/%A weekday, %b/%B month name, %e day (space padded), %j day of year, %U/%W/%V week, %F %Y-%m-%d, %T %H:%M:%S,\n"
                + "  %z +hhmm, %:z +hh:mm, %Z zone. Flags after %: - (no padding), _ (spaces), 0 (zeros), ^ (upper case), # (swap case).";
    }
}
