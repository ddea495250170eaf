package dev.syssim.sim.api;

import dev.syssim.sim.fs.Location;
import dev.syssim.sim.os.Costs;
import dev.syssim.sim.os.Errno;
import dev.syssim.sim.os.FileOps;
import dev.syssim.sim.os.Kernel;
import dev.syssim.sim.os.OpenFile;
import dev.syssim.sim.os.OpenFlags;
import dev.syssim.sim.os.Outcome;
import dev.syssim.sim.os.Process;
import dev.syssim.sim.os.SysResult;
import java.util.Arrays;

/**
 * The stdin of a command the API runs: the bytes the caller gave, then end of file. Without
 * input it is {@code /dev/null} (reads end at once), as for {@code ssh host cmd </dev/null}.
 */
final class Input implements FileOps {

    private final byte[] data;
    private int position;

    Input(byte[] data) {
        this.data = data;
    }

    /** Opens the input: as {@code /dev/null} when empty, else as the read end of a pipe. */
    OpenFile open(Location devNull, String pipeName) {
        return data.length == 0
                ? new OpenFile(this, devNull, "/dev/null", OpenFlags.O_RDONLY, null)
                : new OpenFile(this, null, pipeName, OpenFlags.O_RDONLY, null);
    }

    @Override
    public Outcome read(Kernel kernel, Process process, OpenFile file, int count) {
        int n = Math.max(0, Math.min(count, data.length - position));
        byte[] out = Arrays.copyOfRange(data, position, position + n);
        position += n;
        return Outcome.done(SysResult.ok(n, out), Costs.copy(n));
    }

    @Override
    public Outcome write(Kernel kernel, Process process, OpenFile file, byte[] bytes) {
        return Outcome.error(Errno.EBADF, Costs.SYSCALL);
    }
}
