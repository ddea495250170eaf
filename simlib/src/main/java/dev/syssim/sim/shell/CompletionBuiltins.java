package dev.syssim.sim.shell;

import dev.syssim.sim.os.Step;
import dev.syssim.sim.prog.Fnmatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The builtins of bash's interactive machinery, as a shell without line editing, history or job
 * control has them: {@code compgen} and {@code complete} (which work the same there), {@code compopt},
 * {@code bind}, {@code history}, {@code fc} and {@code suspend} (which only say why they do nothing).
 * Simplifications against real bash: {@code compgen} knows the word lists, variables, functions,
 * aliases, builtins, keywords, exported names and options, not files, users or commands on PATH;
 * {@code complete -p} lists the specifications in the order they were defined, not bash's hash order;
 * {@code bind -l}/{@code -p} print only the warning, not readline's tables; {@code suspend -f} does not
 * stop the shell.
 */
final class CompletionBuiltins {

    private CompletionBuiltins() {
    }

    /** bash's reserved words in the order {@code compgen -k} lists them. */
    private static final List<String> KEYWORDS = List.of("if", "then", "else", "elif", "fi", "case", "esac", "for", "select",
            "while", "until", "do", "done", "in", "function", "time", "{", "}", "!", "[[", "]]", "coproc");

    private static final String COMPLETE_USAGE = "complete [-abcdefgjksuv] [-pr] [-DEI] [-o option] [-A action] [-G globpat] "
            + "[-W wordlist] [-F function] [-C command] [-X filterpat] [-P prefix] [-S suffix] [name ...]";
    private static final String COMPGEN_USAGE = "compgen [-abcdefgjksuv] [-o option] [-A action] [-G globpat] [-W wordlist] "
            + "[-F function] [-C command] [-X filterpat] [-P prefix] [-S suffix] [word]";
    /** The action letters, in the order bash prints a specification's. */
    private static final String ACTIONS = "abcdefgjksuv";

    static final Builtin COMPGEN = (sh, argv) -> {
        BuiltinOptions.Parsed parsed = BuiltinOptions.parse(sh, argv, "abcdefgjksuvo:A:G:W:F:C:X:P:S:", COMPGEN_USAGE);
        if (parsed == null) return sh.done(2);
        String prefix = "";
        String suffix = "";
        String filter = null;
        List<String> candidates = new ArrayList<>();
        for (BuiltinOptions.Option o : parsed.options()) {
            switch (o.letter()) {
                case 'W' -> {
                    for (String w : o.argument().split("[ \t\n]+")) if (!w.isEmpty()) candidates.add(w);
                }
                case 'A' -> {
                    List<String> words = action(sh, o.argument());
                    if (words == null) {
                        sh.builtinError("compgen", o.argument() + ": invalid action name");
                        return sh.done(2);
                    }
                    candidates.addAll(words);
                }
                case 'P' -> prefix = o.argument();
                case 'S' -> suffix = o.argument();
                case 'X' -> filter = o.argument();
                default -> {
                    List<String> words = ACTIONS.indexOf(o.letter()) >= 0 ? action(sh, actionName(o.letter())) : null;
                    if (words != null) candidates.addAll(words);
                }
            }
        }
        List<String> operands = argv.subList(parsed.operands(), argv.size());
        String word = operands.isEmpty() ? "" : operands.get(0);
        Fnmatch exclude = null;
        boolean negate = false;
        if (filter != null) {
            negate = filter.startsWith("!");
            exclude = Fnmatch.compile(negate ? filter.substring(1) : filter, 0, sh.utf8());
        }
        int shown = 0;
        StringBuilder out = new StringBuilder();
        for (String c : candidates) {
            if (!c.startsWith(word)) continue;
            // -X drops the words its pattern matches (with a leading !, those it does not)
            if (exclude != null && exclude.matches(c) != negate) continue;
            out.append(prefix).append(c).append(suffix).append('\n');
            shown++;
        }
        sh.out(out.toString());
        return sh.done(shown == 0 ? 1 : 0);
    };

    private static String actionName(char letter) {
        return switch (letter) {
            case 'a' -> "alias";
            case 'b' -> "builtin";
            case 'c' -> "command";
            case 'd' -> "directory";
            case 'e' -> "export";
            case 'f' -> "file";
            case 'g' -> "group";
            case 'j' -> "job";
            case 'k' -> "keyword";
            case 's' -> "service";
            case 'u' -> "user";
            default -> "variable";
        };
    }

    /** The words of a {@code -A} action (empty for those the simulation does not list); null for an unknown name. */
    private static List<String> action(Shell sh, String name) {
        ShellState st = sh.st;
        return switch (name) {
            case "alias" -> new ArrayList<>(st.aliases.keySet());
            case "builtin" -> sh.builtins.names();
            case "enabled" -> sh.builtins.names().stream().filter(n -> !st.disabledBuiltins.contains(n)).toList();
            case "disabled" -> sh.builtins.names().stream().filter(st.disabledBuiltins::contains).toList();
            case "keyword" -> KEYWORDS;
            case "function" -> new ArrayList<>(new TreeSet<>(st.functions.keySet()));
            case "variable" -> new ArrayList<>(st.vars.visible().entrySet().stream()
                    .filter(e -> e.getValue().value != null || e.getValue().isArray() || e.getValue().isAssoc()).map(Map.Entry::getKey).toList());
            case "export" -> new ArrayList<>(st.vars.visible().entrySet().stream()
                    .filter(e -> e.getValue().has(Variable.EXPORT) && e.getValue().value != null).map(Map.Entry::getKey).toList());
            case "setopt" -> new ArrayList<>(Options.SET_OPTIONS.keySet());
            case "shopt" -> new ArrayList<>(Options.SHOPT_DEFAULTS.keySet());
            case "signal", "arrayvar", "binding", "command", "directory", "file", "group", "helptopic", "hostname", "job",
                 "running", "service", "stopped", "user" -> List.of();
            default -> null;
        };
    }

    /** {@code complete}: defines, lists ({@code -p}, or no arguments) and removes ({@code -r}) specifications. */
    static final Builtin COMPLETE = (sh, argv) -> {
        BuiltinOptions.Parsed parsed = BuiltinOptions.parse(sh, argv, "abcdefgjksuvprDEIo:A:G:W:F:C:X:P:S:", COMPLETE_USAGE);
        if (parsed == null) return sh.done(2);
        Map<String, String> specs = sh.st.completions;
        List<String> names = argv.subList(parsed.operands(), argv.size());
        if (parsed.has('r')) {
            if (names.isEmpty()) specs.clear();
            int status = 0;
            for (String n : names) {
                if (specs.remove(n) == null) {
                    sh.builtinError("complete", n + ": no completion specification");
                    status = 1;
                }
            }
            return sh.done(status);
        }
        boolean defines = false;
        for (BuiltinOptions.Option o : parsed.options()) if (o.letter() != 'p') defines = true;
        if (!defines) {
            if (names.isEmpty()) {
                specs.values().forEach(line -> sh.out(line + "\n"));
                return sh.done(0);
            }
            int status = 0;
            for (String n : names) {
                String line = specs.get(n);
                if (line == null) {
                    sh.builtinError("complete", n + ": no completion specification");
                    status = 1;
                } else {
                    sh.out(line + "\n");
                }
            }
            return sh.done(status);
        }
        String spec = specText(parsed.options());
        for (String n : names) specs.put(n, "complete " + spec + n);
        return sh.done(0);
    };

    /** A specification as {@code complete -p} prints it: -o options, actions, then -G -W -P -S -X -C -F. */
    private static String specText(List<BuiltinOptions.Option> options) {
        StringBuilder out = new StringBuilder();
        for (BuiltinOptions.Option o : options) if (o.letter() == 'o') out.append("-o ").append(o.argument()).append(' ');
        for (char a : ACTIONS.toCharArray()) {
            for (BuiltinOptions.Option o : options) {
                if (o.letter() == a || o.letter() == 'A' && o.argument().equals(actionName(a))) {
                    out.append('-').append(a).append(' ');
                    break;
                }
            }
        }
        for (char c : "GWPSXCF".toCharArray()) {
            for (BuiltinOptions.Option o : options) {
                if (o.letter() != c) continue;
                String value = c == 'C' || c == 'F' ? o.argument() : Quote.single(o.argument());
                out.append('-').append(c).append(' ').append(value).append(' ');
            }
        }
        return out.toString();
    }

    static final Builtin COMPOPT = (sh, argv) -> {
        sh.builtinError("compopt", "not currently executing completion function");
        return sh.done(1);
    };

    /** {@code bind}: line editing is off outside an interactive shell; bash warns and succeeds. */
    static final Builtin BIND = (sh, argv) -> {
        BuiltinOptions.Parsed parsed = BuiltinOptions.parse(sh, argv, "lvpVPSsXm:f:q:u:r:x:",
                "bind [-lpsvPSVX] [-m keymap] [-f filename] [-q name] [-u name] [-r keyseq] [-x keyseq:shell-command] "
                        + "[keyseq:readline-function or readline-command]");
        if (parsed == null) return sh.done(2);
        sh.builtinError("bind", "warning: line editing not enabled");
        return sh.done(0);
    };

    /** {@code history}: a non-interactive shell keeps none, so there is nothing to list or clear. */
    static final Builtin HISTORY = (sh, argv) -> {
        BuiltinOptions.Parsed parsed = BuiltinOptions.parse(sh, argv, "cd:anrwps",
                "history [-c] [-d offset] [n] or history -anrw [filename] or history -ps arg [arg...]");
        return sh.done(parsed == null ? 2 : 0);
    };

    /** {@code fc}: with no history there is nothing to list or edit. */
    static final Builtin FC = (sh, argv) -> {
        BuiltinOptions.Parsed parsed = BuiltinOptions.parse(sh, argv, "e:lnrs",
                "fc [-e ename] [-lnr] [first] [last] or fc -s [pat=rep] [command]");
        return sh.done(parsed == null ? 2 : 0);
    };

    /** {@code suspend}: without job control the shell cannot stop itself. */
    static final Builtin SUSPEND = (sh, argv) -> {
        BuiltinOptions.Parsed parsed = BuiltinOptions.parse(sh, argv, "f", "suspend [-f]");
        if (parsed == null) return sh.done(2);
        sh.builtinError("suspend", "cannot suspend: no job control");
        return sh.done(1);
    };
}
