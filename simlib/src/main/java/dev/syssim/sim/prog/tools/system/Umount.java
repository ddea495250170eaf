package dev.syssim.sim.prog.tools.system;

import dev.syssim.sim.os.Errno;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.os.Syscall;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Tool;
import java.util.ArrayList;
import java.util.List;

/**
 * umount (util-linux 2.38, set-user-ID root): detach the file system mounted at each directory with
 * umount2(2). A user who is not root is refused by umount itself ({@code must be superuser to
 * unmount}). Errors exit 32.
 */
public final class Umount extends Tool {

    @Override
    protected Step run(Libc c) {
        List<String> targets = new ArrayList<>();
        for (String a : c.args().operands()) {
            if (a.equals("--help") || a.equals("-h")) return help(c);
            if (a.equals("-l") || a.equals("-f") || a.equals("-v") || a.equals("--lazy") || a.equals("--force")) continue;
            if (a.startsWith("-") && a.length() > 1) return c.usageError("umount: invalid option -- '" + a.charAt(1) + "'", 1);
            targets.add(a);
        }
        if (targets.isEmpty()) return c.usageError("umount: bad usage", 1);
        return c.id("getuid", uid -> {
            int[] status = {0};
            return Libc.forEach(targets, (target, next) -> {
                if (uid != 0) {
                    c.error(target + ": must be superuser to unmount.");
                    status[0] = 32;
                    return next.get();
                }
                return c.sys(new Syscall.Umount2(target, 0), r -> {
                    if (r.failed()) {
                        Errno e = r.errno();
                        String message = switch (e) {
                            case EINVAL -> "not mounted.";
                            case EBUSY -> "target is busy.";
                            case ENOENT -> "no mount point specified.";
                            case EPERM -> "must be superuser to unmount.";
                            default -> e.message() + ".";
                        };
                        c.error(target + ": " + message);
                        status[0] = 32;
                    }
                    return next.get();
                });
            }, () -> c.exit(status[0]));
        });
    }

    @Override
    public int section() {
        return 8;
    }

    @Override
    public String whatis() {
        return "unmount filesystems";
    }

    @Override
    public String manual() {
        return "umount [options] directory...\n  Detach the file system mounted at each directory (root only).";
    }
}
