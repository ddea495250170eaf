package dev.syssim.sim.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.syssim.sim.world.Terminal;
import org.junit.jupiter.api.Test;

/** The shell running on the laptop: expansions, redirections, pipelines, control flow, jobs. */
class ShellTest {

    private final Terminal.Fixture f = Terminal.laptop();

    @Test
    void variablesAndStatus() {
        assertEquals("a b\n0 1\n", f.run("x='a b'; echo $x; true; s=$?; false; echo $s $?"));
    }

    @Test
    void unquotedExpansionsSplitIntoFieldsAndQuotedOnesDoNot() {
        assertEquals("3\n1\n", f.run("x='1 2 3'; set -- $x; echo $#; set -- \"$x\"; echo $#"));
    }

    @Test
    void commandSubstitutionAndArithmetic() {
        assertEquals("laptop 5\n", f.run("echo $(cat /etc/hostname) $((2 + 3))"));
    }

    @Test
    void tildeIsTheHomeDirectory() {
        assertEquals("/home/student\n", f.run("echo ~"));
    }

    @Test
    void redirectionsCreateAppendAndMergeStreams() {
        assertEquals("one\ntwo\n", f.run("cd /tmp; echo one > f; echo two >> f; cat < f"));
        assertEquals("", f.run("ls /nope 2> /tmp/err"));
        assertEquals("ls: cannot access '/nope': No such file or directory\n", f.run("cat /tmp/err"));
        assertEquals("ls: cannot access '/nope': No such file or directory\n", f.run("ls /nope 2>&1 | cat"));
    }

    @Test
    void redirectionToAMissingDirectoryFailsWithBashsMessage() {
        assertEquals("bash: /nope/x: No such file or directory\n1\n", f.run("echo hi > /nope/x; echo $?"));
    }

    @Test
    void pipelineStatusIsTheLastCommandsAndBangNegatesIt() {
        assertEquals("0\n1\n", f.run("false | true; echo $?; ! true; echo $?"));
    }

    @Test
    void hereDocumentsExpandUnlessTheDelimiterIsQuoted() {
        assertEquals("hi student\nhi $USER\n", f.run("cat <<EOF\nhi $USER\nEOF\ncat <<'EOF'\nhi $USER\nEOF"));
    }

    @Test
    void globsMatchSortedNames() {
        assertEquals("/etc/hostname /etc/hosts\n", f.run("echo /etc/host*"));
        assertEquals("/etc/nomatch*\n", f.run("echo /etc/nomatch*"));
    }

    @Test
    void ifForWhileAndFunctions() {
        assertEquals("yes\n1\n2\n3\n2\n1\nhello world\n", f.run(
                "if test -e /etc/motd; then echo yes; else echo no; fi\n"
                        + "for i in 1 2 3; do echo $i; done\n"
                        + "n=2; while [ $n -gt 0 ]; do echo $n; n=$((n - 1)); done\n"
                        + "greet() { echo hello $1; }; greet world"));
    }

    @Test
    void cdChangesTheDirectoryAndReportsErrors() {
        assertEquals("/tmp\nbash: cd: /nope: No such file or directory\n1\n", f.run("cd /tmp; pwd; cd /nope; echo $?"));
    }

    @Test
    void backgroundJobsAreAnnouncedAndReportedLikeBash() {
        assertEquals("[1] 1101\n[1]+  Killed                  sleep 100\n", f.run("sleep 100 & kill -9 $!; wait"));
        assertEquals("[1] 1102\n", f.run("sleep 1 &"));
        assertEquals("[1]+  Done                    sleep 1\n", f.run("wait"));
    }

    @Test
    void aScriptWithoutShebangRunsInTheShell() {
        assertEquals("from script\n", f.run("echo 'echo from script' > /tmp/s; chmod +x /tmp/s; /tmp/s"));
    }

    @Test
    void commandNotFoundInAScriptNamesTheLine() {
        assertEquals("bash: line 2: nosuch: command not found\n", f.run("bash -c 'true\nnosuch'"));
    }

    @Test
    void exitInTheSessionShellStartsAFreshOne() {
        assertEquals("exit\n", f.run("cd /tmp; exit"));
        assertEquals("/home/student\n", f.run("pwd"));
    }
}
