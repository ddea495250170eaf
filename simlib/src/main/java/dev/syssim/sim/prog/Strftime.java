package dev.syssim.sim.prog;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.util.Locale;

/**
 * glibc's {@code strftime} in the C locale with TZ=UTC, as bash's {@code printf %(fmt)T} calls it:
 * every conversion, glibc's flags ({@code _ - 0 ^ #}), field widths and the ignored {@code E} and
 * {@code O} modifiers. Simplification: the time zone is always UTC, the simulated machines' zone.
 */
final class Strftime {

    private static final String[] DAYS = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
    private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December"};

    private Strftime() {
    }

    /** {@code fmt} applied to the epoch second {@code seconds}, or null when it is out of range. */
    static String format(String fmt, long seconds) {
        ZonedDateTime t;
        try {
            t = Instant.ofEpochSecond(seconds).atZone(ZoneOffset.UTC);
        } catch (java.time.DateTimeException e) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < fmt.length(); i++) {
            char c = fmt.charAt(i);
            if (c != '%') {
                out.append(c);
                continue;
            }
            int start = i++;
            char pad = 0;
            boolean upper = false;
            boolean swap = false;
            while (i < fmt.length() && "_-0^#".indexOf(fmt.charAt(i)) >= 0) {
                char f = fmt.charAt(i++);
                if (f == '^') upper = true;
                else if (f == '#') swap = true;
                else pad = f;
            }
            int width = -1;
            while (i < fmt.length() && Character.isDigit(fmt.charAt(i))) {
                width = Math.max(0, width) * 10 + (fmt.charAt(i++) - '0');
                if (width > 1_000_000) width = 1_000_000;
            }
            while (i < fmt.length() && (fmt.charAt(i) == 'E' || fmt.charAt(i) == 'O')) i++;
            if (i >= fmt.length()) {
                out.append(fmt, start, fmt.length());
                break;
            }
            String piece = conversion(fmt.charAt(i), t, seconds, pad, width, upper, swap);
            out.append(piece == null ? fmt.substring(start, i + 1) : piece);
        }
        return out.toString();
    }

    private static String conversion(char c, ZonedDateTime t, long seconds, char pad, int width, boolean upper,
                                     boolean swap) {
        int hour12 = t.getHour() % 12 == 0 ? 12 : t.getHour() % 12;
        return switch (c) {
            case 'a' -> text(DAYS[t.getDayOfWeek().getValue() % 7].substring(0, 3), pad, width, upper || swap);
            case 'A' -> text(DAYS[t.getDayOfWeek().getValue() % 7], pad, width, upper || swap);
            case 'b', 'h' -> text(MONTHS[t.getMonthValue() - 1].substring(0, 3), pad, width, upper || swap);
            case 'B' -> text(MONTHS[t.getMonthValue() - 1], pad, width, upper || swap);
            case 'c' -> text(format("%a %b %e %H:%M:%S %Y", seconds), pad, width, upper);
            case 'C' -> number(Math.floorDiv(t.getYear(), 100), 2, '0', pad, width);
            case 'd' -> number(t.getDayOfMonth(), 2, '0', pad, width);
            case 'D', 'x' -> text(format("%m/%d/%y", seconds), pad, width, upper);
            case 'e' -> number(t.getDayOfMonth(), 2, '_', pad, width);
            case 'F' -> text(format("%Y-%m-%d", seconds), pad, width, upper);
            case 'g' -> number(Math.floorMod(t.get(IsoFields.WEEK_BASED_YEAR), 100), 2, '0', pad, width);
            case 'G' -> number(t.get(IsoFields.WEEK_BASED_YEAR), 1, '0', pad, width);
            case 'H' -> number(t.getHour(), 2, '0', pad, width);
            case 'I' -> number(hour12, 2, '0', pad, width);
            case 'j' -> number(t.getDayOfYear(), 3, '0', pad, width);
            case 'k' -> number(t.getHour(), 2, '_', pad, width);
            case 'l' -> number(hour12, 2, '_', pad, width);
            case 'm' -> number(t.getMonthValue(), 2, '0', pad, width);
            case 'M' -> number(t.getMinute(), 2, '0', pad, width);
            case 'n' -> text("\n", pad, width, false);
            case 'p' -> text(t.getHour() < 12 ? "AM" : "PM", pad, width, false) .transform(s -> swap ? s.toLowerCase(Locale.ROOT) : s);
            case 'P' -> text(t.getHour() < 12 ? "am" : "pm", pad, width, upper);
            case 'r' -> text(format("%I:%M:%S %p", seconds), pad, width, upper);
            case 'R' -> text(format("%H:%M", seconds), pad, width, upper);
            case 's' -> number(seconds, 1, '0', pad, width);
            case 'S' -> number(t.getSecond(), 2, '0', pad, width);
            case 't' -> text("\t", pad, width, false);
            case 'T', 'X' -> text(format("%H:%M:%S", seconds), pad, width, upper);
            case 'u' -> number(t.getDayOfWeek().getValue(), 1, '0', pad, width);
            case 'U' -> number((t.getDayOfYear() + 6 - t.getDayOfWeek().getValue() % 7) / 7, 2, '0', pad, width);
            case 'V' -> number(t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR), 2, '0', pad, width);
            case 'w' -> number(t.getDayOfWeek().getValue() % 7, 1, '0', pad, width);
            case 'W' -> number((t.getDayOfYear() + 6 - (t.getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue())) / 7,
                    2, '0', pad, width);
            case 'y' -> number(Math.floorMod(t.getYear(), 100), 2, '0', pad, width);
            case 'Y' -> number(t.getYear(), 1, '0', pad, width);
            case 'z' -> text("+0000", pad, width, false);
            case 'Z' -> text(swap ? "utc" : "UTC", pad, width, upper);
            case '%' -> text("%", pad, width, false);
            default -> null;
        };
    }

    private static String text(String s, char pad, int width, boolean upper) {
        String body = upper ? s.toUpperCase(Locale.ROOT) : s;
        if (width <= body.length() || pad == '-') return body;
        return String.valueOf(pad == '0' ? '0' : ' ').repeat(width - body.length()) + body;
    }

    /** A number with its default padding ('0' or '_' to {@code digits}), overridden by a flag and width. */
    private static String number(long value, int digits, char defaultPad, char pad, int width) {
        boolean negative = value < 0;
        String body = Long.toString(Math.abs(value));
        char p = pad == 0 ? defaultPad : pad;
        int w = width < 0 ? digits : width;
        if (negative) w--;
        if (p == '-' || body.length() >= w) return (negative ? "-" : "") + body;
        String fill = String.valueOf(p == '_' ? ' ' : '0').repeat(w - body.length());
        return p == '_' ? fill + (negative ? "-" : "") + body : (negative ? "-" : "") + fill + body;
    }
}
