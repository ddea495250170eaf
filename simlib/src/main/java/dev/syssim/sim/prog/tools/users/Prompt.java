package dev.syssim.sim.prog.tools.users;

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

    /** Prompts on {@code out}, reads with echo off from {@code in} (PAM: stderr and stdin; sudo: its /dev/tty for both). */
    static Step password(Libc c, int in, int out, String prompt, Function<String, Step> then) {
        return c.write(out, Libc.bytes(prompt), w -> c.sys(new Syscall.TcsetattrEcho(in, false), off ->
                c.readLine(in, line -> c.sys(new Syscall.TcsetattrEcho(in, true), on ->
                        c.write(out, Libc.bytes("\n"), nl -> then.apply(line))))));
    }
}
