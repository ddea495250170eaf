package dev.syssim.sim.shell;

import dev.syssim.sim.os.Step;
import dev.syssim.sim.os.Syscall;
import dev.syssim.sim.shell.arith.ArithResult;
import java.util.List;
import java.util.Map;

/** {@code let}, {@code getopts}, {@code alias}, {@code unalias}, {@code umask}, {@code times}, {@code enable}, {@code help}. */
final class MiscBuiltins {

    private MiscBuiltins() {
    }

    static final Builtin LET = (sh, argv) -> {
        if (argv.size() < 2) {
            sh.builtinError("let", "expression expected");
            return sh.done(1);
        }
        long last = 0;
        for (String expr : argv.subList(1, argv.size())) {
            ArithResult r = sh.arithmetic.evaluate(expr, new ArithBridge(sh));
            ArithBridge.report(sh, r, "let");
            if (!(r instanceof ArithResult.Value v)) {
                ArithResult.Failure f = (ArithResult.Failure) r;
                if (f.kind() == ArithResult.Kind.UNBOUND) return sh.fatal(127);
                return sh.done(1);
            }
            last = v.value();
        }
        return sh.done(last == 0 ? 1 : 0);
    };

    static final Builtin GETOPTS = (sh, argv) -> {
        ShellState st = sh.st;
        if (argv.size() < 3) {
            if (sh.st.dash) {
                sh.builtinError("getopts", "Usage: getopts optstring var [arg...]");
                return sh.done(2);
            }
            sh.err("getopts: usage: getopts optstring name [arg ...]\n");
            return sh.done(2);
        }
        String optstring = argv.get(1);
        String name = argv.get(2);
        List<String> args = argv.size() > 3 ? argv.subList(3, argv.size()) : st.positional;
        boolean silent = optstring.startsWith(":");
        String optind = st.vars.get("OPTIND");
        int index;
        try {
            index = optind == null ? 1 : Integer.parseInt(optind.strip());
        } catch (NumberFormatException e) {
            index = 1;
        }
        if (index < 1) index = 1;
        if (!Shell.isName(name)) {
            sh.builtinError("getopts", "`" + name + "': not a valid identifier");
            return sh.done(1);
        }
        int charIndex = st.getoptsCharIndex;
        if (charIndex == 0 || index - 1 >= args.size()) {
            charIndex = 0;
            if (index - 1 >= args.size()) return endOfOptions(sh, name, index);
            String arg = args.get(index - 1);
            if (arg.equals("--")) return endOfOptions(sh, name, index + 1);
            if (!arg.startsWith("-") || arg.length() < 2) return endOfOptions(sh, name, index);
            charIndex = 1;
        }
        String arg = args.get(index - 1);
        char opt = arg.charAt(charIndex);
        charIndex++;
        boolean endOfWord = charIndex >= arg.length();
        int pos = optstring.indexOf(opt);
        if (opt == ':' || pos < 0) {
            if (!silent && !"0".equals(st.vars.get("OPTERR"))) {
                sh.err(st.dash ? "Illegal option -" + opt + "\n" : st.name + ": illegal option -- " + opt + "\n");
            }
            Assign.scalar(sh, name, "?", false);
            if (silent) Assign.scalar(sh, "OPTARG", String.valueOf(opt), false);
            else st.vars.unset("OPTARG", false);
            advance(sh, endOfWord, index, charIndex);
            return sh.done(0);
        }
        boolean needsArg = pos + 1 < optstring.length() && optstring.charAt(pos + 1) == ':';
        if (!needsArg) {
            Assign.scalar(sh, name, String.valueOf(opt), false);
            st.vars.unset("OPTARG", false);
            advance(sh, endOfWord, index, charIndex);
            return sh.done(0);
        }
        if (!endOfWord) {
            Assign.scalar(sh, "OPTARG", arg.substring(charIndex), false);
            Assign.scalar(sh, name, String.valueOf(opt), false);
            st.getoptsCharIndex = 0;
            Assign.scalar(sh, "OPTIND", Integer.toString(index + 1), false);
            return sh.done(0);
        }
        if (index >= args.size()) {
            if (silent) {
                Assign.scalar(sh, name, ":", false);
                Assign.scalar(sh, "OPTARG", String.valueOf(opt), false);
            } else {
                if (!"0".equals(st.vars.get("OPTERR"))) {
                    sh.err(st.dash ? "No arg for -" + opt + " option\n" : st.name + ": option requires an argument -- " + opt + "\n");
                }
                Assign.scalar(sh, name, "?", false);
                st.vars.unset("OPTARG", false);
            }
            st.getoptsCharIndex = 0;
            Assign.scalar(sh, "OPTIND", Integer.toString(index + 1), false);
            return sh.done(0);
        }
        Assign.scalar(sh, "OPTARG", args.get(index), false);
        Assign.scalar(sh, name, String.valueOf(opt), false);
        st.getoptsCharIndex = 0;
        Assign.scalar(sh, "OPTIND", Integer.toString(index + 2), false);
        return sh.done(0);
    };

    private static void advance(Shell sh, boolean endOfWord, int index, int charIndex) {
        if (endOfWord) {
            sh.st.getoptsCharIndex = 0;
            Assign.scalar(sh, "OPTIND", Integer.toString(index + 1), false);
        } else {
            Assign.scalar(sh, "OPTIND", Integer.toString(index), false);
            sh.st.getoptsCharIndex = charIndex;
        }
    }

    private static Step endOfOptions(Shell sh, String name, int optind) {
        sh.st.getoptsCharIndex = 0;
        Assign.scalar(sh, "OPTIND", Integer.toString(optind), false);
        Assign.scalar(sh, name, "?", false);
        sh.st.vars.unset("OPTARG", false);
        return sh.done(1);
    }

    static final Builtin ALIAS = (sh, argv) -> {
        Map<String, String> aliases = sh.st.aliases;
        int i = 1;
        boolean print = false;
        if (i < argv.size() && argv.get(i).equals("-p")) {
            print = true;
            i++;
        }
        if (i < argv.size() && argv.get(i).equals("--")) i++;
        if (i >= argv.size() || print) {
            for (Map.Entry<String, String> e : aliases.entrySet()) sh.out("alias " + e.getKey() + "=" + Quote.single(e.getValue()) + "\n");
            if (i >= argv.size()) return sh.done(0);
        }
        int status = 0;
        for (String a : argv.subList(i, argv.size())) {
            int eq = a.indexOf('=');
            if (eq < 0) {
                String v = aliases.get(a);
                if (v == null) {
                    sh.builtinError("alias", a + ": not found");
                    status = 1;
                } else {
                    sh.out("alias " + a + "=" + Quote.single(v) + "\n");
                }
                continue;
            }
            String name = a.substring(0, eq);
            if (name.isEmpty() || name.chars().anyMatch(c -> "/$`=|&;()<> \t\n'\"\\".indexOf(c) >= 0)) {
                sh.builtinError("alias", "`" + name + "': invalid alias name");
                status = 1;
                continue;
            }
            aliases.put(name, a.substring(eq + 1));
        }
        return sh.done(status);
    };

    static final Builtin UNALIAS = (sh, argv) -> {
        if (argv.size() < 2) {
            sh.err("unalias: usage: unalias [-a] name [name ...]\n");
            return sh.done(2);
        }
        if (argv.get(1).equals("-a")) {
            sh.st.aliases.clear();
            return sh.done(0);
        }
        int status = 0;
        for (String a : argv.subList(1, argv.size())) {
            if (a.equals("--")) continue;
            if (sh.st.aliases.remove(a) == null) {
                sh.builtinError("unalias", a + ": not found");
                status = 1;
            }
        }
        return sh.done(status);
    };

    static final Builtin UMASK = (sh, argv) -> {
        boolean symbolic = false;
        boolean print = false;
        int i = 1;
        for (; i < argv.size(); i++) {
            String a = argv.get(i);
            if (a.equals("-S")) symbolic = true;
            else if (a.equals("-p")) print = true;
            else if (a.equals("--")) {
                i++;
                break;
            } else if (a.startsWith("-") && a.length() > 1) {
                sh.builtinError("umask", a.substring(0, 2) + ": invalid option");
                sh.err("umask: usage: umask [-p] [-S] [mode]\n");
                return sh.done(2);
            } else {
                break;
            }
        }
        boolean sym = symbolic;
        boolean p = print;
        if (i >= argv.size()) {
            // umask(2) returns the old value: set it to 0 and back, as bash does
            return sh.c.sys(new Syscall.Umask(022), r -> {
                int mask = (int) r.value();
                return sh.c.sys(new Syscall.Umask(mask), x -> {
                    if (sym) sh.out((p ? "umask -S " : "") + symbolic(mask) + "\n");
                    else sh.out((p ? "umask " : "") + String.format("%04o", mask) + "\n");
                    return sh.done(0);
                });
            });
        }
        String mode = argv.get(i);
        if (mode.chars().allMatch(c -> c >= '0' && c <= '9')) {
            if (!mode.chars().allMatch(c -> c >= '0' && c <= '7') || Integer.parseInt(mode, 8) > 0777) {
                sh.builtinError("umask", mode + ": octal number out of range");
                return sh.done(1);
            }
            int mask = Integer.parseInt(mode, 8);
            return sh.c.sys(new Syscall.Umask(mask), r -> sh.done(0));
        }
        return sh.c.sys(new Syscall.Umask(022), r -> {
            int old = (int) r.value();
            Integer mask = applySymbolic(old, mode);
            if (mask == null) {
                int bad = Math.min(mode.length() - 1, firstBad(mode));
                boolean operator = bad > 0 && "+-=".indexOf(mode.charAt(bad)) < 0 && "ugoa".indexOf(mode.charAt(bad - 1)) >= 0;
                sh.builtinError("umask", "`" + mode.charAt(bad) + "': invalid symbolic mode " + (operator ? "operator" : "character"));
                return sh.c.sys(new Syscall.Umask(old), x -> sh.done(1));
            }
            return sh.c.sys(new Syscall.Umask(mask), x -> {
                if (sym) sh.out(symbolic(mask) + "\n");
                return sh.done(0);
            });
        });
    };

    private static int firstBad(String mode) {
        for (int i = 0; i < mode.length(); i++) if ("ugoa+-=rwx,".indexOf(mode.charAt(i)) < 0) return i;
        return mode.length() - 1;
    }

    static String symbolic(int mask) {
        int perm = ~mask & 0777;
        return "u=" + rwx(perm >> 6) + ",g=" + rwx(perm >> 3) + ",o=" + rwx(perm);
    }

    private static String rwx(int bits) {
        return ((bits & 4) != 0 ? "r" : "") + ((bits & 2) != 0 ? "w" : "") + ((bits & 1) != 0 ? "x" : "");
    }

    /** A symbolic mode ({@code u=rwx,g=rx,o=}, {@code g-w}) applied to the permissions the mask allows; null if malformed. */
    private static Integer applySymbolic(int mask, String mode) {
        int perm = ~mask & 0777;
        for (String clause : mode.split(",", -1)) {
            int i = 0;
            int who = 0;
            while (i < clause.length() && "ugoa".indexOf(clause.charAt(i)) >= 0) {
                who |= switch (clause.charAt(i)) {
                    case 'u' -> 0700;
                    case 'g' -> 0070;
                    case 'o' -> 0007;
                    default -> 0777;
                };
                i++;
            }
            if (who == 0) who = 0777;
            if (i >= clause.length()) return null;
            while (i < clause.length()) {
                char op = clause.charAt(i++);
                if ("+-=".indexOf(op) < 0) return null;
                int bits = 0;
                while (i < clause.length() && "rwx".indexOf(clause.charAt(i)) >= 0) {
                    bits |= switch (clause.charAt(i)) {
                        case 'r' -> 0444;
                        case 'w' -> 0222;
                        default -> 0111;
                    };
                    i++;
                }
                bits &= who;
                switch (op) {
                    case '+' -> perm |= bits;
                    case '-' -> perm &= ~bits;
                    default -> perm = (perm & ~who) | bits;
                }
            }
        }
        return ~perm & 0777;
    }

    /** {@code times}: the shell's and its children's user and system times (simulated). */
    static final Builtin TIMES = (sh, argv) -> {
        sh.out("0m0.000s 0m0.000s\n0m0.000s 0m0.000s\n");
        return sh.done(0);
    };

    static final Builtin ENABLE = (sh, argv) -> {
        boolean disable = false;
        boolean list = argv.size() == 1;
        int i = 1;
        for (; i < argv.size() && argv.get(i).startsWith("-"); i++) {
            if (argv.get(i).contains("n")) disable = true;
            if (argv.get(i).contains("a") || argv.get(i).contains("p")) list = true;
        }
        if (list && i >= argv.size()) {
            for (String n : sh.builtins.names()) sh.out("enable " + (sh.st.disabledBuiltins.contains(n) ? "-n " : "") + n + "\n");
            return sh.done(0);
        }
        int status = 0;
        for (String n : argv.subList(i, argv.size())) {
            if (!sh.builtins.names().contains(n)) {
                sh.builtinError("enable", n + ": not a shell builtin");
                status = 1;
                continue;
            }
            if (disable) sh.st.disabledBuiltins.add(n);
            else sh.st.disabledBuiltins.remove(n);
        }
        return sh.done(status);
    };
}
