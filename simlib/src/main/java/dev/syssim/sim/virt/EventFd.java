package dev.syssim.sim.virt;

import dev.syssim.sim.os.Costs;
import dev.syssim.sim.os.Errno;
import dev.syssim.sim.os.FileOps;
import dev.syssim.sim.os.Kernel;
import dev.syssim.sim.os.OpenFile;
import dev.syssim.sim.os.Outcome;
import dev.syssim.sim.os.Process;
import dev.syssim.sim.os.SysResult;
import dev.syssim.sim.os.WaitQueue;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * An eventfd (eventfd(2)): a 64-bit counter in the kernel that a write adds to and a read takes
 * (and resets). QEMU uses them as doorbells: KVM signals an ioeventfd when the guest notifies a
 * virtio queue, QEMU signals an irqfd to have KVM inject an interrupt, and its own threads wake
 * its main loop with one.
 */
public final class EventFd implements FileOps, Pollable {

    private final Kernel kernel;
    private final Watchers watchers = new Watchers();
    private long counter;
    /** What a signal does besides counting: for an irqfd, KVM injects its interrupt. */
    private Runnable onSignal;

    EventFd(Kernel kernel) {
        this.kernel = kernel;
    }

    @Override
    public boolean readable() {
        return counter > 0;
    }

    @Override
    public void watch(WaitQueue poll) {
        watchers.watch(poll);
    }

    /** KVM_IRQFD: from now on a signal is an interrupt for the guest (and is not counted). */
    void setOnSignal(Runnable action) {
        this.onSignal = action;
    }

    /** Adds to the counter and wakes the polls (what KVM does for an ioeventfd, and a write). */
    public void signal(long value) {
        if (onSignal != null) {
            onSignal.run();
            return;
        }
        counter += value;
        watchers.wake(kernel);
    }

    @Override
    public Outcome read(Kernel k, Process p, OpenFile file, int count) {
        if (count < 8) return Outcome.error(Errno.EINVAL, Costs.SYSCALL);
        if (counter == 0) return Outcome.error(Errno.EAGAIN, Costs.SYSCALL);
        byte[] value = value(counter);
        counter = 0;
        return Outcome.done(SysResult.ok(8, value), Costs.SYSCALL);
    }

    @Override
    public Outcome write(Kernel k, Process p, OpenFile file, byte[] data) {
        if (data.length < 8) return Outcome.error(Errno.EINVAL, Costs.SYSCALL);
        signal(ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).getLong());
        return Outcome.done(SysResult.ok(8), Costs.SYSCALL);
    }

    /** The eight bytes of a write of {@code value}, as QEMU writes 1 to an eventfd. */
    public static byte[] value(long value) {
        return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(value).array();
    }
}
