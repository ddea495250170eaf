package dev.syssim.sim.virt;

import dev.syssim.sim.os.Process;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A libvirt domain: its definition, whether it is persistent (defined, with a config file) or
 * transient (created), and while it runs its id, its QEMU process and its VM.
 */
public final class Domain {

    /** virDomainState, as virsh prints it. */
    public enum State {
        SHUT_OFF("shut off"), RUNNING("running"), PAUSED("paused");

        private final String text;

        State(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    /** A libvirt snapshot's metadata: name and creation time (simulated wall clock, seconds). */
    public record Snapshot(String name, long created, State stateThen) {
    }

    private DomainXml definition;
    private boolean persistent;
    private State state = State.SHUT_OFF;
    private int id = -1;
    private Process qemu;
    private VirtualMachine vm;
    private final Map<String, Snapshot> snapshots = new LinkedHashMap<>();

    Domain(DomainXml definition, boolean persistent) {
        this.definition = definition;
        this.persistent = persistent;
    }

    public String name() {
        return definition.name();
    }

    public DomainXml definition() {
        return definition;
    }

    void redefine(DomainXml xml) {
        this.definition = xml;
    }

    public boolean persistent() {
        return persistent;
    }

    void setPersistent(boolean persistent) {
        this.persistent = persistent;
    }

    public State state() {
        return state;
    }

    public boolean active() {
        return state != State.SHUT_OFF;
    }

    /** The domain id while it runs; -1 when shut off ({@code virsh list} prints {@code -}). */
    public int id() {
        return id;
    }

    public Process qemu() {
        return qemu;
    }

    public VirtualMachine vm() {
        return vm;
    }

    void started(int id, Process qemu, VirtualMachine vm) {
        this.id = id;
        this.qemu = qemu;
        this.vm = vm;
        this.state = State.RUNNING;
    }

    void stopped() {
        this.id = -1;
        this.qemu = null;
        this.vm = null;
        this.state = State.SHUT_OFF;
    }

    public Map<String, Snapshot> snapshots() {
        return snapshots;
    }
}
