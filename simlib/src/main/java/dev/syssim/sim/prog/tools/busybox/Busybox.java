package dev.syssim.sim.prog.tools.busybox;

import dev.syssim.sim.os.Program;
import dev.syssim.sim.os.ProgramArgs;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Tool;
import dev.syssim.sim.shell.Bash;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * BusyBox 1.35.0 (Debian's busybox-static): one static executable that is many programs. It runs
 * the applet named by the name it was called as ({@code /bin/ls -> busybox}), or by its first
 * argument ({@code busybox ls}). The applets a minimal root and the isolation lectures use are its
 * own, with busybox's messages ({@code cat: can't open 'x': No such file or directory}). The
 * everyday ones of {@link #BORROWED} (grep, sed, awk, wc, ip, ping …) run the simulation's GNU
 * tool of that name instead. Simplification against real busybox: those take the GNU options and
 * print the GNU messages, which agree with busybox's on their common paths (a line count, a match,
 * a file that is missing) and not on all of their edges. Being static, it needs no loader and no
 * libraries: a root with only {@code /bin/busybox} and its links works after chroot.
 */
public final class Busybox extends Tool {

    public static final String VERSION = "BusyBox v1.35.0 (Debian 1:1.35.0-4+deb12u1+b1)";

    /** Applets of busybox 1.35.0 that run the simulated GNU tool of the same name. */
    public static final List<String> BORROWED = List.of("[", "awk", "base64", "basename", "chgrp", "chmod", "chown", "clear", "cmp",
            "cp", "cut", "date", "dd", "df", "diff", "dirname", "dmesg", "du", "egrep", "expand", "expr", "fgrep", "find", "fold", "free",
            "grep", "groups", "gunzip", "gzip", "head", "hexdump", "ip", "kill", "less", "ln", "md5sum", "mkfifo", "mktemp", "more", "mv",
            "nc", "nl", "nproc", "nsenter", "od", "paste", "ping", "printf", "readlink", "realpath", "renice", "rev", "rmdir", "sed", "seq",
            "setpriv", "sha1sum", "sha256sum", "shuf", "sort", "stat", "su", "tac", "tail", "tar", "taskset", "tee", "test", "timeout",
            "top", "touch", "tr", "truncate", "tty", "umount", "unexpand", "uniq", "unshare", "uptime", "wc", "whoami", "xargs", "xxd",
            "yes", "zcat");

    /** Applets of its own, with busybox's messages. */
    public static final List<String> OWN = List.of("ash", "cat", "chroot", "echo", "env", "false", "hostname", "id", "ls", "mkdir",
            "mknod", "mount", "ps", "pwd", "rm", "sh", "sleep", "true", "uname");

    /** Every applet, sorted: what an image links to /bin/busybox. */
    public static final List<String> ALL = java.util.stream.Stream.concat(OWN.stream(), BORROWED.stream()).sorted().distinct().toList();

    private final Map<String, Program> applets = new TreeMap<>();
    /** The simulation's programs by name, where the borrowed applets come from (null: none borrowed). */
    private final Function<String, Program> tools;

    /** A busybox with only its own applets. */
    public Busybox(long bootEpochSeconds) {
        this(bootEpochSeconds, null);
    }

    /** A busybox whose {@link #BORROWED} applets run {@code tools}' programs of those names. */
    public Busybox(long bootEpochSeconds, Function<String, Program> tools) {
        this.tools = tools;
        Program ash = new Bash(true, true);
        applets.put("sh", ash);
        applets.put("ash", ash);
        applets.put("cat", new Cat());
        applets.put("chroot", new SmallApplets.Chroot());
        applets.put("echo", new SmallApplets.Echo());
        applets.put("env", new SmallApplets.Env());
        applets.put("false", new SmallApplets.Status(1));
        applets.put("true", new SmallApplets.Status(0));
        applets.put("hostname", new SmallApplets.Hostname());
        applets.put("id", new Id());
        applets.put("ls", new Ls(bootEpochSeconds));
        applets.put("mkdir", new SmallApplets.Mkdir());
        applets.put("mknod", new SmallApplets.Mknod());
        applets.put("mount", new Mount());
        applets.put("ps", new Ps());
        applets.put("pwd", new SmallApplets.Pwd());
        applets.put("rm", new SmallApplets.Rm());
        applets.put("sleep", new SmallApplets.Sleep());
        applets.put("uname", new SmallApplets.Uname());
        if (!applets.keySet().equals(new java.util.TreeSet<>(OWN))) throw new IllegalStateException("OWN does not list the applets made here");
    }

    /** The applet names, for installing the links of a root ({@code busybox --list}). */
    public List<String> names() {
        TreeMap<String, Boolean> all = new TreeMap<>();
        for (String name : applets.keySet()) all.put(name, true);
        if (tools != null) for (String name : BORROWED) all.put(name, true);
        return new ArrayList<>(all.keySet());
    }

    /** The C runtime's start-up is busybox's own; then main() picks the applet, which runs as that program. */
    @Override
    protected Step run(Libc c) {
        ProgramArgs args = c.args();
        String name = args.name();
        if (name.equals("busybox")) {
            List<String> rest = args.operands();
            if (rest.isEmpty() || rest.get(0).equals("--help")) return usage(args, rest.isEmpty() ? 1 : 0);
            if (rest.get(0).equals("--list")) {
                for (String applet : names()) c.println(applet);
                return c.exitQuietly(0);
            }
            if (rest.get(0).equals("--list-full")) {
                for (String applet : names()) c.println(defaultDir(applet) + "/" + applet);
                return c.exitQuietly(0);
            }
            if (rest.get(0).equals("--install") && rest.size() > 1 && rest.get(1).equals("-s")) {
                return install(c, args.path(), rest.size() > 2 ? rest.get(2) : null);
            }
            ProgramArgs shifted = new ProgramArgs(args.path(), rest, args.env(), args.payload(), args.stdoutIsTerminal(), args::realtimeNanos);
            return dispatch(shifted, shifted.name());
        }
        return dispatch(args, name);
    }

    /**
     * {@code busybox --install -s [DIR]}: a symbolic link to the running busybox for every applet, in
     * DIR or in the applet's own directory; an existing name is left alone, any other failure is
     * reported and the rest go on; the status is 0. Simplification: plain {@code --install} (hard
     * links) is not there, as the simulation has no link(2).
     */
    private Step install(Libc c, String self, String dir) {
        List<String> names = names();
        return Libc.forEach(names, (applet, next) -> {
            String path = (dir == null ? "/" + defaultDir(applet) : dir) + "/" + applet;
            return c.sys(new dev.syssim.sim.os.Syscall.Symlink(self, path), r -> {
                if (r.failed() && r.errno() != dev.syssim.sim.os.Errno.EEXIST) c.eprint("busybox: " + path + ": " + r.errno().message() + "\n");
                return next.get();
            });
        }, () -> c.exitQuietly(0));
    }

    /** Where Debian's busybox-static puts each applet (busybox --list-full). */
    private static String defaultDir(String applet) {
        if (applet.equals("chroot")) return "usr/sbin";
        if (applet.equals("ip")) return "sbin";
        return applet.equals("env") || applet.equals("id") || IN_USR_BIN.contains(applet) ? "usr/bin" : "bin";
    }

    /** The borrowed applets Debian's busybox-static lists under /usr/bin (busybox --list-full); the others are in /bin. */
    private static final List<String> IN_USR_BIN = List.of("[", "awk", "basename", "clear", "cmp", "cut", "diff", "dirname", "du",
            "expand", "expr", "find", "fold", "free", "groups", "head", "hexdump", "less", "md5sum", "mkfifo", "nc", "nl", "nproc",
            "nsenter", "od", "paste", "printf", "realpath", "renice", "seq", "sha1sum", "sha256sum", "shuf", "sort", "tac", "tail",
            "taskset", "tee", "test", "timeout", "top", "tr", "truncate", "tty", "unexpand", "uniq", "unshare", "uptime", "wc", "whoami",
            "xargs", "xxd", "yes");

    private Step dispatch(ProgramArgs args, String name) {
        Program applet = applets.get(name);
        if (applet == null && tools != null && BORROWED.contains(name)) applet = tools.apply(name);
        if (applet == null) {
            Libc c = new Libc(args);
            c.eprint(name + ": applet not found\n");
            return c.exitQuietly(127);
        }
        return applet.start(args);
    }

    @Override
    public String manual() {
        return "busybox [function [arguments]...]\n"
                + "  BusyBox is a multi-call binary that combines many common Unix utilities into a single executable: "
                + "it runs as the program it was called as (/bin/ls -> busybox), or as the function named first.\n"
                + "  Functions here: " + String.join(", ", names()) + ".\n"
                + "  It is static: a root with only /bin/busybox and its links works after chroot.";
    }

    private Step usage(ProgramArgs args, int status) {
        Libc c = new Libc(args);
        c.eprint(VERSION + " multi-call binary.\nBusyBox is copyrighted by many authors between 1998-2015.\n"
                + "Licensed under GPLv2. See source distribution for detailed\ncopyright notices.\n\n"
                + "Usage: busybox [function [arguments]...]\n   or: busybox --list[-full]\n   or: function [arguments]...\n\n"
                + "Currently defined functions:\n\t" + String.join(", ", applets.keySet()) + "\n");
        return c.exitQuietly(status);
    }
}
