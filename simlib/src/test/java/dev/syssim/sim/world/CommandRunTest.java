package dev.syssim.sim.world;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Running a command from Java with its streams as bytes: what the oracle replays stand on. */
class CommandRunTest {

    private static final Map<String, String> ENV = Map.of("PATH", "/usr/bin:/bin", "HOME", "/home/student", "LANG", "C.UTF-8");

    private static CommandRun.Result run(List<String> argv, byte[] stdin) {
        Terminal.Fixture f = Terminal.laptop();
        return CommandRun.run(f.world(), f.laptop(), new CommandRun.Command(argv, "student", "/home/student", ENV, stdin), 1_000_000);
    }

    @Test
    void standardInputIsCopiedToStandardOutputByteForByte() {
        byte[] bytes = {0, (byte) 0xff, 'A', '\n'};
        CommandRun.Result r = run(List.of("cat"), bytes);
        assertTrue(r.finished());
        assertEquals(0, r.status());
        assertArrayEquals(bytes, r.stdout());
        assertEquals(0, r.stderr().length);
    }

    @Test
    void errorsGoToStandardErrorApartWithTheToolsStatus() {
        CommandRun.Result r = run(List.of("ls", "/nope"), null);
        assertEquals(2, r.status());
        assertEquals("", r.stdoutText());
        assertEquals("ls: cannot access '/nope': No such file or directory\n", r.stderrText());
    }

    @Test
    void outputIsNotATerminalSoLsPrintsOneNamePerLine() {
        CommandRun.Result r = run(List.of("ls", "/"), null);
        assertTrue(r.stdoutText().startsWith("bin\nboot\n"), r.stdoutText());
    }

    @Test
    void theCommandRunsAsTheUserInTheDirectoryGiven() {
        CommandRun.Result r = run(List.of("bash", "-c", "id -un; pwd"), null);
        assertEquals("student\n/home/student\n", new String(r.stdout(), StandardCharsets.UTF_8));
    }
}
