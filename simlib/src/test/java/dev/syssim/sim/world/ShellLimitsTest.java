package dev.syssim.sim.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syssim.sim.fs.ExecImage;
import dev.syssim.sim.fs.FileSystem;
import dev.syssim.sim.fs.Inode;
import dev.syssim.sim.fs.PathWalker;
import dev.syssim.sim.os.Program;
import dev.syssim.sim.prog.Binaries;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 18's crashes, each gone: a user's program never meets Java's stack (long scripts, long
 * loops, deep nesting end in bash's own messages), globs that used to throw, here-documents in
 * command substitutions, and an internal error that is reported once and leaves the session
 * working on the world as it was.
 */
class ShellLimitsTest {

    private final Terminal.Fixture f = Terminal.laptop();

    @Test
    void aCellOfSixtyPlainCommandsRuns() {
        StringBuilder cell = new StringBuilder();
        for (int i = 0; i < 60; i++) cell.append("x=").append(i).append('\n');
        for (int i = 0; i < 60; i++) cell.append("echo ").append(i).append('\n');
        String out = f.run(cell + "echo x=$x");
        assertTrue(out.startsWith("0\n1\n2\n") && out.endsWith("59\nx=59\n"), out);
        assertEquals("next\n", f.run("echo next"));
    }

    @Test
    void aScriptOfAHundredThousandLinesRuns() {
        // written by the simulated shell itself, then run as a script file
        String make = "for ((i = 0; i < 100000; i++)); do echo \"n=\\$((n + 1))\"; done > /tmp/long.sh";
        assertEquals("", f.run(make));
        assertEquals("100000\n100001\n", f.run("wc -l < /tmp/long.sh; n=0; . /tmp/long.sh; echo $((n + 1))"));
    }

    @Test
    void aMillionIterationsAndTwoThousandWordsLoopInTheShellsOwnStack() {
        assertEquals("1000000\n", f.run("i=0; while ((i < 1000000)); do ((i++)); done; echo $i"));
        assertEquals("2000 w2000\n", f.run("n=0; for w in $(seq -f 'w%g' 1 2000); do n=$((n + 1)); last=$w; done; echo $n $last"));
    }

    @Test
    void deepNestingWorksOrEndsInBashsOwnSyntaxError() {
        // bash's parser keeps a bison stack of 10,000 entries: 1,000 nested subshells parse, 10,000 do not
        assertEquals("deep\n", f.run("( ".repeat(1_000) + "echo deep" + " )".repeat(1_000)));
        String tooDeep = f.run("( ".repeat(10_000) + "echo deep" + " )".repeat(10_000));
        assertEquals("bash: syntax error near unexpected token `('\n", tooDeep);
        assertEquals("1\n", f.run("echo $((" + "(".repeat(10_000) + "1" + ")".repeat(10_000) + "))"));
        assertEquals("inner\n", f.run("echo " + "$(echo ".repeat(200) + "inner" + ")".repeat(200)));
        // 2,000 nested $( ) are 2,000 processes at once: more than a user may have, so bash's fork
        // messages (real bash 5.2 does not get that far: its recursive parser dies of SIGSEGV)
        String many = f.run("echo " + "$(echo ".repeat(2_000) + "inner" + ")".repeat(2_000));
        assertTrue(many.startsWith("bash: fork: retry: Resource temporarily unavailable\n"), many.substring(0, Math.min(200, many.length())));
        assertEquals("ok\n", f.run("echo ok"));
    }

    @Test
    void recursionEndsInBashsOwnMessages() {
        // bash abandons the line, as after any fatal error at a prompt
        assertEquals("bash: f: maximum function nesting level exceeded (500)\n", f.run("FUNCNEST=500; f() { f; }; f; echo not reached"));
        assertEquals("1\n", f.run("echo $?; unset FUNCNEST"));
        // without FUNCNEST, bash recurses until its stack runs out and dies of SIGSEGV
        assertEquals("Segmentation fault\n139\n", f.run("bash -c 'f() { f; }; f'; echo $?"));
        assertEquals("bash: x: expression recursion level exceeded (error token is \"x\")\n", f.run("x=x; echo $((x))"));
    }

    @Test
    void bracketClassesAndEmptyBracketsGlobWithoutErrors() {
        f.run("mkdir -p /tmp/g && cd /tmp/g && touch a ! %");
        assertEquals("! %\n", f.run("echo [[:punct:]]"));
        assertEquals("[]\n", f.run("echo []"));
        assertEquals("[\n", f.run("echo ["));
    }

    @Test
    void aHereDocumentInsideACommandSubstitutionIsItsText() {
        assertEquals("hello world\n", f.run("x=$(cat <<EOF\nhello world\nEOF\n)\necho \"$x\""));
    }

    @Test
    void anInternalErrorIsReportedOnceAndTheSessionServesOnWithTheWorldAsItWas() {
        installBoom();
        f.run("echo kept > /tmp/before; cd /tmp");
        String out = f.run("boom; echo after $?");
        assertTrue(out.contains("Killed") && out.endsWith("after 137\n"), out);
        assertEquals(1, f.laptop().kernel().takeBugs().size(), "reported once");
        // the session's own shell replaced by the failing program: a fresh shell answers the next cell
        f.run("exec boom");
        assertEquals(1, f.laptop().kernel().takeBugs().size());
        assertEquals("kept\n", f.run("cat /tmp/before"));
        assertTrue(f.laptop().kernel().takeBugs().isEmpty());
    }

    /** A program whose first step throws: a stand-in for a bug in syssim. */
    private void installBoom() {
        Program boom = args -> {
            throw new IllegalStateException("forced by ShellLimitsTest");
        };
        ((Binaries) f.laptop().kernel().programs()).register("boom", boom);
        PathWalker.Result dir = PathWalker.resolve(new RootView(f.laptop().kernel()), "/usr/local/bin", true);
        FileSystem fs = dir.location().mount().fs();
        Inode file = fs.createFile(dir.inode(), "boom", 0755, 0, 0, new ExecImage("boom", null, List.of(), 120, null).toBytes());
        file.setCached(true);
    }
}
