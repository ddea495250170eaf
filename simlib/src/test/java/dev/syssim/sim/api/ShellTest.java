package dev.syssim.sim.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syssim.sim.os.OpenFile;
import dev.syssim.sim.os.Terminal;
import dev.syssim.sim.trace.TraceLevel;
import dev.syssim.sim.world.Session;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ShellTest {

    private final World world = World.create();
    private final Shell sh = world.login("laptop", "student");

    @Test
    void aLineKeepsTheShellsStateForTheNextAsCellsDo() {
        assertTrue(sh.run("cd /tmp; greeting=hello; shout() { echo \"$1!\"; }").ok());
        CommandResult r = sh.run("pwd; echo $greeting; shout hi");
        assertEquals("/tmp\nhello\nhi!\n", r.stdout());
    }

    @Test
    void statusStdoutAndStderrComeApart() {
        CommandResult r = sh.run("echo out; ls /nope");
        assertEquals(2, r.status());
        assertEquals("out\n", r.stdout());
        assertEquals("ls: cannot access '/nope': No such file or directory\n", r.stderr());
    }

    @Test
    void theShellsOwnMessagesGoToStderr() {
        CommandResult r = sh.run("nosuchcommand");
        assertEquals(127, r.status());
        assertEquals("", r.stdout());
        assertTrue(r.stderr().contains("nosuchcommand: command not found"), r.stderr());
    }

    @Test
    void theLinesOutputGoesIntoAPipeSoLsPrintsOneNamePerLine() {
        assertEquals("bin\nboot\n", sh.run("ls / | head -2").stdout());
        assertTrue(sh.run("ls /").stdout().lines().count() > 10);
    }

    @Test
    void afterARunTheShellWritesToItsTerminalAgain() {
        StringBuilder screen = new StringBuilder();
        Session session = new Session(world.internal(), new Session.Frontend() {
            public void stdout(String text) {
                screen.append(text);
            }

            public void stderr(String text) {
                screen.append(text);
            }

            public void clear() {
            }

            public Optional<String> input(String prompt, boolean password) {
                return Optional.empty();
            }
        });
        session.switchTo(world.internal().machine("laptop"), "student");
        Shell shell = Shell.of(world, session);
        assertEquals("captured\n", shell.run("echo captured").stdout());
        assertEquals("", screen.toString(), "nothing of the run reached the terminal");
        session.run("echo on screen");
        assertEquals("on screen\n", screen.toString());
        OpenFile out = session.shell().fds().get(1);
        assertTrue(out.ops() instanceof Terminal, "fd 1 is the terminal again");
    }

    @Test
    void exitStartsANewLoginAsATerminalWindowWouldReopen() {
        sh.run("cd /tmp");
        sh.run("exit");
        assertEquals("/home/student\n", sh.run("pwd").stdout());
    }

    @Test
    void aShellCellAndTheApiSeeTheSameFiles() {
        sh.run("echo from the shell > ~/shared.txt");
        assertEquals(Optional.of("from the shell\n"), world.machine("laptop").readFile("/home/student/shared.txt"));
        world.machine("laptop").run("student", "echo from a run >> ~/shared.txt");
        assertEquals("from the shell\nfrom a run\n", sh.run("cat ~/shared.txt").stdout());
    }

    @Test
    void theTraceFollowsTheShellsTraceLevel() {
        assertTrue(sh.run("cat /etc/hostname").trace().isEmpty());
        sh.setTraceLevel(TraceLevel.SYSCALLS);
        Trace trace = sh.run("cat /etc/hostname").trace();
        assertFalse(trace.find("execve(\"/usr/bin/cat\"").isEmpty(), trace.text());
        assertTrue(trace.text().contains("openat"), trace.text());
    }

    @Test
    void theMachineAndUserAreTheLogins() {
        assertEquals("laptop", sh.machine().name());
        assertEquals("student", sh.user());
    }

    @Test
    void aSessionOfAnotherWorldIsRefused() {
        World other = World.create();
        assertThrows(IllegalArgumentException.class, () -> Shell.of(other, sh.internal()));
        assertSame(sh.internal(), Shell.of(world, sh.internal()).internal());
    }

    @Test
    void anInterruptStopsTheForegroundJobAndTheShellGoesOn() {
        world.internal().setProgressListener(10_000, world.internal()::requestInterrupt);
        CommandResult r = sh.run("yes > /dev/null");
        world.internal().setProgressListener(0, null);
        assertTrue(r.interrupted());
        assertEquals(130, r.status());
        assertEquals("still here\n", sh.run("echo still here").stdout());
    }
}
