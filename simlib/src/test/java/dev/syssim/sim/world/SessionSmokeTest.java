package dev.syssim.sim.world;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SessionSmokeTest {

    @Test
    void echoPrintsItsArguments() {
        var f = Terminal.laptop();
        assertEquals("hello world\n", f.run("echo hello world"));
    }

    @Test
    void catPrintsMotd() {
        var f = Terminal.laptop();
        String out = f.run("cat /etc/motd");
        assertEquals(true, out.contains("Debian GNU/Linux comes with ABSOLUTELY NO WARRANTY"), out);
    }

    @Test
    void catOfMissingFileIsAnError() {
        var f = Terminal.laptop();
        assertEquals("cat: /nope: No such file or directory\n1\n", f.run("cat /nope; echo $?"));
    }

    @Test
    void unknownCommand() {
        var f = Terminal.laptop();
        assertEquals("bash: nosuch: command not found\n127\n", f.run("nosuch; echo $?"));
    }

    @Test
    void lsRoot() {
        var f = Terminal.laptop();
        System.out.println(f.run("ls /; ls -l /etc; ls -la ~; pwd; cd /tmp; pwd; echo a | cat; ls /nope"));
    }
}
