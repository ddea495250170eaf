package dev.syssim.sim.virt.tools;

import dev.syssim.sim.fs.Dirent;
import dev.syssim.sim.os.OpenFlags;
import dev.syssim.sim.os.Process;
import dev.syssim.sim.os.Signal;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.os.Syscall;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Tool;
import dev.syssim.sim.virt.DiskImage;
import dev.syssim.sim.virt.Domain;
import dev.syssim.sim.virt.DomainXml;
import dev.syssim.sim.virt.Kvm;
import dev.syssim.sim.virt.KvmCalls;
import dev.syssim.sim.virt.Libvirt;
import dev.syssim.sim.virt.LibvirtCalls;
import dev.syssim.sim.virt.VirtualMachine;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * libvirtd (libvirt 9.0's monolithic daemon, qemu:///system), started by systemd's socket
 * activation when the first client connects. It keeps the domains' definitions in
 * /etc/libvirt/qemu/NAME.xml and serves its clients' requests one after the other. To start a
 * domain it does what the real daemon does: gives the disk images to {@code libvirt-qemu}
 * (dynamic ownership), opens the domain's log, and runs QEMU as {@code libvirt-qemu} with group
 * {@code kvm} — "drops some privileges" — in a double fork, so QEMU's parent is init; then it waits
 * for the guest to run. To destroy one it sends QEMU SIGTERM.
 *
 * <p>Simplifications: no QMP monitor (libvirtd learns QEMU's state from the kernel), no
 * {@code --timeout} exit when idle, snapshots hold the disks only (a revert of a running domain
 * restarts it instead of restoring its memory).
 */
public final class Libvirtd extends Tool {

    static final String VERSION = "9.0.0";
    private static final long WAIT = 1_000_000;

    @Override
    protected Step run(Libc c) {
        return c.sys(new Syscall.Mkdir("/run/libvirt", 0755), a -> c.sys(new Syscall.Mkdir("/run/libvirt/qemu", 0755),
                b -> c.sys(new Syscall.GetId("getpid"), pid -> c.create("/run/libvirtd.pid", OpenFlags.O_WRONLY | OpenFlags.O_TRUNC, 0644, f -> {
                    Supplier<Step> ready = () -> loadDefinitions(c, () -> c.sys(new LibvirtCalls.Ready(), r -> serve(c, r.dataAs(Libvirt.class))));
                    if (f.failed()) return ready.get();
                    int fd = f.intValue();
                    return c.write(fd, Libc.bytes(pid.value() + "\n"), w -> c.close(fd, ready));
                }))));
    }

    /** The persistent domains: every /etc/libvirt/qemu/*.xml. */
    private Step loadDefinitions(Libc c, Supplier<Step> then) {
        return c.listDirectory("/etc/libvirt/qemu", false, (err, entries) -> {
            if (err != null) return then.get();
            List<String> files = new ArrayList<>();
            for (Dirent d : entries) if (d.name().endsWith(".xml")) files.add(d.name());
            return Libc.forEach(files, (name, next) -> c.readFile("/etc/libvirt/qemu/" + name, (e, bytes) -> {
                if (e == null) definitions.add(new String(bytes, StandardCharsets.UTF_8));
                return next.get();
            }), then);
        });
    }

    private final List<String> definitions = new ArrayList<>();

    private Step serve(Libc c, Libvirt l) {
        for (String xml : definitions) {
            try {
                DomainXml d = DomainXml.parse(xml);
                // a hand-written file may lack a UUID (and MACs): libvirtd makes them up as define does
                if (l.domain(d.name()) == null) l.put(complete(l, d), true);
            } catch (DomainXml.Invalid e) {
                // a broken file is skipped, as libvirtd logs and skips it
            }
        }
        definitions.clear();
        return loop(c, l);
    }

    private Step loop(Libc c, Libvirt l) {
        return c.sys(new LibvirtCalls.Accept(), r -> {
            Libvirt.Call call = r.dataAs(Libvirt.Call.class);
            return handle(c, l, call.request(), reply -> c.sys(new LibvirtCalls.Answer(call, reply), a -> loop(c, l)));
        });
    }

    private static Libvirt.Reply notFound(String name) {
        return Libvirt.Reply.failed("Domain not found: no domain with matching name '" + name + "'");
    }

    private Step handle(Libc c, Libvirt l, Libvirt.Request q, Function<Libvirt.Reply, Step> answer) {
        String name = q.args().isEmpty() ? "" : q.args().get(0);
        Domain d = l.domain(name);
        switch (q.command()) {
            case "list":
                return answer.apply(Libvirt.Reply.ok(l.domains()));
            case "net-list":
                return answer.apply(Libvirt.Reply.ok(dev.syssim.sim.virt.VirtualNetwork.of(l.host())));
            case "lookup":
                return answer.apply(d == null ? notFound(name) : Libvirt.Reply.ok(d));
            case "define":
                return define(c, l, q, answer);
            case "create":
                return create(c, l, q, answer);
            default:
                break;
        }
        if (d == null) return answer.apply(notFound(name));
        return switch (q.command()) {
            case "undefine" -> undefine(c, l, d, answer);
            case "start" -> d.active() ? answer.apply(Libvirt.Reply.failed("Requested operation is not valid: domain is already running"))
                    : start(c, l, d, answer);
            case "destroy" -> !d.active() ? answer.apply(Libvirt.Reply.failed("Requested operation is not valid: domain is not running"))
                    : destroy(c, l, d, () -> answer.apply(Libvirt.Reply.ok(d)));
            case "shutdown" -> {
                if (!d.active()) yield answer.apply(Libvirt.Reply.failed("Requested operation is not valid: domain is not running"));
                d.vm().powerButton();
                yield answer.apply(Libvirt.Reply.ok(d));
            }
            case "snapshot-create-as" -> snapshot(c, l, d, q.args().size() > 1 ? q.args().get(1) : null, answer);
            case "snapshot-revert" -> revert(c, l, d, q.args().size() > 1 ? q.args().get(1) : "", answer);
            default -> answer.apply(Libvirt.Reply.failed("this function is not supported by the connection driver: " + q.command()));
        };
    }

    // ---- definitions ----

    private DomainXml complete(Libvirt l, DomainXml xml) {
        java.util.Random random = l.host().random();
        DomainXml out = xml.uuid() == null ? xml.withUuid(uuid(random)) : xml;
        return out.withMacs(i -> String.format("52:54:00:%02x:%02x:%02x", random.nextInt(256), random.nextInt(256), random.nextInt(256)));
    }

    private static String uuid(java.util.Random r) {
        String hex = String.format("%016x%016x", r.nextLong(), r.nextLong());
        return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-4" + hex.substring(13, 16) + "-a" + hex.substring(17, 20) + "-" + hex.substring(20, 32);
    }

    private Step define(Libc c, Libvirt l, Libvirt.Request q, Function<Libvirt.Reply, Step> answer) {
        DomainXml xml;
        try {
            xml = complete(l, DomainXml.parse(q.xml()));
        } catch (DomainXml.Invalid e) {
            return answer.apply(Libvirt.Reply.failed(e.getMessage()));
        }
        Domain existing = l.domain(xml.name());
        if (existing != null && existing.definition().uuid() != null && xml.uuid() != null && !existing.definition().uuid().equals(xml.uuid())) {
            return answer.apply(Libvirt.Reply.failed("operation failed: domain '" + xml.name() + "' already exists with uuid " + existing.definition().uuid()));
        }
        Domain d = l.put(xml, true);
        return writeConfig(c, d, () -> answer.apply(Libvirt.Reply.ok(d)));
    }

    private Step writeConfig(Libc c, Domain d, Supplier<Step> then) {
        String path = "/etc/libvirt/qemu/" + d.name() + ".xml";
        return c.create(path, OpenFlags.O_WRONLY | OpenFlags.O_TRUNC | OpenFlags.O_CLOEXEC, 0600, f -> {
            if (f.failed()) return then.get();
            int fd = f.intValue();
            return c.write(fd, Libc.bytes(d.definition().format()), w -> c.close(fd, then));
        });
    }

    private Step undefine(Libc c, Libvirt l, Domain d, Function<Libvirt.Reply, Step> answer) {
        if (!d.persistent()) return answer.apply(Libvirt.Reply.failed("Requested operation is not valid: cannot undefine transient domain"));
        return c.sys(Syscall.Unlinkat.unlink("/etc/libvirt/qemu/" + d.name() + ".xml"), r -> {
            l.undefine(d);
            return answer.apply(Libvirt.Reply.ok(d));
        });
    }

    private Step create(Libc c, Libvirt l, Libvirt.Request q, Function<Libvirt.Reply, Step> answer) {
        DomainXml xml;
        try {
            xml = complete(l, DomainXml.parse(q.xml()));
        } catch (DomainXml.Invalid e) {
            return answer.apply(Libvirt.Reply.failed(e.getMessage()));
        }
        Domain existing = l.domain(xml.name());
        if (existing != null && existing.active()) {
            return answer.apply(Libvirt.Reply.failed("operation failed: domain '" + xml.name() + "' is already active"));
        }
        Domain d = l.put(xml, existing != null && existing.persistent());
        return start(c, l, d, answer);
    }

    // ---- starting QEMU ----

    private Step start(Libc c, Libvirt l, Domain d, Function<Libvirt.Reply, Step> answer) {
        List<DomainXml.Disk> disks = d.definition().disks();
        return Libc.forEach(disks, (disk, next) -> {
            if (disk.source() == null) return next.get();
            return c.stat(disk.source(), st -> {
                if (st.failed()) {
                    return answer.apply(Libvirt.Reply.failed("Cannot access storage file '" + disk.source() + "': " + st.errno().message()));
                }
                // dynamic_ownership: the image belongs to the unprivileged QEMU while it runs
                return c.sys(new Syscall.Chown(disk.source(), Libvirt.LIBVIRT_QEMU_UID, Libvirt.KVM_GID, true), ch -> next.get());
            });
        }, () -> launch(c, l, d, answer));
    }

    private Step launch(Libc c, Libvirt l, Domain d, Function<Libvirt.Reply, Step> answer) {
        String name = d.name();
        String log = "/var/log/libvirt/qemu/" + name + ".log";
        String pidFile = "/run/libvirt/qemu/" + name + ".pid";
        List<String> argv = QemuCommand.argv(d, l.host());
        // a pid file left by an earlier run must not be taken for this QEMU's
        return c.sys(Syscall.Unlinkat.unlink(pidFile), gone -> c.create(log, OpenFlags.O_WRONLY | OpenFlags.O_APPEND | OpenFlags.O_CLOEXEC, 0600, lf -> {
            if (lf.failed()) return answer.apply(Libvirt.Reply.failed("Unable to open log file '" + log + "': " + lf.errno().message()));
            int logFd = lf.intValue();
            String header = timestamp(c) + ": starting up libvirt version: " + VERSION + ", package: 4+deb12u2 (Debian), qemu version: "
                    + "7.2.22Debian 1:7.2+dfsg-7+deb12u18+b3, kernel: 6.1.0-27-amd64, hostname: " + l.host().machineName() + "\n"
                    + "LC_ALL=C \\\nPATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \\\n"
                    + "HOME=/var/lib/libvirt/qemu/domain-" + name + " \\\n" + String.join(" \\\n", argv) + "\n";
            return c.write(logFd, Libc.bytes(header), w -> c.sys(Syscall.Clone.fork(() -> intermediate(c, argv, logFd, pidFile)),
                    child -> c.sys(new Syscall.Wait4(child.intValue(), 0), reaped -> c.close(logFd,
                            () -> readPid(c, pidFile, 0, pid -> waitForGuest(c, l, d, pid, log, answer))))));
        }));
    }

    /**
     * QEMU's pid from its pid file. The grandchild writes it on its own schedule, so the daemon
     * retries for a while (the real libvirtd waits for a handshake on a pipe instead).
     */
    private Step readPid(Libc c, String pidFile, int tries, java.util.function.IntFunction<Step> then) {
        return c.readFile(pidFile, (e, bytes) -> {
            int pid = e == null ? parsePid(bytes) : -1;
            if (pid > 0 || tries >= 1000) return then.apply(pid);
            return c.sleep(1_000_000, slept -> readPid(c, pidFile, tries + 1, then));
        });
    }

    /** The first child forks QEMU and exits, so QEMU's parent becomes init. */
    private Step intermediate(Libc c, List<String> argv, int logFd, String pidFile) {
        return c.sys(Syscall.Clone.forkKnowingPid(pid -> qemuChild(c, argv, logFd, pidFile, pid)), r -> c.exitQuietly(0));
    }

    /** The grandchild: writes its pid, puts the log on stdout and stderr, drops to libvirt-qemu:kvm, execs QEMU. */
    private Step qemuChild(Libc c, List<String> argv, int logFd, String pidFile, int pid) {
        return c.create(pidFile, OpenFlags.O_WRONLY | OpenFlags.O_TRUNC, 0644, pf -> {
            Supplier<Step> drop = () -> c.sys(new Syscall.Dup2(logFd, 1), a -> c.sys(new Syscall.Dup2(logFd, 2),
                    b -> c.sys(new Syscall.Setgroups(new int[] {Libvirt.KVM_GID, Libvirt.LIBVIRT_QEMU_UID}),
                            g -> c.sys(new Syscall.Setgid(Libvirt.KVM_GID), gid -> c.sys(new Syscall.Setuid(Libvirt.LIBVIRT_QEMU_UID),
                                    uid -> c.sys(new Syscall.Execve(argv.get(0), argv, Map.of("LC_ALL", "C",
                                            "PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                                            "HOME", "/var/lib/libvirt/qemu")), e -> c.exitQuietly(1)))))));
            if (pf.failed()) return drop.get();
            int fd = pf.intValue();
            return c.write(fd, Libc.bytes(pid + "\n"), w -> c.close(fd, drop));
        });
    }

    private static int parsePid(byte[] bytes) {
        try {
            return Integer.parseInt(new String(bytes, StandardCharsets.UTF_8).strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Waits until the guest runs (its first VM entry) or QEMU has died; then answers. */
    private Step waitForGuest(Libc c, Libvirt l, Domain d, int pid, String log, Function<Libvirt.Reply, Step> answer) {
        return c.sys(new LibvirtCalls.Await(() -> pid < 0 || LibvirtCalls.gone(l.host(), pid) || vmOf(l, pid) != null, WAIT), r -> {
            VirtualMachine vm = pid < 0 ? null : vmOf(l, pid);
            if (vm == null || LibvirtCalls.gone(l.host(), pid)) {
                return c.readFile(log, (e, bytes) -> answer.apply(Libvirt.Reply.failed("internal error: qemu unexpectedly closed the monitor: "
                        + qemuMessages(e == null ? "" : new String(bytes, StandardCharsets.UTF_8)))));
            }
            Process qemu = l.host().process(pid);
            l.started(d, qemu, vm);
            return answer.apply(Libvirt.Reply.ok(d));
        });
    }

    private static VirtualMachine vmOf(Libvirt l, int pid) {
        Kvm kvm = Kvm.of(l.host());
        if (kvm == null) return null;
        for (VirtualMachine vm : kvm.vms()) {
            if (vm.owner().pid() == pid && vm.state() == VirtualMachine.State.RUNNING) return vm;
        }
        return null;
    }

    /** What QEMU wrote to the log after libvirt's own lines. */
    private static String qemuMessages(String log) {
        String[] lines = log.split("\n");
        StringBuilder out = new StringBuilder();
        boolean command = false;
        for (String line : lines) {
            if (line.startsWith("/usr/bin/qemu-system-x86_64")) command = true;
            else if (command && !line.startsWith("-") && !line.isEmpty()) out.append(out.length() > 0 ? "\n" : "").append(line);
        }
        return out.toString();
    }

    private static String timestamp(Libc c) {
        long nanos = c.args().realtimeNanos();
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS", Locale.ROOT).withZone(ZoneOffset.UTC)
                .format(Instant.ofEpochSecond(nanos / 1_000_000_000L, nanos % 1_000_000_000L)) + "+0000";
    }

    // ---- stopping ----

    /** SIGTERM to QEMU, and wait until it is gone. */
    private Step destroy(Libc c, Libvirt l, Domain d, Supplier<Step> then) {
        Process qemu = d.qemu();
        if (qemu == null) return then.get();
        int pid = qemu.pid();
        return c.sys(new Syscall.Kill(pid, Signal.SIGTERM), k -> c.sys(new LibvirtCalls.Await(() -> LibvirtCalls.gone(l.host(), pid), WAIT),
                r -> then.get()));
    }

    // ---- snapshots ----

    private Step snapshot(Libc c, Libvirt l, Domain d, String snap, Function<Libvirt.Reply, Step> answer) {
        String name = snap == null ? Long.toString(c.args().realtimeNanos() / 1_000_000_000L) : snap;
        if (d.snapshots().containsKey(name)) {
            return answer.apply(Libvirt.Reply.failed("operation failed: domain snapshot '" + name + "' already exists"));
        }
        return images(c, d, images -> {
            for (int i = 0; i < images.size(); i++) {
                if (images.get(i).format() != DiskImage.Format.QCOW2) {
                    return answer.apply(Libvirt.Reply.failed("unsupported configuration: internal snapshot for disk "
                            + d.definition().disks().get(i).target() + " unsupported for storage type raw"));
                }
            }
            long now = c.args().realtimeNanos();
            for (DiskImage img : images) img.takeSnapshot(name, now);
            d.snapshots().put(name, new Domain.Snapshot(name, now / 1_000_000_000L, d.state()));
            return answer.apply(Libvirt.Reply.ok(name));
        });
    }

    private Step revert(Libc c, Libvirt l, Domain d, String snap, Function<Libvirt.Reply, Step> answer) {
        Domain.Snapshot s = d.snapshots().get(snap);
        if (s == null) return answer.apply(Libvirt.Reply.failed("Domain snapshot not found: no domain snapshot with matching name '" + snap + "'"));
        return images(c, d, images -> {
            Supplier<Step> restore = () -> {
                for (DiskImage img : images) img.revertTo(snap);
                if (s.stateThen() == Domain.State.RUNNING) return start(c, l, d, r -> answer.apply(r.ok() ? Libvirt.Reply.ok(snap) : r));
                return answer.apply(Libvirt.Reply.ok(snap));
            };
            return d.active() ? destroy(c, l, d, restore) : restore.get();
        });
    }

    /** The disk images of a domain, as QEMU's block layer would read them. */
    private Step images(Libc c, Domain d, Function<List<DiskImage>, Step> then) {
        List<DiskImage> out = new ArrayList<>();
        return Libc.forEach(d.definition().disks(), (disk, next) -> c.open(disk.source(), OpenFlags.O_RDONLY | OpenFlags.O_CLOEXEC, r -> {
            if (r.failed()) return next.get();
            int fd = r.intValue();
            return c.sys(new KvmCalls.ImageOf(fd), img -> {
                out.add(img.dataAs(DiskImage.class));
                return c.close(fd, next);
            });
        }), () -> then.apply(out));
    }

    @Override
    public String manual() {
        return "libvirtd [--timeout SECONDS]\n"
                + "  The libvirt daemon: manages virtual machines (domains) for clients such as virsh, and runs QEMU for them.";
    }

    @Override
    public int section() {
        return 8;
    }

    @Override
    public String source() {
        return "libvirt 9.0.0";
    }
}
