package dev.syssim.sim.virt;

import dev.syssim.sim.net.stack.Interface;
import dev.syssim.sim.os.Costs;
import dev.syssim.sim.os.Errno;
import dev.syssim.sim.os.FileOps;
import dev.syssim.sim.os.Kernel;
import dev.syssim.sim.os.OpenFile;
import dev.syssim.sim.os.Outcome;
import dev.syssim.sim.os.Process;
import dev.syssim.sim.os.SysResult;
import java.util.ArrayDeque;

/**
 * QEMU's end of a tap device ({@code /dev/net/tun} after TUNSETIFF): a read takes the next frame
 * that reached the tap from the host (the bridge), a write hands one to it. Frames themselves
 * travel on the tap's cable (see {@code NetStack.addTap}); this file counts what QEMU reads and
 * writes so that strace and the trace show the host syscalls a guest's packets cost.
 */
public final class TapFile implements FileOps {

    private final Interface tap;
    private final ArrayDeque<Integer> arrived = new ArrayDeque<>();

    TapFile(Interface tap) {
        this.tap = tap;
    }

    /** The tap interface on the host ({@code vnet0}). */
    public Interface tap() {
        return tap;
    }

    /** A frame of {@code bytes} reached the tap from the host: the next read returns it. */
    public void arrived(int bytes) {
        arrived.addLast(bytes);
    }

    @Override
    public Outcome read(Kernel kernel, Process process, OpenFile file, int count) {
        Integer bytes = arrived.pollFirst();
        if (bytes == null) return Outcome.error(Errno.EAGAIN, Costs.SYSCALL);
        return Outcome.done(SysResult.ok(Math.min(bytes, count)), Costs.SYSCALL);
    }

    @Override
    public Outcome write(Kernel kernel, Process process, OpenFile file, byte[] data) {
        return Outcome.done(SysResult.ok(data.length), Costs.SYSCALL);
    }
}
