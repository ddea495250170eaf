package dev.syssim.sim.prog.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syssim.sim.world.Terminal;
import org.junit.jupiter.api.Test;

/** cat, head, tail, wc, sort, uniq, cut, tr, tee, grep: their output, messages and exit codes. */
class TextToolsTest {

    private final Terminal.Fixture f = Terminal.laptop();

    @Test
    void catOfAFileTheUserMayNotReadIsPermissionDenied() {
        assertEquals("cat: /etc/shadow: Permission denied\n1\n", f.run("cat /etc/shadow; echo $?"));
    }

    @Test
    void catNumberNumbersLinesAcrossFiles() {
        assertEquals("     1\tlaptop\n     2\tlaptop\n", f.run("cat -n /etc/hostname /etc/hostname"));
    }

    @Test
    void catOfADirectoryIsAnError() {
        assertEquals("cat: /etc: Is a directory\n1\n", f.run("cat /etc; echo $?"));
    }

    @Test
    void headPrintsTheFirstLines() {
        assertEquals("1\n2\n3\n", f.run("seq 10 > /tmp/n; head -3 /tmp/n"));
    }

    @Test
    void headOfSeveralFilesPrintsHeaders() {
        assertEquals("==> /tmp/n <==\n1\n\n==> /etc/hostname <==\nlaptop\n", f.run("seq 10 > /tmp/n; head -n 1 /tmp/n /etc/hostname"));
    }

    @Test
    void headCountsBytesWithC() {
        assertEquals("lap", f.run("head -c 3 /etc/hostname"));
    }

    @Test
    void headOfAMissingFileCannotOpen() {
        assertEquals("head: cannot open 'nope' for reading: No such file or directory\n1\n", f.run("head nope; echo $?"));
    }

    @Test
    void headOfADirectoryIsAReadError() {
        assertEquals("head: error reading '/etc': Is a directory\n1\n", f.run("head /etc; echo $?"));
    }

    @Test
    void yesIntoHeadEndsAfterThreeLines() {
        assertEquals("y\ny\ny\n0\n", f.run("yes | head -3; echo $?"));
    }

    @Test
    void tailPrintsTheLastLinesOrFromLineN() {
        assertEquals("9\n10\n--\n8\n9\n10\n", f.run("seq 10 > /tmp/n; tail -2 /tmp/n; echo --; tail -n +8 /tmp/n"));
    }

    @Test
    void tailFollowPrintsWhatIsAppendedUntilKilled() {
        String out = f.run("echo one > /tmp/log; tail -f /tmp/log & sleep 2; echo two >> /tmp/log; sleep 2; kill %1; sleep 1");
        assertTrue(out.contains("one\n") && out.contains("two\n") && out.indexOf("one") < out.indexOf("two"), out);
    }

    @Test
    void wcPadsColumnsToTheTotalSizeOfTheFiles() {
        assertEquals("  7   7 314 /etc/passwd\n 12  12 152 /etc/group\n 19  19 466 total\n", f.run("wc /etc/passwd /etc/group"));
    }

    @Test
    void wcOfAPipeUsesSevenColumnWidths() {
        assertEquals("      7       7     314\n", f.run("cat /etc/passwd | wc"));
    }

    @Test
    void wcOfOneCountOfOneInputIsNotPadded() {
        assertEquals("7 /etc/passwd\n7\n", f.run("wc -l /etc/passwd; wc -l < /etc/passwd"));
    }

    @Test
    void wcOfAMissingFileFails() {
        assertEquals("wc: nope: No such file or directory\n1\n", f.run("wc nope; echo $?"));
    }

    @Test
    void sortOrdersBytesNumbersAndReverses() {
        assertEquals("10\n9\na\nb\n--\n9\n10\n--\nb\na\n",
                f.run("printf 'b\\na\\n10\\n9\\n' | sort; echo --; printf '10\\n9\\n' | sort -n; echo --; printf 'a\\nb\\n' | sort -r"));
    }

    @Test
    void sortUniqueAndByField() {
        assertEquals("a\nb\n--\nroot\ndaemon\n",
                f.run("printf 'b\\na\\nb\\n' | sort -u; echo --; sort -t: -k3 -n /etc/passwd | head -2 | cut -d: -f1"));
    }

    @Test
    void sortOfAMissingFileExitsTwo() {
        assertEquals("sort: cannot read: nope: No such file or directory\n2\n", f.run("sort nope; echo $?"));
    }

    @Test
    void uniqCountsAdjacentRepeats() {
        assertEquals("      2 a\n      1 b\n      1 a\n", f.run("printf 'a\\na\\nb\\na\\n' | uniq -c"));
    }

    @Test
    void cutSelectsFields() {
        assertEquals("root:/bin/bash\n", f.run("head -1 /etc/passwd | cut -d: -f1,7"));
    }

    @Test
    void cutWithoutAListIsAnError() {
        assertEquals("cut: you must specify a list of bytes, characters, or fields\nTry 'cut --help' for more information.\n1\n", f.run("cut /etc/passwd; echo $?"));
    }

    @Test
    void trTranslatesAndDeletes() {
        assertEquals("HELLO\nheo\n", f.run("echo hello | tr a-z A-Z; echo hello | tr -d l"));
    }

    @Test
    void teeWritesEveryFileItCanAndReportsTheOthers() {
        assertEquals("tee: /etc/x: Permission denied\nhi\n1\nhi\n", f.run("echo hi | tee /etc/x /tmp/t; echo $?; cat /tmp/t"));
    }

    @Test
    void grepPrintsMatchingLinesAndExitsZero() {
        assertEquals("root:x:0:0:root:/root:/bin/bash\n0\n", f.run("grep root /etc/passwd; echo $?"));
    }

    @Test
    void grepWithoutMatchExitsOne() {
        assertEquals("1\n", f.run("grep nosuchthing /etc/passwd; echo $?"));
    }

    @Test
    void grepOfAMissingFileExitsTwo() {
        assertEquals("grep: nope: No such file or directory\n2\n", f.run("grep x nope; echo $?"));
    }

    @Test
    void grepOfAnUnreadableFileIsPermissionDenied() {
        assertEquals("grep: /etc/shadow: Permission denied\n2\n", f.run("grep root /etc/shadow; echo $?"));
    }

    @Test
    void grepOptionsNumberCountInvertIgnoreCase() {
        assertEquals("1:root:x:0:0:root:/root:/bin/bash\n--\n5\n--\n2\n--\nroot:x:0:0:root:/root:/bin/bash\n",
                f.run("grep -n ^root /etc/passwd; echo --; grep -c nologin /etc/passwd; echo --; grep -vc nologin /etc/passwd; echo --; grep -i ^ROOT /etc/passwd"));
    }

    @Test
    void grepBasicAndExtendedAlternation() {
        assertEquals("sys\nstudent\n--\nroot\nstudent\n",
                f.run("grep '^s\\(ys\\|tu\\)' /etc/passwd | cut -d: -f1; echo --; grep -E '^(root|student):' /etc/passwd | cut -d: -f1"));
    }

    @Test
    void grepBasicRegexTreatsPlusAndParenthesesLiterally() {
        assertEquals("a+b\n", f.run("printf 'a+b\\naab\\n' | grep 'a+b'"));
    }

    @Test
    void grepUnmatchedBracketIsAnError() {
        assertEquals("grep: Unmatched [, [^, [:, [., or [=\n2\n", f.run("grep '[a' /etc/passwd; echo $?"));
    }

    @Test
    void grepWithSeveralFilesPrefixesNames() {
        assertTrue(f.run("grep student /etc/passwd /etc/group").startsWith("/etc/passwd:student:x:1000"));
    }

    @Test
    void grepOfADirectoryWithoutRecursion() {
        assertEquals("grep: /etc: Is a directory\n2\n", f.run("grep x /etc; echo $?"));
    }
}
