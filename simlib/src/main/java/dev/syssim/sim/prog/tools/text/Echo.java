package dev.syssim.sim.prog.tools.text;

import dev.syssim.sim.os.Step;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Tool;
import java.util.List;

/** echo: print the arguments separated by spaces ({@code -n}: no newline, {@code -e}: escapes). */
public final class Echo extends Tool {

    @Override
    protected Step run(Libc c) {
        if (c.args().operands().equals(List.of("--help"))) return help(c);
        c.print(text(c.args().operands()));
        return c.exit(0);
    }

    /** The output of echo for these arguments: also what bash's builtin echo prints. */
    public static String text(List<String> args) {
        boolean newline = true;
        boolean escapes = false;
        int i = 0;
        while (i < args.size() && args.get(i).matches("-[neE]+")) {
            for (char f : args.get(i).substring(1).toCharArray()) {
                if (f == 'n') newline = false;
                else if (f == 'e') escapes = true;
                else escapes = false;
            }
            i++;
        }
        String joined = String.join(" ", args.subList(i, args.size()));
        if (escapes) joined = unescape(joined);
        return newline ? joined + "\n" : joined;
    }

    private static String unescape(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch != '\\' || i + 1 >= s.length()) {
                out.append(ch);
                continue;
            }
            char e = s.charAt(++i);
            switch (e) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case '\\' -> out.append('\\');
                case 'a' -> out.append('\007');
                case 'e' -> out.append('\033');
                default -> out.append('\\').append(e);
            }
        }
        return out.toString();
    }

    @Override
    public String whatis() {
        return "display a line of text";
    }

    @Override
    public String manual() {
        return "echo [-neE] [STRING]...\n  Display a line of text. -n: no trailing newline; -e: interpret backslash escapes.";
    }
}
