package dev.syssim.sim.os;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * prlimit64 and the limits the kernel enforces: RLIMIT_FSIZE on writes and truncation, RLIMIT_NPROC
 * on fork, RLIMIT_NOFILE on every new descriptor.
 */
class ResourceLimitsTest {

    private static final int CREATE = OpenFlags.O_WRONLY | OpenFlags.O_CREAT | OpenFlags.O_TRUNC;

    @Test
    void aLoginStartsWithDebiansLimits() {
        var r = Probe.as("student").call(new Syscall.Prlimit64(0, Resource.NOFILE, null))
                .call(new Syscall.Prlimit64(0, Resource.FSIZE, null)).call(new Syscall.Prlimit64(0, Resource.CORE, null)).run();
        assertEquals(new Rlimit(1024, 524288), Syscall.Prlimit64.old(r.get(0)));
        assertEquals(Rlimit.UNLIMITED, Syscall.Prlimit64.old(r.get(1)));
        assertEquals(new Rlimit(0, Rlimit.INFINITY), Syscall.Prlimit64.old(r.get(2)), "no core files unless raised");
    }

    @Test
    void aSoftLimitAboveTheHardOneIsEinvalAndRaisingTheHardOneNeedsCapSysResource() {
        var user = Probe.as("student")
                .call(new Syscall.Prlimit64(0, Resource.NOFILE, new Rlimit(2000, 1000)))
                .call(new Syscall.Prlimit64(0, Resource.NOFILE, new Rlimit(100, 200)))
                .call(new Syscall.Prlimit64(0, Resource.NOFILE, new Rlimit(100, 300)))
                .call(new Syscall.Prlimit64(0, Resource.NOFILE, new Rlimit(200, 200)))
                .call(new Syscall.Prlimit64(0, Resource.NOFILE, null)).run();
        assertEquals(Errno.EINVAL, user.get(0).errno());
        assertEquals(new Rlimit(1024, 524288), Syscall.Prlimit64.old(user.get(1)), "the old limit comes back");
        assertEquals(Errno.EPERM, user.get(2).errno(), "the hard limit only goes down");
        assertEquals(0, user.get(3).value(), "the soft one moves up to the hard one");
        assertEquals(new Rlimit(200, 200), Syscall.Prlimit64.old(user.get(4)));
        var root = Probe.as("root").call(new Syscall.Prlimit64(0, Resource.NOFILE, new Rlimit(100, 100)))
                .call(new Syscall.Prlimit64(0, Resource.NOFILE, new Rlimit(4096, 4096)))
                .call(new Syscall.Prlimit64(0, Resource.NOFILE, new Rlimit(4096, Rlimits.NR_OPEN + 1))).run();
        assertEquals(0, root.get(1).value(), "CAP_SYS_RESOURCE raises it again");
        assertEquals(Errno.EPERM, root.get(2).errno(), "never past nr_open");
    }

    @Test
    void aWriteCrossingRlimitFsizeIsCutShortAndOneAtTheLimitGetsSigxfszAndEfbig() {
        var p = Probe.as("student").call(new Syscall.Prlimit64(0, Resource.FSIZE, new Rlimit(1024, 1024)))
                .call(new Syscall.RtSigaction(Signal.SIGXFSZ, true))
                .call(new Syscall.OpenAt(OpenFlags.AT_FDCWD, "/tmp/big", CREATE, 0644))
                .call(prev -> new Syscall.Write((int) prev.get(2).value(), new byte[1500]))
                .call(prev -> new Syscall.Write((int) prev.get(2).value(), new byte[10]))
                .call(Truncate.path("/tmp/big", 100))
                .call(Truncate.path("/tmp/big", 2000));
        var r = p.run();
        assertEquals(1024, r.get(3).value(), "cut at the limit");
        assertEquals(Errno.EFBIG, r.get(4).errno(), "SIGXFSZ is ignored: only EFBIG");
        assertEquals(0, r.get(5).value(), "shrinking is fine");
        assertEquals(Errno.EFBIG, r.get(6).errno(), "growing past the limit is not");
    }

    @Test
    void sigxfszsDefaultActionEndsTheWriter() {
        var p = Probe.as("student").call(new Syscall.Prlimit64(0, Resource.FSIZE, new Rlimit(10, 10)))
                .call(Syscall.Clone.fork(() -> Step.call(new Syscall.OpenAt(OpenFlags.AT_FDCWD, "/tmp/f", CREATE, 0644),
                        fd -> Step.call(new Syscall.Write(fd.intValue(), new byte[20]),
                                w -> Step.call(new Syscall.Write(fd.intValue(), new byte[1]), x -> Step.exit(0))))))
                .call(prev -> new Syscall.Wait4((int) prev.get(1).value(), 0));
        var r = p.run();
        int status = Syscall.Wait4.status(r.get(2));
        assertTrue(!WaitStatus.isExited(status), "killed, not exited");
        assertEquals(Signal.SIGXFSZ, WaitStatus.termSignal(status));
        assertEquals(128 + 25, WaitStatus.shellStatus(status), "the shell's $? is 153");
    }

    @Test
    void aForkedChildInheritsTheLimits() {
        var r = Probe.as("student").call(new Syscall.Prlimit64(0, Resource.STACK, new Rlimit(4096 * 1024L, Rlimit.INFINITY)))
                .call(Syscall.Clone.fork(() -> Step.call(new Syscall.Prlimit64(0, Resource.STACK, null),
                        got -> Step.exit(Syscall.Prlimit64.old(got).soft() == 4096 * 1024L ? 3 : 4))))
                .call(prev -> new Syscall.Wait4((int) prev.get(1).value(), 0)).run();
        assertEquals(3, WaitStatus.exitCode(Syscall.Wait4.status(r.get(2))));
    }

    @Test
    void forkPastRlimitNprocIsEagainForAUser() {
        var p = Probe.as("student");
        long mine = p.fixture.laptop().kernel().allProcesses().stream().filter(q -> q.credentials().uid() == 1000).count() + 1;
        p.call(new Syscall.Prlimit64(0, Resource.NPROC, new Rlimit(mine + 1, mine + 1)))
                .call(Syscall.Clone.fork(() -> Step.call(new Syscall.Pause(), x -> Step.exit(0))))
                .call(Syscall.Clone.fork(() -> Step.exit(0)));
        List<SysResult> r = p.run();
        assertTrue(r.get(1).value() > 0, "one more process fits");
        assertEquals(Errno.EAGAIN, r.get(2).errno(), "the next one does not");
    }

    @Test
    void rlimitNofileBoundsEveryNewDescriptorButLeavesOpenOnesAlone() {
        // 0-2 are the probe's; with the soft limit at 5, descriptors 3 and 4 are all there is
        var r = Probe.as("student")
                .call(new Syscall.OpenAt(OpenFlags.AT_FDCWD, "/etc/hostname", OpenFlags.O_RDONLY, 0))
                .call(new Syscall.Prlimit64(0, Resource.NOFILE, new Rlimit(5, 524288)))
                .call(new Syscall.OpenAt(OpenFlags.AT_FDCWD, "/etc/hostname", OpenFlags.O_RDONLY, 0))
                .call(new Syscall.OpenAt(OpenFlags.AT_FDCWD, "/etc/hostname", OpenFlags.O_RDONLY, 0))
                .call(new Syscall.Pipe2(0))
                .call(new Syscall.Dup2(0, 7))
                .call(new Syscall.Fcntl(0, Syscall.Fcntl.F_DUPFD, 5))
                .call(new Syscall.Fcntl(0, Syscall.Fcntl.F_DUPFD, 0))
                .call(new Syscall.Prlimit64(0, Resource.NOFILE, new Rlimit(3, 524288)))
                .call(new Syscall.Read(4, 4))
                .call(new Syscall.Dup2(0, 4)).run();
        assertEquals(3, r.get(0).value());
        assertEquals(4, r.get(2).value(), "below the limit");
        assertEquals(Errno.EMFILE, r.get(3).errno(), "open: no descriptor below the limit");
        assertEquals(Errno.EMFILE, r.get(4).errno(), "pipe2 too");
        assertEquals(Errno.EBADF, r.get(5).errno(), "dup2 to a descriptor at or above the limit");
        assertEquals(Errno.EINVAL, r.get(6).errno(), "F_DUPFD from the limit up");
        assertEquals(Errno.EMFILE, r.get(7).errno(), "F_DUPFD with nothing free below it");
        assertTrue(r.get(9).value() >= 0, "a descriptor above a lowered limit stays open and usable");
        assertEquals(Errno.EBADF, r.get(10).errno(), "but cannot be named by dup2 any more");
    }

    @Test
    void anotherProcesssLimitsNeedItsIdsOrCapSysResource() {
        // a child that waits (pause), its limits read and set by its parent, then ended
        var r = Probe.as("student")
                .call(Syscall.Clone.fork(() -> Step.call(new Syscall.Pause(), x -> Step.exit(0))))
                .call(prev -> new Syscall.Prlimit64((int) prev.get(0).value(), Resource.NOFILE, new Rlimit(64, 128)))
                .call(prev -> new Syscall.Prlimit64((int) prev.get(0).value(), Resource.NOFILE, null))
                .call(prev -> new Syscall.Prlimit64(0, Resource.NOFILE, null))
                .call(new Syscall.Prlimit64(1, Resource.NOFILE, null))
                .call(new Syscall.Prlimit64(99999, Resource.NOFILE, null))
                .call(prev -> new Syscall.Kill((int) prev.get(0).value(), Signal.SIGKILL))
                .call(prev -> new Syscall.Wait4((int) prev.get(0).value(), 0)).run();
        assertEquals(0, r.get(1).value(), "same uid and gid, all three of each: allowed");
        assertEquals(new Rlimit(64, 128), Syscall.Prlimit64.old(r.get(2)), "the child's, not the caller's");
        assertEquals(new Rlimit(1024, 524288), Syscall.Prlimit64.old(r.get(3)), "the caller's own are unchanged");
        assertEquals(Errno.EPERM, r.get(4).errno(), "root's init: not even reading");
        assertEquals(Errno.ESRCH, r.get(5).errno());
        var root = Probe.as("root").call(new Syscall.Prlimit64(1, Resource.NOFILE, null)).run();
        assertEquals(0, root.get(0).value(), "CAP_SYS_RESOURCE reads anyone's");
    }
}
