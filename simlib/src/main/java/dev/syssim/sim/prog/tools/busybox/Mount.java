package dev.syssim.sim.prog.tools.busybox;

import dev.syssim.sim.os.Step;
import dev.syssim.sim.os.Syscall;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Tool;
import java.util.ArrayList;
import java.util.List;

/**
 * busybox mount: without arguments the mounts of /proc/mounts; {@code mount -t TYPE SOURCE DIR}
 * mounts, and a failure reads {@code mount: mounting SOURCE on DIR failed: ERROR}, status 255.
 */
final class Mount extends Tool {

    @Override
    protected Step run(Libc c) {
        String type = null;
        List<String> rest = new ArrayList<>();
        List<String> args = c.args().operands();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("-t") && i + 1 < args.size()) type = args.get(++i);
            else if (a.equals("-o") && i + 1 < args.size()) i++;
            else rest.add(a);
        }
        if (rest.isEmpty()) {
            return c.readFile("/proc/mounts", (e, bytes) -> {
                if (e != null) {
                    c.eprint("mount: can't read '/proc/mounts': " + e.message() + "\n");
                    return c.exitQuietly(1);
                }
                for (String line : Libc.text(bytes).split("\n")) {
                    String[] f = line.split(" ");
                    if (f.length >= 4) c.println(f[0] + " on " + f[1] + " type " + f[2] + " (" + f[3] + ")");
                }
                return c.exitQuietly(0);
            });
        }
        if (rest.size() < 2) {
            c.eprint("mount: can't find " + rest.get(0) + " in /etc/fstab\n");
            return c.exitQuietly(255);
        }
        String source = rest.get(0);
        String dir = rest.get(1);
        return c.sys(new Syscall.Mount(source, dir, type, 0, null), r -> {
            if (r.failed()) {
                c.eprint("mount: mounting " + source + " on " + dir + " failed: " + r.errno().message() + "\n");
                return c.exitQuietly(255);
            }
            return c.exitQuietly(0);
        });
    }

    @Override
    public String manual() {
        return "mount [-t FSTYPE] [-o OPT] DEVICE NODE\n  Mount a filesystem";
    }
}
