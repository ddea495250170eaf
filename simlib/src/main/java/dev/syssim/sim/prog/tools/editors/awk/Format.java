package dev.syssim.sim.prog.tools.editors.awk;

import java.util.List;

/**
 * awk's printf and sprintf, as gawk's format_tree does them — which is not C's printf: {@code %d}
 * of 1e20 prints all its digits, {@code %c} of a number prints that character (UTF-8 encoded in a
 * UTF-8 locale), {@code %s} pads by characters, infinities and NaN print as {@code +inf} and
 * {@code -nan} without padding, an unknown conversion is copied as it is, {@code %} at the end
 * stays, and too few arguments is a fatal error that points at the conversion that ran out.
 */
final class Format {

    /** The formatted text, or the position (in the format) of the conversion that had no argument. */
    record Result(String text, int ranOutAt, String error) {
        boolean failed() {
            return ranOutAt >= 0 || error != null;
        }
    }

    private Format() {
    }

    /** Formats with the number-to-string format CONVFMT %.6g (for %s of a number). */
    static Result sprintf(String format, List<Value> args, boolean utf8) {
        return sprintf(format, args, utf8, "%.6g");
    }

    static Result sprintf(String format, List<Value> args, boolean utf8, String convfmt) {
        StringBuilder out = new StringBuilder();
        int n = format.length();
        int i = 0;
        int nextArg = 0;
        boolean usedDollar = false;
        while (i < n) {
            char ch = format.charAt(i);
            if (ch != '%') {
                out.append(ch);
                i++;
                continue;
            }
            int start = i;
            i++;
            int fw = 0;
            int prec = 0;
            boolean havePrec = false;
            boolean inPrec = false;
            boolean precDone = false;
            boolean lj = false;
            boolean alt = false;
            boolean zero = false;
            char signchar = 0;
            int argnum = 0;
            boolean converted = false;
            boolean negativePrec = false;
            Value arg = null;
            char conv = 0;
            while (i < n && !converted) {
                char c = format.charAt(i++);
                switch (c) {
                    case '%':
                        if (i - 1 == start + 1 || true) {
                            out.append('%');
                            converted = true;
                            conv = '%';
                        }
                        break;
                    case '0':
                        if (!inPrec) zero = true;
                        if (lj) break;
                        // fall through to the digits
                    case '1': case '2': case '3': case '4': case '5': case '6': case '7': case '8': case '9': {
                        if (precDone) {
                            conv = 1;
                            converted = true;
                            break;
                        }
                        int v = c - '0';
                        while (i < n && Character.isDigit(format.charAt(i))) v = v * 10 + (format.charAt(i++) - '0');
                        if (inPrec) {
                            if (!negativePrec) prec = v;
                            else havePrec = false;
                            precDone = true;
                        } else {
                            fw = v;
                        }
                        break;
                    }
                    case '$':
                        if (inPrec) return new Result(null, -1, "fatal: `$' not permitted after period in format");
                        argnum = fw;
                        fw = 0;
                        usedDollar = true;
                        if (argnum <= 0) return new Result(null, -1, "fatal: argument index with `$' must be > 0");
                        if (argnum > args.size()) {
                            return new Result(null, -1, "fatal: argument index " + argnum + " greater than total number of supplied arguments");
                        }
                        break;
                    case '*': {
                        if (precDone) {
                            conv = 1;
                            converted = true;
                            break;
                        }
                        Value v;
                        if (i < n && Character.isDigit(format.charAt(i))) {
                            int k = 0;
                            while (i < n && Character.isDigit(format.charAt(i))) k = k * 10 + (format.charAt(i++) - '0');
                            if (i >= n || format.charAt(i) != '$') return new Result(null, -1, "fatal: no `$' supplied for positional field width or precision");
                            i++;
                            if (k <= 0 || k > args.size()) return new Result(null, i - 1, null);
                            v = args.get(k - 1);
                        } else {
                            // gawk calls fatal() with a message that says "fatal:" itself
                            if (usedDollar) return new Result(null, -1, "fatal: fatal: must use `count$' on all formats or none");
                            if (nextArg >= args.size()) return new Result(null, i - 1, null);
                            v = args.get(nextArg++);
                        }
                        long w = toLong(v.number());
                        if (inPrec) {
                            if (w >= 0) {
                                prec = (int) Math.min(w, Integer.MAX_VALUE);
                                havePrec = true;
                            } else {
                                havePrec = false;
                            }
                            precDone = true;
                        } else {
                            if (w < 0) {
                                w = -w;
                                lj = true;
                            }
                            fw = (int) Math.min(w, Integer.MAX_VALUE);
                        }
                        break;
                    }
                    case ' ':
                        if (signchar == 0) signchar = ' ';
                        break;
                    case '+':
                        signchar = '+';
                        break;
                    case '-':
                        if (inPrec && !precDone) {
                            negativePrec = true;
                            break;
                        }
                        lj = true;
                        break;
                    case '.':
                        if (inPrec) {
                            conv = 1;
                            converted = true;
                            break;
                        }
                        inPrec = true;
                        havePrec = true;
                        break;
                    case '#':
                        alt = true;
                        break;
                    case '\'':
                        break;
                    case 'h': case 'j': case 'l': case 'L': case 't': case 'z': case 'P':
                        break;
                    case 'c': case 'd': case 'i': case 'o': case 'x': case 'X': case 'u':
                    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'a': case 'A': case 's': {
                        if (argnum > 0) {
                            if (nextArg > 0) return new Result(null, -1, "fatal: must use `count$' on all formats or none");
                            arg = args.get(argnum - 1);
                        } else if (usedDollar) {
                            return new Result(null, -1, "fatal: must use `count$' on all formats or none");
                        } else if (nextArg >= args.size()) {
                            return new Result(null, i - 1, null);
                        } else {
                            arg = args.get(nextArg++);
                        }
                        conv = c;
                        converted = true;
                        break;
                    }
                    default:
                        conv = 1;
                        converted = true;
                        break;
                }
            }
            if (!converted || conv == 1) {
                // no conversion letter: what was read is copied as it is (gawk's bchunk of s0..s1)
                if (conv == 1) i--;
                out.append(format, start, i);
                continue;
            }
            if (conv == '%') continue;
            if (negativePrec) havePrec = false;
            convert(out, conv, arg, fw, prec, havePrec, lj, alt, zero, signchar, utf8, convfmt);
        }
        return new Result(out.toString(), -1, null);
    }

    private static long toLong(double d) {
        if (Double.isNaN(d)) return Long.MIN_VALUE;
        return (long) d;
    }

    private static void convert(StringBuilder out, char conv, Value arg, int fw, int prec, boolean havePrec, boolean lj,
                                boolean alt, boolean zero, char signchar, boolean utf8, String convfmt) {
        switch (conv) {
            case 'c':
                character(out, arg, fw, lj, utf8, convfmt);
                return;
            case 's':
                string(out, arg.string(convfmt), fw, prec, havePrec, lj, utf8);
                return;
            case 'd':
            case 'i':
                decimal(out, conv, arg.number(), fw, prec, havePrec, lj, zero, signchar);
                return;
            case 'o':
            case 'x':
            case 'X':
            case 'u':
                unsigned(out, conv, arg.number(), fw, prec, havePrec, lj, alt, zero, signchar);
                return;
            default:
                floating(out, conv, arg.number(), fw, havePrec ? prec : 6, lj, alt, zero, signchar);
        }
    }

    private static void character(StringBuilder out, Value arg, int fw, boolean lj, boolean utf8, String convfmt) {
        String text;
        int width;
        if (arg.kind == Value.Kind.INDEX) arg.string(convfmt);
        if (arg.isNumeric()) {
            double d = arg.number();
            long code = d < 0 ? (long) d : d >= 1.8446744073709552E19 ? -1 : (long) d;
            if (utf8 && code >= 0 && code <= 0x10FFFF && !(code >= 0xD800 && code <= 0xDFFF)) {
                text = Bytes.encodeUtf8((int) code);
            } else {
                text = String.valueOf((char) (code & 0xff));
            }
            width = text.length();
        } else {
            String s = arg.string(convfmt);
            if (s.isEmpty()) {
                // gawk copies one byte of the empty string: its terminating NUL
                text = "\0";
                width = 1;
            } else {
                int len = utf8 ? Bytes.charLength(s, 0) : 1;
                text = s.substring(0, len);
                width = 1;
            }
        }
        padded(out, text, width, fw, lj, ' ');
    }

    private static void padded(StringBuilder out, String text, int width, int fw, boolean lj, char fill) {
        if (!lj) for (int k = width; k < fw; k++) out.append(fill);
        out.append(text);
        if (lj) for (int k = width; k < fw; k++) out.append(fill);
    }

    private static void string(StringBuilder out, String s, int fw, int prec, boolean havePrec, boolean lj, boolean utf8) {
        if (fw == 0 && !havePrec) {
            out.append(s);
            return;
        }
        int chars = utf8 ? Bytes.charCount(s) : s.length();
        int take = !havePrec || prec > chars ? chars : prec;
        String text = utf8 ? s.substring(0, Bytes.byteOffset(s, take)) : s.substring(0, take);
        padded(out, text, take, fw, lj, ' ');
    }

    private static boolean outOfRange(StringBuilder out, char conv, double d) {
        if (!Double.isNaN(d) && !Double.isInfinite(d)) return false;
        String text = Double.isNaN(d) ? Numbers.nanText(d) : d < 0 ? "-inf" : "+inf";
        out.append(Character.isUpperCase(conv) ? text.toUpperCase(java.util.Locale.ROOT) : text);
        return true;
    }

    private static void decimal(StringBuilder out, char conv, double d, int fw, int prec, boolean havePrec, boolean lj,
                                boolean zero, char signchar) {
        if (outOfRange(out, conv, d)) return;
        double t = Numbers.trunc(d);
        if (havePrec && prec == 0 && t == 0) {
            padded(out, "", 0, fw, lj, ' ');
            return;
        }
        boolean negative = t < 0;
        double abs = Math.abs(t);
        String digits = abs < 9e18 ? Long.toString((long) abs) : new java.math.BigDecimal(abs).toPlainString();
        StringBuilder cp = new StringBuilder();
        if (havePrec) for (int k = digits.length(); k < prec; k++) cp.append('0');
        cp.append(digits);
        if (negative) cp.insert(0, '-');
        else if (signchar != 0) cp.insert(0, signchar);
        emitInteger(out, cp.toString(), fw, prec, havePrec, lj, zero, negative || signchar != 0, false);
    }

    /** The common tail of the integer conversions: zero or space fill, the sign before zeros. */
    private static void emitInteger(StringBuilder out, String cp, int fw, int prec, boolean havePrec, boolean lj,
                                    boolean zero, boolean signed, boolean hexPrefix) {
        char fill = !lj && ((zero && !havePrec) || (fw == 0 && havePrec)) ? '0' : ' ';
        if (prec > fw) fw = prec;
        int len = cp.length();
        int at = 0;
        if (fw > len && !lj && fill != ' ' && signed) {
            out.append(cp.charAt(0));
            at = 1;
            len--;
            fw--;
        }
        if (hexPrefix && fill != ' ') {
            out.append(cp, 0, 2);
            at = 2;
            len -= 2;
            fw -= 2;
        }
        if (!lj) for (int k = len; k < fw; k++) out.append(fill);
        out.append(cp, at, cp.length());
        if (lj) for (int k = len; k < fw; k++) out.append(fill);
    }

    private static void unsigned(StringBuilder out, char conv, double d, int fw, int prec, boolean havePrec, boolean lj,
                                 boolean alt, boolean zero, char signchar) {
        if (outOfRange(out, conv, d)) return;
        if (!alt && havePrec && prec == 0 && d == 0) {
            padded(out, "", 0, fw, lj, ' ');
            return;
        }
        double t = Numbers.trunc(d);
        long u;
        if (d < 0) {
            if (t < -9.223372036854775808E18) {
                floating(out, 'g', d, fw, havePrec ? prec : 6, lj, alt, zero, signchar);
                return;
            }
            u = (long) t;
        } else {
            if (t >= 1.8446744073709552E19) {
                floating(out, 'g', d, fw, havePrec ? prec : 6, lj, alt, zero, signchar);
                return;
            }
            u = t >= 9.223372036854775808E18 ? (long) (t - 9.223372036854775808E18) + Long.MIN_VALUE : (long) t;
        }
        int base = conv == 'o' ? 8 : conv == 'u' ? 10 : 16;
        String digits = Long.toUnsignedString(u, base);
        if (conv == 'X') digits = digits.toUpperCase(java.util.Locale.ROOT);
        StringBuilder cp = new StringBuilder();
        if (havePrec) for (int k = digits.length(); k < prec; k++) cp.append('0');
        cp.append(digits);
        boolean hexPrefix = false;
        if (alt && t != 0) {
            if (base == 16) {
                cp.insert(0, conv == 'X' ? "0X" : "0x");
                hexPrefix = true;
            } else if (base == 8) {
                cp.insert(0, '0');
            }
        }
        emitInteger(out, cp.toString(), fw, prec, havePrec, lj, zero, false, hexPrefix);
    }

    private static void floating(StringBuilder out, char conv, double d, int fw, int prec, boolean lj, boolean alt,
                                 boolean zero, char signchar) {
        if (outOfRange(out, conv, d)) return;
        boolean negative = d < 0 || (d == 0 && 1 / d < 0);
        String body = CFormat.body(conv, Math.abs(d), prec, alt);
        out.append(CFormat.pad(body, negative, signchar, fw, lj, zero && !lj));
    }
}
