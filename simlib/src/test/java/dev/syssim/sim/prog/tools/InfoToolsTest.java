package dev.syssim.sim.prog.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syssim.sim.world.Terminal;
import org.junit.jupiter.api.Test;

/** whoami, id, hostname, uname, nproc, sleep, yes, env, date, stat, basename, dirname, clear, seq, echo. */
class InfoToolsTest {

    private final Terminal.Fixture f = Terminal.laptop();

    @Test
    void whoamiNamesTheEffectiveUser() {
        assertEquals("student\n", f.run("whoami"));
    }

    @Test
    void idShowsIdsAndGroupsWithNames() {
        assertEquals("uid=1000(student) gid=1000(student) groups=1000(student),27(sudo),100(users)\n", f.run("id"));
    }

    @Test
    void idSingleParts() {
        assertEquals("1000\nstudent\n1000 27 100\nstudent sudo users\n", f.run("id -u; id -un; id -G; id -Gn"));
    }

    @Test
    void idOfAnotherUserAndOfAnUnknownOne() {
        assertEquals("uid=0(root) gid=0(root) groups=0(root)\nid: ‘nosuch’: no such user\n1\n", f.run("id root; id nosuch; echo $?"));
    }

    @Test
    void groupsOfTheProcessAndOfAUser() {
        assertEquals("student sudo users\nroot : root\n", f.run("groups; groups root"));
    }

    @Test
    void ttyNamesTheTerminalOrSaysThereIsNone() {
        assertEquals("/dev/pts/0\nnot a tty\n1\n", f.run("tty; tty < /dev/null; echo $?"));
    }

    @Test
    void hostnamePrintsTheNodeName() {
        assertEquals("laptop\n", f.run("hostname"));
    }

    @Test
    void hostnameAsUserMayNotSetIt() {
        assertEquals("hostname: you must be root to change the host name\n1\nlaptop\n", f.run("hostname box; echo $?; hostname"));
    }

    @Test
    void hostnameAsRootSetsIt() {
        f.terminal().typed.add("student");
        f.run("sudo hostname box");
        assertEquals("box\nbox\n", f.run("hostname; uname -n"));
    }

    @Test
    void unameAllAndParts() {
        assertEquals("Linux\nLinux laptop 6.1.0-27-amd64 #1 SMP PREEMPT_DYNAMIC Debian 6.1.115-1 (2024-11-01) x86_64 GNU/Linux\n6.1.0-27-amd64\nx86_64\n",
                f.run("uname; uname -a; uname -r; uname -m"));
    }

    @Test
    void nprocCountsTheCoresThisProcessMayUse() {
        assertEquals("2\n1\n2\n", f.run("nproc; taskset -c 1 nproc; taskset -c 1 nproc --all"));
    }

    @Test
    void sleepWaitsSimulatedTimeAndSumsItsArguments() {
        assertEquals("10:00:00\n10:01:32\n", f.run("date +%T; sleep 1m 30 1.5 0.5s; date +%T"));
    }

    @Test
    void sleepRejectsAnInvalidInterval() {
        assertEquals("sleep: invalid time interval ‘x’\nTry 'sleep --help' for more information.\n1\n", f.run("sleep x; echo $?"));
    }

    @Test
    void sleepWithoutOperandIsAUsageError() {
        assertEquals("sleep: missing operand\nTry 'sleep --help' for more information.\n1\n", f.run("sleep; echo $?"));
    }

    @Test
    void yesRepeatsItsArgument() {
        assertEquals("no\nno\n", f.run("yes no | head -2"));
    }

    @Test
    void yesToTheTerminalRunsUntilTheOutputLimitKillsIt() {
        boolean limited = f.run("yes").contains("[output limit");
        assertTrue(limited, "yes never stops by itself; the cell's output limit ends it");
        assertEquals("after\n", f.run("echo after"));
    }

    @Test
    void envPrintsTheEnvironmentAndRunsWithChanges() {
        assertEquals("HOME=/home/student\nbar\n", f.run("env | head -1; env FOO=bar sh -c 'echo $FOO'"));
    }

    @Test
    void envOfAMissingCommandExits127() {
        assertEquals("env: ‘nosuch’: No such file or directory\n127\n", f.run("env nosuch; echo $?"));
    }

    @Test
    void dateReadsTheMachinesClock() {
        assertEquals("Mon Jan  5 10:00:00 UTC 2026\n1767607200\n2026-01-05\n", f.run("date; date +%s; date +%Y-%m-%d"));
    }

    @Test
    void dateFormatsAnotherInstant() {
        assertEquals("Thu Jan  1 00:00:00 UTC 1970\n", f.run("date -d @0"));
    }

    @Test
    void statShowsTheInode() {
        String out = f.run("stat /etc/passwd");
        assertTrue(out.startsWith("  File: /etc/passwd\n  Size: 314       \tBlocks: 8          IO Block: 4096   regular file\nDevice: 8,1\tInode: "), out);
        assertTrue(out.contains("Access: (0644/-rw-r--r--)  Uid: (    0/    root)   Gid: (    0/    root)\n"), out);
        assertTrue(out.contains("Modify: 2025-12-07 09:00:00.000000000 +0000\n"), out);
    }

    @Test
    void statFormatAndMissingFile() {
        assertEquals("644 root /etc/passwd\nstat: cannot statx 'nope': No such file or directory\n1\n", f.run("stat -c '%a %U %n' /etc/passwd; stat nope; echo $?"));
    }

    @Test
    void basenameAndDirname() {
        assertEquals("ls\nb\n/usr/bin\n.\n", f.run("basename /usr/bin/ls; basename a/b.txt .txt; dirname /usr/bin/ls; dirname ls"));
    }

    @Test
    void clearClearsTheCellsOutput() {
        String out = f.run("echo before; clear; echo after");
        assertEquals(1, f.terminal().clears);
        assertEquals("before\nafter\n", out, "the escape sequence itself never reaches the notebook");
    }

    @Test
    void seqCountsWithStepsAndEqualWidth() {
        assertEquals("1 2 3\n2\n4\n08\n09\n10\n", f.run("seq -s ' ' 3; seq 2 2 4; seq -w 8 10"));
    }

    @Test
    void echoProgramAndBuiltinAgree() {
        assertEquals("a b\na b\n", f.run("echo a b; /usr/bin/echo a b"));
    }
}
