package dev.syssim.sim.isolation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * debootstrap(8) from the simulated offline mirror: the progress of a real run (recorded on
 * Debian 12), a root that works under chroot, and the setup steps a real run takes (merged /usr,
 * device nodes, the host's hostname, an apt source). The error paths are oracle cases
 * (testdata/oracle/isolation, debootstrap_*).
 */
class DebootstrapTest {

    private static String recorded(String name) throws IOException {
        try (InputStream in = dev.syssim.sim.prog.tools.isolation.Debootstrap.class.getResourceAsStream("debootstrap/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aMinbaseRunPrintsTheRecordedRunsProgressLinesAndEndsWithTheBaseSystemInstalled() throws IOException {
        Rooted r = new Rooted();
        String out = r.run("debootstrap --variant=minbase bookworm /srv/deb; echo rc=$?");
        assertEquals(recorded("bookworm-minbase.log") + "rc=0\n", out);
        assertTrue(out.contains("I: Retrieving coreutils 9.1-1\n") && out.endsWith("I: Base system installed successfully.\nrc=0\n"), out);
    }

    @Test
    void theNewRootIsMergedUsrWithTheLoaderLibrariesShellsDevicesAndTheHostsHostname() {
        Rooted r = new Rooted();
        r.run("debootstrap --variant=minbase bookworm /srv/deb > /dev/null");
        assertEquals("usr/bin\nusr/lib64\n", r.run("readlink /srv/deb/bin /srv/deb/lib64"));
        assertEquals("12.15\nlaptop\ndeb http://deb.debian.org/debian bookworm main\n",
                r.run("chroot /srv/deb /bin/bash -c 'cat /etc/debian_version /etc/hostname /etc/apt/sources.list'"));
        assertEquals("crw-rw-rw- 1,3 /dev/null\n", r.run("stat -c '%A %t,%T %n' /srv/deb/dev/null | sed 's|/srv/deb||'"));
        assertEquals("root:x:0:0:root:/root:/bin/bash\n", r.run("chroot /srv/deb head -1 /etc/passwd"));
        assertEquals("", r.run("ls /srv/deb/debootstrap 2>/dev/null"), "the work directory is gone");
    }

    @Test
    void minbaseHasNoProcpsSoPsIsNotThere() {
        Rooted r = new Rooted();
        r.run("debootstrap --variant=minbase bookworm /srv/deb > /dev/null");
        assertEquals("chroot: failed to run command \u2018ps\u2019: No such file or directory\n127\n", r.run("chroot /srv/deb ps; echo $?"));
    }

    @Test
    void aMirrorGivenOnTheCommandLineIsTheOneNamed() {
        Rooted r = new Rooted();
        String out = r.run("debootstrap --variant=minbase bookworm /srv/deb http://mirror.example/debian | grep component");
        assertEquals("I: Checking component main on http://mirror.example/debian...\n", out);
        assertEquals("deb http://mirror.example/debian bookworm main\n", r.run("cat /srv/deb/etc/apt/sources.list"));
    }
}
