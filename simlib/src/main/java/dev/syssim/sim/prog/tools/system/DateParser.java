package dev.syssim.sim.prog.tools.system;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The date strings {@code date -d} reads, after gnulib's parse_datetime: {@code @SECONDS} alone;
 * calendar dates ({@code 2024-02-29}, {@code 02/29/2024}, {@code 29 Feb 2024}, {@code Feb 29 2024});
 * times ({@code 13:45}, {@code 13:45:10.25}, {@code 3pm}, {@code 12:30am}), a {@code T} between date
 * and time, zones ({@code UTC}, {@code Z}, {@code +0200}, a signed number right after a time);
 * relative items ({@code +2 days}, {@code 1 day ago}, {@code next week}, {@code last month},
 * {@code tomorrow}, {@code yesterday}, {@code today}, {@code now}); weekday names, which count only
 * when no calendar date is given. Years, months and days are added to the fields and the result
 * normalised as mktime does ({@code 2024-01-31 +1 month} is March 2nd); hours, minutes and
 * seconds are added to the instant. All in UTC, the simulated machines' time zone.
 *
 * <p>Simplification: the rarer forms of parse_datetime (bare numbers as times or years, ordinal
 * words beyond next/last/this, time zone names other than UTC/GMT/Z, daylight-saving words) are
 * refused as invalid dates.
 */
public final class DateParser {

    private static final List<String> MONTHS = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");
    private static final List<String> DAYS = List.of("sun", "mon", "tue", "wed", "thu", "fri", "sat");
    private static final Map<String, Integer> UNITS = Map.ofEntries(Map.entry("year", 0), Map.entry("month", 1), Map.entry("fortnight", 2),
            Map.entry("week", 3), Map.entry("day", 4), Map.entry("hour", 5), Map.entry("minute", 6), Map.entry("min", 6),
            Map.entry("second", 7), Map.entry("sec", 7));

    private DateParser() {
    }

    /** An instant: seconds since the epoch and nanoseconds. */
    public record Instant(long seconds, int nanos) {
    }

    /** The instant {@code text} names, read relative to {@code now}; null if it is not a date. */
    public static Instant parse(String text, long nowSeconds, int nowNanos) {
        String s = text.strip();
        if (s.startsWith("@")) return epoch(s.substring(1));
        List<String> tokens = tokens(s.toLowerCase(Locale.ROOT));
        if (tokens == null) return null;
        Parsed p = new Parsed();
        if (!p.read(tokens)) return null;
        LocalDateTime now = LocalDateTime.ofEpochSecond(nowSeconds, nowNanos, ZoneOffset.UTC);
        try {
            return p.resolve(now, s.isEmpty());
        } catch (DateTimeException | ArithmeticException e) {
            return null;
        }
    }

    private static Instant epoch(String number) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("([+-]?)([0-9]+)(?:[.,]([0-9]*))?").matcher(number.strip());
        if (!m.matches() || m.group(2).length() > 18) return null;
        long seconds = Long.parseLong(m.group(2));
        String frac = m.group(3) == null ? "" : m.group(3);
        int nanos = frac.isEmpty() ? 0 : Integer.parseInt((frac + "000000000").substring(0, 9));
        if (m.group(1).equals("-")) {
            seconds = -seconds;
            if (nanos > 0) {
                seconds--;
                nanos = 1_000_000_000 - nanos;
            }
        }
        return new Instant(seconds, nanos);
    }

    /** Numbers (with their sign when one is written), words, and the punctuation that matters. */
    private static List<String> tokens(String s) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char ch = s.charAt(i);
            if (Character.isWhitespace(ch) || ch == ',') {
                i++;
            } else if (Character.isDigit(ch) || (ch == '+' || ch == '-') && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1))) {
                int start = i++;
                while (i < s.length() && Character.isDigit(s.charAt(i))) i++;
                out.add(s.substring(start, i));
            } else if (Character.isLetter(ch)) {
                int start = i;
                while (i < s.length() && (Character.isLetter(s.charAt(i)) || s.charAt(i) == '.')) i++;
                out.add(s.substring(start, i).replace(".", ""));
            } else if (ch == ':' || ch == '/' || ch == '.' || ch == '-' || ch == '+') {
                out.add(String.valueOf(ch));
                i++;
            } else {
                return null;
            }
        }
        return out;
    }

    /** What the items of a date string set. */
    private static final class Parsed {
        Integer year;
        Integer month;
        Integer day;
        Integer hour;
        int minute;
        int second;
        int nanos;
        Integer offsetMinutes;
        Integer weekday;
        int weekdayOrdinal;
        final long[] relative = new long[8];
        boolean timeSeen;
        boolean dateSeen;

        private List<String> t;
        private int i;

        boolean read(List<String> tokens) {
            t = tokens;
            i = 0;
            while (i < t.size()) {
                if (!item()) return false;
            }
            return true;
        }

        private String at(int k) {
            return i + k < t.size() ? t.get(i + k) : "";
        }

        private static boolean number(String s) {
            return !s.isEmpty() && (Character.isDigit(s.charAt(0)) || s.length() > 1 && (s.charAt(0) == '+' || s.charAt(0) == '-'));
        }

        private static boolean unsigned(String s) {
            return !s.isEmpty() && Character.isDigit(s.charAt(0));
        }

        private static int month(String word) {
            if (word.length() < 3) return -1;
            int m = MONTHS.indexOf(word.substring(0, 3));
            if (m < 0) return -1;
            String full = java.time.Month.of(m + 1).name().toLowerCase(Locale.ROOT);
            return full.startsWith(word) || word.equals("sept") ? m + 1 : -1;
        }

        private static int weekday(String word) {
            if (word.length() < 3) return -1;
            int d = DAYS.indexOf(word.substring(0, 3));
            if (d < 0) return -1;
            String full = java.time.DayOfWeek.of(d == 0 ? 7 : d).name().toLowerCase(Locale.ROOT);
            return full.startsWith(word) || word.equals("tues") || word.equals("wednes") || word.equals("thur") || word.equals("thurs") ? d : -1;
        }

        private static Integer unit(String word) {
            String w = word.endsWith("s") && word.length() > 3 ? word.substring(0, word.length() - 1) : word;
            return UNITS.get(w);
        }

        private boolean item() {
            String a = at(0);
            // ISO 8601 date: 2024-02-29 (the dashes are signs of the following numbers)
            if (unsigned(a) && at(1).startsWith("-") && number(at(1)) && at(2).startsWith("-") && number(at(2))) {
                if (!setDate(Integer.parseInt(a), Integer.parseInt(at(1).substring(1)), Integer.parseInt(at(2).substring(1)))) return false;
                i += 3;
                if (at(0).equals("t") && unsigned(at(1))) i++;
                return true;
            }
            // US date: 02/29[/2024]
            if (unsigned(a) && at(1).equals("/") && unsigned(at(2))) {
                int m = Integer.parseInt(a);
                int d = Integer.parseInt(at(2));
                i += 3;
                Integer y = null;
                if (at(0).equals("/") && unsigned(at(1))) {
                    y = year(at(1));
                    i += 2;
                }
                return setDate(y, m, d);
            }
            // time: 13:45[:10[.25]] [am|pm] [+0200]
            if (unsigned(a) && at(1).equals(":") && unsigned(at(2))) {
                int h = Integer.parseInt(a);
                int m = Integer.parseInt(at(2));
                i += 3;
                int sec = 0;
                int ns = 0;
                if (at(0).equals(":") && unsigned(at(1))) {
                    sec = Integer.parseInt(at(1));
                    i += 2;
                    if (at(0).equals(".") && unsigned(at(1))) {
                        ns = Integer.parseInt((at(1) + "000000000").substring(0, 9));
                        i += 2;
                    }
                }
                return setTime(h, m, sec, ns) && meridianAndZone();
            }
            // 3pm
            if (unsigned(a) && (at(1).equals("am") || at(1).equals("pm"))) {
                i++;
                return setTime(Integer.parseInt(a), 0, 0, 0) && meridianAndZone();
            }
            // 29 feb [2024], 29-feb-2024
            if (unsigned(a) && month(at(1)) > 0) {
                int d = Integer.parseInt(a);
                int m = month(at(1));
                i += 2;
                Integer y = null;
                if (number(at(0)) && !isUnitAfter(1)) {
                    y = year(at(0).startsWith("-") ? at(0).substring(1) : at(0));
                    i++;
                }
                return setDate(y, m, d);
            }
            if (a.equals("-") && month(at(1)) > 0) {
                i++;
                return true;
            }
            // feb 29 [2024]
            if (month(a) > 0) {
                int m = month(a);
                i++;
                if (!unsigned(at(0)) || isUnitAfter(1)) return false;
                int d = Integer.parseInt(at(0));
                i++;
                Integer y = null;
                if (unsigned(at(0)) && !at(1).equals(":") && !isUnitAfter(1)) {
                    y = year(at(0));
                    i++;
                }
                return setDate(y, m, d);
            }
            // zones
            if (a.equals("utc") || a.equals("gmt") || a.equals("ut") || a.equals("z")) {
                i++;
                if (offsetMinutes != null) return false;
                offsetMinutes = 0;
                boolean relativeNext = unit(at(1)) != null;
                if (number(at(0)) && (at(0).startsWith("+") || at(0).startsWith("-")) && !relativeNext) return zoneNumber();
                return true;
            }
            // relative words
            switch (a) {
                case "now", "today" -> {
                    i++;
                    return true;
                }
                case "tomorrow" -> {
                    i++;
                    relative[4] += 1;
                    return true;
                }
                case "yesterday" -> {
                    i++;
                    relative[4] -= 1;
                    return true;
                }
                case "ago" -> {
                    i++;
                    for (int k = 0; k < relative.length; k++) relative[k] = -relative[k];
                    return true;
                }
                case "next", "last", "this" -> {
                    int n = a.equals("next") ? 1 : a.equals("last") ? -1 : 0;
                    i++;
                    return ordinal(n);
                }
                default -> { }
            }
            if (weekday(a) >= 0) {
                i++;
                if (weekday != null) return false;
                weekday = weekday(a);
                weekdayOrdinal = 0;
                return true;
            }
            if (unit(a) != null) {
                relative[unit(a)] += 1;
                i++;
                return true;
            }
            // +2 days, 3 hours
            if (number(a) && unit(at(1)) != null) {
                relative[unit(at(1))] += Long.parseLong(a.replace("+", ""));
                i += 2;
                return true;
            }
            // a signed number alone: a zone offset once a time was read
            if (number(a) && (a.startsWith("+") || a.startsWith("-")) && timeSeen && offsetMinutes == null) return zoneNumber();
            return false;
        }

        private boolean isUnitAfter(int k) {
            return unit(at(k)) != null;
        }

        private boolean ordinal(int n) {
            String w = at(0);
            if (weekday(w) >= 0) {
                if (weekday != null) return false;
                weekday = weekday(w);
                weekdayOrdinal = n;
                i++;
                return true;
            }
            if (unit(w) != null) {
                relative[unit(w)] += n;
                i++;
                return true;
            }
            return false;
        }

        private Integer year(String digits) {
            int y = Integer.parseInt(digits);
            if (digits.length() <= 2) y += y < 69 ? 2000 : 1900;
            return y;
        }

        private boolean setDate(Integer y, int m, int d) {
            if (dateSeen) return false;
            dateSeen = true;
            year = y;
            month = m;
            day = d;
            return m >= 1 && m <= 12 && d >= 1 && d <= 31;
        }

        private boolean setTime(int h, int m, int s, int ns) {
            if (timeSeen) return false;
            timeSeen = true;
            hour = h;
            minute = m;
            second = s;
            nanos = ns;
            return h <= 24 && m <= 59 && s <= 60;
        }

        private boolean meridianAndZone() {
            if (at(0).equals("am") || at(0).equals("pm")) {
                if (hour < 1 || hour > 12) return false;
                hour = hour % 12 + (at(0).equals("pm") ? 12 : 0);
                i++;
            } else if (hour == 24 && (minute > 0 || second > 0)) {
                return false;
            }
            if (number(at(0)) && (at(0).startsWith("+") || at(0).startsWith("-"))) return zoneNumber();
            return hour <= 23 || minute == 0 && second == 0;
        }

        /** A zone offset: +HH, +HHMM, or +HH:MM. */
        private boolean zoneNumber() {
            String n = at(0);
            int sign = n.startsWith("-") ? -1 : 1;
            String digits = n.substring(1);
            i++;
            int hours;
            int minutes = 0;
            if (at(0).equals(":") && unsigned(at(1))) {
                hours = Integer.parseInt(digits);
                minutes = Integer.parseInt(at(1));
                i += 2;
            } else if (digits.length() <= 2) {
                hours = Integer.parseInt(digits);
            } else if (digits.length() <= 4) {
                hours = Integer.parseInt(digits) / 100;
                minutes = Integer.parseInt(digits) % 100;
            } else {
                return false;
            }
            if (hours > 24 || minutes > 59) return false;
            offsetMinutes = (offsetMinutes == null ? 0 : offsetMinutes) + sign * (hours * 60 + minutes);
            return true;
        }

        Instant resolve(LocalDateTime now, boolean empty) {
            LocalDate date = now.toLocalDate();
            if (dateSeen) date = LocalDate.of(year == null ? now.getYear() : year, month, day);
            LocalTime time;
            if (timeSeen) time = LocalTime.of(hour == 24 ? 0 : hour, minute, Math.min(second, 59), nanos);
            else if (dateSeen || weekday != null || empty) time = LocalTime.MIDNIGHT;
            else time = now.toLocalTime();
            if (hour != null && hour == 24) date = date.plusDays(1);
            if (weekday != null && !dateSeen) {
                int today = date.getDayOfWeek().getValue() % 7;
                int ahead = (weekday - today + 7) % 7 + 7 * (weekdayOrdinal - (weekdayOrdinal > 0 && today != weekday ? 1 : 0));
                date = date.plusDays(ahead);
            }
            // years, months and days go into the fields, then overflow rolls on (mktime)
            long y = date.getYear() + relative[0];
            long m = date.getMonthValue() - 1 + relative[1];
            y += Math.floorDiv(m, 12);
            m = Math.floorMod(m, 12);
            long dayOfMonth = date.getDayOfMonth() + relative[2] * 14 + relative[3] * 7 + relative[4];
            LocalDate base = LocalDate.of((int) y, (int) m + 1, 1).plusDays(dayOfMonth - 1);
            LocalDateTime at = LocalDateTime.of(base, time);
            long seconds = at.toEpochSecond(ZoneOffset.UTC) - (offsetMinutes == null ? 0 : offsetMinutes * 60L);
            seconds += relative[5] * 3600 + relative[6] * 60 + relative[7];
            return new Instant(seconds, time.getNano());
        }
    }
}
