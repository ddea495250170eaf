package dev.syssim.sim.virt;

import dev.syssim.sim.os.Kernel;
import dev.syssim.sim.os.Process;
import dev.syssim.sim.os.ProcessState;
import dev.syssim.sim.os.WaitQueue;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * libvirt's system instance on one host (qemu:///system): the domains libvirtd manages, and the
 * requests its clients (virsh) send it over {@code /run/libvirt/libvirt-sock}. The daemon itself is
 * a process ({@code virt.tools.Libvirtd}, started by socket activation the first time a client
 * connects); this is the state it keeps in memory and its socket's queue.
 */
public final class Libvirt {

    /** The user QEMU runs as: Debian's libvirt-qemu, a fixed id (64055) in Debian's base-passwd. */
    public static final int LIBVIRT_QEMU_UID = 64055;
    /** The kvm group (/dev/kvm is 0660 root:kvm): a dynamic system group; this is the simulated machines' number. */
    public static final int KVM_GID = 104;
    /** The libvirt group: its members may use qemu:///system (Debian's polkit rule). */
    public static final int LIBVIRT_GID = 105;

    /** An RPC: what the client asks (a virsh command and its arguments). */
    public record Request(String command, List<String> args, String xml, String file) {
        public Request {
            args = List.copyOf(args);
        }
    }

    /** The daemon's answer: success with data, or libvirt's error message. */
    public record Reply(String error, Object data) {
        public static Reply ok(Object data) {
            return new Reply(null, data);
        }

        public static Reply failed(String error) {
            return new Reply(error, null);
        }

        public boolean ok() {
            return error == null;
        }
    }

    /** One request on its way: the client sleeps on {@code client} until the reply is set. */
    public static final class Call {
        private final Request request;
        private Reply reply;
        final WaitQueue client = new WaitQueue("virNetClientIO");

        Call(Request request) {
            this.request = request;
        }

        public Request request() {
            return request;
        }

        Reply reply() {
            return reply;
        }
    }

    private final Kernel host;
    private final Map<String, Domain> domains = new LinkedHashMap<>();
    private final ArrayDeque<Call> requests = new ArrayDeque<>();
    final WaitQueue socket = new WaitQueue("virNetServer");
    private Process daemon;
    private boolean ready;
    private int nextId = 1;

    private Libvirt(Kernel host) {
        this.host = host;
    }

    public static Libvirt of(Kernel host) {
        Libvirt l = host.room(Libvirt.class);
        if (l == null) {
            l = new Libvirt(host);
            host.attachRoom(Libvirt.class, l);
        }
        return l;
    }

    public Kernel host() {
        return host;
    }

    // ---- the daemon ----

    /** The running libvirtd, or null. */
    public Process daemon() {
        return daemon != null && daemon.state() != ProcessState.ZOMBIE && daemon.state() != ProcessState.DEAD ? daemon : null;
    }

    void daemonStarting(Process p) {
        this.daemon = p;
        this.ready = false;
        this.nextId = 1;
    }

    /** The daemon has set up and listens. */
    public void daemonReady(Process p) {
        this.daemon = p;
        this.ready = true;
        host.scheduler().wakeAll(socket);
    }

    public boolean ready() {
        return ready && daemon() != null;
    }

    Call submit(Request r) {
        Call c = new Call(r);
        requests.addLast(c);
        host.scheduler().wakeAll(socket);
        return c;
    }

    Call takeRequest() {
        return requests.pollFirst();
    }

    void answer(Call call, Reply reply) {
        call.reply = reply;
        host.scheduler().wakeAll(call.client);
    }

    // ---- the domains ----

    public Domain domain(String name) {
        return domains.get(name);
    }

    /** As virsh lists them: running ones by id, then the others by name. */
    public List<Domain> domains() {
        List<Domain> all = new ArrayList<>(domains.values());
        all.sort(Comparator.<Domain>comparingInt(d -> d.active() ? 0 : 1).thenComparingInt(Domain::id).thenComparing(Domain::name));
        return all;
    }

    /** A new definition (define, create); replaces an inactive one of the same name. */
    public Domain put(DomainXml xml, boolean persistent) {
        Domain existing = domains.get(xml.name());
        if (existing != null) {
            existing.redefine(xml);
            if (persistent) existing.setPersistent(true);
            return existing;
        }
        Domain d = new Domain(xml, persistent);
        domains.put(xml.name(), d);
        return d;
    }

    /** undefine: a running domain stays, transient, until it stops. */
    public void undefine(Domain d) {
        if (d.active()) d.setPersistent(false);
        else domains.remove(d.name());
    }

    /** The domain runs: its id, its QEMU, its VM; when the VM ends, it is shut off (and forgotten if transient). */
    public void started(Domain d, Process qemu, VirtualMachine vm) {
        d.started(nextId++, qemu, vm);
        vm.onEnd(ended -> {
            if (d.vm() != ended) return;
            d.stopped();
            if (!d.persistent()) domains.remove(d.name());
        });
    }
}
