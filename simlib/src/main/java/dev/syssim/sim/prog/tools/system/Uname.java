package dev.syssim.sim.prog.tools.system;

import dev.syssim.sim.os.Step;
import dev.syssim.sim.os.Syscall;
import dev.syssim.sim.os.Utsname;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Options;
import dev.syssim.sim.prog.Tool;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * uname: system information from uname(2): kernel name ({@code -s}, the default), node name
 * ({@code -n}), release ({@code -r}), version ({@code -v}), machine ({@code -m}), operating system
 * ({@code -o}); {@code -a} all of them (leaving out the processor and platform, unknown on Linux).
 */
public final class Uname extends Tool {

    @Override
    protected Step run(Libc c) {
        Options o = Options.parse("uname", c.args().operands(), "asnrvmpio", "",
                Set.of("help", "all", "kernel-name", "nodename", "kernel-release", "kernel-version", "machine", "processor",
                        "hardware-platform", "operating-system"), Set.of(), true);
        if (o.failed()) return c.usageError(o.error(), 1);
        if (o.has("help")) return help(c);
        if (!o.operands().isEmpty()) return c.usageError("uname: extra operand " + c.quoteLocale(o.operands().get(0)), 1);
        boolean all = o.hasAny("a", "all");
        boolean s = o.hasAny("s", "kernel-name");
        boolean n = o.hasAny("n", "nodename");
        boolean r = o.hasAny("r", "kernel-release");
        boolean v = o.hasAny("v", "kernel-version");
        boolean m = o.hasAny("m", "machine");
        boolean p = o.hasAny("p", "processor");
        boolean i = o.hasAny("i", "hardware-platform");
        boolean os = o.hasAny("o", "operating-system");
        boolean none = !(all || s || n || r || v || m || p || i || os);
        return c.sys(new Syscall.Uname(), result -> {
            Utsname u = result.dataAs(Utsname.class);
            List<String> parts = new ArrayList<>();
            if (all || s || none) parts.add(u.sysname());
            if (all || n) parts.add(u.nodename());
            if (all || r) parts.add(u.release());
            if (all || v) parts.add(u.version());
            if (all || m) parts.add(u.machine());
            if (p) parts.add("unknown");
            if (i) parts.add("unknown");
            // coreutils' -a adds GNU/Linux only on Linux; the Mac's (BSD) uname -a ends at the machine
            if (os || all && u.sysname().equals("Linux")) parts.add(u.sysname().equals("Linux") ? "GNU/Linux" : u.sysname());
            c.println(String.join(" ", parts));
            return c.exit(0);
        });
    }

    @Override
    public String whatis() {
        return "print system information";
    }

    @Override
    public String manual() {
        return "uname [OPTION]...\n  Print certain system information. With no OPTION, same as -s.\n"
                + "  -a, --all               print all information, in the following order, except omit -p and -i if unknown:\n"
                + "  -s, --kernel-name       print the kernel name\n"
                + "  -n, --nodename          print the network node hostname\n"
                + "  -r, --kernel-release    print the kernel release\n"
                + "  -v, --kernel-version    print the kernel version\n"
                + "  -m, --machine           print the machine hardware name\n"
                + "  -p, --processor         print the processor type (non-portable)\n"
                + "  -i, --hardware-platform print the hardware platform (non-portable)\n"
                + "  -o, --operating-system  print the operating system";
    }
}
