package dev.syssim.sim.os;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Process syscalls and their rules: ids, fork and wait, exec's failures, kill, credentials, chroot. */
class ProcessSyscallsTest {

    @Test
    void idsOfTheCaller() {
        var r = Probe.as("student").call(new Syscall.GetId("getuid")).call(new Syscall.GetId("geteuid"))
                .call(new Syscall.GetId("getgid")).call(new Syscall.GetId("getpid")).call(new Syscall.GetId("getppid")).run();
        assertEquals(1000, r.get(0).value());
        assertEquals(1000, r.get(1).value());
        assertEquals(1000, r.get(2).value());
        assertTrue(r.get(3).value() > 1100, "pids continue after boot");
        assertEquals(1100, r.get(4).value(), "the parent is the session's shell");
    }

    @Test
    void wait4WithoutChildrenIsEchild() {
        var r = Probe.as("student").call(new Syscall.Wait4(-1, 0)).run();
        assertEquals(Errno.ECHILD, r.get(0).errno());
    }

    @Test
    void forkThenWaitCollectsTheChildsExitStatus() {
        var r = Probe.as("student").call(Syscall.Clone.fork(() -> Step.exit(7)))
                .call(prev -> new Syscall.Wait4((int) prev.get(0).value(), 0)).run();
        assertEquals(r.get(0).value(), r.get(1).value());
        assertEquals(7, WaitStatus.exitCode(Syscall.Wait4.status(r.get(1))));
    }

    @Test
    void execFailures() {
        var r = Probe.as("student")
                .call(new Syscall.Execve("/nope", List.of("nope"), Map.of()))
                .call(new Syscall.Execve("/etc/motd", List.of("motd"), Map.of()))
                .call(new Syscall.Execve("/etc", List.of("etc"), Map.of())).run();
        assertEquals(Errno.ENOENT, r.get(0).errno());
        assertEquals(Errno.EACCES, r.get(1).errno(), "not executable");
        assertEquals(Errno.EACCES, r.get(2).errno(), "a directory");
    }

    @Test
    void execOfATextFileWithoutShebangIsEnoexec() {
        var p = Probe.as("student");
        p.shell("echo 'echo hi' > /tmp/script; chmod 755 /tmp/script 2>/dev/null");
        p.fixture.laptop().kernel().rootFs();
        var r = p.call(new Syscall.Chmod("/tmp/script", 0755)).call(new Syscall.Execve("/tmp/script", List.of("script"), Map.of())).run();
        assertEquals(Errno.ENOEXEC, r.get(1).errno());
    }

    @Test
    void killOfAMissingProcessIsEsrchAndOfRootsIsEperm() {
        var r = Probe.as("student").call(new Syscall.Kill(99999, Signal.SIGTERM)).call(new Syscall.Kill(1, Signal.SIGTERM)).run();
        assertEquals(Errno.ESRCH, r.get(0).errno());
        assertEquals(Errno.EPERM, r.get(1).errno());
    }

    @Test
    void setuidNeedsCapSetuidAndRootDropsItsCapabilities() {
        var user = Probe.as("student").call(new Syscall.Setuid(0)).run();
        assertEquals(Errno.EPERM, user.get(0).errno());
        var root = Probe.as("root").call(new Syscall.Setuid(1000)).call(new Syscall.OpenAt("/etc/shadow", OpenFlags.O_RDONLY))
                .call(new Syscall.Setuid(0)).run();
        assertEquals(0, root.get(0).value());
        assertEquals(Errno.EACCES, root.get(1).errno(), "no more CAP_DAC_OVERRIDE");
        assertEquals(Errno.EPERM, root.get(2).errno(), "and no way back");
    }

    @Test
    void chrootNeedsCapSysChrootAndDoesNotChangeTheWorkingDirectory() {
        var user = Probe.as("student").call(new Syscall.Chroot("/srv")).call(new Syscall.Chroot("/nope")).run();
        assertEquals(Errno.EPERM, user.get(0).errno());
        assertEquals(Errno.ENOENT, user.get(1).errno(), "the lookup comes before the capability check");
        var root = Probe.as("root").call(new Syscall.Chdir("/tmp")).call(new Syscall.Chroot("/srv"))
                .call(new Syscall.Getcwd()).call(new Syscall.OpenAt("/etc/motd", OpenFlags.O_RDONLY)).run();
        assertEquals(0, root.get(1).value());
        assertEquals("(unreachable)/tmp", root.get(2).data(), "the cwd stays outside the new root, as on Linux");
        assertEquals(Errno.ENOENT, root.get(3).errno(), "paths now start at /srv");
    }

    @Test
    void mountNeedsCapSysAdmin() {
        var r = Probe.as("student").call(new Syscall.Mount("proc", "/mnt", "proc", 0, null)).run();
        assertEquals(Errno.EPERM, r.get(0).errno());
        var root = Probe.as("root").call(new Syscall.Mount("tmpfs", "/mnt", "tmpfs", 0, null))
                .call(new Syscall.Mount("x", "/mnt", "nosuchfs", 0, null)).run();
        assertEquals(0, root.get(0).value());
        assertEquals(Errno.ENODEV, root.get(1).errno());
    }

    @Test
    void sethostnameNeedsCapSysAdmin() {
        var r = Probe.as("student").call(new Syscall.Sethostname("box")).call(new Syscall.Uname()).run();
        assertEquals(Errno.EPERM, r.get(0).errno());
        assertEquals("laptop", ((Utsname) r.get(1).data()).nodename());
    }

    @Test
    void nanosleepTakesSimulatedTime() {
        var p = Probe.as("student").call(new Syscall.ClockNanosleep(2_000_000_000L));
        long before = p.fixture.world().timeline().now();
        p.run();
        assertTrue(p.fixture.world().timeline().now() - before >= 2_000_000_000L);
    }

    @Test
    void forkFailsWithEagainAtTheProcessLimit() {
        var p = Probe.as("student");
        int room = p.fixture.laptop().kernel().limits().maxProcesses() - p.fixture.laptop().kernel().processCount();
        for (int i = 0; i < room; i++) p.call(Syscall.Clone.fork(() -> Step.call(new Syscall.Pause(), r -> Step.exit(0))));
        var r = p.run();
        assertEquals(Errno.EAGAIN, r.get(r.size() - 1).errno());
    }
}
