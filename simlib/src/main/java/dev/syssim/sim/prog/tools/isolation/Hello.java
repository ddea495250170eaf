package dev.syssim.sim.prog.tools.isolation;

import dev.syssim.sim.os.Step;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Tool;
import java.util.List;

/**
 * GNU hello 2.10 (Debian 2.10-5, as recorded in a trixie chroot): prints a greeting ({@code Hello, world!}, or {@code -g TEXT}). Only trixie's root
 * has it (debootstrap {@code --include=hello}); built against glibc 2.38's headers it cannot run on
 * Debian 12's C library, which is the lecture's "programs that need incompatible libraries".
 */
public final class Hello extends Tool {

    private static final String USAGE = """
            Usage: hello [OPTION]...
            Print a friendly, customizable greeting.

              -h, --help          display this help and exit
              -v, --version       display version information and exit

              -t, --traditional       use traditional greeting
              -g, --greeting=TEXT     use TEXT as the greeting message

            Report bugs to: bug-hello@gnu.org
            GNU Hello home page: <http://www.gnu.org/software/hello/>
            General help using GNU software: <http://www.gnu.org/gethelp/>
            """;

    @Override
    protected Step run(Libc c) {
        List<String> args = c.args().operands();
        String greeting = "Hello, world!";
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--version") || a.equals("-v")) {
                // trixie's build prints no version number
                c.print("hello (GNU Hello) \n\nCopyright (C) 2025 Free Software Foundation, Inc.\n"
                        + "License GPLv3+: GNU GPL version 3 or later <http://gnu.org/licenses/gpl.html>\n"
                        + "This is free software: you are free to change and redistribute it.\n"
                        + "There is NO WARRANTY, to the extent permitted by law.\n");
                return c.exit(0);
            } else if ((a.equals("-g") || a.equals("--greeting")) && i + 1 < args.size()) {
                greeting = args.get(++i);
            } else if (a.startsWith("--greeting=")) {
                greeting = a.substring("--greeting=".length());
            } else if (a.equals("-t") || a.equals("--traditional")) {
                greeting = "hello, world";
            } else if (a.equals("-h") || a.equals("--help")) {
                c.print(USAGE);
                return c.exit(0);
            } else {
                // as recorded: the complaint, then the whole help on standard output, and status 0
                c.eprint(c.name() + ": extra operand: " + a + "\n");
                c.print(USAGE);
                return c.exit(0);
            }
        }
        c.println(greeting);
        return c.exit(0);
    }

    @Override
    public String manual() {
        return "hello [OPTION]...\n  Print a friendly greeting.\n  -g, --greeting=TEXT  use TEXT as the greeting\n  -t, --traditional    use \"hello, world\"";
    }
}
