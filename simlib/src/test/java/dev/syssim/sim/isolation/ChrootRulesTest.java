package dev.syssim.sim.isolation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syssim.sim.world.UserPrograms;
import org.junit.jupiter.api.Test;

/** chroot(2), chroot(1) and exec in a new root, each test named after the rule it checks. */
class ChrootRulesTest {

    @Test
    void chrootWithoutCapSysChrootFailsWithEpermAndStatus125() {
        Rooted r = new Rooted();
        r.session.switchTo(r.laptop, "student");
        // chroot lives in /usr/sbin, outside the student's PATH; coreutils names itself by argv[0]
        assertEquals("/usr/sbin/chroot: cannot change root directory to '/srv/bb': Operation not permitted\n125\n",
                r.run("/usr/sbin/chroot /srv/bb /bin/sh; echo $?"));
    }

    @Test
    void chrootOneChangesDirectoryToTheNewRootThenRunsTheCommand() {
        Rooted r = new Rooted();
        assertEquals("/\nbin\ndev\netc\nproc\ntmp\n", r.run("cd /srv && chroot bb /bin/sh -c 'pwd; ls'"));
    }

    @Test
    void chrootTwoDoesNotChangeTheWorkingDirectorySoTheClassicEscapeWalksOutThroughDotDot() throws Exception {
        Rooted r = new Rooted();
        // chroot(2): "This call does not change the current working directory"; a root process that
        // chroots into a subdirectory while standing outside it can walk ".." up to the real root
        UserPrograms.install(r.laptop, "escape", """
                mkdir /jail
                chroot /jail
                chdir ..
                chdir ..
                chdir ..
                chroot .
                exec /bin/cat /etc/hostname
                """, 0, 0);
        r.run("cp /usr/local/bin/escape /srv/bb/bin/escape");
        assertEquals("laptop\n", r.run("chroot /srv/bb /bin/escape"));
    }

    @Test
    void dotDotAtTheProcessRootStaysAtTheRoot() {
        Rooted r = new Rooted();
        assertEquals("/\n", r.run("chroot /srv/bb /bin/sh -c 'cd /../..; pwd'"));
    }

    @Test
    void execInTheNewRootNeedsTheElfInterpreterThereElseEnoentAndStatus127() {
        Rooted r = new Rooted();
        r.run("mkdir -p /srv/nold/bin && cp /bin/bash /srv/nold/bin/");
        assertEquals("chroot: failed to run command ‘/bin/bash’: No such file or directory\n127\n", r.run("chroot /srv/nold /bin/bash; echo $?"));
        assertTrue(r.run("ls -l /srv/nold/bin/bash").contains("/srv/nold/bin/bash"), "the file itself is there");
    }

    @Test
    void theLoaderLooksLibrariesUpInTheNewRootAndSaysWhichIsMissing() {
        Rooted r = new Rooted();
        r.run("mkdir -p /srv/nolib/bin /srv/nolib/lib64 /srv/nolib/lib/x86_64-linux-gnu && cp /bin/bash /srv/nolib/bin/"
                + " && cp /lib64/ld-linux-x86-64.so.2 /srv/nolib/lib64/ && cp /lib/x86_64-linux-gnu/libc.so.6 /srv/nolib/lib/x86_64-linux-gnu/");
        assertEquals("/bin/bash: error while loading shared libraries: libtinfo.so.6: cannot open shared object file: No such file or directory\n127\n",
                r.run("chroot /srv/nolib /bin/bash -c 'echo hi'; echo $?"));
    }

    @Test
    void lddListsWhatTheLoaderWouldFindInTheCallersRoot() {
        Rooted r = new Rooted();
        String host = r.run("ldd /bin/bash | sed 's/ (0x[0-9a-f]*)//'");
        assertEquals("\tlinux-vdso.so.1\n\tlibtinfo.so.6 => /lib/x86_64-linux-gnu/libtinfo.so.6\n\tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6\n"
                + "\t/lib64/ld-linux-x86-64.so.2\n", host);
        assertEquals("\tnot a dynamic executable\n1\n", r.run("ldd /srv/bb/bin/busybox; echo $?"));
    }

    @Test
    void aProgramNeedingANewerGlibcFailsWithTheLoadersVersionMessageAndRunsInARootWithThatLibrary() {
        Rooted r = new Rooted();
        r.run("debootstrap --variant=minbase --include=hello trixie /srv/trixie > /dev/null");
        r.run("cp /srv/trixie/usr/bin/hello /usr/local/bin/hello");
        // the loader names the program by argv[0]; a failed version check exits 1 (measured on Debian 12)
        assertEquals("hello: /lib/x86_64-linux-gnu/libc.so.6: version `GLIBC_2.38' not found (required by hello)\n1\n", r.run("hello; echo $?"));
        assertEquals("Hello, world!\n", r.run("chroot /srv/trixie /usr/bin/hello"));
    }

    @Test
    void aChrootSharesTheProcessSpaceOnceProcIsMountedThere() {
        Rooted r = new Rooted();
        String inside = r.run("chroot /srv/bb /bin/sh -c 'mount -t proc proc /proc; ps'");
        // busybox ps names users from the root's /etc/passwd, which this root lacks: it prints the uid
        assertTrue(inside.startsWith("PID   USER     COMMAND\n    1 0        /sbin/init\n"), "the host's init is visible: " + inside);
    }

    @Test
    void aChrootSharesTheUtsNamespace() {
        Rooted r = new Rooted();
        assertEquals("laptop\n", r.run("chroot /srv/bb /bin/hostname"));
    }
}
