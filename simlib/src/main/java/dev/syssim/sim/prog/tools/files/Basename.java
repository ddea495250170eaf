package dev.syssim.sim.prog.tools.files;

import dev.syssim.sim.os.Step;
import dev.syssim.sim.prog.Getopt;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Quote;
import dev.syssim.sim.prog.Tool;
import java.util.List;

/**
 * basename and dirname (coreutils 9.1): the last component of a name, and everything before it,
 * by gnulib's rules (trailing slashes ignored, leading ones kept: {@code dirname ///a//b//} is
 * {@code ///a}). Pure string work, no syscalls. basename: {@code -a}, {@code -s SUFFIX}, {@code -z};
 * dirname: {@code -z}.
 */
public final class Basename extends Tool {

    private static final List<String> BASENAME_LONG = List.of("multiple>a", "suffix=>s", "zero>z", "help", "version");
    private static final List<String> DIRNAME_LONG = List.of("zero>z", "help", "version");

    private final boolean dirname;

    public Basename(boolean dirname) {
        this.dirname = dirname;
    }

    @Override
    protected Step run(Libc c) {
        String name = dirname ? "dirname" : "basename";
        Getopt g = Getopt.parse(name, c.args().operands(), dirname ? "z" : "as:z", dirname ? DIRNAME_LONG : BASENAME_LONG, true);
        if (g.failed()) return c.usageError(g.error(), 1);
        if (g.has("help")) return help(c);
        List<String> ops = g.operands();
        if (ops.isEmpty()) return c.usageError(name + ": missing operand", 1);
        String end = g.has("z") ? "\0" : "\n";
        if (dirname) {
            for (String p : ops) c.print(dir(p) + end);
            return c.exit(0);
        }
        boolean multiple = g.has("a") || g.has("s");
        if (!multiple && ops.size() > 2) return c.usageError("basename: extra operand " + Quote.locale(ops.get(2), c.utf8()), 1);
        String suffix = g.has("s") ? g.last("s") : !multiple && ops.size() == 2 ? ops.get(1) : null;
        for (String p : multiple ? ops : ops.subList(0, 1)) c.print(base(p, suffix) + end);
        return c.exit(0);
    }

    /** The last component; a suffix is removed unless it is the whole name. */
    static String base(String path, String suffix) {
        if (path.isEmpty()) return "";
        int end = path.length();
        while (end > 0 && path.charAt(end - 1) == '/') end--;
        if (end == 0) return "/";
        String b = path.substring(path.lastIndexOf('/', end - 1) + 1, end);
        if (suffix != null && !suffix.isEmpty() && b.length() > suffix.length() && b.endsWith(suffix)) {
            b = b.substring(0, b.length() - suffix.length());
        }
        return b;
    }

    /** gnulib's dir_len: the name up to the last component, without the slashes before it. */
    static String dir(String path) {
        int prefix = path.startsWith("/") ? 1 : 0;
        int end = path.length();
        while (end > prefix && path.charAt(end - 1) == '/') end--;
        int last = path.lastIndexOf('/', end - 1) + 1;
        if (end <= prefix) last = path.length();
        int length = Math.max(prefix, last);
        if (path.startsWith("/") && end <= prefix) length = path.length();
        while (length > prefix && path.charAt(length - 1) == '/') length--;
        if (length == 0) return ".";
        return path.substring(0, length);
    }

    @Override
    public String whatis() {
        return dirname ? "strip last component from file name" : "strip directory and suffix from filenames";
    }

    @Override
    public String source() {
        return "GNU coreutils 9.1";
    }

    @Override
    public String manual() {
        if (dirname) {
            return "dirname [OPTION] NAME...\n  Output each NAME with its last non-slash component and trailing slashes removed; if NAME contains no /'s, output '.' (meaning the current directory).\n"
                    + "  -z, --zero  end each output line with NUL, not newline";
        }
        return "basename NAME [SUFFIX]\n  Print NAME with any leading directory components removed. If specified, also remove a trailing SUFFIX. (also: basename OPTION... NAME...)\n"
                + "  -a, --multiple       support multiple arguments and treat each as a NAME\n"
                + "  -s, --suffix=SUFFIX  remove a trailing SUFFIX; implies -a\n"
                + "  -z, --zero           end each output line with NUL, not newline";
    }
}
