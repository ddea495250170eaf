package dev.syssim.sim.prog.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syssim.sim.world.Terminal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** less: a page for the front end's pager on a terminal, cat elsewhere, and less's own messages. */
class LessTest {

    private final Terminal.Fixture f = Terminal.laptop();

    @Test
    void onTheTerminalTheFileBecomesAPageNotOutput() {
        String motd = f.run("cat /etc/motd");
        String out = f.run("echo before; less /etc/motd; echo after $?");
        assertEquals("before\nafter 0\n", out, "the alternate screen never reaches the cell's output");
        assertEquals(List.of(motd), f.terminal().pages);
    }

    @Test
    void withoutAReaderThePageIsPrinted() {
        f.terminal().inputAllowed = false;
        String out = f.run("less /etc/hostname");
        assertEquals("laptop\n", out, "a headless run has no pager: the text is the output, without escape sequences");
        assertTrue(f.terminal().pages.isEmpty());
    }

    @Test
    void intoAPipeItCopiesLikeCat() {
        assertEquals("laptop\n", f.run("less /etc/hostname | cat"));
        assertTrue(f.terminal().pages.isEmpty());
    }

    @Test
    void pagesStandardInputAndNumbersLines() {
        f.run("printf 'a\\nb\\n' | less -N");
        assertEquals(List.of("      1 a\n      2 b\n"), f.terminal().pages);
    }

    @Test
    void largeTextArrivesAsOnePage() {
        f.run("seq 1 20000 | less");
        assertEquals(1, f.terminal().pages.size());
        assertTrue(f.terminal().pages.get(0).startsWith("1\n2\n") && f.terminal().pages.get(0).endsWith("19999\n20000\n"));
    }

    @Test
    void lessOwnMessagesAndStatus() {
        assertEquals("/nope: No such file or directory\n1\n", f.run("less /nope; echo $?"));
        assertEquals("/etc is a directory\n1\n", f.run("less /etc; echo $?"));
        assertEquals("Missing filename (\"less --help\" for help)\n1\n", f.run("less; echo $?"));
        assertTrue(f.terminal().pages.isEmpty());
    }
}
