package dev.syssim.kernel.homework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * How lines are judged, against a world given by hand: what nc said decides a verdict, a line
 * about a machine or user that does not exist is broken, and every line is judged.
 */
class CheckRunTest {

    /** A world of machines laptop, wash and offcampus whose commands answer from a table. */
    private static final class HandMadeProbe implements Probe {
        final Map<String, Ran> answers = new HashMap<>();
        final Map<String, FileFacts> files = new HashMap<>();
        final List<String> ran = new ArrayList<>();

        @Override
        public Optional<String> problemWith(Place place) {
            if (place.here()) return Optional.empty();
            if (!Set.of("laptop", "wash", "offcampus").contains(place.machine())) return Optional.of("no machine '" + place.machine() + "' in this world");
            return Optional.empty();
        }

        @Override
        public Place here() {
            return new Place("laptop", "student");
        }

        @Override
        public Ran run(Place place, String command, boolean traced) {
            String key = (place.here() ? "" : place.machine() + ": ") + command;
            ran.add(key);
            return answers.getOrDefault(key, new Ran(127, "", "bash: " + command + ": command not found\n", List.of(), "", ""));
        }

        @Override
        public Ran shell(String script, int firstLine) {
            ran.add(script);
            return answers.getOrDefault(script, new Ran(0, "", "", List.of(), "", ""));
        }

        @Override
        public Optional<FileFacts> file(Place place, String path) {
            return Optional.ofNullable(files.get(path));
        }

        @Override
        public List<String> processes(Place place) {
            return List.of("init", "sshd", "bash", "bash");
        }

        @Override
        public boolean interrupted() {
            return false;
        }
    }

    private final HandMadeProbe probe = new HandMadeProbe();

    private CheckResult run(String body) {
        return CheckRun.run(new CheckHeader("c", 2, ""), body, probe).orElseThrow();
    }

    private static Probe.Ran nc(int status, String stderr) {
        return new Probe.Ran(status, "", stderr, List.of(), "", "");
    }

    @Test
    void aVerdictIsWhatNcSawFromTheSourceMachineAsRoot() {
        probe.answers.put("offcampus: nc -z -w 2 wash 22", nc(1, "nc: connect to wash port 22 (tcp) failed: Connection refused\n"));
        probe.answers.put("offcampus: nc -z -w 2 wash 25", nc(1, "nc: connect to wash port 25 (tcp) timed out: Operation now in progress\n"));
        probe.answers.put("offcampus: nc -z -w 2 wash 80", nc(0, ""));
        probe.answers.put("offcampus: nc -z -w 2 wash 81", nc(1, "nc: connect to wash port 81 (tcp) failed: No route to host\n"));
        CheckResult r = run("verdict from offcampus to wash:22 is refused\nverdict from offcampus to wash:25 is dropped\n"
                + "verdict from offcampus to wash:80 is accepted\nverdict from offcampus to wash:81 is refused");
        assertEquals(LineStatus.PASSED, r.status(), CheckTable.text(r));
        assertEquals(2, r.score());
    }

    @Test
    void aVerdictNotMetSaysWhatWasSeenWithNcsOwnWords() {
        probe.answers.put("offcampus: nc -z -w 2 wash 22", nc(1, "nc: connect to wash port 22 (tcp) timed out: Operation now in progress\n"));
        LineResult line = run("verdict from offcampus to wash:22 is refused").lines().get(0);
        assertEquals(LineStatus.FAILED, line.status());
        assertEquals("dropped (nc: connect to wash port 22 (tcp) timed out: Operation now in progress)", line.seen());
    }

    @Test
    void aVerdictAboutAMachineOrPortThatDoesNotExistIsBroken() {
        CheckResult r = run("verdict from nowhere to wash:22 is refused\nverdict from laptop to nowhere:22 is refused\nverdict from laptop to wash:70000 is refused\n"
                + "verdict from laptop to wash:nosuchservice is refused");
        assertEquals(List.of(LineStatus.BROKEN, LineStatus.BROKEN, LineStatus.BROKEN, LineStatus.BROKEN), r.lines().stream().map(LineResult::status).toList());
        assertEquals("no machine 'nowhere' in this world", r.lines().get(1).seen());
        assertEquals(List.of(), probe.ran, "nothing runs for a broken line");
        assertEquals(LineStatus.BROKEN, r.status());
        assertEquals(0, r.score());
    }

    @Test
    void exitStatusAndItsNegation() {
        probe.answers.put("cat /etc/shadow", nc(1, "cat: /etc/shadow: Permission denied\n"));
        CheckResult r = run("exit != 0: cat /etc/shadow\nexit 0: cat /etc/shadow");
        assertEquals(LineStatus.PASSED, r.lines().get(0).status());
        assertEquals("exit status 1 (cat: /etc/shadow: Permission denied)", r.lines().get(1).seen());
    }

    @Test
    void outputMatchesAnyLineAndANegatedMatchNamesTheLineThatMatched() {
        probe.answers.put("ls /", new Probe.Ran(0, "bin\netc\nhome\n", "", List.of(), "", ""));
        CheckResult r = run("output ~ /^etc$/: ls /\noutput !~ /^home$/: ls /\noutput ~ /^srv$/: ls /");
        assertEquals(List.of(LineStatus.PASSED, LineStatus.FAILED, LineStatus.FAILED), r.lines().stream().map(LineResult::status).toList());
        assertEquals("this output line matched: home", r.lines().get(1).seen());
        assertEquals("output was: bin\\netc\\nhome", r.lines().get(2).seen());
    }

    @Test
    void aCommandCutShortByALimitFailsWithTheLimit() {
        probe.answers.put("yes", new Probe.Ran(137, "", "", List.of(), "step limit: the cell ran 5000000 simulated steps; its jobs were killed", ""));
        LineResult line = run("exit 0: yes").lines().get(0);
        assertEquals(LineStatus.FAILED, line.status());
        assertTrue(line.seen().startsWith("step limit"));
    }

    @Test
    void shellLinesPassOnStatusZeroAndABrokenScriptIsBroken() {
        probe.answers.put("false\n", nc(1, ""));
        probe.answers.put("echo )\n", new Probe.Ran(2, "", "", List.of(), "", "SyntaxError: bash: syntax error near unexpected token `)'"));
        assertEquals(LineStatus.PASSED, run("true").status());
        assertEquals("the last command exited with status 1", run("false").lines().get(0).seen());
        assertEquals(LineStatus.BROKEN, run("echo )").status());
    }

    @Test
    void filesModesOwnersAndProcessesAreReadNotRun() {
        probe.files.put("/etc/shadow", new Probe.FileFacts(false, true, 0640, "root", "shadow", "root:*:19000::::::\n"));
        probe.files.put("/tmp", new Probe.FileFacts(true, false, 01777, "root", "root", ""));
        CheckResult r = run("file /etc/shadow exists\nfile /etc/shadow contains /^root:/\nfile /etc/shadow lacks /^student:/\nfile /tmp is a directory\n"
                + "file /nope is missing\nmode /etc/shadow is 640\nmode /tmp is 1777\nowner /etc/shadow is root:shadow\nowner /etc/shadow is root\n"
                + "process sshd is running\nprocess cupsd is not running");
        assertEquals(LineStatus.PASSED, r.status(), CheckTable.text(r));
        assertEquals(List.of(), probe.ran);
        CheckResult wrong = run("mode /etc/shadow is 600\nowner /etc/shadow is student\nprocess bash is not running\nfile /etc/shadow is missing\nfile /tmp contains /x/");
        assertEquals(List.of("mode 640", "owner root:shadow", "2 processes bash", "/etc/shadow is there", "/tmp is a directory"),
                wrong.lines().stream().map(LineResult::seen).toList());
    }

    @Test
    void everyLineIsJudgedAndTheFirstDecisiveLineNamesTheError() {
        CheckResult r = run("exit 0: nothing-here\nverdict from nowhere to wash:22 is refused\nexit 0: also-not-here");
        assertEquals(3, r.lines().size());
        assertEquals(LineStatus.BROKEN, r.status(), "a broken line outweighs failures: the check says nothing about the answer");
        assertEquals("CheckError", r.ename());
        assertTrue(r.evalue().startsWith("the check c, line 3 `verdict from nowhere to wash:22 is refused` is broken"), r.evalue());
    }

    @Test
    void aCheckWithoutLinesIsBroken() {
        assertEquals(LineStatus.BROKEN, run("\n# only a comment\n").status());
    }
}
