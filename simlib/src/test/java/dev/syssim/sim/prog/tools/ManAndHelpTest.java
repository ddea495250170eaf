package dev.syssim.sim.prog.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syssim.sim.world.Terminal;
import org.junit.jupiter.api.Test;

/** man pages and {@code --help} for every installed tool. */
class ManAndHelpTest {

    private final Terminal.Fixture f = Terminal.laptop();

    @Test
    void manFormatsThePageWithHeaderSectionsAndFooter() {
        String out = f.run("man cat");
        assertTrue(out.startsWith("CAT(1)                           User Commands                          CAT(1)\n\n"
                + "NAME\n       cat - concatenate files and print on the standard output\n\n"
                + "SYNOPSIS\n       cat [OPTION]... [FILE]...\n\nDESCRIPTION\n"), out);
        assertTrue(out.contains("\n       -n, --number\n              number all output lines\n"), out);
        assertTrue(out.endsWith("\nGNU coreutils 9.1               September 2022                          CAT(1)\n"), out);
    }

    @Test
    void manOfASystemAdministrationCommandIsSectionEight() {
        assertTrue(f.run("man mount").startsWith("MOUNT(8)                     System Administration                    MOUNT(8)\n"));
    }

    @Test
    void manWithoutAPageExitsSixteen() {
        assertEquals("No manual entry for nosuch\n16\n", f.run("man nosuch; echo $?"));
    }

    @Test
    void manInTheWrongSection() {
        assertEquals("No manual entry for cat in section 8\n16\n", f.run("man 8 cat; echo $?"));
    }

    @Test
    void manWithoutArgumentsAsksWhichPage() {
        assertEquals("What manual page do you want?\nFor example, try 'man man'.\n1\n", f.run("man; echo $?"));
    }

    @Test
    void everyInstalledToolHasAManualPage() {
        for (Executable e : Installed.BINARIES) {
            String name = e.path().substring(e.path().lastIndexOf('/') + 1);
            String out = f.run("man " + name + "; echo $?");
            assertTrue(out.startsWith(name.toUpperCase(java.util.Locale.ROOT) + "("), name + ": " + out);
            assertTrue(out.contains("\nNAME\n       " + name + " - "), name + ": " + out);
            assertTrue(out.endsWith("\n0\n"), name + ": " + out);
        }
    }

    /** vim's xxd prints its usage for --help on standard error and exits 1 (it has no --help of its own). */
    private static final java.util.Set<String> HELP_EXITS_ONE = java.util.Set.of("/usr/bin/xxd");

    /** coreutils' test takes a lone --help as a non-empty string: true, and silent (only [ answers --help). */
    private static final java.util.Set<String> HELP_IS_AN_OPERAND = java.util.Set.of("/usr/bin/test");

    @Test
    void testTakesHelpAsAString() {
        assertEquals("0\n", f.run("/usr/bin/test --help; echo $?"));
        assertTrue(f.run("/usr/bin/[ --help").startsWith("Usage: test EXPRESSION\n"));
    }

    @Test
    void everyInstalledToolAnswersHelpWithStatusZero() {
        for (Executable e : Installed.BINARIES) {
            if (HELP_IS_AN_OPERAND.contains(e.path())) continue;
            String out = f.run(e.path() + " --help; echo $?");
            assertTrue(out.endsWith(HELP_EXITS_ONE.contains(e.path()) ? "\n1\n" : "\n0\n"), e.path() + ": " + out);
            assertTrue(out.contains("Usage:") || out.contains("usage:"), e.path() + ": " + out);
        }
    }

    @Test
    void helpOfCatIsItsUsage() {
        assertTrue(f.run("cat --help").startsWith("Usage: cat [OPTION]... [FILE]...\n"));
    }
}
