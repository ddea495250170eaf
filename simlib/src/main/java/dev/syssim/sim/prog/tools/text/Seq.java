package dev.syssim.sim.prog.tools.text;

import dev.syssim.sim.os.Step;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Options;
import dev.syssim.sim.prog.Tool;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** seq: print numbers from FIRST to LAST by INCREMENT ({@code -s} separator, {@code -w} equal width). */
public final class Seq extends Tool {

    @Override
    protected Step run(Libc c) {
        List<String> args = new ArrayList<>();
        boolean optionsDone = false;
        for (String a : c.args().operands()) {
            // negative numbers are operands, not options
            if (!optionsDone && a.matches("-[0-9.]+.*")) optionsDone = true;
            args.add(a);
        }
        Options o = Options.parse("seq", args, "w", "sf", Set.of("help", "equal-width"), Set.of("separator", "format"), false);
        if (o.failed()) return c.usageError(o.error(), 1);
        if (o.has("help")) return help(c);
        List<String> ops = o.operands();
        if (ops.isEmpty()) return c.usageError("seq: missing operand", 1);
        if (ops.size() > 3) return c.usageError("seq: extra operand " + Libc.quote(ops.get(3)), 1);
        BigDecimal[] n = new BigDecimal[ops.size()];
        for (int i = 0; i < ops.size(); i++) {
            try {
                n[i] = new BigDecimal(ops.get(i));
            } catch (NumberFormatException e) {
                c.error("invalid floating point argument: " + Libc.quote(ops.get(i)));
                c.eprint("Try 'seq --help' for more information.\n");
                return c.exit(1);
            }
        }
        BigDecimal first = n.length > 1 ? n[0] : BigDecimal.ONE;
        BigDecimal step = n.length == 3 ? n[1] : BigDecimal.ONE;
        BigDecimal last = n[n.length - 1];
        if (step.signum() == 0) {
            c.error("invalid Zero increment value: " + Libc.quote(ops.get(1)));
            c.eprint("Try 'seq --help' for more information.\n");
            return c.exit(1);
        }
        String sep = o.value("s", o.value("separator", "\n"));
        int scale = Math.max(first.scale(), step.scale());
        List<String> out = new ArrayList<>();
        for (BigDecimal x = first; step.signum() > 0 ? x.compareTo(last) <= 0 : x.compareTo(last) >= 0; x = x.add(step)) {
            out.add(x.setScale(Math.max(0, scale), java.math.RoundingMode.HALF_EVEN).toPlainString());
            if (out.size() > 1_000_000) break;
        }
        if (o.hasAny("w", "equal-width")) {
            int width = 0;
            for (String s : out) width = Math.max(width, s.length());
            for (int i = 0; i < out.size(); i++) out.set(i, pad(out.get(i), width));
        }
        if (!out.isEmpty()) c.print(String.join(sep, out) + "\n");
        return c.exit(0);
    }

    private static String pad(String s, int width) {
        boolean negative = s.startsWith("-");
        String digits = negative ? s.substring(1) : s;
        return (negative ? "-" : "") + "0".repeat(Math.max(0, width - s.length())) + digits;
    }

    @Override
    public String whatis() {
        return "print a sequence of numbers";
    }

    @Override
    public String manual() {
        return "seq [OPTION]... LAST\n  Print numbers from FIRST to LAST, in steps of INCREMENT (also: seq FIRST LAST, seq FIRST INCREMENT LAST).\n"
                + "  -s, --separator=STRING  use STRING to separate numbers (default: \\n)\n"
                + "  -w, --equal-width       equalize width by padding with leading zeroes";
    }
}
