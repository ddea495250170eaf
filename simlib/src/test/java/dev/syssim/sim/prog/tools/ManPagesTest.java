package dev.syssim.sim.prog.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syssim.sim.world.Terminal;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** man-db's pages, whatis and apropos for every executable the simulated machine carries. */
class ManPagesTest {

    private final Terminal.Fixture f = Terminal.laptop();

    @Test
    void everyExecutableOnTheMachineHasAManualPageAndAWhatisLine() {
        String listing = f.run("ls -1 /usr/bin /usr/sbin");
        int checked = 0;
        for (String name : listing.split("\n")) {
            if (name.isEmpty() || name.endsWith(":")) continue;
            String page = f.run("man " + name + "; echo $?");
            String title = name.toUpperCase(Locale.ROOT) + "(";
            assertTrue(page.startsWith(title), name + ": " + page);
            assertTrue(page.contains("\nNAME\n       " + name + " - "), name + ": " + page);
            for (String line : page.split("\n")) {
                // as groff does, only a word longer than the line may overflow it
                assertTrue(line.length() <= 78 || !line.strip().contains(" "), name + ": " + line);
            }
            assertTrue(page.contains("\nSYNOPSIS\n       "), name + ": " + page);
            assertTrue(page.endsWith(")\n0\n"), name + ": " + page);
            assertTrue(f.run("whatis " + name).startsWith(name + " ("), name);
            checked++;
        }
        assertTrue(checked > 80, "only " + checked + " executables");
    }

    @Test
    void everyLineOfAPageFitsEightyColumns() {
        for (String name : new String[] {"ps", "env", "timeout", "date", "expr", "top", "pgrep", "free", "man"}) {
            for (String line : f.run("man " + name).split("\n")) assertTrue(line.length() <= 78, name + ": " + line);
        }
    }

    @Test
    void theFooterNamesThePackageAndTheDateOfItsPage() {
        assertTrue(f.run("man ps").endsWith("\nprocps-ng                         2022-05-11                             PS(1)\n"));
        assertTrue(f.run("man renice").endsWith("\nutil-linux 2.38.1                 2022-05-11                         RENICE(1)\n"));
    }

    @Test
    void whatisTellsEachNameAndFailsOnlyWhenNoneIsFound() {
        assertEquals("ls (1)               - list information about the FILEs (the current directory by default)\n"
                + "nosuch: nothing appropriate.\n0\n", f.run("whatis ls nosuch; echo $?"));
        assertEquals("nosuch: nothing appropriate.\n16\n", f.run("whatis nosuch; echo $?"));
    }

    @Test
    void aproposSearchesNamesAndSummariesIgnoringCase() {
        String out = f.run("apropos SIGNAL");
        assertTrue(out.contains("kill (1)             - send a signal to a process\n"), out);
        assertTrue(f.run("man -k '^rm'").startsWith("rm (1)"), f.run("man -k '^rm'"));
        assertEquals("mount (8)            - mount a filesystem\n", f.run("apropos -s 8 '^mount$'"));
    }

    @Test
    void aPageForAnExecutableFoundOnPath() {
        assertTrue(f.run("man dash").startsWith("DASH(1)"));
    }
}
