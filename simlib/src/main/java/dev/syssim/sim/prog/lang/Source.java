package dev.syssim.sim.prog.lang;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A parsed {@code %%program}: its instructions and where each label points. Parsing checks every
 * line (unknown instructions, missing labels, wrong arguments) and reports the first problem with
 * its line number, before anything runs.
 */
public final class Source {

    /** A problem in the program text: the line and what is wrong. */
    public static final class Error extends Exception {
        private final int line;

        Error(int line, String message) {
            super("line " + line + ": " + message, null, false, false);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    /** Privileged x86 instructions a user program may try (and fail) to execute. */
    public static final Set<String> PRIVILEGED = Set.of("cli", "sti", "hlt", "in", "out", "lgdt", "lidt", "wrmsr",
            "rdmsr", "invlpg", "mov_cr3", "ltr");

    /** The syscalls the language knows, with how many arguments each takes (min, max). */
    static final Map<String, int[]> CALLS = Map.ofEntries(
            Map.entry("open", new int[] {1, 2}), Map.entry("openat", new int[] {1, 2}),
            Map.entry("read", new int[] {2, 2}), Map.entry("write", new int[] {2, 99}),
            Map.entry("close", new int[] {1, 1}), Map.entry("getpid", new int[] {0, 0}),
            Map.entry("getppid", new int[] {0, 0}), Map.entry("getuid", new int[] {0, 0}),
            Map.entry("geteuid", new int[] {0, 0}), Map.entry("fork", new int[] {0, 0}),
            Map.entry("exec", new int[] {1, 99}), Map.entry("execve", new int[] {1, 99}),
            Map.entry("wait", new int[] {0, 1}), Map.entry("kill", new int[] {2, 2}),
            Map.entry("sleep", new int[] {1, 1}), Map.entry("mkdir", new int[] {1, 2}),
            Map.entry("unlink", new int[] {1, 1}), Map.entry("chdir", new int[] {1, 1}),
            Map.entry("chmod", new int[] {2, 2}), Map.entry("setuid", new int[] {1, 1}),
            Map.entry("chroot", new int[] {1, 1}), Map.entry("stat", new int[] {1, 1}),
            Map.entry("getcwd", new int[] {0, 0}), Map.entry("pipe", new int[] {0, 0}),
            Map.entry("dup2", new int[] {2, 2}), Map.entry("sethostname", new int[] {1, 1}),
            Map.entry("mount", new int[] {3, 3}), Map.entry("uname", new int[] {0, 0}));

    private final List<Instruction> instructions;
    private final Map<String, Integer> labels;

    private Source(List<Instruction> instructions, Map<String, Integer> labels) {
        this.instructions = instructions;
        this.labels = labels;
    }

    public List<Instruction> instructions() {
        return instructions;
    }

    /** The index of the instruction a label names. */
    public int target(String label) {
        return labels.get(label);
    }

    public static Source parse(String text) throws Error {
        List<Instruction> out = new ArrayList<>();
        Map<String, Integer> labels = new HashMap<>();
        List<Instruction.Jump> jumps = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int n = i + 1;
            String line = stripComment(lines[i]).strip();
            if (line.isEmpty()) continue;
            if (line.matches("[A-Za-z_][A-Za-z0-9_]*:")) {
                String label = line.substring(0, line.length() - 1);
                if (labels.containsKey(label)) throw new Error(n, "label '" + label + "' defined twice");
                labels.put(label, out.size());
                continue;
            }
            Instruction instruction = instruction(n, line);
            if (instruction instanceof Instruction.Jump j) jumps.add(j);
            out.add(instruction);
        }
        for (Instruction.Jump j : jumps) {
            if (!labels.containsKey(j.label())) throw new Error(j.line(), "no label '" + j.label() + "' to jump to");
        }
        return new Source(out, labels);
    }

    private static String stripComment(String line) {
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') quoted = !quoted;
            if (c == '#' && !quoted) return line.substring(0, i);
        }
        return line;
    }

    private static Instruction instruction(int n, String line) throws Error {
        List<String> words = words(line);
        String op = words.get(0).toLowerCase(Locale.ROOT);
        List<String> args = words.subList(1, words.size());
        switch (op) {
            case "compute":
                if (args.size() != 1) throw new Error(n, "compute takes one duration, e.g. 'compute 3ms'");
                return new Instruction.Compute(n, duration(n, args.get(0)));
            case "print":
                return new Instruction.Print(n, line.substring(line.indexOf(words.get(0)) + words.get(0).length()).strip());
            case "load":
                if (args.size() != 1) throw new Error(n, "load takes one address");
                return new Instruction.Touch(n, args.get(0), false);
            case "store":
                if (args.isEmpty() || args.size() > 2) throw new Error(n, "store takes an address and a value");
                return new Instruction.Touch(n, args.get(0), true);
            case "set":
                if (args.size() < 2 || !args.get(0).matches("[A-Za-z_][A-Za-z0-9_]*")) throw new Error(n, "set takes a variable and a value, e.g. 'set n 10'");
                return new Instruction.Set(n, args.get(0), List.copyOf(args.subList(1, args.size())));
            case "jump":
                if (args.isEmpty()) throw new Error(n, "jump takes a label");
                List<String> condition = List.of();
                if (args.size() > 1) {
                    if (args.size() != 5 || !args.get(1).equals("if")) throw new Error(n, "write a condition as 'jump LABEL if A OP B'");
                    if (!Set.of("==", "!=", "<", ">", "<=", ">=").contains(args.get(3))) throw new Error(n, "unknown comparison '" + args.get(3) + "'");
                    condition = List.copyOf(args.subList(2, 5));
                }
                return new Instruction.Jump(n, args.get(0), condition);
            case "exit":
                if (args.size() > 1) throw new Error(n, "exit takes one status");
                return new Instruction.Exit(n, args.isEmpty() ? "0" : args.get(0));
            default:
                break;
        }
        if (PRIVILEGED.contains(op)) return new Instruction.Privileged(n, line);
        int arrow = words.indexOf("->");
        List<String> callArgs = arrow < 0 ? args : words.subList(1, arrow);
        List<String> results = arrow < 0 ? List.of() : resultNames(n, words.subList(arrow + 1, words.size()));
        int[] arity = CALLS.get(op);
        if (arity == null) throw new Error(n, "unknown instruction '" + words.get(0) + "'");
        if (callArgs.size() < arity[0] || callArgs.size() > arity[1]) {
            throw new Error(n, op + " takes " + (arity[0] == arity[1] ? arity[0] : arity[0] + " to " + arity[1]) + " argument(s), not " + callArgs.size());
        }
        return new Instruction.Call(n, op, List.copyOf(callArgs), results);
    }

    private static List<String> resultNames(int n, List<String> words) throws Error {
        List<String> names = new ArrayList<>();
        for (String w : String.join(" ", words).split(",")) {
            String name = w.strip();
            if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) throw new Error(n, "'" + name + "' is not a variable name");
            names.add(name);
        }
        if (names.isEmpty() || names.size() > 2) throw new Error(n, "-> takes one or two variable names");
        return names;
    }

    /** {@code 3} (milliseconds), {@code 250us}, {@code 2ms}, {@code 1s}, {@code 500ns}. */
    static long duration(int n, String text) throws Error {
        String t = text.toLowerCase(Locale.ROOT);
        long unit = 1_000_000;
        String number = t;
        for (String[] u : new String[][] {{"ns", "1"}, {"us", "1000"}, {"µs", "1000"}, {"ms", "1000000"}, {"s", "1000000000"}}) {
            if (t.endsWith(u[0])) {
                unit = Long.parseLong(u[1]);
                number = t.substring(0, t.length() - u[0].length());
                break;
            }
        }
        try {
            double v = Double.parseDouble(number);
            if (v < 0 || v * unit > 3_600e9) throw new Error(n, "duration out of range: " + text);
            return Math.max(1, Math.round(v * unit));
        } catch (NumberFormatException e) {
            throw new Error(n, "not a duration: '" + text + "' (write e.g. 3, 250us, 2ms or 1s)");
        }
    }

    /** Splits a line into words; a "quoted string" is one word (quotes removed, \n escapes kept for later). */
    static List<String> words(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
                any = true;
            } else if (Character.isWhitespace(c) && !quoted) {
                if (word.length() > 0 || any) out.add(word.toString());
                word.setLength(0);
                any = false;
            } else {
                word.append(c);
            }
        }
        if (word.length() > 0 || any) out.add(word.toString());
        return out;
    }
}
