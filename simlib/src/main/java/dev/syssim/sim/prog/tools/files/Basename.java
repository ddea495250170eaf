package dev.syssim.sim.prog.tools.files;

import dev.syssim.sim.os.Step;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Options;
import dev.syssim.sim.prog.Tool;
import java.util.List;
import java.util.Set;

/** basename and dirname: the last component of a path, and everything before it. Pure string work. */
public final class Basename extends Tool {

    private final boolean dirname;

    public Basename(boolean dirname) {
        this.dirname = dirname;
    }

    @Override
    protected Step run(Libc c) {
        String name = dirname ? "dirname" : "basename";
        Options o = Options.parse(name, c.args().operands(), dirname ? "z" : "as", dirname ? "" : "", Set.of("help", "multiple"), Set.of("suffix"), true);
        if (o.failed()) return c.usageError(o.error(), 1);
        if (o.has("help")) return help(c);
        List<String> ops = o.operands();
        if (ops.isEmpty()) return c.usageError(name + ": missing operand", 1);
        if (dirname) {
            for (String p : ops) c.println(dir(p));
            return c.exit(0);
        }
        boolean multiple = o.hasAny("a", "multiple") || o.value("suffix") != null;
        if (!multiple && ops.size() > 2) return c.usageError("basename: extra operand " + Libc.quote(ops.get(2)), 1);
        String suffix = o.value("suffix", !multiple && ops.size() == 2 ? ops.get(1) : null);
        for (String p : multiple ? ops : ops.subList(0, 1)) c.println(base(p, suffix));
        return c.exit(0);
    }

    static String base(String path, String suffix) {
        String p = path.replaceAll("/+$", "");
        if (p.isEmpty()) return path.isEmpty() ? "" : "/";
        String b = p.substring(p.lastIndexOf('/') + 1);
        if (suffix != null && !suffix.isEmpty() && b.endsWith(suffix) && !b.equals(suffix)) b = b.substring(0, b.length() - suffix.length());
        return b;
    }

    static String dir(String path) {
        String p = path.replaceAll("/+$", "");
        if (p.isEmpty()) return path.startsWith("/") ? "/" : ".";
        int slash = p.lastIndexOf('/');
        if (slash < 0) return ".";
        String d = p.substring(0, slash).replaceAll("/+$", "");
        return d.isEmpty() ? "/" : d;
    }

    @Override
    public String whatis() {
        return dirname ? "strip last component from file name" : "strip directory and suffix from filenames";
    }

    @Override
    public String manual() {
        if (dirname) return "dirname [OPTION] NAME...\n  Output each NAME with its last non-slash component and trailing slashes removed; if NAME contains no /'s, output '.'.";
        return "basename NAME [SUFFIX]\n  Print NAME with any leading directory components removed. If specified, also remove a trailing SUFFIX.\n"
                + "  -a, --multiple       support multiple arguments and treat each as a NAME\n"
                + "  -s, --suffix=SUFFIX  remove a trailing SUFFIX; implies -a";
    }
}
