package dev.syssim.kernel.protocol;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Glob patterns read as SQLite's GLOB, the way IPython's history search matches inputs. */
class GlobTest {

    private static boolean matches(String glob, String input) {
        return Glob.toPattern(glob).matcher(input).matches();
    }

    @Test
    void starMatchesAnyRunIncludingNewlines() {
        assertTrue(matches("echo*", "echo hi\nls"));
        assertTrue(matches("*", ""));
    }

    @Test
    void questionMarkMatchesExactlyOneCharacter() {
        assertTrue(matches("l?", "ls"));
        assertFalse(matches("l?", "l"));
    }

    @Test
    void theWholeInputMustMatch() {
        assertFalse(matches("echo", "echo hi"));
    }

    @Test
    void matchingIsCaseSensitive() {
        assertFalse(matches("ECHO*", "echo hi"));
    }

    @Test
    void bracketsAreClassesRangesAndNegations() {
        assertTrue(matches("[ce]at", "cat"));
        assertTrue(matches("file[0-9]", "file7"));
        assertFalse(matches("[^c]at", "cat"));
        assertTrue(matches("[]]", "]"));
    }

    @Test
    void regexCharactersAreLiterals() {
        assertTrue(matches("a.b+(c)|$", "a.b+(c)|$"));
        assertFalse(matches("a.b", "axb"));
        assertTrue(matches("[", "["));
    }
}
