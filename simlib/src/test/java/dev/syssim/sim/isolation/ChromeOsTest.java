package dev.syssim.sim.isolation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syssim.sim.world.Machine;
import dev.syssim.sim.world.RunLimits;
import dev.syssim.sim.world.Scenarios;
import dev.syssim.sim.world.Session;
import dev.syssim.sim.world.Terminal;
import dev.syssim.sim.world.World;
import org.junit.jupiter.api.Test;

/** The chromeos preset: ChromeOS without Debian's tools, and a Debian chroot entered as crouton enters it. */
class ChromeOsTest {

    private final World world = Scenarios.named("chromeos").orElseThrow().build(42, RunLimits.DEFAULT);
    private final Machine book = world.machines().iterator().next();
    private final Terminal terminal = new Terminal();
    private final Session session = new Session(world, terminal);

    private String run(String text) {
        terminal.reset();
        session.run(text);
        return terminal.both.toString();
    }

    @Test
    void theHostIsChromeOsWithoutDebiansPackageTools() {
        session.switchTo(book, "student");
        assertEquals("NAME=Chrome OS\n", run("head -1 /etc/os-release"));
        assertTrue(run("debootstrap --help; ls /etc/debian_version").contains("No such file or directory"));
    }

    @Test
    void enterChrootMountsProcAndRunsTheCommandInDebianAsTheUser() {
        session.switchTo(book, "student");
        assertEquals("Entering /usr/local/chroots/bookworm...\n12.15\nstudent\n",
                run("sudo enter-chroot 'cat /etc/debian_version; whoami'"));
        String ps = run("sudo enter-chroot 'cat /proc/1/cmdline | tr \"\\\\0\" \" \"; echo'");
        assertTrue(ps.endsWith("/sbin/init \n"), "the chroot sees the host's processes: " + ps);
    }

    @Test
    void withoutSudoEnterChrootRefuses() {
        session.switchTo(book, "student");
        assertEquals("enter-chroot: must be run as root (sudo enter-chroot)\n2\n", run("enter-chroot; echo $?"));
    }
}
