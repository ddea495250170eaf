package dev.syssim.sim.prog.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syssim.sim.oracle.RecordedRun;
import dev.syssim.sim.world.CommandRun;
import dev.syssim.sim.world.Terminal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the recorded corpus cannot show, because it needs a terminal, root, simulated time or a
 * kernel view: timeout, nohup, nice/renice, top, more and expr on the simulated machine.
 */
class ProcessControlToolsTest {

    private final Terminal.Fixture f = Terminal.laptop();

    /**
     * A script run by a non-interactive {@code bash -c} started from init, as a service or a
     * Dockerfile RUN line runs: no job messages, and the default dispositions of signals. (The
     * interactive session's shell makes its children ignore TERM and QUIT: that is the shell's, see
     * issue 18.)
     */
    private CommandRun.Result bash(String user, String script) {
        String home = user.equals("root") ? "/root" : "/home/" + user;
        return CommandRun.run(f.world(), f.laptop(), new CommandRun.Command(List.of("bash", "-c", script), user, home,
                RecordedRun.environment(home), null), 5_000_000);
    }

    @Test
    void timeoutWaitsInSimulatedTimeAndEndsTheCommandWith124() {
        assertEquals("124\n100\n", bash("student", "a=$(date +%s); timeout 100 sleep 1000; echo $?; b=$(date +%s); echo $((b - a))").stdoutText());
    }

    @Test
    void timeoutKillAfterSendsKillToACommandThatIgnoresTerm() {
        // env --ignore-signal=TERM: the sleep survives the TERM; KILL after 5 s more ends it and, sent to the group, timeout too
        CommandRun.Result r = bash("student", "a=$(date +%s); timeout -k 5 1 env --ignore-signal=TERM sleep 100; echo $?; b=$(date +%s); echo $((b - a))");
        assertEquals("137\n6\n", r.stdoutText(), r.stderrText());
    }

    @Test
    void timeoutWaitsForItsChildWithRtSigtimedwait() {
        CommandRun.Result r = bash("student", "strace -f -e trace=rt_sigtimedwait,kill timeout 1 sleep 5 2>&1 >/dev/null");
        String out = r.stdoutText() + r.stderrText();
        assertTrue(out.contains("rt_sigtimedwait([CHLD], NULL, {tv_sec=1, tv_nsec=0}, 8) = -1 EAGAIN (Resource temporarily unavailable)"), out);
        assertTrue(out.matches("(?s).*kill\\([0-9]+, SIGTERM\\) += 0\n.*kill\\(0, SIGTERM\\) += 0\n.*"), out);
    }

    @Test
    void nohupOnATerminalAppendsOutputToNohupOutReadableByItsOwnerOnly() {
        assertEquals("nohup: ignoring input and appending output to 'nohup.out'\nhi\n-rw-------\n",
                f.run("nohup echo hi; cat nohup.out; ls -l nohup.out | cut -c1-10"));
    }

    @Test
    void nohupMakesTheCommandIgnoreHangups() {
        assertEquals("alive\n", f.run("nohup sh -c 'kill -HUP $$; echo alive' 2>/dev/null; cat nohup.out"));
    }

    @Test
    void rootMayLowerNicenessAndItShowsInProcStatAndPs() {
        assertEquals("-5\n", bash("root", "nice -n -5 nice").stdoutText());
        assertEquals("15 -5\n", bash("root", "nice -n -5 sh -c 'cut -d\" \" -f18,19 /proc/$$/stat'").stdoutText());
        assertEquals("S<\n", bash("root", "sleep 100 & renice -n -3 -p $! >/dev/null; ps -o stat= -p $!; kill $!").stdoutText());
    }

    @Test
    void reniceByRootOfAnotherUsersProcess() {
        String pid = f.run("sleep 100 & echo $!").replaceAll("(?s).*?([0-9]+)\n$", "$1");
        assertEquals(pid + " (process ID) old priority 0, new priority -7\n", bash("root", "renice -n -7 -p " + pid).stdoutText());
        assertEquals(" -7\n", f.run("ps -o ni= -p " + pid));
    }

    @Test
    void niceOfAStudentIsInheritedByChildrenAndShownByTop() {
        String out = f.run("nice -n 4 sleep 50 & top -b -n1 -p $! | tail -1");
        assertTrue(out.matches("(?s).*student   24   4 .* S   0\\.0   0\\.0   0:00\\.00 sleep\n"), out);
    }

    @Test
    void topOnATerminalDrawsOneFrame() {
        String out = f.run("top");
        assertTrue(out.startsWith("top - 10:00:0"), out);
        assertTrue(out.contains("\n  PID USER      PR  NI    VIRT    RES    SHR S  %CPU  %MEM     TIME+ COMMAND\n"), out);
        assertTrue(out.contains("Tasks:   "), out);
    }

    @Test
    void psLongFormatLineOfTheShell() {
        String out = f.run("ps -l");
        assertTrue(out.startsWith("F S   UID   PID  PPID  C PRI  NI ADDR SZ WCHAN  TTY          TIME CMD\n"), out);
        assertTrue(out.contains("\n0 S  1000  1100     1  0  80   0 -  3075 -      pts/0    00:00:00 bash\n"), out);
    }

    @Test
    void psForestDrawsTheTreeUnderTheShell() {
        String out = f.run("sh -c 'sleep 10; true' & ps --forest -o pid=,args=");
        assertTrue(out.matches("(?s).* 1100 bash\n +[0-9]+  \\\\_ sh -c sleep 10; true\n +[0-9]+      \\\\_ sleep 10\n +[0-9]+  \\\\_ ps --forest -o pid=,args=\n"), out);
    }

    @Test
    void moreOnATerminalPrintsAScreenfulAndPagesLongerText() {
        assertEquals("a\nb\n", f.run("printf 'a\\nb\\n' > short; more short").replace("::::::::::::::\nshort\n::::::::::::::\n", ""));
        f.terminal().reset();
        f.run("seq 100 > long; more long");
        assertEquals(1, f.terminal().pages.size(), f.terminal().both.toString());
        assertTrue(f.terminal().pages.get(0).contains("\n100\n"), f.terminal().pages.get(0));
    }

    @Test
    void exprReadsThousandsOfNestedParenthesesWithoutJavaRecursion() {
        List<String> argv = new ArrayList<>(List.of("expr"));
        for (int i = 0; i < 20_000; i++) argv.add("(");
        argv.add("7");
        for (int i = 0; i < 20_000; i++) argv.add(")");
        argv.add("*");
        argv.add("6");
        CommandRun.Result r = CommandRun.run(f.world(), f.laptop(),
                new CommandRun.Command(argv, "student", "/home/student", RecordedRun.environment("/home/student"), null), 5_000_000);
        assertEquals("42\n", r.stdoutText());
        assertEquals(0, r.status());
    }

    @Test
    void envSplitStringServesShebangLines() {
        assertEquals("a b ./s\n", f.run("printf '#!/usr/bin/env -S echo a b\\n' > s; chmod +x s; ./s"));
    }

    @Test
    void whatisAndAproposFindTheNewTools() {
        assertEquals("timeout (1)          - run a command with a time limit\n", f.run("whatis timeout"));
        assertTrue(f.run("apropos 'TIME LIMIT'").contains("timeout (1)          - run a command with a time limit\n"));
        assertEquals("renice (1)           - alter priority of running processes\n", f.run("man -f renice"));
    }
}
