package dev.syssim.sim.prog.tools.text;

import dev.syssim.sim.os.Step;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Options;
import dev.syssim.sim.prog.Tool;
import java.util.List;
import java.util.Set;

/**
 * yes: print a line ({@code y}, or the arguments) over and over, until killed. Like coreutils it
 * fills a buffer with copies of the line and writes it whole, again and again; when the reader of
 * its pipe goes away the next write raises SIGPIPE, which ends it quietly ({@code yes | head -3}).
 */
public final class Yes extends Tool {

    private static final int BUFFER = 8192;

    @Override
    protected Step run(Libc c) {
        List<String> args = c.args().operands();
        if (args.size() == 1 && args.get(0).equals("--help")) return help(c);
        Options o = Options.parse("yes", args, "", "", Set.of("help"), Set.of(), true);
        if (o.failed()) return c.usageError(o.error(), 1);
        String line = (o.operands().isEmpty() ? "y" : String.join(" ", o.operands())) + "\n";
        StringBuilder buffer = new StringBuilder(line);
        while (buffer.length() + line.length() <= BUFFER) buffer.append(line);
        byte[] block = Libc.bytes(buffer.toString());
        return loop(c, block);
    }

    private Step loop(Libc c, byte[] block) {
        return c.write(1, block, r -> {
            if (r.failed()) {
                c.error("standard output", r.errno());
                return c.exit(1);
            }
            return loop(c, block);
        });
    }

    @Override
    public String whatis() {
        return "output a string repeatedly until killed";
    }

    @Override
    public String manual() {
        return "yes [STRING]...\n  Repeatedly output a line with all specified STRING(s), or 'y'.";
    }
}
