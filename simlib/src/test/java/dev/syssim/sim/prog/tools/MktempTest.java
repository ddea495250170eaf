package dev.syssim.sim.prog.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syssim.sim.world.Terminal;
import org.junit.jupiter.api.Test;

/** mktemp's random letters come from the world's seeded /dev/urandom: the same notebook gets the same names. */
class MktempTest {

    @Test
    void twoFreshWorldsWithTheSameSeedMakeTheSameNames() {
        String first = Terminal.laptop().run("mktemp; mktemp -d; mktemp -u /tmp/xXXXXXXX");
        String second = Terminal.laptop().run("mktemp; mktemp -d; mktemp -u /tmp/xXXXXXXX");
        assertEquals(first, second);
        assertTrue(first.matches("/tmp/tmp\\.[A-Za-z0-9]{10}\\n/tmp/tmp\\.[A-Za-z0-9]{10}\\n/tmp/x[A-Za-z0-9]{7}\\n"), first);
    }

    @Test
    void successiveNamesDiffer() {
        String out = Terminal.laptop().run("mktemp; mktemp");
        String[] names = out.split("\n");
        assertNotEquals(names[0], names[1]);
    }
}
