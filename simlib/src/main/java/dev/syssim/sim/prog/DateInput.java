package dev.syssim.sim.prog;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Date strings as GNU tools read them ({@code touch -d}, {@code date -d}; gnulib's parse_datetime),
 * in the subset a course uses: {@code @SECONDS}, {@code 2024-01-31}, {@code 2024-01-31 12:00[:30]},
 * {@code 2024-01-31T12:00:30Z}, {@code 12:00}, month names ({@code Jan 5 2024}, {@code 5 January
 * 2024}), {@code now}, {@code today}, {@code yesterday}, {@code tomorrow}, and relative items ({@code
 * 2 days ago}, {@code +3 hours}, {@code -1 week}, {@code next month}, {@code last year}). The
 * machines' time zone is UTC. Also touch's {@code -t [[CC]YY]MMDDhhmm[.ss]}.
 */
public final class DateInput {

    private static final Map<String, Integer> MONTHS = Map.ofEntries(Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3),
            Map.entry("apr", 4), Map.entry("may", 5), Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8), Map.entry("sep", 9),
            Map.entry("sept", 9), Map.entry("oct", 10), Map.entry("nov", 11), Map.entry("dec", 12));

    private DateInput() {
    }

    /** Nanoseconds since the epoch for {@code text}, relative to {@code nowNanos}; empty if it is not a date. */
    public static OptionalLong parse(String text, long nowNanos) {
        String s = text.strip().toLowerCase(Locale.ROOT);
        if (s.startsWith("@")) return seconds(s.substring(1));
        ZonedDateTime now = ZonedDateTime.ofInstant(java.time.Instant.ofEpochSecond(Math.floorDiv(nowNanos, 1_000_000_000L),
                Math.floorMod(nowNanos, 1_000_000_000L)), ZoneOffset.UTC);
        List<String> tokens = tokens(s);
        LocalDate date = null;
        LocalTime time = null;
        long fraction = -1;
        long relativeSeconds = 0;
        long relativeMonths = 0;
        boolean timeOfDayGiven = false;
        int i = 0;
        while (i < tokens.size()) {
            String t = tokens.get(i);
            if (t.equals("now")) {
                i++;
                continue;
            }
            if (t.equals("today")) {
                i++;
                continue;
            }
            if (t.equals("yesterday") || t.equals("tomorrow")) {
                relativeSeconds += t.equals("yesterday") ? -86_400 : 86_400;
                i++;
                continue;
            }
            if (t.equals("utc") || t.equals("gmt") || t.equals("z") || t.equals("ut")) {
                i++;
                continue;
            }
            if (t.matches("\\d{4}-\\d{1,2}-\\d{1,2}(t.*)?")) {
                String[] dt = t.split("t", 2);
                String[] ymd = dt[0].split("-");
                date = validDate(Integer.parseInt(ymd[0]), Integer.parseInt(ymd[1]), Integer.parseInt(ymd[2]));
                if (date == null) return OptionalLong.empty();
                if (dt.length == 2) {
                    String tm = dt[1].endsWith("z") ? dt[1].substring(0, dt[1].length() - 1) : dt[1];
                    long[] parsed = timeOfDay(tm);
                    if (parsed == null) return OptionalLong.empty();
                    time = LocalTime.of((int) parsed[0], (int) parsed[1], (int) parsed[2]);
                    fraction = parsed[3];
                    timeOfDayGiven = true;
                }
                i++;
                continue;
            }
            if (t.matches("\\d{1,2}:\\d{2}(:\\d{2}(\\.\\d+)?)?")) {
                long[] parsed = timeOfDay(t);
                if (parsed == null) return OptionalLong.empty();
                time = LocalTime.of((int) parsed[0], (int) parsed[1], (int) parsed[2]);
                fraction = parsed[3];
                timeOfDayGiven = true;
                i++;
                if (i < tokens.size() && (tokens.get(i).equals("am") || tokens.get(i).equals("pm"))) {
                    int h = time.getHour() % 12 + (tokens.get(i).equals("pm") ? 12 : 0);
                    time = time.withHour(h);
                    i++;
                }
                continue;
            }
            Integer month = month(t);
            if (month != null) {
                // "Jan 5 2024" or "Jan 5"
                int day = 1;
                int year = date != null ? date.getYear() : now.getYear();
                int j = i + 1;
                if (j < tokens.size() && tokens.get(j).matches("\\d{1,2}")) {
                    day = Integer.parseInt(tokens.get(j++));
                    if (j < tokens.size() && tokens.get(j).matches("\\d{4}")) year = Integer.parseInt(tokens.get(j++));
                }
                date = validDate(year, month, day);
                if (date == null) return OptionalLong.empty();
                i = j;
                continue;
            }
            if (t.matches("\\d{1,2}") && i + 1 < tokens.size() && month(tokens.get(i + 1)) != null) {
                // "5 Jan 2024"
                int day = Integer.parseInt(t);
                int m = month(tokens.get(i + 1));
                int year = now.getYear();
                int j = i + 2;
                if (j < tokens.size() && tokens.get(j).matches("\\d{4}")) year = Integer.parseInt(tokens.get(j++));
                date = validDate(year, m, day);
                if (date == null) return OptionalLong.empty();
                i = j;
                continue;
            }
            // relative items: [+-]N unit [ago], next/last/this unit, unit alone (= 1 unit)
            long amount = 1;
            int j = i;
            if (t.matches("[+-]?\\d+")) {
                amount = Long.parseLong(t.startsWith("+") ? t.substring(1) : t);
                j++;
            } else if (t.equals("next")) {
                j++;
            } else if (t.equals("last")) {
                amount = -1;
                j++;
            } else if (t.equals("this")) {
                amount = 0;
                j++;
            }
            if (j >= tokens.size()) return OptionalLong.empty();
            String unit = tokens.get(j);
            long unitSeconds;
            long unitMonths = 0;
            String u = unit.endsWith("s") && unit.length() > 3 ? unit.substring(0, unit.length() - 1) : unit;
            switch (u) {
                case "year" -> {
                    unitSeconds = 0;
                    unitMonths = 12;
                }
                case "month" -> {
                    unitSeconds = 0;
                    unitMonths = 1;
                }
                case "fortnight" -> unitSeconds = 14 * 86_400;
                case "week" -> unitSeconds = 7 * 86_400;
                case "day" -> unitSeconds = 86_400;
                case "hour" -> unitSeconds = 3_600;
                case "minute", "min" -> unitSeconds = 60;
                case "second", "sec" -> unitSeconds = 1;
                default -> {
                    return OptionalLong.empty();
                }
            }
            j++;
            if (j < tokens.size() && tokens.get(j).equals("ago")) {
                amount = -amount;
                j++;
            }
            relativeSeconds += amount * unitSeconds;
            relativeMonths += amount * unitMonths;
            i = j;
        }
        LocalDate d = date != null ? date : now.toLocalDate();
        LocalTime tm = time != null ? time : date != null ? LocalTime.MIDNIGHT : now.toLocalTime();
        long nanos = fraction >= 0 ? fraction : (date != null || timeOfDayGiven) ? 0 : now.getNano();
        LocalDateTime at = LocalDateTime.of(d, tm.withNano(0)).plusMonths(relativeMonths).plusSeconds(relativeSeconds);
        return OptionalLong.of(at.toEpochSecond(ZoneOffset.UTC) * 1_000_000_000L + nanos);
    }

    /** touch -t: {@code [[CC]YY]MMDDhhmm[.ss]}; empty if malformed. */
    public static OptionalLong touchStamp(String text, long nowNanos) {
        String s = text;
        int seconds = 0;
        int dot = s.indexOf('.');
        if (dot >= 0) {
            String ss = s.substring(dot + 1);
            if (!ss.matches("\\d{2}")) return OptionalLong.empty();
            seconds = Integer.parseInt(ss);
            s = s.substring(0, dot);
        }
        if (!s.matches("\\d+") || (s.length() != 8 && s.length() != 10 && s.length() != 12)) return OptionalLong.empty();
        int year;
        int at = 0;
        int nowYear = ZonedDateTime.ofInstant(java.time.Instant.ofEpochSecond(Math.floorDiv(nowNanos, 1_000_000_000L)), ZoneOffset.UTC).getYear();
        if (s.length() == 12) {
            year = Integer.parseInt(s.substring(0, 4));
            at = 4;
        } else if (s.length() == 10) {
            int yy = Integer.parseInt(s.substring(0, 2));
            year = yy < 69 ? 2000 + yy : 1900 + yy;
            at = 2;
        } else {
            year = nowYear;
        }
        int month = Integer.parseInt(s.substring(at, at + 2));
        int day = Integer.parseInt(s.substring(at + 2, at + 4));
        int hour = Integer.parseInt(s.substring(at + 4, at + 6));
        int minute = Integer.parseInt(s.substring(at + 6, at + 8));
        LocalDate date = validDate(year, month, day);
        if (date == null || hour > 23 || minute > 59 || seconds > 60) return OptionalLong.empty();
        LocalDateTime t = LocalDateTime.of(date, LocalTime.of(hour, minute, Math.min(seconds, 59)));
        return OptionalLong.of(t.toEpochSecond(ZoneOffset.UTC) * 1_000_000_000L);
    }

    private static OptionalLong seconds(String s) {
        if (!s.matches("[+-]?\\d+(\\.\\d*)?")) return OptionalLong.empty();
        java.math.BigDecimal v = new java.math.BigDecimal(s.startsWith("+") ? s.substring(1) : s);
        java.math.BigDecimal nanos = v.movePointRight(9).setScale(0, java.math.RoundingMode.FLOOR);
        try {
            return OptionalLong.of(nanos.longValueExact());
        } catch (ArithmeticException e) {
            return OptionalLong.empty();
        }
    }

    private static long[] timeOfDay(String t) {
        String[] parts = t.split(":");
        if (parts.length < 2) return null;
        int h = Integer.parseInt(parts[0]);
        int m = Integer.parseInt(parts[1]);
        int sec = 0;
        long frac = -1;
        if (parts.length > 2) {
            String ss = parts[2];
            int dot = ss.indexOf('.');
            if (dot >= 0) {
                String f = (ss.substring(dot + 1) + "000000000").substring(0, 9);
                frac = Long.parseLong(f);
                ss = ss.substring(0, dot);
            }
            sec = Integer.parseInt(ss);
        }
        if (h > 23 || m > 59 || sec > 59) return null;
        return new long[] {h, m, sec, frac};
    }

    private static Integer month(String t) {
        String key = t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
        if (key.length() > 3 && MONTHS.containsKey(key.substring(0, 3))) {
            String full = java.time.Month.of(MONTHS.get(key.substring(0, 3))).name().toLowerCase(Locale.ROOT);
            return full.equals(key) || key.equals("sept") ? MONTHS.get(key.substring(0, 3)) : null;
        }
        return MONTHS.get(key);
    }

    private static LocalDate validDate(int y, int m, int d) {
        try {
            return LocalDate.of(y, m, d);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    private static List<String> tokens(String s) {
        List<String> out = new ArrayList<>();
        for (String t : s.replace(",", " ").split("\\s+")) if (!t.isEmpty()) out.add(t);
        // "2024-01-31 12:00" is two tokens already; "+3" "hours" too
        return out;
    }
}
