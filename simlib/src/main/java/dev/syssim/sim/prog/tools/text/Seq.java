package dev.syssim.sim.prog.tools.text;

import dev.syssim.sim.os.Step;
import dev.syssim.sim.prog.Getopt;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Tool;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * seq (GNU coreutils 9.1): numbers from FIRST to LAST by INCREMENT. Integers are exact at any size;
 * other numbers print with as many decimals as FIRST and INCREMENT have ({@code %.NLf}; an
 * exponent shifts them), or with {@code %g} when one is hex; -w pads to the widest of FIRST and LAST as seq.c computes
 * it, -f takes one floating-point directive, -s separates. Arithmetic is exact decimal where seq
 * uses long double (simplification: results that long double would round differ in the last
 * digits). Output is produced in blocks, each a scheduler step, so {@code seq 1 1e9 | head} ends.
 */
public final class Seq extends Tool {

    private static final List<String> LONG = List.of("equal-width>w", "format=>f", "separator=>s", "help", "version");

    /** An operand: its value, its written width and its decimals (-1: it was hex or infinite). */
    private record Operand(BigDecimal value, int width, int precision) {
    }

    @Override
    protected Step run(Libc c) {
        List<String> given = c.args().operands();
        // Options end at the first argument that looks like a number, so "seq -4 -2 -8" works.
        List<String> opts = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            String a = given.get(i);
            if (rest.isEmpty() && (a.matches("-[0-9.].*") || !a.startsWith("-") && !(i > 0 && needsValue(given.get(i - 1))))) {
                rest.addAll(given.subList(i, given.size()));
                break;
            }
            opts.add(a);
        }
        Getopt o = Getopt.parse("seq", opts, "+f:s:w", LONG, false);
        if (o.failed()) return c.usageError(o.error(), 1);
        if (o.has("help")) return help(c);
        List<String> ops = new ArrayList<>(o.operands());
        ops.addAll(rest);
        String format = o.last("f");
        String separator = o.has("s") ? o.last("s") : "\n";
        boolean equalWidth = o.has("w");
        if (ops.isEmpty()) return c.usageError("seq: missing operand", 1);
        if (ops.size() > 3) return c.usageError("seq: extra operand " + c.quoteLocale(ops.get(3)), 1);
        if (format != null) {
            String error = checkFormat(c, format);
            if (error != null) {
                c.error(error);
                return c.exit(1);
            }
            if (equalWidth) return c.usageError("seq: format string may not be specified when printing equal width strings", 1);
        }
        Operand[] n = new Operand[ops.size()];
        for (int i = 0; i < ops.size(); i++) {
            String text = ops.get(i);
            if (text.strip().toLowerCase(java.util.Locale.ROOT).replaceFirst("^[+-]", "").startsWith("nan")) {
                return c.usageError("seq: invalid " + c.quoteLocale("not-a-number") + " argument: " + c.quoteLocale(text), 1);
            }
            n[i] = operand(text);
            if (n[i] == null) return c.usageError("seq: invalid floating point argument: " + c.quoteLocale(text), 1);
        }
        Operand first = n.length > 1 ? n[0] : new Operand(BigDecimal.ONE, 1, 0);
        Operand step = n.length == 3 ? n[1] : new Operand(BigDecimal.ONE, 1, 0);
        Operand last = n[n.length - 1];
        if (step.value().signum() == 0) {
            return c.usageError("seq: invalid Zero increment value: " + c.quoteLocale(ops.get(1)), 1);
        }
        String fmt = format != null ? format : defaultFormat(first, step, last, equalWidth);
        long[] index = {0};
        boolean[] any = {false};
        if (fmt.equals("%.0f") && fitsInLong(first.value()) && fitsInLong(step.value()) && fitsInLong(last.value())) {
            return moreIntegers(c, first.value().longValueExact(), step.value().longValueExact(), last.value().longValueExact(),
                    separator, index, any);
        }
        return more(c, first.value(), step.value(), last.value(), fmt, separator, index, any);
    }

    /** An integer far enough from long's ends that adding a step of the same kind cannot overflow. */
    private static boolean fitsInLong(BigDecimal v) {
        return v.stripTrailingZeros().scale() <= 0 && v.abs().compareTo(BigDecimal.valueOf(1L << 61)) < 0;
    }

    /**
     * {@link #more} for whole numbers printed as such (seq's own fast path for integers): the
     * same output and the same simulated cost, counted in longs instead of BigDecimals.
     */
    private Step moreIntegers(Libc c, long first, long step, long last, String sep, long[] index, boolean[] any) {
        StringBuilder out = new StringBuilder();
        for (int k = 0; k < 4096; k++) {
            long x = first + step * index[0];
            if (step > 0 ? x > last : x < last) {
                if (any[0]) out.append('\n');
                c.print(out.toString());
                return c.exit(0);
            }
            if (any[0]) out.append(sep);
            out.append(x);
            any[0] = true;
            index[0]++;
        }
        c.print(out.toString());
        return c.compute(4096 * 60L, "seq: format numbers", () -> moreIntegers(c, first, step, last, sep, index, any));
    }

    private static boolean needsValue(String option) {
        return option.equals("-f") || option.equals("-s") || option.equals("--format") || option.equals("--separator");
    }

    /** Prints the next block of numbers; then the next block after a step, or the final newline. */
    private Step more(Libc c, BigDecimal first, BigDecimal step, BigDecimal last, String fmt, String sep, long[] index, boolean[] any) {
        StringBuilder out = new StringBuilder();
        for (int k = 0; k < 4096; k++) {
            BigDecimal x = first.add(step.multiply(BigDecimal.valueOf(index[0])));
            if (step.signum() > 0 ? x.compareTo(last) > 0 : x.compareTo(last) < 0) {
                if (any[0]) out.append('\n');
                c.print(out.toString());
                return c.exit(0);
            }
            if (any[0]) out.append(sep);
            out.append(format(fmt, x));
            any[0] = true;
            index[0]++;
        }
        c.print(out.toString());
        return c.compute(4096 * 60L, "seq: format numbers", () -> more(c, first, step, last, fmt, sep, index, any));
    }

    /** Parses an operand as strtold would, with its written width and decimals. */
    private static Operand operand(String text) {
        String t = text.strip();
        String lower = t.toLowerCase(java.util.Locale.ROOT);
        String body = lower.replaceFirst("^[+-]", "");
        boolean negative = lower.startsWith("-");
        if (body.equals("inf") || body.equals("infinity")) {
            return new Operand(new BigDecimal(negative ? "-1e999999" : "1e999999"), t.length(), -1);
        }
        try {
            if (body.startsWith("0x")) {
                BigDecimal v = new BigDecimal(new BigInteger(body.substring(2), 16));
                return new Operand(negative ? v.negate() : v, t.length(), -1);
            }
            if (!body.matches("([0-9]+\\.?[0-9]*|\\.[0-9]+)(e[+-]?[0-9]+)?")) return null;
            BigDecimal v = new BigDecimal(lower.startsWith("+") ? lower.substring(1) : lower);
            int e = body.indexOf('e');
            String mantissa = e < 0 ? body : body.substring(0, e);
            int dot = mantissa.indexOf('.');
            int precision = dot < 0 ? 0 : mantissa.length() - dot - 1;
            if (e < 0) return new Operand(v, t.length(), precision);
            // seq.c's scan_arg: an exponent moves the decimals (1e6 has none, 15e-1 one), so the
            // default format stays %.NLf; the width is that of the number written out
            long exponent = Long.parseLong(body.substring(e + 1).replace("+", ""));
            precision = exponent < 0 ? (int) Math.min(Integer.MAX_VALUE, precision - exponent) : precision - (int) Math.min(precision, exponent);
            int width = v.setScale(precision, java.math.RoundingMode.HALF_EVEN).toPlainString().length();
            return new Operand(v, width, precision);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** seq.c's get_default_format. */
    private static String defaultFormat(Operand first, Operand step, Operand last, boolean equalWidth) {
        if (first.precision() < 0 || step.precision() < 0 || last.precision() < 0) return "%g";
        int prec = Math.max(first.precision(), step.precision());
        if (!equalWidth) return "%." + prec + "f";
        int firstWidth = first.width() + (prec - first.precision());
        int lastWidth = last.width() + (prec - last.precision());
        if (last.precision() > 0 && prec == 0) lastWidth--;
        if (last.precision() == 0 && prec > 0) lastWidth++;
        if (first.precision() == 0 && prec > 0) firstWidth++;
        return "%0" + Math.max(firstWidth, lastWidth) + "." + prec + "f";
    }

    /** seq's check of -f: one directive of e, f, g, E, F, G (a, A) with flags, width and precision. */
    private static String checkFormat(Libc c, String format) {
        int directives = 0;
        for (int i = 0; i < format.length(); i++) {
            if (format.charAt(i) != '%') continue;
            if (i + 1 < format.length() && format.charAt(i + 1) == '%') {
                i++;
                continue;
            }
            int j = i + 1;
            while (j < format.length() && "-+ #0'".indexOf(format.charAt(j)) >= 0) j++;
            while (j < format.length() && Character.isDigit(format.charAt(j))) j++;
            if (j < format.length() && format.charAt(j) == '.') {
                j++;
                while (j < format.length() && Character.isDigit(format.charAt(j))) j++;
            }
            if (j < format.length() && format.charAt(j) == 'L') j++;
            if (j >= format.length() || "efgEFGaA".indexOf(format.charAt(j)) < 0) {
                String what = j < format.length() ? format.substring(i, j + 1) : format.substring(i);
                return "format " + c.quoteLocale(format) + " has unknown " + what + " directive";
            }
            directives++;
            i = j;
        }
        if (directives == 0) return "format " + c.quoteLocale(format) + " has no % directive";
        if (directives > 1) return "format " + c.quoteLocale(format) + " has too many % directives";
        return null;
    }

    /** printf with one floating directive, as C prints a long double. */
    static String format(String fmt, BigDecimal x) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < fmt.length(); i++) {
            char ch = fmt.charAt(i);
            if (ch != '%') {
                out.append(ch);
                continue;
            }
            if (fmt.charAt(i + 1) == '%') {
                out.append('%');
                i++;
                continue;
            }
            int j = i + 1;
            StringBuilder flags = new StringBuilder();
            while ("-+ #0'".indexOf(fmt.charAt(j)) >= 0) flags.append(fmt.charAt(j++));
            int width = 0;
            while (Character.isDigit(fmt.charAt(j))) width = width * 10 + fmt.charAt(j++) - '0';
            int precision = -1;
            if (fmt.charAt(j) == '.') {
                j++;
                precision = 0;
                while (Character.isDigit(fmt.charAt(j))) precision = precision * 10 + fmt.charAt(j++) - '0';
            }
            if (fmt.charAt(j) == 'L') j++;
            char conv = fmt.charAt(j);
            out.append(pad(convert(x, conv, precision, flags.toString()), width, flags.toString()));
            i = j;
        }
        return out.toString();
    }

    private static String pad(String s, int width, String flags) {
        if (s.length() >= width) return s;
        if (flags.contains("-")) return s + " ".repeat(width - s.length());
        if (flags.contains("0") && !s.matches(".*[a-zA-Z].*inf.*")) {
            int signAt = s.startsWith("-") || s.startsWith("+") || s.startsWith(" ") ? 1 : 0;
            return s.substring(0, signAt) + "0".repeat(width - s.length()) + s.substring(signAt);
        }
        return " ".repeat(width - s.length()) + s;
    }

    private static String convert(BigDecimal x, char conv, int precision, String flags) {
        String sign = x.signum() < 0 ? "-" : flags.contains("+") ? "+" : flags.contains(" ") ? " " : "";
        BigDecimal a = x.abs();
        if (a.compareTo(new BigDecimal("1e4000")) > 0) return sign + (Character.isUpperCase(conv) ? "INF" : "inf");
        String body = switch (conv) {
            case 'f', 'F' -> a.setScale(precision < 0 ? 6 : precision, RoundingMode.HALF_EVEN).toPlainString();
            case 'e', 'E' -> exponent(a, precision < 0 ? 6 : precision, conv == 'E');
            default -> general(a, precision < 0 ? 6 : precision == 0 ? 1 : precision, flags.contains("#"), conv == 'G');
        };
        return sign + body;
    }

    private static String exponent(BigDecimal a, int precision, boolean upper) {
        if (a.signum() == 0) return "0" + (precision > 0 ? "." + "0".repeat(precision) : "") + (upper ? "E+00" : "e+00");
        BigDecimal r = a.round(new MathContext(precision + 1, RoundingMode.HALF_EVEN));
        int exp = r.precision() - r.scale() - 1;
        BigDecimal mantissa = r.movePointLeft(exp).setScale(precision, RoundingMode.HALF_EVEN);
        String e = (exp < 0 ? "-" : "+") + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
        return mantissa.toPlainString() + (upper ? "E" : "e") + e;
    }

    /** C's %g: %e or %f by the exponent, trailing zeros removed unless '#'. */
    static String general(BigDecimal a, int precision, boolean alternate, boolean upper) {
        if (a.signum() == 0) return alternate ? "0." + "0".repeat(precision - 1) : "0";
        BigDecimal r = a.round(new MathContext(precision, RoundingMode.HALF_EVEN));
        int exp = r.precision() - r.scale() - 1;
        String s;
        if (exp < -4 || exp >= precision) {
            s = exponent(a, precision - 1, upper);
            if (!alternate) {
                int e = s.indexOf(upper ? 'E' : 'e');
                String m = s.substring(0, e);
                if (m.contains(".")) m = m.replaceAll("0+$", "").replaceAll("\\.$", "");
                s = m + s.substring(e);
            }
        } else {
            s = r.setScale(Math.max(0, precision - 1 - exp), RoundingMode.HALF_EVEN).toPlainString();
            if (!alternate && s.contains(".")) s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return s;
    }

    @Override
    public String whatis() {
        return "print a sequence of numbers";
    }

    @Override
    public String manual() {
        return "seq [OPTION]... LAST\n  Print numbers from FIRST to LAST, in steps of INCREMENT (also: seq FIRST LAST, seq FIRST INCREMENT LAST).\n"
                + "  -f, --format=FORMAT     use printf style floating-point FORMAT\n"
                + "  -s, --separator=STRING  use STRING to separate numbers (default: \\n)\n"
                + "  -w, --equal-width       equalize width by padding with leading zeroes";
    }
}
