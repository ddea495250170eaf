package dev.syssim.sim.isolation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syssim.sim.trace.TraceLevel;
import dev.syssim.sim.trace.render.TextRenderer;
import dev.syssim.sim.world.UserPrograms;
import org.junit.jupiter.api.Test;

/** cgroup v2 (Documentation/admin-guide/cgroup-v2.rst): the files, and each controller's check. */
class CgroupRulesTest {

    @Test
    void mkdirMakesAGroupWithTheInterfaceFilesOfTheControllersItsParentEnables() {
        Rooted r = new Rooted();
        r.run("mkdir /sys/fs/cgroup/demo");
        String files = r.run("ls /sys/fs/cgroup/demo | cat");
        for (String f : new String[] {"cgroup.procs", "cgroup.controllers", "pids.max", "pids.current", "memory.max", "memory.current", "cpu.max", "cpu.stat"}) {
            assertTrue(files.contains(f + "\n"), f + " in " + files);
        }
        assertEquals("cpu memory pids\n", r.run("cat /sys/fs/cgroup/demo/cgroup.controllers"));
        assertEquals("max\nmax 100000\n", r.run("cat /sys/fs/cgroup/demo/pids.max /sys/fs/cgroup/demo/cpu.max"));
    }

    @Test
    void writingAPidToCgroupProcsMovesThatProcess() {
        Rooted r = new Rooted();
        r.run("mkdir /sys/fs/cgroup/demo");
        assertEquals("0::/demo\n", r.run("echo $$ > /sys/fs/cgroup/demo/cgroup.procs; cat /proc/self/cgroup"));
        assertEquals("2\n", r.run("cat /sys/fs/cgroup/demo/pids.current"));
    }

    @Test
    void rmdirOfAGroupWithProcessesFailsWithEbusyAndOfAnEmptyOneSucceeds() {
        Rooted r = new Rooted();
        r.run("mkdir /sys/fs/cgroup/demo /sys/fs/cgroup/empty; echo $$ > /sys/fs/cgroup/demo/cgroup.procs");
        assertEquals("rmdir: failed to remove '/sys/fs/cgroup/demo': Device or resource busy\n", r.run("rmdir /sys/fs/cgroup/demo"));
        assertEquals("", r.run("rmdir /sys/fs/cgroup/empty"));
    }

    @Test
    void aValueAControllerFileDoesNotTakeIsRefusedWithEinvalAndAPidNobodyHasWithEsrch() {
        Rooted r = new Rooted();
        r.run("mkdir /sys/fs/cgroup/demo");
        String bad = r.run("strace -e trace=write /bin/echo lots > /sys/fs/cgroup/demo/pids.max");
        assertTrue(bad.matches("(?s).*write\\(1, \"lots\\\\n\", 5\\) += -1 EINVAL \\(Invalid argument\\)\n.*"), bad);
        assertEquals("max\n", r.run("cat /sys/fs/cgroup/demo/pids.max"));
        // bash's echo checks its write (sh_chkwrite) and reports the kernel's refusal; dash says I/O error
        assertEquals("bash: echo: write error: Invalid argument\n1\n", r.run("echo lots > /sys/fs/cgroup/demo/pids.max; echo $?"));
        assertEquals("sh: 1: echo: echo: I/O error\n1\n", r.run("sh -c 'echo 99999 > /sys/fs/cgroup/demo/cgroup.procs'; echo $?"));
        String gone = r.run("strace -e trace=write /bin/echo 99999 > /sys/fs/cgroup/demo/cgroup.procs");
        assertTrue(gone.matches("(?s).*write\\(1, \"99999\\\\n\", 6\\) += -1 ESRCH \\(No such process\\)\n.*"), gone);
    }

    @Test
    void pidsMaxStopsAForkBombInsideWithBashsRetryMessagesWhileTheHostForksOn() {
        Rooted r = new Rooted();
        r.run("mkdir /sys/fs/cgroup/jail; echo 4 > /sys/fs/cgroup/jail/pids.max");
        String out = r.run("bash -c 'echo $$ > /sys/fs/cgroup/jail/cgroup.procs; for i in 1 2 3 4 5; do sleep 100 & done; echo unreached'; echo $?");
        assertTrue(out.contains("bash: fork: retry: Resource temporarily unavailable\n"), out);
        assertTrue(out.endsWith("bash: fork: Resource temporarily unavailable\n254\n"), out);
        assertEquals("max 5\n", r.run("cat /sys/fs/cgroup/jail/pids.events"));
        assertEquals("host\n", r.run("echo host | cat"));
        assertTrue(r.run("dmesg").contains("cgroup: fork rejected by pids controller in /jail"));
    }

    @Test
    void memoryMaxMakesTheOomKillerKillTheTaskWithStatus137AndDmesgSaysSo() {
        Rooted r = new Rooted();
        r.run("mkdir /sys/fs/cgroup/small; echo 32M > /sys/fs/cgroup/small/memory.max");
        String out = r.run("sh -c 'echo $$ > /sys/fs/cgroup/small/cgroup.procs; dd if=/dev/zero of=/dev/null bs=200M count=1; echo status $?'");
        assertEquals("Killed\nstatus 137\n", out);
        String log = r.run("dmesg");
        assertTrue(log.contains("dd invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL), order=0, oom_score_adj=0"), log);
        assertTrue(log.matches("(?s).*Memory cgroup out of memory: Killed process \\d+ \\(dd\\) total-vm:\\d+kB, anon-rss:\\d+kB.*"), log);
        assertTrue(r.run("cat /sys/fs/cgroup/small/memory.events").contains("oom_kill 1\n"));
    }

    @Test
    void cpuMaxThrottlesAComputingTaskAndTheTraceShowsTheSchedulerSkippingIt() throws Exception {
        Rooted r = new Rooted();
        UserPrograms.install(r.laptop, "spin", "compute 40ms\nexit 0\n", 0, 0);
        r.run("mkdir /sys/fs/cgroup/slow; echo '10000 100000' > /sys/fs/cgroup/slow/cpu.max");
        long before = r.world.timeline().now();
        r.run("spin");
        long free = r.world.timeline().now() - before;
        r.world.trace().clear();
        r.world.trace().setLevel(TraceLevel.FULL);
        before = r.world.timeline().now();
        r.run("sh -c 'echo $$ > /sys/fs/cgroup/slow/cgroup.procs; spin'");
        long throttled = r.world.timeline().now() - before;
        String trace = new TextRenderer().render(r.world.trace().snapshot());
        r.world.trace().setLevel(TraceLevel.OFF);
        assertTrue(throttled > free + 300_000_000L, "40 ms of work at 10 ms per 100 ms takes over 0.3 s more: " + free + " vs " + throttled);
        assertTrue(trace.contains("cpu.max: /slow used its 10 ms of every 100 ms: spin["), trace);
        String stat = r.run("cat /sys/fs/cgroup/slow/cpu.stat");
        assertTrue(stat.matches("(?s).*nr_throttled [1-9].*"), stat);
    }

    @Test
    void theDeviceControllerDeniesOpenAndMknodWithEpermOnTheCallingTasksPath() {
        Rooted r = new Rooted();
        r.run("mkdir /sys/fs/cgroup/box; echo a > /sys/fs/cgroup/box/devices.deny; echo 'c 1:3 rwm' > /sys/fs/cgroup/box/devices.allow");
        assertEquals("c 1:3 rwm\n", r.run("cat /sys/fs/cgroup/box/devices.list"));
        r.world.trace().clear();
        r.world.trace().setLevel(TraceLevel.FULL);
        String out = r.run("chroot /srv/bb /bin/sh -c 'echo $$ > /dev/null; mknod /tmp/sda b 8 0; echo $?' ; "
                + "sh -c 'echo $$ > /sys/fs/cgroup/box/cgroup.procs; cat /dev/sda; echo hi > /dev/null && echo null ok'");
        String trace = new TextRenderer().render(r.world.trace().snapshot());
        r.world.trace().setLevel(TraceLevel.OFF);
        assertEquals("0\ncat: /dev/sda: Operation not permitted\nnull ok\n", out);
        int trap = trace.indexOf("openat(AT_FDCWD, \"/dev/sda\"");
        int denied = trace.indexOf("device cgroup: open of b 8:0 by cat[");
        int fails = trace.indexOf("= -1 EPERM (Operation not permitted)", denied);
        assertTrue(trap > 0 && trap < denied && denied < fails, trace);
    }
}
