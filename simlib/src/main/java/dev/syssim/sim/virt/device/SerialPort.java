package dev.syssim.sim.virt.device;

import dev.syssim.sim.fs.PathWalker;
import dev.syssim.sim.os.Credentials;
import dev.syssim.sim.os.Kernel;
import dev.syssim.sim.os.OpenFile;
import dev.syssim.sim.os.OpenFlags;
import dev.syssim.sim.os.Process;
import dev.syssim.sim.os.ProcessState;
import dev.syssim.sim.os.Terminal;
import dev.syssim.sim.os.TerminalSink;
import dev.syssim.sim.virt.VirtualMachine;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The guest's serial console ({@code isa-serial}, the 16550 UART at 0x3f8 that {@code console=ttyS0}
 * writes to): QEMU connects it to a pseudo-terminal that {@code virsh console} opens, or to its own
 * standard streams ({@code -nographic}). What the guest writes while nobody is attached is lost.
 * The guest's getty logs root in automatically on it ({@code agetty --autologin root ttyS0}).
 *
 * <p>Simplifications: inside the guest the console is a pseudo-terminal ({@code tty} names a
 * {@code /dev/pts/N}, not {@code /dev/ttyS0}); the UART's transmit register costs no exits here (a
 * real 16550 causes one IO_INSTRUCTION exit per byte written to it).
 */
public final class SerialPort {

    private final VirtualMachine vm;
    /** Ctrl-]: virsh console's escape character. In a notebook cell, a line {@code ^]} stands for it. */
    public static final char ESCAPE = '\u001d';

    private TerminalSink client;
    private Terminal local;
    private boolean detachRequested;
    private Kernel guest;
    private Terminal console;
    private Process shell;

    public SerialPort(VirtualMachine vm) {
        this.vm = vm;
    }

    /** Firmware and kernel messages written to the port. */
    public void write(String text) {
        forward("stdout", text.replace("\r", "").getBytes(StandardCharsets.UTF_8));
    }

    private void forward(String stream, byte[] data) {
        if (client != null) client.output(stream, data);
    }

    /** The guest's kernel booted: its console is this port. */
    public void attachGuest(Kernel guest) {
        this.guest = guest;
        this.console = guest.openTerminal(this::forward, 0);
        this.shell = null;
    }

    public boolean isAttached() {
        return client != null;
    }

    /**
     * A user's terminal on the host connects to the port ({@code virsh console}, QEMU's
     * {@code -nographic}): the guest's output goes to it, and Ctrl-] typed there detaches.
     */
    public void attach(Terminal local, Kernel host) {
        this.local = local;
        this.detachRequested = false;
        this.client = (stream, data) -> local.write(host, null, new OpenFile(local, null, local.path(), OpenFlags.O_RDWR, stream), data);
        if (console != null) {
            console.setHungUp(false);
            console.setCommandFilter(text -> {
                String t = text.strip();
                if (t.indexOf(ESCAPE) >= 0 || t.equals("^]")) {
                    detachRequested = true;
                    console.setHungUp(true);
                    return false;
                }
                return true;
            });
        }
    }

    /** Output goes to {@code sink} (QEMU's own standard output with {@code -nographic}). */
    public void attach(TerminalSink sink) {
        this.client = sink;
    }

    /** The client goes: output is lost again until the next one connects. */
    public void detach() {
        this.client = null;
        if (console != null) console.setCommandFilter(null);
    }

    /** Whether the client typed the escape character (Ctrl-]). */
    public boolean detachRequested() {
        return detachRequested;
    }

    /** The host terminal attached to the port, or null. */
    public Terminal localTerminal() {
        return local;
    }

    /** The guest's console terminal, or null before its kernel boots. */
    public Terminal console() {
        return console;
    }

    public Kernel guest() {
        return guest;
    }

    /**
     * The shell of the console's login (getty's autologin as root, started when someone first
     * connects, and again after the previous one logged out); null before the guest runs init.
     */
    public Process loginShell() {
        if (guest == null || guest != vm.guest() || guest.init() == null) return null;
        if (shell != null && shell.state() != ProcessState.ZOMBIE && shell.state() != ProcessState.DEAD) return shell;
        String host = guest.rootUts().hostname();
        write("\nDebian GNU/Linux 12 " + host + " ttyS0\n\n" + host + " login: root (automatic login)\n\n"
                + "Linux " + host + " " + Kernel.RELEASE + " " + Kernel.VERSION + " x86_64\n");
        Map<String, String> env = new LinkedHashMap<>();
        env.put("HOME", "/root");
        env.put("LANG", "C.UTF-8");
        env.put("LOGNAME", "root");
        env.put("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
        env.put("PWD", "/root");
        env.put("SHELL", "/bin/bash");
        env.put("TERM", "vt220");
        env.put("USER", "root");
        PathWalker.Result home = PathWalker.resolve(guest.init(), "/root", true);
        shell = guest.spawn(guest.init(), "/bin/bash", List.of("-bash"), env, Credentials.root(),
                home.ok() ? home.location() : null, console);
        return shell;
    }
}
