package dev.syssim.sim.prog.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syssim.sim.world.Terminal;
import org.junit.jupiter.api.Test;

/** su (util-linux 2.38.1) and sudo (1.9.13p3): passwords, policy, credentials cache, environment. */
class SuSudoTest {

    private static final String LECTURE = "\nWe trust you have received the usual lecture from the local System\n"
            + "Administrator. It usually boils down to these three things:\n\n"
            + "    #1) Respect the privacy of others.\n"
            + "    #2) Think before you type.\n"
            + "    #3) With great power comes great responsibility.\n\n";
    private static final String PROMPT = "[sudo] password for student: \n";

    private final Terminal.Fixture f = Terminal.laptop();

    @Test
    void sudoAsksForTheCallersPasswordAndRunsAsRoot() {
        f.terminal().typed.add("student");
        assertEquals(LECTURE + PROMPT + "uid=0(root) gid=0(root) groups=0(root)\n", f.run("sudo id"));
    }

    @Test
    void sudoPasswordIsNotEchoed() {
        f.terminal().typed.add("student");
        assertEquals(LECTURE + PROMPT, f.run("sudo true"), "what was typed is not shown; sudo writes only the newline");
    }

    @Test
    void sudoRemembersTheCredentialsForFifteenMinutesOnThisTerminal() {
        f.terminal().typed.add("student");
        f.run("sudo true");
        assertEquals("root\n", f.run("sleep 840; sudo whoami"));
        assertEquals(PROMPT + "sudo: a password is required\n1\n", f.run("sleep 901; sudo whoami; echo $?"));
    }

    @Test
    void sudoTimestampIsAFileUnderRunSudo() {
        f.terminal().typed.add("student");
        f.run("sudo true");
        assertTrue(f.run("sudo ls /run/sudo/ts").equals("student\n"));
    }

    @Test
    void sudoKForgetsTheCredentials() {
        f.terminal().typed.add("student");
        f.run("sudo true");
        assertEquals("sudo: a password is required\n1\n", f.run("sudo -k; sudo -n true; echo $?"));
    }

    @Test
    void sudoWrongPasswordTriesThreeTimes() {
        f.terminal().typed.add("a");
        f.terminal().typed.add("b");
        f.terminal().typed.add("c");
        assertEquals(LECTURE + PROMPT + "Sorry, try again.\n" + PROMPT + "Sorry, try again.\n" + PROMPT
                + "sudo: 3 incorrect password attempts\n1\n", f.run("sudo id; echo $?"));
    }

    @Test
    void sudoAcceptsTheRightPasswordOnTheSecondTry() {
        f.terminal().typed.add("wrong");
        f.terminal().typed.add("student");
        assertTrue(f.run("sudo whoami").endsWith(PROMPT + "Sorry, try again.\n" + PROMPT + "root\n"));
    }

    @Test
    void sudoWithNoInputAvailableSaysAPasswordIsRequired() {
        f.terminal().inputAllowed = false;
        assertEquals("sudo: a terminal is required to read the password; either use the -S option to read from standard input or configure an askpass helper\n"
                + "sudo: a password is required\n1\n", f.run("sudo id; echo $?"));
    }

    @Test
    void sudoNonInteractiveNeverAsks() {
        assertEquals("sudo: a password is required\n1\n", f.run("sudo -n id; echo $?"));
    }

    @Test
    void sudoForAUserNotInSudoersRefusesAfterThePassword() {
        f.terminal().typed.add("student");
        f.run("sudo sh -c 'grep -v ^sudo /etc/group > /tmp/g; echo sudo:x:27: >> /tmp/g; cat /tmp/g > /etc/group'");
        assertEquals("root\n", f.run("sudo whoami"), "this login still has the sudo group: group changes take effect at the next login");
        f.run("exit");
        f.session().switchTo(f.laptop(), "student");
        f.terminal().typed.add("student");
        assertEquals(PROMPT + "student is not in the sudoers file.\nThis incident has been reported to the administrator.\n1\n",
                f.run("sudo id; echo $?"));
    }

    @Test
    void sudoNopasswdRuleInSudoersDNeedsNoPassword() {
        f.terminal().typed.add("student");
        f.run("echo 'student ALL=(ALL) NOPASSWD: ALL' | sudo tee /etc/sudoers.d/student");
        assertEquals("root\n", f.run("sudo -k; sudo whoami"));
    }

    @Test
    void sudoNopasswdMagicsFileInSudoersDIsHonoured() {
        dev.syssim.sim.world.MachineAdmin.setSudoWithoutPassword(f.laptop(), "student", true);
        assertEquals("root\n", f.run("sudo whoami"));
    }

    @Test
    void sudoRuleForOneCommandRefusesOthers() {
        f.terminal().typed.add("student");
        f.run("echo 'sudo:x:27:' > /tmp/g; grep -v ^sudo /etc/group >> /tmp/g; sudo cp /tmp/g /etc/group; "
                + "echo 'student ALL=(root) NOPASSWD: /usr/bin/id' | sudo tee /etc/sudoers.d/student");
        f.run("exit");
        f.session().switchTo(f.laptop(), "student");
        assertEquals("uid=0(root) gid=0(root) groups=0(root)\n", f.run("sudo id"));
        f.terminal().typed.add("student");
        assertTrue(f.run("sudo cat /etc/shadow; echo $?").endsWith(
                "Sorry, user student is not allowed to execute '/usr/bin/cat /etc/shadow' as root on laptop.\n1\n"));
    }

    @Test
    void sudoOfAnUnknownCommandSaysCommandNotFound() {
        f.terminal().typed.add("student");
        f.run("sudo true");
        assertEquals("sudo: nosuch: command not found\n1\n", f.run("sudo nosuch; echo $?"));
    }

    @Test
    void sudoResetsTheEnvironmentAndUsesSecurePath() {
        f.terminal().typed.add("student");
        f.run("sudo true");
        assertEquals("HOME=/root\nLOGNAME=root\nMAIL=/var/mail/root\nPATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\n"
                + "SHELL=/bin/bash\nSUDO_COMMAND=/usr/bin/env\nSUDO_GID=1000\nSUDO_UID=1000\nSUDO_USER=student\nTERM=xterm-256color\nUSER=root\n",
                f.run("FOO=bar sudo env"));
    }

    @Test
    void sudoAsAnotherUserAndAsALoginShell() {
        f.terminal().typed.add("student");
        f.run("sudo true");
        assertEquals("student\n/root\n", f.run("sudo -u student whoami; sudo -i pwd"));
    }

    @Test
    void sudoUnknownTargetUser() {
        assertEquals("sudo: unknown user nosuch\n1\n", f.run("sudo -u nosuch id; echo $?"));
    }

    @Test
    void sudoWithoutACommandPrintsUsage() {
        assertTrue(f.run("sudo; echo $?").startsWith("usage: sudo -h | -K | -k | -V\n"));
    }

    @Test
    void sudoListsWhatTheUserMayRun() {
        f.terminal().typed.add("student");
        f.run("sudo true");
        assertTrue(f.run("sudo -l").endsWith("User student may run the following commands on laptop:\n    (ALL : ALL) ALL\n"));
    }

    @Test
    void sudoRunsTheCommandAsAChildItWaitsFor() {
        f.terminal().typed.add("student");
        f.run("sudo true");
        String out = f.run("sudo ps -o user,ppid,comm");
        assertTrue(out.contains("root     "), out);
        assertTrue(out.matches("(?s).*\nroot +[0-9]+ sudo\nroot +[0-9]+ ps\n"), out);
    }

    @Test
    void sudoOnANosuidMountIsNotRootAndSaysWhy() {
        f.terminal().typed.add("student");
        f.run("sudo mount -t tmpfs tmpfs /mnt; sudo cp -p /usr/bin/sudo /mnt/sudo");
        assertEquals("sudo: effective uid is not 0, is /usr/bin/sudo on a file system with the 'nosuid' option set or an NFS file system without root privileges?\n1\n",
                f.run("/mnt/sudo id; echo $?"));
    }

    @Test
    void suWithTheRootPasswordRunsACommandAsRoot() {
        f.terminal().typed.add("root");
        assertEquals("Password: \nuid=0(root) gid=0(root) groups=0(root)\n", f.run("su -c id"));
    }

    @Test
    void suWithAWrongPasswordIsAnAuthenticationFailure() {
        f.terminal().typed.add("nope");
        assertEquals("Password: \nsu: Authentication failure\n1\n", f.run("su -c id; echo $?"));
    }

    @Test
    void suWithoutInputFails() {
        f.terminal().inputAllowed = false;
        assertEquals("Password: \nsu: Authentication failure\n1\n", f.run("su; echo $?"));
    }

    @Test
    void suLoginShellStartsInTheTargetsHomeWithAFreshEnvironment() {
        f.terminal().typed.add("student");
        assertEquals("Password: \n/home/student\nstudent /home/student\n", f.run("cd /tmp; su - student -c 'pwd; echo $USER $HOME'"));
    }

    @Test
    void suOfAnUnknownUser() {
        assertEquals("su: user nosuch does not exist or the user entry does not contain all the required fields\n1\n", f.run("su nosuch; echo $?"));
    }

    @Test
    void suFromRootAsksNoPassword() {
        f.terminal().typed.add("student");
        f.run("sudo true");
        assertEquals("student\n", f.run("sudo su student -c whoami"));
    }

    @Test
    void suStartsAnInteractiveShellThatTakesTheNextCell() {
        f.terminal().typed.add("root");
        f.run("su");
        assertEquals("root\n", f.run("whoami"));
        f.run("exit");
        assertEquals("student\n", f.run("whoami"));
    }
}
