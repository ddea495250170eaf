package dev.syssim.sim.os;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * What strace learns through ptrace, written the way strace writes it: one line per syscall —
 * {@code openat(AT_FDCWD, "/etc/motd", O_RDONLY) = 3} — padded to column 40, signals as
 * {@code --- SIGSEGV {...} ---}, the end as {@code +++ exited with 0 +++}. Like strace, it prints a
 * write's beginning before the call runs and the rest after, so the program's own output to the
 * same terminal lands in between, as on a real terminal.
 */
final class StraceTracer implements Tracer {

    private final Kernel kernel;
    private final Process strace;
    private final OpenFile out;
    private final Set<String> only;
    private final boolean followForks;
    private final Set<Process> traced = new HashSet<>();
    /** The part of the current line already printed at syscall entry, per process. */
    private final java.util.Map<Process, String> openLine = new java.util.HashMap<>();

    StraceTracer(Kernel kernel, Process strace, OpenFile out, Set<String> only, boolean followForks, Process first) {
        this.kernel = kernel;
        this.strace = strace;
        this.out = out;
        this.only = Set.copyOf(only);
        this.followForks = followForks;
        traced.add(first);
    }

    private boolean shows(Syscall call) {
        return only.isEmpty() || only.contains(call.name());
    }

    private String prefix(Process p) {
        return traced.size() > 1 ? String.format("[pid %5d] ", p.pid()) : "";
    }

    @Override
    public void syscallEntered(Process process, Syscall call) {
        if (!shows(call) || !(call instanceof Syscall.Write w)) return;
        String text = prefix(process) + call.name() + "(" + w.fd() + ", " + StraceText.quote(w.data()) + ", " + w.data().length;
        openLine.put(process, text);
        print(text);
    }

    @Override
    public void syscallReturned(Process process, Syscall call, SysResult result) {
        if (!shows(call) || call instanceof Syscall.PtraceTraceme) return; // strace starts after it
        String started = openLine.remove(process);
        String result0 = call.straceResult(result);
        if (started != null) {
            String column = started.substring(prefix(process).length()) + ")";
            StringBuilder pad = new StringBuilder();
            for (int i = column.length(); i < 39; i++) pad.append(' ');
            print(")" + pad + " = " + result0 + "\n");
            return;
        }
        print(prefix(process) + StraceText.line(call.describe(result), result0) + "\n");
    }

    @Override
    public boolean followFork(Process parent, Process child) {
        if (!followForks) return false;
        traced.add(child);
        return true;
    }

    @Override
    public void exited(Process process, int waitStatus) {
        if (openLine.containsKey(process)) print(") = ?\n");
        openLine.remove(process);
        Process exiting = process;
        if (WaitStatus.isExited(waitStatus)) {
            if (pendingExitGroupShown(exiting)) print(prefix(exiting) + StraceText.line("exit_group(" + WaitStatus.exitCode(waitStatus) + ")", "?") + "\n");
            print(prefix(exiting) + "+++ exited with " + WaitStatus.exitCode(waitStatus) + " +++\n");
        } else {
            Signal s = WaitStatus.termSignal(waitStatus);
            print(prefix(exiting) + "--- " + s.name() + " {si_signo=" + s.name() + ", si_code=SI_KERNEL, si_addr=NULL} ---\n");
            print(prefix(exiting) + "+++ killed by " + s.name() + (WaitStatus.coreDumped(waitStatus) ? " (core dumped)" : "") + " +++\n");
        }
        traced.remove(exiting);
    }

    /** exit_group never returns, so its line is written when the process is gone. */
    private boolean pendingExitGroupShown(Process p) {
        return p.pendingCall instanceof Syscall.ExitGroup && shows(p.pendingCall);
    }

    private void print(String text) {
        out.ops().write(kernel, strace, out, text.getBytes(StandardCharsets.UTF_8));
    }
}
