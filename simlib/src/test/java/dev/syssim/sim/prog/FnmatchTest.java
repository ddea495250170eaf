package dev.syssim.sim.prog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The flags bash's recorded table does not reach (glibc's fnmatch answers the same for each, as
 * checked on this machine), and the rules of the engine itself: no backtracking blow-up, no Java
 * recursion per character, no exception on any input.
 */
class FnmatchTest {

    private static boolean match(String pattern, String string, int flags) {
        return Fnmatch.compile(pattern, flags, true).matches(string);
    }

    @Test
    void pathnameKeepsWildcardsAndBracketsOffSlashes() {
        assertFalse(match("*", "a/b", Fnmatch.PATHNAME));
        assertFalse(match("a?b", "a/b", Fnmatch.PATHNAME));
        assertFalse(match("a[/]b", "a/b", Fnmatch.PATHNAME));
        assertTrue(match("a/*/c", "a/b/c", Fnmatch.PATHNAME));
        assertTrue(match("*/b", "a/b", Fnmatch.PATHNAME));
        assertFalse(match("*/b", "a/c/b", Fnmatch.PATHNAME));
        assertTrue(match("*", "a/b", 0));
    }

    @Test
    void leadingDirLetsThePatternMatchUpToASlash() {
        assertTrue(match("foo*", "foobar/x", Fnmatch.LEADING_DIR));
        assertTrue(match("a*", "a/b", Fnmatch.PATHNAME | Fnmatch.LEADING_DIR));
        assertFalse(match("a*", "a/b", Fnmatch.PATHNAME));
    }

    @Test
    void periodHidesALeadingDotAndOneAfterASlashOnlyWithPathname() {
        assertFalse(match("*", ".x", Fnmatch.PERIOD));
        assertFalse(match("?x", ".x", Fnmatch.PERIOD));
        assertFalse(match("[.]x", ".x", Fnmatch.PERIOD));
        assertTrue(match(".*", ".x", Fnmatch.PERIOD));
        assertFalse(match("a/*", "a/.x", Fnmatch.PATHNAME | Fnmatch.PERIOD));
        assertTrue(match("a/*", "a/.x", Fnmatch.PERIOD));
    }

    @Test
    void noescapeMakesBackslashOrdinary() {
        assertTrue(match("\\a", "\\a", Fnmatch.NOESCAPE));
        assertFalse(match("\\a", "a", Fnmatch.NOESCAPE));
        assertTrue(match("\\a", "a", 0));
    }

    @Test
    void casefoldFoldsLettersOfEveryScript() {
        assertTrue(match("a*", "A", Fnmatch.CASEFOLD));
        assertTrue(match("\u00c3\u00a9", "\u00c3\u0089", Fnmatch.CASEFOLD)); // é and É in UTF-8
    }

    @Test
    void manyStarsDoNotBacktrackExponentially() {
        String subject = "a".repeat(100_000);
        assertFalse(match("*a*a*a*a*a*a*a*a*a*a*b", subject, 0));
        assertTrue(match("*a*a*a*a*a*a*a*a*a*a", subject, 0));
    }

    @Test
    void extglobRepetitionDoesNotRecursePerCharacter() {
        String digits = "7".repeat(20_000);
        assertTrue(match("+([0-9])", digits, Fnmatch.EXTMATCH));
        assertTrue(match("*([0-9])x", digits + "x", Fnmatch.EXTMATCH));
        assertFalse(match("+([0-9])", digits + "x", Fnmatch.EXTMATCH));
    }

    @Test
    void thousandsOfNestedOrChainedExtglobGroupsGiveAnAnswerNotAStackOverflow() {
        assertFalse(match("@(".repeat(5000) + "a" + ")".repeat(5000), "a", Fnmatch.EXTMATCH));
        assertFalse(match("@(a)".repeat(5000), "a".repeat(5000), Fnmatch.EXTMATCH));
        assertTrue(match("@(".repeat(50) + "a" + ")".repeat(50), "a", Fnmatch.EXTMATCH));
        assertTrue(match("@(a)".repeat(50), "a".repeat(50), Fnmatch.EXTMATCH));
    }

    @Test
    void subjectOffsetsAreBytesOfUtf8Characters() {
        Fnmatch.Subject s = Fnmatch.compile("?", 0, true).subject("\u00c3\u00a9b");
        assertEquals(2, s.length());
        assertEquals(2, s.offset(1));
        assertTrue(s.matches(0, 1));
        assertTrue(s.matches(1, 2));
    }

    @Test
    void anyPatternAndStringGiveAnAnswerNeverAnException() {
        String alphabet = "ab*?[]!^-\\:.=()|+@/\u00c3\u00a9\u00e9";
        Random random = new Random(19);
        int[] flagSets = {0, Fnmatch.EXTMATCH, Fnmatch.PATHNAME | Fnmatch.PERIOD | Fnmatch.EXTMATCH,
            Fnmatch.NOESCAPE | Fnmatch.CASEFOLD | Fnmatch.LEADING_DIR, Fnmatch.DOTDOT | Fnmatch.PATHNAME};
        for (int n = 0; n < 30_000; n++) {
            String pattern = random(random, alphabet, 10);
            String string = random(random, alphabet, 8);
            for (int flags : flagSets) {
                Fnmatch.Subject subject = Fnmatch.compile(pattern, flags, n % 2 == 0).subject(string);
                subject.matches(0, subject.length());
                subject.removePrefix(true);
            }
        }
    }

    private static String random(Random random, String alphabet, int max) {
        StringBuilder s = new StringBuilder();
        for (int i = random.nextInt(max + 1); i > 0; i--) s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        return s.toString();
    }
}
