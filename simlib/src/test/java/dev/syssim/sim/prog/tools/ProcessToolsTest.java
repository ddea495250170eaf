package dev.syssim.sim.prog.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syssim.sim.world.Terminal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ps, kill, free, uptime, taskset (procps-ng 4.0.2, util-linux 2.38). */
class ProcessToolsTest {

    private final Terminal.Fixture f = Terminal.laptop();

    private static List<String> lines(String text) {
        return List.of(text.split("\n"));
    }

    @Test
    void psAloneShowsOnlyThisTerminalsProcesses() {
        List<String> out = lines(f.run("ps"));
        assertEquals("  PID TTY          TIME CMD", out.get(0));
        assertEquals(3, out.size(), out.toString());
        assertTrue(out.get(1).matches(" 1100 pts/0    00:00:00 bash"), out.get(1));
        assertTrue(out.get(2).matches(" +[0-9]+ pts/0    00:00:00 ps"), out.get(2));
    }

    @Test
    void psEfShowsInitKthreaddTheShellAndItself() {
        List<String> out = lines(f.run("ps -ef"));
        assertEquals("UID        PID  PPID  C STIME TTY          TIME CMD", out.get(0));
        assertEquals("root         1     0  0 10:00 ?        00:00:00 /sbin/init", out.get(1));
        assertEquals("root         2     0  0 10:00 ?        00:00:00 [kthreadd]", out.get(2));
        assertEquals("student   1100     1  0 10:00 pts/0    00:00:00 bash", out.get(3));
        assertTrue(out.get(out.size() - 1).matches("student +[0-9]+  1100  0 10:00 pts/0    00:00:00 ps -ef"), out.get(out.size() - 1));
    }

    @Test
    void psAuxUsesTheBsdUserFormat() {
        List<String> out = lines(f.run("ps aux"));
        assertEquals("USER       PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND", out.get(0));
        assertTrue(out.get(1).matches("root {9}1  0\\.0  0\\.[0-9] +[0-9]+ +[0-9]+ \\?        Ss   10:00   0:00 /sbin/init"), out.get(1));
        assertTrue(out.get(out.size() - 1).matches("student .* pts/0    R\\+   10:00   0:00 ps aux"), out.get(out.size() - 1));
    }

    @Test
    void psPidSelectsOneAndFailsForNone() {
        assertEquals("  PID TTY          TIME CMD\n    1 ?        00:00:00 init\n  PID TTY          TIME CMD\n1\n",
                f.run("ps -p 1; ps -p 99999; echo $?"));
    }

    @Test
    void psWithUserDefinedColumns() {
        assertEquals("  PID COMMAND\n    1 init\n", f.run("ps -o pid,comm -p 1"));
    }

    @Test
    void psReadsProcLikeTheRealOne() {
        String strace = f.run("strace -e trace=openat ps -p 1 2>&1 >/dev/null | grep /proc/1/");
        assertTrue(strace.contains("openat(AT_FDCWD, \"/proc/1/stat\", O_RDONLY|O_CLOEXEC) = 3"), strace);
        assertTrue(strace.contains("openat(AT_FDCWD, \"/proc/1/status\", O_RDONLY|O_CLOEXEC) = 3"), strace);
    }

    @Test
    void psSeesABackgroundSleep() {
        String out = f.run("sleep 100 & ps");
        assertTrue(out.contains(" pts/0    00:00:00 sleep\n"), out);
    }

    @Test
    void killProgramListsSignalsAndNamesOne() {
        assertEquals("HUP INT QUIT ILL TRAP ABRT BUS FPE KILL USR1 SEGV USR2 PIPE ALRM TERM STKFLT\n"
                + "CHLD CONT STOP TSTP TTIN TTOU URG XCPU XFSZ VTALRM PROF WINCH POLL PWR SYS\nKILL\n9\n",
                f.run("/usr/bin/kill -l; /usr/bin/kill -l 9; /usr/bin/kill -l KILL"));
    }

    @Test
    void killProgramOfAMissingProcessSaysSo() {
        assertEquals("/usr/bin/kill: (99999): No such process\n1\n", f.run("/usr/bin/kill 99999; echo $?"));
    }

    @Test
    void killProgramRejectsANonNumber() {
        assertEquals("/usr/bin/kill: failed to parse argument: 'abc'\n1\n", f.run("/usr/bin/kill abc; echo $?"));
    }

    @Test
    void killProgramMayNotSignalAnotherUsersProcess() {
        assertEquals("/usr/bin/kill: (1): Operation not permitted\n1\n", f.run("/usr/bin/kill -9 1; echo $?"));
    }

    @Test
    void killProgramEndsAProcess() {
        String out = f.run("sleep 100 & /usr/bin/kill -KILL $!; wait $!; echo $?");
        assertTrue(out.contains("\n137\n"), "killed by SIGKILL: 128 + 9; " + out);
    }

    @Test
    void freeShowsMeminfoInKibibytes() {
        List<String> out = lines(f.run("free"));
        assertEquals("               total        used        free      shared  buff/cache   available", out.get(0));
        assertTrue(out.get(1).matches("Mem: {8}4028860 +[0-9]+ +[0-9]+ +0 +[0-9]+ +[0-9]+"), out.get(1));
        assertEquals("Swap:             0           0           0", out.get(2));
    }

    @Test
    void uptimeSaysHowLongTheMachineHasBeenUp() {
        assertEquals(" 10:02:00 up 2 min,  1 user,  load average: 0.00, 0.00, 0.00\n", f.run("sleep 120; uptime"));
    }

    @Test
    void tasksetShowsAndSetsAffinity() {
        assertEquals("pid 1100's current affinity mask: 3\npid 1100's current affinity list: 0,1\n", f.run("taskset -p 1100; taskset -cp 1100"));
    }

    @Test
    void tasksetChangesAnotherProcess() {
        String pid = f.run("sleep 50 & echo $!").lines().reduce((a, b) -> b).orElseThrow();
        assertEquals("pid " + pid + "'s current affinity list: 0,1\npid " + pid + "'s new affinity list: 1\n", f.run("taskset -cp 1 " + pid));
    }

    @Test
    void tasksetOfAMissingCommandOrProcess() {
        assertEquals("taskset: failed to execute nosuch: No such file or directory\n127\ntaskset: failed to get pid 99999's affinity: No such process\n1\n",
                f.run("taskset -c 0 nosuch; echo $?; taskset -p 99999; echo $?"));
    }
}
