package dev.syssim.sim.virt.tools;

import dev.syssim.sim.os.Process;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Tool;
import dev.syssim.sim.virt.Domain;
import dev.syssim.sim.virt.Libvirt;
import dev.syssim.sim.virt.LibvirtCalls;
import dev.syssim.sim.virt.Vcpu;
import dev.syssim.sim.virt.VirtualMachine;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * virsh (libvirt-clients 9.0), the client of libvirtd: {@code list [--all] [--name]}, {@code define},
 * {@code create}, {@code undefine}, {@code start}, {@code shutdown}, {@code destroy},
 * {@code domstate}, {@code dominfo}, {@code domstats --vcpu}, {@code console},
 * {@code snapshot-create-as}, {@code snapshot-revert}. Each command connects to the daemon's socket
 * and sends it requests; the layouts and messages are the real ones, recorded on Debian 12
 * (testdata/oracle/virt/libvirt.jsonl; a running domain's {@code domstats --vcpu} in
 * testdata/oracle/virt/domstats-vcpu-running.txt). Like the real virsh without {@code -q}, every
 * command that ran ends its output with an empty line.
 *
 * <p>Simplifications: only qemu:///system ({@code -c} is accepted and ignored); no interactive
 * virsh shell; {@code vcpu.N.wait} and {@code vcpu.N.delay} (time the vCPU thread waited for the
 * host's CPU) are 0.
 */
public final class Virsh extends Tool {

    /** The commands this virsh knows. */
    private static final List<String> COMMANDS = List.of("list", "define", "create", "undefine", "start", "shutdown", "destroy",
            "domstate", "dominfo", "domstats", "console", "snapshot-create-as", "snapshot-revert", "net-list", "net-dhcp-leases",
            "domifaddr");

    @Override
    protected Step run(Libc c) {
        List<String> args = new ArrayList<>(c.args().operands());
        boolean quiet = false;
        while (!args.isEmpty() && args.get(0).startsWith("-")) {
            String a = args.remove(0);
            switch (a) {
                case "--version", "-v", "-V" -> {
                    c.print(Libvirtd.VERSION + "\n");
                    return c.exit(0);
                }
                case "-q", "--quiet" -> quiet = true;
                case "-c", "--connect" -> {
                    if (!args.isEmpty()) args.remove(0);
                }
                case "-h", "--help" -> {
                    c.print(manual() + "\n");
                    return c.exit(0);
                }
                default -> {
                    if (!a.startsWith("--connect=")) {
                        c.eprint("virsh: unrecognized option '" + a + "'\n");
                        return c.exit(1);
                    }
                }
            }
        }
        if (args.isEmpty()) {
            c.eprint("error: this simulation has no interactive virsh shell: give a command (virsh list --all)\n");
            return c.exit(1);
        }
        String command = args.remove(0);
        if (!COMMANDS.contains(command)) {
            c.eprint("error: unknown command: '" + command + "'\n");
            return c.exit(1);
        }
        Invocation inv = new Invocation(c, command, args, quiet);
        return c.sys(new LibvirtCalls.Connect(), r -> {
            if (r.value() < 0) {
                c.eprint("error: failed to connect to the hypervisor\nerror: " + r.data() + "\n");
                return c.exit(1);
            }
            return inv.run();
        });
    }

    /** One command with its arguments, and how it ends. */
    private static final class Invocation {
        final Libc c;
        final String command;
        final List<String> flags = new ArrayList<>();
        final List<String> operands = new ArrayList<>();
        final boolean quiet;

        Invocation(Libc c, String command, List<String> args, boolean quiet) {
            this.c = c;
            this.command = command;
            this.quiet = quiet;
            for (String a : args) (a.startsWith("--") ? flags : operands).add(a);
        }

        /** The command succeeded: virsh's closing empty line (not with -q), status 0. */
        Step done() {
            if (!quiet) c.print("\n");
            return c.exit(0);
        }

        /** The command failed: the messages on stderr; without -q the empty line on stdout still comes. */
        Step failed(String... messages) {
            for (String m : messages) c.eprint("error: " + m + "\n");
            if (!quiet) c.print("\n");
            return c.exit(1);
        }

        Step rpc(String what, List<String> args, String xml, String file, Function<Libvirt.Reply, Step> then) {
            return c.sys(new LibvirtCalls.Rpc(new Libvirt.Request(what, args, xml, file)), r -> then.apply(r.dataAs(Libvirt.Reply.class)));
        }

        /** virDomainLookupByName: the domain, or virsh's "failed to get domain". */
        Step lookup(Function<Domain, Step> then) {
            if (operands.isEmpty()) return failed("command '" + command + "' requires <domain> option");
            String name = operands.get(0);
            return rpc("lookup", List.of(name), null, null, reply -> reply.ok() ? then.apply(reply.data() instanceof Domain d ? d : null)
                    : failed("failed to get domain '" + name + "'"));
        }

        Step run() {
            return switch (command) {
                case "list" -> list();
                case "define", "create" -> defineOrCreate();
                case "undefine" -> lookup(d -> rpc("undefine", List.of(d.name()), null, null, r -> r.ok()
                        ? say("Domain '" + d.name() + "' has been undefined\n")
                        : failed("Failed to undefine domain '" + d.name() + "'", r.error())));
                case "start" -> lookup(d -> d.active() ? failed("Domain is already active")
                        : rpc("start", List.of(d.name()), null, null, r -> r.ok() ? say("Domain '" + d.name() + "' started\n")
                        : failed("Failed to start domain '" + d.name() + "'", r.error())));
                case "destroy" -> lookup(d -> rpc("destroy", List.of(d.name()), null, null, r -> r.ok()
                        ? say("Domain '" + d.name() + "' destroyed\n")
                        : failed("Failed to destroy domain '" + d.name() + "'", r.error())));
                case "shutdown" -> lookup(d -> rpc("shutdown", List.of(d.name()), null, null, r -> r.ok()
                        ? say("Domain '" + d.name() + "' is being shutdown\n")
                        : failed("Failed to shutdown domain '" + d.name() + "'", r.error())));
                case "domstate" -> lookup(d -> say(d.state().text() + "\n"));
                case "net-list" -> rpc("net-list", List.of(), null, null, r -> say(VirshNetwork.list((dev.syssim.sim.virt.VirtualNetwork) r.data(), quiet)));
                case "net-dhcp-leases" -> operands.isEmpty() ? failed("command 'net-dhcp-leases' requires <network> option")
                        : rpc("net-list", List.of(), null, null, r -> {
                            dev.syssim.sim.virt.VirtualNetwork net = (dev.syssim.sim.virt.VirtualNetwork) r.data();
                            if (!operands.get(0).equals(dev.syssim.sim.virt.VirtualNetwork.NAME)) {
                                return failed("failed to get network '" + operands.get(0) + "'",
                                        "Network not found: no network with matching name '" + operands.get(0) + "'");
                            }
                            return say(VirshNetwork.leases(net, quiet));
                        });
                case "domifaddr" -> lookup(d -> !d.active() ? failed("Failed to query for interfaces addresses",
                        "Requested operation is not valid: domain is not running")
                        : rpc("net-list", List.of(), null, null, r -> say(VirshNetwork.domifaddr(d, (dev.syssim.sim.virt.VirtualNetwork) r.data(), quiet))));
                case "dominfo" -> lookup(this::dominfo);
                case "domstats" -> domstats();
                case "console" -> lookup(this::console);
                case "snapshot-create-as" -> lookup(d -> {
                    List<String> a = new ArrayList<>();
                    a.add(d.name());
                    String name = flagValue("--name", 1);
                    if (name != null) a.add(name);
                    return rpc("snapshot-create-as", a, null, null, r -> {
                        if (!r.ok()) return failed(r.error());
                        // recorded: this message comes without virsh's closing empty line
                        c.print("Domain snapshot " + r.data() + " created\n");
                        return c.exit(0);
                    });
                });
                case "snapshot-revert" -> lookup(d -> {
                    String snap = flagValue("--snapshotname", 1);
                    if (snap == null) return failed("command 'snapshot-revert' requires <snapshotname> option");
                    return rpc("snapshot-revert", List.of(d.name(), snap), null, null, r -> r.ok()
                            ? say("Domain snapshot " + snap + " reverted\n") : failed(r.error()));
                });
                default -> failed("unknown command: '" + command + "'");
            };
        }

        /** A {@code --opt value} given as an operand at {@code position} or after its flag. */
        String flagValue(String flag, int position) {
            if (operands.size() > position) return operands.get(position);
            return null;
        }

        Step say(String text) {
            c.print(text);
            return done();
        }

        // ---- list ----

        Step list() {
            boolean all = flags.contains("--all");
            boolean inactiveOnly = flags.contains("--inactive");
            boolean names = flags.contains("--name");
            return rpc("list", List.of(), null, null, reply -> {
                List<Domain> shown = new ArrayList<>();
                for (Object o : (List<?>) reply.data()) {
                    Domain d = (Domain) o;
                    if (inactiveOnly ? !d.active() : all || d.active()) shown.add(d);
                }
                StringBuilder out = new StringBuilder();
                if (names) {
                    for (Domain d : shown) out.append(d.name()).append('\n');
                    c.print(out.toString());
                    return done();
                }
                // vshTable: columns as wide as their widest cell, three spaces apart, a leading space
                int idWidth = 2;
                int nameWidth = 4;
                for (Domain d : shown) {
                    idWidth = Math.max(idWidth, id(d).length());
                    nameWidth = Math.max(nameWidth, d.name().length());
                }
                int stateWidth = 5;
                for (Domain d : shown) stateWidth = Math.max(stateWidth, d.state().text().length());
                String header = " " + pad("Id", idWidth) + "   " + pad("Name", nameWidth) + "   State";
                if (!quiet) {
                    out.append(header).append('\n');
                    out.append("-".repeat(1 + idWidth + 3 + nameWidth + 3 + stateWidth + 2)).append('\n');
                }
                for (Domain d : shown) {
                    out.append(' ').append(pad(id(d), idWidth)).append("   ").append(pad(d.name(), nameWidth)).append("   ")
                            .append(d.state().text()).append('\n');
                }
                c.print(out.toString());
                return done();
            });
        }

        private static String id(Domain d) {
            return d.active() ? Integer.toString(d.id()) : "-";
        }

        private static String pad(String s, int width) {
            return s.length() >= width ? s : s + " ".repeat(width - s.length());
        }

        // ---- define, create ----

        Step defineOrCreate() {
            if (operands.isEmpty()) return failed("command '" + command + "' requires <file> option");
            String file = operands.get(0);
            return c.readFile(file, (err, bytes) -> {
                if (err != null) return failed("Failed to open file '" + file + "': " + err.message());
                String xml = new String(bytes, StandardCharsets.UTF_8);
                return rpc(command, List.of(), xml, file, r -> {
                    if (!r.ok()) {
                        return failed(command.equals("define") ? "Failed to define domain from " + file : "Failed to create domain from " + file,
                                r.error());
                    }
                    Domain d = (Domain) r.data();
                    return say("Domain '" + d.name() + "' " + (command.equals("define") ? "defined" : "created") + " from " + file + "\n");
                });
            });
        }

        // ---- dominfo, domstats ----

        Step dominfo(Domain d) {
            StringBuilder o = new StringBuilder();
            row(o, "Id", id(d));
            row(o, "Name", d.name());
            row(o, "UUID", d.definition().uuid());
            row(o, "OS Type", "hvm");
            row(o, "State", d.state().text());
            row(o, "CPU(s)", Integer.toString(d.definition().vcpus()));
            if (d.active()) row(o, "CPU time", String.format(Locale.ROOT, "%.1fs", cpuTime(d) / 1e9));
            row(o, "Max memory", d.definition().memoryKiB() + " KiB");
            row(o, "Used memory", d.definition().memoryKiB() + " KiB");
            row(o, "Persistent", d.persistent() ? "yes" : "no");
            row(o, "Autostart", "disable");
            row(o, "Managed save", "no");
            row(o, "Security model", "none");
            row(o, "Security DOI", "0");
            return say(o.toString());
        }

        private static void row(StringBuilder o, String key, String value) {
            o.append(pad(key + ":", 15)).append(' ').append(value).append('\n');
        }

        /** The QEMU process's CPU time (all its threads: the vCPUs' time is most of it). */
        private static long cpuTime(Domain d) {
            Process q = d.qemu();
            long total = 0;
            if (q != null) total += q.userTime() + q.systemTime();
            VirtualMachine vm = d.vm();
            if (vm != null) {
                for (Vcpu v : vm.vcpus()) {
                    Process t = v.thread();
                    if (t != null && t != q) total += t.userTime() + t.systemTime();
                }
            }
            return total;
        }

        Step domstats() {
            if (operands.isEmpty()) {
                return rpc("list", List.of(), null, null, reply -> {
                    StringBuilder o = new StringBuilder();
                    List<?> all = (List<?>) reply.data();
                    for (int i = 0; i < all.size(); i++) {
                        if (i > 0) o.append('\n');
                        stats(o, (Domain) all.get(i));
                    }
                    return say(o.toString());
                });
            }
            return lookup(d -> {
                StringBuilder o = new StringBuilder();
                stats(o, d);
                return say(o.toString());
            });
        }

        /** One domain's block of {@code domstats} (the vCPU group: the only one this virsh knows). */
        private void stats(StringBuilder o, Domain d) {
            o.append("Domain: '").append(d.name()).append("'\n");
            int n = d.definition().vcpus();
            o.append("  vcpu.current=").append(n).append('\n');
            o.append("  vcpu.maximum=").append(n).append('\n');
            VirtualMachine vm = d.vm();
            if (vm == null) return;
            for (Vcpu v : vm.vcpus()) {
                String p = "  vcpu." + v.index() + ".";
                Process t = v.thread();
                long time = t == null ? 0 : t.userTime() + t.systemTime();
                o.append(p).append("state=1\n");
                o.append(p).append("time=").append(time / 10_000_000 * 10_000_000).append('\n');
                o.append(p).append("wait=0\n");
                o.append(p).append("delay=0\n");
                for (Map.Entry<String, Long> e : v.stats().kvmCounters().entrySet()) {
                    o.append(p).append(e.getKey()).append(".sum=").append(e.getValue()).append('\n');
                    if (e.getKey().equals("request_irq_exits")) o.append(p).append("guest_mode.cur=").append(v.state() == Vcpu.State.GUEST ? "yes" : "no").append('\n');
                    if (e.getKey().equals("invlpg")) o.append(p).append("blocking.cur=").append(v.state() == Vcpu.State.HALTED ? "yes" : "no").append('\n');
                }
            }
        }

        // ---- console ----

        Step console(Domain d) {
            if (!d.active() || d.vm() == null) return failed("The domain is not running");
            return c.isatty(0, tty -> {
                if (!tty) return failed("Cannot run interactive console without a controlling TTY");
                c.print("Connected to domain '" + d.name() + "'\nEscape character is ^] (Ctrl + ])\n");
                return c.sys(new LibvirtCalls.Console(d.vm()), r -> done());
            });
        }
    }

    @Override
    public String manual() {
        return "virsh [-q] [-c URI] COMMAND [ARGS]\n"
                + "  The libvirt client. Commands: list [--all] [--name], define FILE, create FILE, undefine DOMAIN, start DOMAIN,\n"
                + "  shutdown DOMAIN, destroy DOMAIN, domstate DOMAIN, dominfo DOMAIN, domstats --vcpu [DOMAIN], console DOMAIN\n"
                + "  (Ctrl-] leaves; in a notebook a line ^] stands for it), snapshot-create-as DOMAIN [NAME], snapshot-revert DOMAIN NAME.";
    }

    @Override
    public String source() {
        return "libvirt 9.0.0";
    }
}
