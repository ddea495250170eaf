package dev.syssim.sim.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The differential harness itself, checked with programs that are not the shell under test: what
 * it sets up (user, directory, environment, descriptors) must be what the recorder sets up for
 * real bash, or every comparison would be off before the shell says a word.
 */
class ScratchRunTest {

    @Test
    void theProgramSeesExactlyTheRecordersEnvironment() {
        ScratchRun.Observed seen = ScratchRun.run("/usr/bin/env", List.of("env"), Map.of(), null);
        assertNull(seen.problem());
        assertEquals("""
                HOME=/home/student
                LANG=C.UTF-8
                LOGNAME=student
                PATH=/usr/local/bin:/usr/bin:/bin:/usr/local/games:/usr/games
                PWD=/tmp/bashcase
                SHELL=/bin/bash
                TERM=dumb
                USER=student
                """, seen.stdoutText());
        assertEquals(0, seen.rc());
    }

    @Test
    void theProgramRunsAsStudentInTheEmptyScratchDirectory() {
        ScratchRun.Observed who = ScratchRun.run("/usr/bin/id", List.of("id", "-un"), Map.of(), null);
        assertEquals("student\n", who.stdoutText());
        ScratchRun.Observed listing = ScratchRun.run("/usr/bin/ls", List.of("ls", "-a"), Map.of(), null);
        assertEquals(".\n..\n", listing.stdoutText(), "a fresh, empty /tmp/bashcase is the cwd");
    }

    @Test
    void scratchFilesAreThereBeforeTheProgramStarts() {
        ScratchRun.Observed seen = ScratchRun.run("/usr/bin/cat", List.of("cat", "t.sh"),
                Map.of("t.sh", "echo hi\n".getBytes(StandardCharsets.UTF_8)), null);
        assertEquals("echo hi\n", seen.stdoutText());
    }

    @Test
    void stdinIsThePipedBytesThenEndOfFile() {
        ScratchRun.Observed seen = ScratchRun.run("/usr/bin/cat", List.of("cat"), Map.of(), "a\nb".getBytes(StandardCharsets.UTF_8));
        assertEquals("a\nb", seen.stdoutText());
        assertEquals(0, seen.rc());
    }

    @Test
    void withoutStdinTheProgramReadsDevNull() {
        ScratchRun.Observed seen = ScratchRun.run("/usr/bin/wc", List.of("wc", "-c"), Map.of(), null);
        assertEquals("0\n", seen.stdoutText());
    }

    @Test
    void stdoutAndStderrAreCapturedApartWithTheExitStatus() {
        ScratchRun.Observed seen = ScratchRun.run("/usr/bin/ls", List.of("ls", "missing"), Map.of(), null);
        assertEquals("", seen.stdoutText());
        assertEquals("ls: cannot access 'missing': No such file or directory\n", seen.stderrText());
        assertEquals(2, seen.rc());
    }

    @Test
    void theCaseDiffersAtItsFirstDifferentLine() {
        BashCase recorded = new BashCase("x", "c", "true", null, "a\nb\n".getBytes(StandardCharsets.UTF_8), new byte[0], 0, null);
        ScratchRun.Observed seen = new ScratchRun.Observed("a\nc\n".getBytes(StandardCharsets.UTF_8), new byte[0], 0, null);
        assertEquals("stdout line 2: expected \"b\\n\", got \"c\\n\"", BashOracleTest.firstDifference(recorded, seen));
        ScratchRun.Observed status = new ScratchRun.Observed("a\nb\n".getBytes(StandardCharsets.UTF_8), new byte[0], 1, null);
        assertEquals("status: expected 0, got 1", BashOracleTest.firstDifference(recorded, status));
    }
}
