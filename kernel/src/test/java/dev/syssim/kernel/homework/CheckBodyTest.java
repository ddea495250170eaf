package dev.syssim.kernel.homework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The grammar of a check's lines: one form per keyword, everything else shell. */
class CheckBodyTest {

    private static Expectation only(String line) {
        List<Expectation> all = CheckBody.parse(line);
        assertEquals(1, all.size(), all.toString());
        return all.get(0);
    }

    private static String problem(String line) {
        return assertInstanceOf(Expectation.Broken.class, only(line)).problem();
    }

    @Test
    void exitStatusLinesNameTheStatusThePlaceAndTheCommand() {
        var e = assertInstanceOf(Expectation.Status.class, only("exit 0: nc -zv -w 2 10.84.0.10 22"));
        assertEquals(0, e.status());
        assertEquals(Place.HERE, e.place());
        assertEquals("nc -zv -w 2 10.84.0.10 22", e.command());
        var n = assertInstanceOf(Expectation.Status.class, only("exit != 0 on wash as student: cat /etc/shadow"));
        assertTrue(n.negated());
        assertEquals(new Place("wash", "student"), n.place());
        assertEquals(2, n.lineNumber(), "the header is line 1");
    }

    @Test
    void aColonInsideTheCommandBelongsToTheCommand() {
        var e = assertInstanceOf(Expectation.Status.class, only("exit 0: echo a:b | grep -q a:b"));
        assertEquals("echo a:b | grep -q a:b", e.command());
    }

    @Test
    void matchLinesTakeARegexBetweenSlashesWithEscapedSlashesAndTheIgnoreCaseFlag() {
        var e = assertInstanceOf(Expectation.Matches.class, only("output ~ /^\\/etc\\/a b: c$/i on laptop: cat x"));
        assertEquals(CommandStream.OUTPUT, e.stream());
        assertTrue(e.pattern().matcher("/ETC/A B: C").find());
        assertEquals(new Place("laptop", null), e.place());
        var t = assertInstanceOf(Expectation.Matches.class, only("trace !~ /SIGSEGV/: crash"));
        assertEquals(CommandStream.TRACE, t.stream());
        assertTrue(t.negated());
        assertEquals(CommandStream.ERROR, assertInstanceOf(Expectation.Matches.class, only("error ~ /refused/: nc wash 22")).stream());
    }

    @Test
    void verdictLinesNameSourceTargetPortAndVerdict() {
        var v = assertInstanceOf(Expectation.Verdict.class, only("verdict from offcampus to wash:22 is refused"));
        assertEquals(List.of("offcampus", "wash", "22", Reach.REFUSED), List.of(v.from(), v.to(), v.port(), v.expected()));
        var ip = assertInstanceOf(Expectation.Verdict.class, only("verdict from laptop to 10.84.0.10:ssh is accepted"));
        assertEquals("10.84.0.10", ip.to());
        assertEquals("ssh", ip.port());
    }

    @Test
    void stateLinesReadFilesModesOwnersAndProcesses() {
        assertEquals(FileState.EXISTS, assertInstanceOf(Expectation.FileIs.class, only("file /srv/app/bin/ls exists")).state());
        assertEquals(FileState.MISSING, assertInstanceOf(Expectation.FileIs.class, only("file ~/x on wash is missing")).state());
        assertEquals(FileState.DIRECTORY, assertInstanceOf(Expectation.FileIs.class, only("file /tmp is a directory")).state());
        assertEquals(FileState.REGULAR, assertInstanceOf(Expectation.FileIs.class, only("file /etc/motd is a file")).state());
        var c = assertInstanceOf(Expectation.FileIs.class, only("file ~/notes.txt contains /^draft$/"));
        assertTrue(c.pattern().matcher("draft").find());
        assertEquals(0640, assertInstanceOf(Expectation.ModeIs.class, only("mode /etc/shadow is 640")).mode());
        assertEquals(04755, assertInstanceOf(Expectation.ModeIs.class, only("mode /usr/bin/passwd on laptop is 4755")).mode());
        var o = assertInstanceOf(Expectation.OwnerIs.class, only("owner /etc/shadow is root:shadow"));
        assertEquals(List.of("root", "shadow"), List.of(o.user(), o.group()));
        var p = assertInstanceOf(Expectation.ProcessIs.class, only("process sshd on wash is not running"));
        assertEquals("sshd", p.name());
        assertTrue(!p.running());
    }

    @Test
    void aKeywordLineOffItsFormIsBrokenAndSaysTheForm() {
        assertTrue(problem("verdict from a to b:22 is closed").startsWith("`closed` is not a verdict; the form is `verdict from MACHINE to HOST:PORT"));
        assertTrue(problem("exit 0 nc wash 22").startsWith("a colon and the command to run must follow"));
        assertTrue(problem("exit 256: true").startsWith("`256` is not an exit status"));
        assertTrue(problem("output ~ /unclosed: x").startsWith("the regular expression has no closing slash"));
        assertTrue(problem("output ~ /(/: x").startsWith("bad regular expression /(/"));
        assertTrue(problem("mode /etc/shadow is 999").startsWith("`999` is not an octal mode"));
        assertTrue(problem("file etc/passwd exists").startsWith("`etc/passwd` is not a path"));
        assertTrue(problem("process sshd is sleeping").startsWith("the form is `process NAME"));
        assertTrue(problem("exit 0:").startsWith("the command after the colon is missing"));
        assertTrue(problem("file /x exists now").startsWith("unexpected `now`"));
    }

    @Test
    void otherLinesAreShellAndLinesInARowAreOneStep() {
        List<Expectation> all = CheckBody.parse("# a comment\n%machine wash\ntest -r /etc/shadow\n\nexit 0: true\ngrep -q x /y\n");
        assertEquals(3, all.size(), all.toString());
        var first = assertInstanceOf(Expectation.Shell.class, all.get(0));
        assertEquals("%machine wash\ntest -r /etc/shadow\n", first.script());
        assertEquals("%machine wash  (+1 line)", first.text());
        assertEquals(3, first.lineNumber());
        assertInstanceOf(Expectation.Status.class, all.get(1));
        assertEquals("grep -q x /y", assertInstanceOf(Expectation.Shell.class, all.get(2)).text());
    }
}
