package dev.syssim.sim.prog.net;

import dev.syssim.sim.fs.Dirent;
import dev.syssim.sim.net.socket.Netlink;
import dev.syssim.sim.os.NamespaceCalls;
import dev.syssim.sim.os.OpenFlags;
import dev.syssim.sim.os.Setns;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.os.Syscall;
import dev.syssim.sim.prog.Libc;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code ip netns} (iproute2 6.1): named network namespaces. A name is a file
 * {@code /run/netns/NAME} on which the namespace's {@code /proc/self/ns/net} is bind-mounted, so
 * the namespace lives on with no process in it. {@code add} makes the file, unshares a new network
 * namespace and binds it there; {@code exec NAME CMD} opens the file, joins the namespace with
 * setns(2) and executes CMD; {@code delete} unmounts and removes the file; {@code list} lists the
 * directory (newest first, tmpfs's order). Simplification: real {@code exec} also makes a mount
 * namespace and mounts a fresh /sys for the namespace; here /sys is left as it is.
 */
final class IpNetns {

    static final String DIR = "/run/netns";

    private IpNetns() {
    }

    static Step run(Libc c, List<String> args) {
        String cmd = args.isEmpty() ? "list" : args.get(0);
        List<String> rest = args.isEmpty() ? List.of() : args.subList(1, args.size());
        return switch (cmd) {
            case "list", "ls", "show" -> list(c);
            case "add", "delete", "del", "exec" -> named(c, cmd, rest);
            case "identify" -> identify(c, rest.isEmpty() ? "self" : rest.get(0));
            case "pids" -> pids(c, rest);
            default -> {
                c.eprint("Command \"" + cmd + "\" is unknown, try \"ip netns help\".\n");
                yield c.exit(255);
            }
        };
    }

    /** add, delete and exec check their NAME first ({@link #refusedName}); exec then wants a command (status 1). */
    private static Step named(Libc c, String cmd, List<String> rest) {
        Step refused = refusedName(c, rest);
        if (refused != null) return refused;
        String name = rest.get(0);
        if (cmd.equals("add")) return add(c, name);
        if (!cmd.equals("exec")) return delete(c, name);
        if (rest.size() < 2) {
            c.eprint("No command specified\n");
            return c.exit(1);
        }
        return enter(c, name, () -> exec(c, rest.subList(1, rest.size())));
    }

    /**
     * iproute2's check of a NAME operand: none is status 1; one that is empty, "." or "..", or holds
     * a '/', is status 255 (so no path escapes /run/netns). Null when the name is fine.
     */
    private static Step refusedName(Libc c, List<String> rest) {
        if (rest.isEmpty()) {
            c.eprint("No netns name specified\n");
            return c.exit(1);
        }
        String name = rest.get(0);
        if (name.isEmpty() || name.equals(".") || name.equals("..") || name.contains("/")) {
            c.eprint("Invalid netns name \"" + name + "\"\n");
            return c.exit(255);
        }
        return null;
    }

    /**
     * {@code identify [PID]}: the first name in /run/netns whose namespace is the process's, or an
     * empty line. The namespace is matched by its nsfs inode number (real iproute2 compares device
     * and inode of two stats; here the process's side is read from its {@code net:[INODE]} link).
     */
    private static Step identify(Libc c, String pid) {
        if (!pid.equals("self") && !pid.matches("[0-9]+")) {
            c.eprint("Specified string '" + pid + "' is not a pid\n");
            return c.exit(1);
        }
        return c.sys(new Syscall.Readlink("/proc/" + pid + "/ns/net"), l -> {
            if (l.failed()) {
                c.eprint("Cannot open network namespace: " + l.errno().message() + "\n");
                return c.exit(1);
            }
            String link = l.dataAs(String.class);
            return c.listDirectory(DIR, false, (e, entries) -> {
                List<String> names = new ArrayList<>();
                if (entries != null) for (Dirent d : entries) names.add(d.name());
                String[] found = {""};
                return Libc.forEach(names, (n, next) -> c.statOf(DIR + "/" + n, true, (err, st) -> {
                    if (err == null && found[0].isEmpty() && link.equals("net:[" + st.inode() + "]")) found[0] = n;
                    return next.get();
                }), () -> {
                    c.println(found[0]);
                    return c.exit(0);
                });
            });
        });
    }

    /** {@code pids NAME}: every process whose network namespace is the named one, in /proc's order. */
    private static Step pids(Libc c, List<String> rest) {
        Step refused = refusedName(c, rest);
        if (refused != null) return refused;
        String name = rest.get(0);
        return c.statOf(DIR + "/" + name, true, (err, st) -> {
            if (err != null) {
                c.eprint("Cannot open network namespace: " + err.message() + "\n");
                return c.exit(1);
            }
            String want = "net:[" + st.inode() + "]";
            return c.listDirectory("/proc", false, (e, entries) -> {
                List<String> pids = new ArrayList<>();
                if (entries != null) for (Dirent d : entries) if (d.name().matches("[0-9]+")) pids.add(d.name());
                return Libc.forEach(pids, (pid, next) -> c.sys(new Syscall.Readlink("/proc/" + pid + "/ns/net"), l -> {
                    if (!l.failed() && want.equals(l.dataAs(String.class))) c.println(pid);
                    return next.get();
                }), () -> c.exit(0));
            });
        });
    }

    private static Step list(Libc c) {
        return c.listDirectory(DIR, false, (e, entries) -> {
            if (entries != null) {
                List<String> names = new ArrayList<>();
                for (Dirent d : entries) names.add(0, d.name());
                for (String n : names) c.println(n);
            }
            return c.exit(0);
        });
    }

    private static Step add(Libc c, String name) {
        String path = DIR + "/" + name;
        return c.sys(new Syscall.Mkdir(DIR, 0755), m -> {
            if (m.failed() && m.errno() != dev.syssim.sim.os.Errno.EEXIST) {
                c.eprint("mkdir " + DIR + " failed: " + m.errno().message() + "\n");
                return c.exit(1);
            }
            return c.create(path, OpenFlags.O_RDONLY | OpenFlags.O_EXCL, 0, f -> {
                if (f.failed()) {
                    c.eprint("Cannot create namespace file \"" + path + "\": " + f.errno().message() + "\n");
                    return c.exit(1);
                }
                return c.close(f.intValue(), () -> c.sys(new dev.syssim.sim.os.Unshare(NamespaceCalls.CLONE_NEWNET), u -> {
                    if (u.failed()) {
                        c.eprint("Failed to create a new network namespace \"" + name + "\": " + u.errno().message() + "\n");
                        return c.sys(Syscall.Unlinkat.unlink(path), x -> c.exit(1));
                    }
                    return c.sys(new Syscall.Mount("/proc/self/ns/net", path, "none", Syscall.Mount.MS_BIND, null), b -> {
                        if (b.failed()) {
                            c.eprint("Bind /proc/self/ns/net -> " + path + " failed: " + b.errno().message() + "\n");
                            return c.sys(Syscall.Unlinkat.unlink(path), x -> c.exit(1));
                        }
                        return c.exit(0);
                    });
                }));
            });
        });
    }

    private static Step delete(Libc c, String name) {
        String path = DIR + "/" + name;
        return c.sys(new Syscall.Umount2(path, 2), u -> c.sys(Syscall.Unlinkat.unlink(path), r -> {
            if (r.failed()) {
                c.eprint("Cannot remove namespace file \"" + path + "\": " + r.errno().message() + "\n");
                return c.exit(1);
            }
            return c.exit(0);
        }));
    }

    /** Joins the named namespace ({@code ip -n NAME}, {@code ip netns exec NAME}), then {@code then}. */
    static Step enter(Libc c, String name, Supplier<Step> then) {
        String path = name.contains("/") ? name : DIR + "/" + name;
        return c.open(path, OpenFlags.O_RDONLY | OpenFlags.O_CLOEXEC, o -> {
            if (o.failed()) {
                c.eprint("Cannot open network namespace \"" + name + "\": " + o.errno().message() + "\n");
                return c.exit(255);
            }
            int fd = o.intValue();
            return c.sys(new Setns(fd, NamespaceCalls.CLONE_NEWNET), s -> {
                if (s.failed()) {
                    c.eprint("setting the network namespace \"" + name + "\" failed: " + s.errno().message() + "\n");
                    return c.exit(255);
                }
                return c.close(fd, then);
            });
        });
    }

    private static Step exec(Libc c, List<String> command) {
        return c.execvp(command, c.args().env(), e -> {
            // iproute2's cmd_exec runs the command in a child, which exits 1 when execvp fails
            c.eprint("exec of \"" + command.get(0) + "\" failed: " + e.message() + "\n");
            return c.exit(1);
        });
    }

    /** {@code ip link set DEV netns NAME|PID}: the interface moves to that namespace. */
    static Step moveLink(Libc c, String dev, String netns) {
        String path = netns.matches("[0-9]+") ? "/proc/" + netns + "/ns/net" : DIR + "/" + netns;
        return c.open(path, OpenFlags.O_RDONLY | OpenFlags.O_CLOEXEC, o -> {
            if (o.failed()) {
                c.eprint("Error: argument \"" + netns + "\" is wrong: Invalid \"netns\" value\n\n");
                return c.exit(255);
            }
            int fd = o.intValue();
            return Ip.ask(c, new Netlink.MoveLink(dev, fd), answer -> c.close(fd, () -> Ip.answered(c, answer, dev)));
        });
    }
}
