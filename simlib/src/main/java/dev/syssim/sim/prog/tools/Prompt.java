package dev.syssim.sim.prog.tools;

import dev.syssim.sim.os.Step;
import dev.syssim.sim.os.Syscall;
import dev.syssim.sim.prog.Libc;
import java.util.function.Function;

/**
 * Asking for a password on a terminal, as getpass(3), PAM's misc_conv and sudo's tgetpass do: write
 * the prompt, turn echo off (tcsetattr), read a line, turn echo back on, and write the newline the
 * user's Enter did not echo. The answer is null at end of input (nothing could be typed).
 */
final class Prompt {

    private Prompt() {
    }

    static Step password(Libc c, int fd, String prompt, Function<String, Step> then) {
        return c.write(fd, Libc.bytes(prompt), w -> c.sys(new Syscall.TcsetattrEcho(fd, false), off ->
                c.readLine(fd, line -> c.sys(new Syscall.TcsetattrEcho(fd, true), on ->
                        c.write(fd, Libc.bytes("\n"), nl -> then.apply(line))))));
    }
}
