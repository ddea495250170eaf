package dev.syssim.sim.prog.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syssim.sim.world.Terminal;
import org.junit.jupiter.api.Test;

/** pwd, mkdir, rmdir, rm, cp, mv, touch, chmod, chown, ln: coreutils 9.1's output, messages and exit codes. */
class FileToolsTest {

    private final Terminal.Fixture f = Terminal.laptop();

    @Test
    void pwdPrintsTheWorkingDirectoryFromGetcwd() {
        assertEquals("/tmp\n", f.run("cd /tmp; /usr/bin/pwd"));
    }

    @Test
    void mkdirOfAnExistingDirectoryFailsWithFileExists() {
        assertEquals("mkdir: cannot create directory ‘d’: File exists\n1\n", f.run("cd /tmp; mkdir d; mkdir d; echo $?"));
    }

    @Test
    void mkdirParentsMakesEveryMissingComponentAndIsQuietAboutExistingOnes() {
        assertEquals("mkdir: created directory 'a'\nmkdir: created directory 'a/b'\n0\n", f.run("cd /tmp; mkdir -pv a/b; mkdir -p a/b; echo $?"));
    }

    @Test
    void mkdirModeSetsTheModeExactlyDespiteTheUmask() {
        assertTrue(f.run("cd /tmp; mkdir -m 1777 shared; ls -ld shared").startsWith("drwxrwxrwt 2 student student"));
    }

    @Test
    void mkdirInAReadOnlyToTheUserDirectoryIsPermissionDenied() {
        assertEquals("mkdir: cannot create directory ‘/etc/x’: Permission denied\n1\n", f.run("mkdir /etc/x; echo $?"));
    }

    @Test
    void mkdirWithoutOperandIsAUsageError() {
        assertEquals("mkdir: missing operand\nTry 'mkdir --help' for more information.\n1\n", f.run("mkdir; echo $?"));
    }

    @Test
    void rmOfAMissingFileFailsUnlessForced() {
        assertEquals("rm: cannot remove 'nope': No such file or directory\n1\n0\n", f.run("rm nope; echo $?; rm -f nope; echo $?"));
    }

    @Test
    void rmWithoutRecursiveRefusesDirectory() {
        assertEquals("rm: cannot remove 'd': Is a directory\n1\n", f.run("cd /tmp; mkdir d; rm d; echo $?"));
    }

    @Test
    void rmRecursiveVerboseRemovesContentsBeforeTheDirectory() {
        assertEquals("removed 'd/e/f'\nremoved directory 'd/e'\nremoved directory 'd'\n0\n",
                f.run("cd /tmp; mkdir -p d/e; touch d/e/f; rm -rv d; echo $?"));
    }

    @Test
    void rmInStickyTmpOfAnotherUsersFileIsNotPermitted() {
        f.terminal().typed.add("student");
        f.run("sudo touch /tmp/x; sudo chmod 666 /tmp/x");
        assertEquals("rm: cannot remove '/tmp/x': Operation not permitted\n1\n", f.run("rm /tmp/x; echo $?"));
    }

    @Test
    void rmAsksBeforeRemovingAWriteProtectedFileOnATerminal() {
        f.terminal().typed.add("student");
        f.run("sudo touch /tmp/x");
        f.terminal().typed.add("n");
        assertEquals("rm: remove write-protected regular empty file '/tmp/x'? n\n0\n", f.run("rm /tmp/x; echo $?"));
    }

    @Test
    void rmdirOfANonEmptyDirectoryFails() {
        assertEquals("rmdir: failed to remove 'd': Directory not empty\n1\n", f.run("cd /tmp; mkdir -p d/e; rmdir d; echo $?"));
    }

    @Test
    void cpCopiesContentAndVerboseNamesBoth() {
        assertEquals("'a' -> 'b'\nhello\n", f.run("cd /tmp; echo hello > a; cp -v a b; cat b"));
    }

    @Test
    void cpOfAMissingSourceCannotStat() {
        assertEquals("cp: cannot stat 'nope': No such file or directory\n1\n", f.run("cd /tmp; cp nope x; echo $?"));
    }

    @Test
    void cpWithoutRecursiveOmitsDirectories() {
        assertEquals("cp: -r not specified; omitting directory 'd'\n1\n", f.run("cd /tmp; mkdir d; cp d e; echo $?"));
    }

    @Test
    void cpRecursiveCopiesATree() {
        assertEquals("x\n", f.run("cd /tmp; mkdir -p d/sub; echo x > d/sub/f; cp -r d e; cat e/sub/f"));
    }

    @Test
    void cpIntoAnUnwritableDirectoryCannotCreate() {
        assertEquals("cp: cannot create regular file '/etc/hostname2': Permission denied\n1\n",
                f.run("cp /etc/hostname /etc/hostname2; echo $?"));
    }

    @Test
    void cpMissingDestinationIsAUsageError() {
        assertEquals("cp: missing destination file operand after 'a'\nTry 'cp --help' for more information.\n1\n", f.run("cp a; echo $?"));
    }

    @Test
    void mvRenamesWithinOneFileSystem() {
        assertEquals("renamed 'a' -> 'd/a'\nhi\n", f.run("cd /tmp; echo hi > a; mkdir d; mv -v a d/; cat d/a"));
    }

    @Test
    void mvOfAMissingSourceCannotStat() {
        assertEquals("mv: cannot stat 'nope': No such file or directory\n1\n", f.run("mv nope x; echo $?"));
    }

    @Test
    void mvOutOfAProtectedDirectoryIsPermissionDenied() {
        assertEquals("mv: cannot move '/etc/hostname' to '/tmp/h': Permission denied\n1\n", f.run("mv /etc/hostname /tmp/h; echo $?"));
    }

    @Test
    void touchCreatesAnEmptyFileOwnedByTheUser() {
        assertEquals("-rw-r--r-- 1 student student 0 Jan  5 10:00 new\n", f.run("cd /tmp; touch new; ls -l new"));
    }

    @Test
    void touchUpdatesTheTimeOfAnExistingFile() {
        assertTrue(f.run("cd /tmp; touch t; sleep 120; touch t; ls -l t").endsWith("Jan  5 10:02 t\n"));
    }

    @Test
    void touchInAProtectedDirectoryCannotTouch() {
        assertEquals("touch: cannot touch '/etc/x': Permission denied\n1\n", f.run("touch /etc/x; echo $?"));
    }

    @Test
    void chmodOctalAndSymbolicModes() {
        assertEquals("-rw-------\n-rwxr--r--\n-r--r--r--\n",
                f.run("cd /tmp; touch p; chmod 600 p; stat -c %A p; chmod u+x,go+r p; stat -c %A p; chmod a=r p; stat -c %A p"));
    }

    @Test
    void chmodPlusWithoutWhoRespectsTheUmask() {
        assertEquals("-rw-r--r--\n", f.run("cd /tmp; touch p; chmod 444 p; chmod +w p; stat -c %A p"));
    }

    @Test
    void chmodVerboseReportsOldAndNewMode() {
        assertEquals("mode of 'p' changed from 0644 (rw-r--r--) to 0755 (rwxr-xr-x)\n", f.run("cd /tmp; touch p; chmod -v 755 p"));
    }

    @Test
    void chmodOfAnotherUsersFileIsNotPermitted() {
        assertEquals("chmod: changing permissions of '/etc/passwd': Operation not permitted\n1\n", f.run("chmod 777 /etc/passwd; echo $?"));
    }

    @Test
    void chmodRejectsAnInvalidMode() {
        assertEquals("chmod: invalid mode: 'zz'\nTry 'chmod --help' for more information.\n1\n", f.run("cd /tmp; touch p; chmod zz p; echo $?"));
    }

    @Test
    void chownToAnotherUserNeedsCapChown() {
        assertEquals("chown: changing ownership of 'o': Operation not permitted\n1\n", f.run("cd /tmp; touch o; chown root o; echo $?"));
    }

    @Test
    void chownToAGroupTheOwnerIsInIsAllowed() {
        assertEquals("student sudo\n", f.run("cd /tmp; touch o; chown :sudo o; stat -c '%U %G' o"));
    }

    @Test
    void chownRejectsAnUnknownUser() {
        assertEquals("chown: invalid user: 'nosuch'\n1\n", f.run("cd /tmp; touch o; chown nosuch o; echo $?"));
    }

    @Test
    void chownAsRootChangesOwnerAndGroup() {
        f.terminal().typed.add("student");
        f.run("cd /tmp; touch o; sudo chown root:root o");
        assertEquals("root:root\n", f.run("stat -c %U:%G o"));
    }

    @Test
    void lnSymbolicMakesALinkLsShowsWithItsTarget() {
        assertEquals("lrwxrwxrwx 1 student student 11 Jan  5 10:00 h -> /etc/passwd\n", f.run("cd /tmp; ln -s /etc/passwd h; ls -l h"));
    }

    @Test
    void lnOntoAnExistingNameFailsUnlessForced() {
        assertEquals("ln: failed to create symbolic link 'h': File exists\n1\n'h' -> '/etc/group'\n",
                f.run("cd /tmp; ln -s /etc/passwd h; ln -s /etc/hosts h; echo $?; ln -sf /etc/group h; stat -c %N h"));
    }

    @Test
    void lnHardLinkSharesTheInode() {
        String out = f.run("cd /tmp; touch a; ln a b; stat -c '%i %h' a b");
        String[] lines = out.split("\n");
        assertEquals(lines[0], lines[1]);
        assertTrue(lines[0].endsWith(" 2"), out);
    }
}
