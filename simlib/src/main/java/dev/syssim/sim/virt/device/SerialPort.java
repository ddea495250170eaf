package dev.syssim.sim.virt.device;

import dev.syssim.sim.fs.PathWalker;
import dev.syssim.sim.os.Credentials;
import dev.syssim.sim.os.Kernel;
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
    private TerminalSink client;
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

    /** Someone connects to the port ({@code virsh console}): from now on the guest's output goes to {@code sink}. */
    public void attach(TerminalSink sink) {
        this.client = sink;
    }

    public void detach() {
        this.client = null;
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
