package dev.syssim.sim.prog.tools.text;

import dev.syssim.sim.os.OpenFlags;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.prog.Inputs;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Options;
import dev.syssim.sim.prog.Tool;
import java.util.List;
import java.util.Set;

/** uniq: collapse adjacent equal lines ({@code -c} count them, {@code -d} only repeated, {@code -u} only unique, {@code -i} ignore case). */
public final class Uniq extends Tool {

    @Override
    protected Step run(Libc c) {
        Options o = Options.parse("uniq", c.args().operands(), "cdui", "", Set.of("help", "count", "repeated", "unique", "ignore-case"), Set.of(), true);
        if (o.failed()) return c.usageError(o.error(), 1);
        if (o.has("help")) return help(c);
        List<String> operands = o.operands();
        if (operands.size() > 2) return c.usageError("uniq: extra operand " + Libc.quote(operands.get(2)), 1);
        String input = operands.isEmpty() ? "-" : operands.get(0);
        boolean count = o.hasAny("c", "count");
        boolean onlyRepeated = o.hasAny("d", "repeated");
        boolean onlyUnique = o.hasAny("u", "unique");
        boolean ignoreCase = o.hasAny("i", "ignore-case");
        return Inputs.read(c, input, (err, content) -> {
            if (err != null) {
                c.error(input, err);
                return c.exit(1);
            }
            List<String> lines = Inputs.lines(Libc.text(content));
            StringBuilder out = new StringBuilder();
            int i = 0;
            while (i < lines.size()) {
                int j = i + 1;
                while (j < lines.size() && (ignoreCase ? lines.get(j).equalsIgnoreCase(lines.get(i)) : lines.get(j).equals(lines.get(i)))) j++;
                int n = j - i;
                if (!(onlyRepeated && n == 1) && !(onlyUnique && n > 1)) {
                    out.append(count ? String.format("%7d %s", n, lines.get(i)) : lines.get(i)).append('\n');
                }
                i = j;
            }
            if (operands.size() < 2) {
                c.print(out.toString());
                return c.exit(0);
            }
            String output = operands.get(1);
            return c.create(output, OpenFlags.O_WRONLY | OpenFlags.O_TRUNC, 0666, r -> {
                if (r.failed()) {
                    c.error(output, r.errno());
                    return c.exit(1);
                }
                return c.writeAll(r.intValue(), Libc.bytes(out.toString()), e -> c.close(r.intValue(), () -> c.exit(0)));
            });
        });
    }

    @Override
    public String whatis() {
        return "report or omit repeated lines";
    }

    @Override
    public String manual() {
        return "uniq [OPTION]... [INPUT [OUTPUT]]\n  Filter adjacent matching lines from INPUT (or standard input), writing to OUTPUT (or standard output).\n"
                + "  -c, --count        prefix lines by the number of occurrences\n"
                + "  -d, --repeated     only print duplicate lines, one for each group\n"
                + "  -i, --ignore-case  ignore differences in case when comparing\n"
                + "  -u, --unique       only print unique lines";
    }
}
