package dev.syssim.sim.prog.tools.text;

import dev.syssim.sim.os.Step;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Printf;
import dev.syssim.sim.prog.Tool;
import java.util.List;

/** coreutils' echo ({@code -n -e -E}, {@code --help} and {@code --version} alone): the shared engine's coreutils dialect. */
public final class Echo extends Tool {

    @Override
    protected Step run(Libc c) {
        List<String> args = c.args().operands();
        if (args.equals(List.of("--help"))) return help(c);
        if (args.equals(List.of("--version"))) {
            c.print(CoreutilsVersion.of("echo", "Brian Fox and Chet Ramey"));
            return c.exit(0);
        }
        c.printBytes(ByteWords.bytes(Printf.echo(Printf.Dialect.COREUTILS, ByteWords.of(args)).output()));
        return c.exit(0);
    }

    @Override
    public String whatis() {
        return "display a line of text";
    }

    @Override
    public String manual() {
        return "echo [SHORT-OPTION]... [STRING]...\n  Display a line of text. -n: no trailing newline; -e: interpret backslash escapes"
                + " (\\\\ \\a \\b \\c \\e \\f \\n \\r \\t \\v \\0NNN \\xHH); -E: do not (the default).";
    }
}
