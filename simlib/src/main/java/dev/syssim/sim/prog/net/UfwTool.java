package dev.syssim.sim.prog.net;

import dev.syssim.sim.net.socket.NetSyscalls;
import dev.syssim.sim.net.socket.Netlink;
import dev.syssim.sim.netfilter.ufw.Ufw;
import dev.syssim.sim.netfilter.ufw.UfwChains;
import dev.syssim.sim.netfilter.ufw.UfwConfig;
import dev.syssim.sim.os.OpenFlags;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.os.Syscall;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Tool;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code ufw} 0.36.2 as a program: it reads its state from {@code /etc/ufw/ufw.conf},
 * {@code /etc/default/ufw}, {@code /etc/ufw/user.rules} and {@code user6.rules} (missing files
 * mean Debian's defaults), runs the command ({@link Ufw}), writes the files back, and — while the
 * firewall is on — puts its chains into the filter table by running iptables commands over a
 * netfilter netlink socket, one after the other, as ufw's scripts run {@code iptables}. The
 * answer to "Proceed with operation (y|n)?" is read from standard input.
 */
public final class UfwTool extends Tool {

    private static final String CONF = "/etc/ufw/ufw.conf";
    private static final String DEFAULTS = "/etc/default/ufw";
    private static final String USER = "/etc/ufw/user.rules";
    private static final String USER6 = "/etc/ufw/user6.rules";

    @Override
    protected Step run(Libc c) {
        List<String> args = c.args().operands();
        return read(c, CONF, conf -> read(c, DEFAULTS, defaults -> read(c, USER, user -> read(c, USER6, user6 ->
                read(c, "/proc/sys/net/ipv4/ip_forward", forward -> answer(c, args, stdin -> c.id("geteuid", euid -> {
                    UfwConfig before = UfwConfig.read(conf, defaults, user, user6);
                    Ufw.Result result = Ufw.run(args, before, stdin, euid == 0, forward != null && forward.strip().equals("1"));
                    c.print(result.stdout());
                    c.eprint(result.stderr());
                    if (result.status() != 0 || result.config().equals(before) && result.apply() == Ufw.Apply.NONE) {
                        return c.exit(result.status());
                    }
                    UfwConfig after = result.config();
                    if (result.apply() == Ufw.Apply.RESET) {
                        return reset(c, before, after, conf, () -> c.exit(result.status()));
                    }
                    return save(c, before, after, result.apply(), conf, defaults, () -> apply(c, before, after, result.apply(),
                            () -> c.exit(result.status())));
                })))))));
    }

    /** The rules files ufw reset backs up, in its order. */
    private static final List<String> RULES_FILES = List.of("user.rules", "before.rules", "after.rules", "user6.rules",
            "before6.rules", "after6.rules");
    /** The user rules as ufw installs them (/usr/share/ufw/iptables/user.rules and user6.rules of ufw 0.36.2). */
    private static final String INSTALLED_USER = "*filter\n:ufw-user-input - [0:0]\n:ufw-user-output - [0:0]\n"
            + ":ufw-user-forward - [0:0]\n:ufw-user-limit - [0:0]\n:ufw-user-limit-accept - [0:0]\n### RULES ###\n"
            + "-A ufw-user-limit -m limit --limit 3/minute -j LOG --log-prefix \"[UFW LIMIT BLOCK] \"\n"
            + "-A ufw-user-limit -j REJECT\n-A ufw-user-limit-accept -j ACCEPT\nCOMMIT\n";
    private static final String INSTALLED_USER6 = "*filter\n:ufw6-user-input - [0:0]\n:ufw6-user-output - [0:0]\n"
            + ":ufw6-user-forward - [0:0]\n### RULES ###\nCOMMIT\n";

    /**
     * {@code ufw reset}, once answered: each rules file is backed up as {@code FILE.YYYYMMDD_HHMMSS}
     * (the machine's clock; ufw refuses if that backup exists already), the installed user rules
     * take their place, ufw.conf says disabled, and a running firewall is stopped. The simulation
     * has no before.rules or after.rules files of its own (they are built in): their backups are
     * announced as ufw announces them, and made of what is there.
     */
    private static Step reset(Libc c, UfwConfig before, UfwConfig after, String conf, java.util.function.Supplier<Step> then) {
        return c.clock(dev.syssim.sim.os.ClockGettime.CLOCK_REALTIME, nanos -> {
            String stamp = java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss", java.util.Locale.ROOT).format(
                    java.time.Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L)).atZone(java.time.ZoneOffset.UTC));
            String first = "/etc/ufw/" + RULES_FILES.get(0) + "." + stamp;
            return c.stat(first, st -> {
                if (!st.failed()) {
                    c.eprint("ERROR: '" + first + "' already exists. Aborting\n");
                    return c.exit(1);
                }
                StringBuilder out = new StringBuilder();
                for (String f : RULES_FILES) out.append("Backing up '").append(f).append("' to '/etc/ufw/").append(f).append('.').append(stamp).append("'\n");
                c.print(out.append('\n').toString());
                return Libc.forEach(RULES_FILES, (f, next) -> c.sys(new Syscall.Rename("/etc/ufw/" + f, "/etc/ufw/" + f + "." + stamp),
                        r -> next.get()), () -> write(c, CONF, after.ufwConf(conf), () -> write(c, USER, INSTALLED_USER,
                        () -> write(c, USER6, INSTALLED_USER6, () -> before.enabled()
                                ? apply(c, before, after, Ufw.Apply.STOP, then) : then.get()))));
            });
        });
    }

    /** A file's text, or null if it cannot be read. */
    private static Step read(Libc c, String path, Function<String, Step> then) {
        return c.readFile(path, (error, bytes) -> then.apply(bytes == null ? null : Libc.text(bytes)));
    }

    /** Standard input's first line, read only for {@code ufw delete N} that will ask. */
    private static Step answer(Libc c, List<String> args, Function<String, Step> then) {
        boolean asks = !args.contains("--force") && (args.contains("delete") && args.size() >= 2
                && args.get(args.size() - 1).chars().allMatch(Character::isDigit) || args.contains("reset"));
        if (!asks) return then.apply("");
        return c.readLine(0, line -> then.apply(line == null ? "" : line));
    }

    // ---- the files ----

    /** Writes the files whose contents changed; starting the firewall writes the user rules afresh, as ufw does. */
    private static Step save(Libc c, UfwConfig before, UfwConfig after, Ufw.Apply apply, String conf, String defaults,
                             java.util.function.Supplier<Step> then) {
        List<String[]> writes = new ArrayList<>();
        if (before.enabled() != after.enabled() || !before.logLevel().equals(after.logLevel())) {
            writes.add(new String[] {CONF, after.ufwConf(conf)});
        }
        if (!before.input().equals(after.input()) || !before.output().equals(after.output())
                || !before.forward().equals(after.forward())) {
            writes.add(new String[] {DEFAULTS, after.defaults(defaults)});
        }
        if (apply == Ufw.Apply.START || !before.rules().equals(after.rules()) || !before.logLevel().equals(after.logLevel())
                || !before.input().equals(after.input()) || !before.output().equals(after.output())
                || !before.forward().equals(after.forward())) {
            writes.add(new String[] {USER, after.userRules(false)});
        }
        if (!before.rules6().equals(after.rules6())) writes.add(new String[] {USER6, after.userRules(true)});
        return c.sys(new Syscall.Mkdir("/etc/ufw", 0755), a -> c.sys(new Syscall.Mkdir("/etc/default", 0755),
                b -> Libc.forEach(writes, (w, next) -> write(c, w[0], w[1], next), then)));
    }

    private static Step write(Libc c, String path, String text, java.util.function.Supplier<Step> then) {
        return c.create(path, OpenFlags.O_WRONLY | OpenFlags.O_CREAT | OpenFlags.O_TRUNC, 0640, opened -> {
            if (opened.failed()) {
                c.eprint("ERROR: Couldn't open '" + path + "' for writing\n");
                return then.get();
            }
            int fd = opened.intValue();
            return c.writeAll(fd, text.getBytes(StandardCharsets.UTF_8), e -> c.close(fd, then));
        });
    }

    // ---- the kernel's tables ----

    private static Step apply(Libc c, UfwConfig before, UfwConfig after, Ufw.Apply what, java.util.function.Supplier<Step> then) {
        if (what == Ufw.Apply.NONE) return then.get();
        return c.sys(NetSyscalls.SocketCall.netlink(Netlink.Family.NETFILTER), s -> {
            if (s.failed()) return then.get();
            int fd = s.intValue();
            return iptables(c, fd, List.of("-S"), listing -> {
                Set<String> chains = new HashSet<>();
                Set<String> jumps = new HashSet<>();
                for (String line : listing.split("\n")) {
                    if (line.startsWith("-N ")) chains.add(line.substring(3));
                    if (line.matches("-A (INPUT|OUTPUT|FORWARD) -j ufw-\\S+")) jumps.add(line);
                }
                List<List<String>> commands = switch (what) {
                    case START -> UfwChains.start(after, chains, jumps);
                    case STOP -> UfwChains.stop(chains);
                    default -> UfwChains.userChange(before, after);
                };
                return Libc.forEach(commands, (command, next) -> iptables(c, fd, command, ignored -> next.get()),
                        () -> c.close(fd, then));
            });
        });
    }

    /** One iptables command over the netlink socket; {@code then} gets what it printed. */
    private static Step iptables(Libc c, int fd, List<String> args, Function<String, Step> then) {
        Netlink.Netfilter request = new Netlink.Netfilter("iptables", args, "", Map.of());
        return c.sys(new NetSyscalls.NetlinkSend(fd, request), sent -> c.sys(new NetSyscalls.NetlinkReceive(fd), r -> {
            if (r.failed() || !(r.data() instanceof Netlink.ToolAnswer answer)) return then.apply("");
            return then.apply(answer.stdout());
        }));
    }

    @Override
    public int section() {
        return 8;
    }

    @Override
    public String source() {
        return "ufw 0.36.2";
    }

    @Override
    public String manual() {
        return "ufw enable|disable|reload | status [verbose|numbered] | default allow|deny|reject [incoming|outgoing|routed]"
                + " | allow|deny|reject|limit RULE [comment TEXT] | delete RULE|NUM | insert NUM RULE | logging LEVEL | app list"
                + " | show added | reset\n"
                + "  Uncomplicated firewall: keeps simple rules (ufw allow 22/tcp, ufw limit ssh) and writes them into iptables' "
                + "filter table as its own chains (ufw-before-input, ufw-user-input, ufw-user-limit, ...). Only root may use it.";
    }
}
