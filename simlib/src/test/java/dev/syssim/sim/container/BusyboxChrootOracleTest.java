package dev.syssim.sim.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * busybox's chroot applet (which the busybox image carries, and the lecture's docker-group lesson
 * uses: {@code docker run -v /:/host busybox chroot /host ...}) replays the cases recorded with
 * Debian 12's busybox-static as root (testdata/oracle/busybox/chroot-1.35.0.txt, record-chroot.sh):
 * its usage, its messages, its statuses 1, 127 and 0, where it is installed.
 */
class BusyboxChrootOracleTest {

    private static final Path FILE = Path.of("..", "testdata", "oracle", "busybox", "chroot-1.35.0.txt");

    /** One recorded case: the command and what it printed, ending with "status N". */
    record Case(String command, String output) {
    }

    static List<Case> cases() throws Exception {
        List<Case> out = new ArrayList<>();
        String command = null;
        StringBuilder output = new StringBuilder();
        for (String line : Files.readAllLines(FILE)) {
            if (line.startsWith("$ ")) {
                if (command != null) out.add(new Case(command, output.toString()));
                command = line.substring(2);
                output.setLength(0);
            } else {
                output.append(line).append('\n');
            }
        }
        if (command != null) out.add(new Case(command, output.toString()));
        return out;
    }

    @Test
    void theChrootAppletMatchesTheRecordedRuns() throws Exception {
        Docked root = new Docked("root");
        // the recording script's setup: a root of one static busybox and its sh link
        root.run("mkdir -p /tmp/bbroot/bin && cp /usr/bin/busybox /tmp/bbroot/bin/ && ln -sf busybox /tmp/bbroot/bin/sh");
        List<Case> cases = cases();
        assertEquals(6, cases.size());
        for (Case c : cases) {
            assertEquals(c.output(), root.run("sh -c \"" + c.command().replace("\"", "\\\"") + "\" 2>&1; echo \"status $?\""), c.command());
        }
    }

    @Test
    void theDockerGroupLessonABusyboxContainerChrootsIntoTheHostsRootAndReadsItsShadowFile() {
        Docked d = new Docked();
        d.run("docker pull busybox >/dev/null");
        assertEquals("cat: /etc/shadow: Permission denied\n", d.run("cat /etc/shadow"));
        String shadow = d.run("docker run --rm -v /:/host busybox chroot /host cat /etc/shadow");
        assertTrue(shadow.startsWith("root:"), shadow);
        assertTrue(shadow.contains("\nstudent:$"), shadow);
    }
}
