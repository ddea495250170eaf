package dev.syssim.sim.prog;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code printf} and {@code echo} as bash's builtins, dash's builtins and GNU coreutils 9.1's
 * programs do them, over byte strings: the conversions {@code %d %i %o %u %x %X %e %E %f %F %g %G
 * %a %A %c %s %b %q %%} with flags, width and precision (also {@code *}), the format used again
 * while arguments remain, missing arguments as 0 or empty, {@code 'c} character constants, invalid
 * numbers (a message, status 1, the value converted so far still printed), the escapes of the
 * format and of {@code %b}, bash's {@code %Q} and {@code %(fmt)T}, and each one's messages.
 * Floating-point arguments are C's {@code long double} (x86's 64-bit significand) for bash and
 * coreutils and {@code double} for dash, converted and printed exactly as glibc does.
 *
 * <p>A {@link Result} holds the output, the messages without their prefixes (see {@link Prefix}),
 * the exit status and whether {@code \c} stopped the output. Where output and messages go to one
 * place, the real tools print the messages first (stdout is buffered until they finish, for
 * output under 4 KiB); bash's {@code printf -v} is the interpreter's: it stores the output.
 */
public final class Printf {

    /** Whose printf and echo. */
    public enum Dialect { BASH, DASH, COREUTILS }

    /**
     * What goes before a message. {@link #FULL}: the shell's location and the command's name
     * ({@code bash: line 3: printf: }, {@code sh: 1: printf: }); {@link #NAME}: the command's name
     * only ({@code printf: } for coreutils' program, and bash's usage line); {@link #NONE}: nothing.
     */
    public enum Prefix { FULL, NAME, NONE }

    /** One line of diagnostics, without its prefix and newline. */
    public record Message(String text, Prefix prefix) {
    }

    /**
     * What one run produced.
     *
     * @param output   the bytes for standard output
     * @param messages the diagnostics, in order
     * @param status   the exit status
     * @param stopped  whether {@code \c} ended the output
     * @param variable bash's {@code -v} name that receives the output instead, or null
     */
    public record Result(String output, List<Message> messages, int status, boolean stopped, String variable) {
    }

    /** The times {@code %(fmt)T} may ask for: now ({@code -1}) and the shell's start ({@code -2}), epoch seconds. */
    public record Times(long now, long shellStart) {
    }

    private static final String BASH_USAGE = "usage: printf [-v var] format [arguments]";

    private Printf() {
    }

    /**
     * The command {@code printf ARGS...}: options, then the format and its arguments.
     *
     * @param args        the words after {@code printf}
     * @param programName how coreutils' program was called ({@code printf}, {@code /usr/bin/printf}),
     *                    for its "Try ... --help" line; the caller handles its --help and --version
     */
    public static Result printf(Dialect dialect, List<String> args, String programName, Times times) {
        List<Message> messages = new ArrayList<>();
        switch (dialect) {
            case BASH -> {
                String variable = null;
                int i = 0;
                while (i < args.size() && args.get(i).startsWith("-") && args.get(i).length() > 1) {
                    String a = args.get(i);
                    if (a.equals("--")) {
                        i++;
                        break;
                    }
                    if (a.charAt(1) != 'v') {
                        messages.add(new Message("-" + a.charAt(1) + ": invalid option", Prefix.FULL));
                        messages.add(new Message(BASH_USAGE, Prefix.NAME));
                        return new Result("", messages, 2, false, null);
                    }
                    if (a.length() > 2) {
                        variable = a.substring(2);
                        i++;
                    } else if (i + 1 < args.size()) {
                        variable = args.get(i + 1);
                        i += 2;
                    } else {
                        messages.add(new Message("-v: option requires an argument", Prefix.FULL));
                        messages.add(new Message(BASH_USAGE, Prefix.NAME));
                        return new Result("", messages, 2, false, null);
                    }
                    if (!validVariable(variable)) {
                        messages.add(new Message("`" + variable + "': not a valid identifier", Prefix.FULL));
                        return new Result("", messages, 2, false, null);
                    }
                }
                if (i >= args.size()) {
                    messages.add(new Message(BASH_USAGE, Prefix.NAME));
                    return new Result("", messages, 2, false, null);
                }
                Result r = format(dialect, args.get(i), args.subList(i + 1, args.size()), times);
                return new Result(r.output(), r.messages(), r.status(), r.stopped(), variable);
            }
            case DASH -> {
                int i = 0;
                if (!args.isEmpty() && args.get(0).equals("--")) {
                    i = 1;
                } else if (!args.isEmpty() && args.get(0).startsWith("-") && args.get(0).length() > 1) {
                    messages.add(new Message("Illegal option " + args.get(0).substring(0, 2), Prefix.FULL));
                    return new Result("", messages, 2, false, null);
                }
                if (i >= args.size()) {
                    messages.add(new Message("usage: printf format [arg ...]", Prefix.FULL));
                    return new Result("", messages, 2, false, null);
                }
                return format(dialect, args.get(i), args.subList(i + 1, args.size()), times);
            }
            default -> {
                int i = !args.isEmpty() && args.get(0).equals("--") ? 1 : 0;
                if (i >= args.size()) {
                    messages.add(new Message("missing operand", Prefix.NAME));
                    messages.add(new Message("Try '" + programName + " --help' for more information.", Prefix.NONE));
                    return new Result("", messages, 1, false, null);
                }
                return format(dialect, args.get(i), args.subList(i + 1, args.size()), times);
            }
        }
    }

    /** bash's test for {@code -v}'s name: an identifier, or one with an array subscript. */
    private static boolean validVariable(String name) {
        int bracket = name.indexOf('[');
        String base = bracket > 0 && name.endsWith("]") ? name.substring(0, bracket) : name;
        if (base.isEmpty() || !(Character.isLetter(base.charAt(0)) && base.charAt(0) < 128 || base.charAt(0) == '_')) {
            return false;
        }
        for (int k = 1; k < base.length(); k++) {
            char c = base.charAt(k);
            if (!(c < 128 && Character.isLetterOrDigit(c) || c == '_')) return false;
        }
        return bracket < 0 || bracket + 2 < name.length() || bracket > 0 && name.length() > bracket + 2;
    }

    /** The format applied to the arguments, again while arguments remain. */
    public static Result format(Dialect dialect, String format, List<String> arguments, Times times) {
        return switch (dialect) {
            case BASH -> new BashPrintf(format, arguments, times).run();
            case DASH -> new DashPrintf(format, arguments).run();
            case COREUTILS -> new CoreutilsPrintf(format, arguments).run();
        };
    }

    /** The command {@code echo ARGS...}. */
    public static Result echo(Dialect dialect, List<String> args) {
        return Echo.run(dialect, args);
    }

    // ---- shared -----------------------------------------------------------------------------------

    /** The state every dialect's loop keeps: arguments, output, messages, status. */
    abstract static class Run {
        final String format;
        final List<String> args;
        int next;
        final StringBuilder out = new StringBuilder();
        final List<Message> messages = new ArrayList<>();
        int status;
        boolean stopped;

        Run(String format, List<String> args) {
            this.format = format;
            this.args = args;
        }

        boolean hasArgument() {
            return next < args.size();
        }

        String nextString() {
            return hasArgument() ? args.get(next++) : "";
        }

        void error(String text) {
            messages.add(new Message(text, Prefix.FULL));
        }

        Result result() {
            return new Result(out.toString(), List.copyOf(messages), status, stopped, null);
        }

        char at(int i) {
            return i < format.length() ? format.charAt(i) : 0;
        }
    }

    /** The flags, width and precision text of a conversion, as parsed from the format. */
    static final class Directive {
        boolean minus;
        boolean plus;
        boolean space;
        boolean alt;
        boolean zero;
        boolean grouping;
        int width = -1;
        int precision = -1;
        boolean starWidth;
        boolean starPrecision;
        boolean hasPoint;

        CFormat.Spec spec(char conversion) {
            boolean left = minus;
            int w = width;
            if (w < 0 && w != -1) {
                left = true;
                w = -w;
            }
            return new CFormat.Spec(left, plus, space, alt, zero, w, precision, conversion);
        }
    }

    static boolean isOctal(char c) {
        return c >= '0' && c <= '7';
    }

    static int hexValue(char c) {
        return Character.digit(c, 16);
    }

    /** A code point as the bytes glibc's {@code wctomb} gives in C.UTF-8 (UTF-8; none for surrogates and beyond). */
    static String wctomb(long cp) {
        if (cp < 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return null;
        return Utf8.encode((int) cp);
    }

    /** A UTF-8 character (or its first byte, if none) at the start of {@code s}: a character constant's value. */
    static long characterCode(String s) {
        if (s.isEmpty()) return 0;
        int length = Utf8.sequenceLength(s, 0);
        return length > 0 ? Utf8.decode(s, 0, length) : s.charAt(0) & 0xFF;
    }
}
