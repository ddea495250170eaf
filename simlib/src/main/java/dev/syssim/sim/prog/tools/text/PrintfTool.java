package dev.syssim.sim.prog.tools.text;

import dev.syssim.sim.os.Step;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Printf;
import dev.syssim.sim.prog.Tool;
import java.util.List;

/** coreutils' printf: the shared formatting engine in its coreutils dialect (what {@code env printf} and scripts run). */
public final class PrintfTool extends Tool {

    @Override
    protected Step run(Libc c) {
        List<String> args = c.args().operands();
        String program = c.args().argv().get(0);
        if (args.equals(List.of("--help"))) {
            c.print("Usage: " + program + " FORMAT [ARGUMENT]...\n  or:  " + program + " OPTION\n" + manual().split("\n", 2)[1] + "\n");
            return c.exit(0);
        }
        if (args.equals(List.of("--version"))) {
            c.print(CoreutilsVersion.of("printf", "David MacKenzie"));
            return c.exit(0);
        }
        long now = c.args().realtimeNanos() / 1_000_000_000L;
        Printf.Result r = Printf.printf(Printf.Dialect.COREUTILS, ByteWords.of(args), ByteWords.of(program), new Printf.Times(now, now));
        for (Printf.Message m : r.messages()) {
            c.eprintBytes(ByteWords.bytes((m.prefix() == Printf.Prefix.NONE ? "" : ByteWords.of(program) + ": ") + m.text() + "\n"));
        }
        c.printBytes(ByteWords.bytes(r.output()));
        return c.exit(r.status());
    }

    @Override
    public String manual() {
        return "printf FORMAT [ARGUMENT]...\n"
                + "  Print ARGUMENT(s) according to FORMAT: escapes \\n \\t \\\\ \\NNN \\xHH \\uHHHH, conversions %d %i %o %u %x %X\n"
                + "  %f %e %g %a %c %s %b %q with flags, width and precision; the format is reused while arguments remain.";
    }

    @Override
    public String whatis() {
        return "format and print data";
    }
}
