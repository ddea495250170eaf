package dev.syssim.sim.shell;

import dev.syssim.sim.os.Step;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The declaration builtins — {@code declare}/{@code typeset}, {@code local}, {@code export},
 * {@code readonly} — and how bash prints variables back ({@code declare -p}, {@code ${x@A}}).
 * Inside a function {@code declare} makes locals unless {@code -g}.
 */
final class Declare implements Builtin {

    private static final Set<String> NAMES = Set.of("declare", "typeset", "local", "export", "readonly");
    /** bash's order of attribute letters in declare -p and ${x@a}. */
    private static final String ORDER = "aAilnrtux";

    static boolean isDeclaration(String name) {
        // the length test first: this runs for every simple command, and the names are 5 to 8 letters
        return name != null && name.length() >= 5 && name.length() <= 8 && NAMES.contains(name);
    }

    @Override
    public Step run(Shell sh, List<String> argv) {
        String cmd = argv.get(0);
        String valid = switch (cmd) {
            case "export" -> "fnp";
            case "readonly" -> "aAfp";
            case "local" -> "aAfFiIlnprtux";
            default -> "aAfFgiIlnprtux";
        };
        if (cmd.equals("local") && sh.st.vars.functionScope() == null) {
            if (sh.st.dash) {
                sh.builtinError(cmd, "not in a function");
                return sh.fatal(2);
            }
            sh.builtinError(cmd, "can only be used in a function");
            return sh.done(1);
        }
        // declare, typeset and local take +x to turn an attribute off; export and readonly only -x (bash's
        // optstrings), so `export +x' names a variable "+x"
        boolean plus = !cmd.equals("export") && !cmd.equals("readonly");
        BuiltinOptions.Parsed parsed = BuiltinOptions.parse(sh, argv, (plus ? "+" : "") + valid, usage(cmd));
        if (parsed == null) return sh.done(2);
        StringBuilder on = new StringBuilder();
        StringBuilder off = new StringBuilder();
        for (BuiltinOptions.Option o : parsed.options()) (o.plus() ? off : on).append(o.letter());
        int i = parsed.operands();
        List<String> names = argv.subList(i, argv.size());
        String flags = on.toString();
        if (cmd.equals("export")) flags = on.indexOf("n") >= 0 ? flags.replace("n", "") : flags + "x";
        if (cmd.equals("readonly")) flags += "r";
        String removed = off.toString();
        if (cmd.equals("export") && on.indexOf("n") >= 0) removed += "x";
        boolean functions = flags.contains("f") || flags.contains("F");
        boolean print = flags.contains("p") || (names.isEmpty() && (cmd.equals("export") || cmd.equals("readonly")))
                || (names.isEmpty() && removed.isEmpty() && flags.replaceAll("[gx r]", "").isEmpty() && !cmd.equals("export")
                && !cmd.equals("readonly"));
        if (functions) return functions(sh, cmd, flags, names);
        if (cmd.equals("local") && names.isEmpty()) {
            // bash lists the function's own locals, sorted by name and whatever the options, as declare -p would
            Map<String, Variable> locals = new TreeMap<>();
            sh.st.vars.functionScope().table.forEach(locals::put);
            if (sh.st.vars.functionScope().savedOptions != null) sh.out("local -\n");
            for (Variable v : locals.values()) sh.out(declaration(v) + "\n");
            return sh.done(0);
        }
        if (print && names.isEmpty()) {
            list(sh, cmd, flags);
            return sh.done(0);
        }
        if (flags.contains("p")) return sh.done(printNames(sh, cmd, names));
        boolean local = cmd.equals("local") || (!flags.contains("g") && sh.st.vars.functionScope() != null && !cmd.equals("export")
                && !cmd.equals("readonly"));
        int status = 0;
        for (int n = 0; n < names.size(); n++) {
            String arg = names.get(n);
            if (cmd.equals("local") && arg.equals("-")) {
                // `local -': the set options are restored when the function returns (shopt options are not)
                Variables.Scope scope = sh.st.vars.functionScope();
                if (scope.savedOptions == null) scope.savedOptions = new LinkedHashMap<>(sh.st.options.setOptions());
                continue;
            }
            List<Assign.Element> array = sh.pendingArrays.get(i + n);
            sh.declaring = cmd;
            String error = declareOne(sh, cmd, arg, flags, removed, local, array);
            sh.declaring = null;
            if (error != null) {
                // an empty error: declare -i's arithmetic failed (and said so); like any arithmetic
                // error it abandons the rest of the line, outside a prompt
                if (error.isEmpty() && !sh.st.dash && !(sh.st.interactive && !sh.st.subshell)) return sh.discard(1);
                if (!error.isEmpty()) sh.builtinError(cmd, error);
                status = 1;
            }
        }
        return sh.done(status);
    }

    private static String usage(String cmd) {
        return switch (cmd) {
            case "export" -> "export [-fn] [name[=value] ...] or export -p";
            case "readonly" -> "readonly [-aAf] [name[=value] ...] or readonly -p";
            case "local" -> "local [option] name[=value] ...";
            default -> cmd + " [-aAfFgiIlnrtux] [name[=value] ...] or " + cmd + " -p [-aAfFilnrtux] [name ...]";
        };
    }

    /** One operand: {@code name}, {@code name=value}, {@code name+=value}, {@code name=(...)}. */
    private static String declareOne(Shell sh, String cmd, String arg, String flags, String removed, boolean local,
                                     List<Assign.Element> array) {
        int eq = arg.indexOf('=');
        String name = eq < 0 ? arg : arg.substring(0, eq);
        boolean append = name.endsWith("+");
        if (append) name = name.substring(0, name.length() - 1);
        String subscript = null;
        int bracket = name.indexOf('[');
        if (bracket > 0 && name.endsWith("]")) {
            subscript = name.substring(bracket + 1, name.length() - 1);
            name = name.substring(0, bracket);
        }
        if (!Shell.isName(name)) return "`" + arg + "': not a valid identifier";
        Variables vars = sh.st.vars;
        Variable v;
        if (local) {
            Variable outer = vars.findRaw(name);
            // a readonly name cannot be made local either (bash refuses even `local R' without a value)
            if (outer != null && outer.has(Variable.READONLY) && vars.functionScope().table.get(name) == null) {
                return name + ": readonly variable";
            }
            v = vars.local(name);
            if (v == null) return "can only be used in a function";
        } else if (flags.contains("g")) {
            v = vars.global().table.get(name);
            if (v == null) {
                v = new Variable(name);
                vars.global().table.put(name, v);
            }
        } else {
            v = vars.findRaw(name);
            if (v == null) {
                v = new Variable(name);
                vars.global().table.put(name, v);
            }
        }
        if (v.has(Variable.READONLY) && (eq >= 0 || removed.contains("r") || flags.replace("r", "").replace("p", "").length() > 0 && !flags.equals("x"))) {
            if (eq >= 0 || removed.contains("r")) return name + ": readonly variable";
        }
        if (flags.contains("A") && v.isArray()) return name + ": cannot convert indexed to associative array";
        if (flags.contains("a") && v.isAssoc()) return name + ": cannot convert associative to indexed array";
        boolean fresh = !v.isArray() && !v.isAssoc() && v.value == null;
        if (flags.contains("A")) v.makeAssoc();
        if (flags.contains("a") && !v.isAssoc()) v.makeIndexed();
        if (fresh && eq < 0 && array == null) v.declaredOnly = true;
        // attributes that change the value are set before the value is assigned
        if (flags.contains("i")) v.attributes |= Variable.INTEGER;
        if (flags.contains("l")) v.attributes = (v.attributes | Variable.LOWER) & ~Variable.UPPER;
        if (flags.contains("u")) v.attributes = (v.attributes | Variable.UPPER) & ~Variable.LOWER;
        if (flags.contains("n")) {
            if (v.isArray() || v.isAssoc()) return name + ": reference variable cannot be an array";
            v.attributes |= Variable.NAMEREF;
        }
        if (flags.contains("t")) v.attributes |= Variable.TRACE;
        for (char r : removed.toCharArray()) {
            v.attributes &= ~switch (r) {
                case 'x' -> Variable.EXPORT;
                case 'i' -> Variable.INTEGER;
                case 'l' -> Variable.LOWER;
                case 'u' -> Variable.UPPER;
                case 'n' -> Variable.NAMEREF;
                case 't' -> Variable.TRACE;
                default -> 0;
            };
        }
        String error = null;
        if (array != null) {
            error = Assign.array(sh, name, array, append, v.isAssoc());
        } else if (eq >= 0) {
            String value = arg.substring(eq + 1);
            if (flags.contains("n") && value.equals(name)) {
                v.attributes &= ~Variable.NAMEREF;
                return name + ": nameref variable self references not allowed";
            }
            if (v.has(Variable.NAMEREF) && !local && v.value == null || flags.contains("n")) {
                if (!Shell.isName(value.replaceAll("\\[.*\\]$", "")) && !value.isEmpty()) return "`" + value + "': invalid variable name for name reference";
                v.value = value;
            } else if (subscript != null) {
                error = Assign.element(sh, name, subscript, value, append);
            } else if (local) {
                String old = v.scalar();
                v.value = null;
                Variable saved = v;
                error = Assign.scalar(sh, name, append && old != null ? old + value : value, false);
                if (saved.value == null && saved.indexed == null && saved.assoc == null && error == null) saved.value = value;
            } else {
                error = Assign.scalar(sh, name, value, append);
            }
        }
        if (error != null) return error;
        if (flags.contains("x")) v.attributes |= Variable.EXPORT;
        if (flags.contains("r")) v.attributes |= Variable.READONLY;
        return null;
    }

    private static Step functions(Shell sh, String cmd, String flags, List<String> names) {
        ShellState st = sh.st;
        int status = 0;
        if (names.isEmpty()) {
            for (String f : new java.util.TreeSet<>(st.functions.keySet())) {
                if (cmd.equals("export") && !st.exportedFunctions.contains(f)) continue;
                if (cmd.equals("readonly") && !st.readonlyFunctions.contains(f)) continue;
                if (flags.contains("F")) sh.out("declare -f" + (st.exportedFunctions.contains(f) ? "x" : "") + " " + f + "\n");
                else sh.out(FunctionPrinter.print(st.functions.get(f)) + "\n");
            }
            return sh.done(0);
        }
        for (String f : names) {
            if (!st.functions.containsKey(f)) {
                if (cmd.equals("export") || cmd.equals("readonly")) {
                    sh.builtinError(cmd, f + ": not a function");
                }
                status = 1;
                continue;
            }
            if (cmd.equals("export")) {
                if (!flags.contains("x")) st.exportedFunctions.remove(f); // export -n: flags lost the x
                else st.exportedFunctions.add(f);
            } else if (cmd.equals("readonly")) {
                st.readonlyFunctions.add(f);
            } else if (flags.contains("x")) {
                st.exportedFunctions.add(f);
            } else if (flags.contains("r")) {
                st.readonlyFunctions.add(f);
            } else if (flags.contains("F")) {
                sh.out(f + "\n");
            } else {
                sh.out(FunctionPrinter.print(st.functions.get(f)) + "\n");
            }
        }
        return sh.done(status);
    }

    /** {@code declare}, {@code declare -p}, {@code export -p}, {@code readonly -p}: the variables with those attributes. */
    private static void list(Shell sh, String cmd, String flags) {
        boolean exportOnly = cmd.equals("export") || flags.contains("x");
        boolean readonlyOnly = cmd.equals("readonly") || flags.contains("r");
        boolean plain = cmd.equals("declare") || cmd.equals("typeset");
        boolean withP = flags.contains("p");
        for (Map.Entry<String, Variable> e : sh.st.vars.visible().entrySet()) {
            Variable v = e.getValue();
            if (exportOnly && !v.has(Variable.EXPORT)) continue;
            if (readonlyOnly && !v.has(Variable.READONLY)) continue;
            if (sh.st.dash) {
                // dash: `export name='value'' (a name without a value bare), every value single-quoted
                sh.out(cmd + " " + v.name + (v.value == null ? "" : "=" + SetBuiltin.dashQuoted(v.value)) + "\n");
                continue;
            }
            if (flags.contains("a") && !v.isArray()) continue;
            if (flags.contains("A") && !v.isAssoc()) continue;
            if (flags.contains("i") && !v.has(Variable.INTEGER)) continue;
            if (plain && !withP && flags.isEmpty()) {
                sh.out(SetBuiltin.line(v) + "\n");
                continue;
            }
            sh.out(declaration(v) + "\n");
        }
    }

    private static int printNames(Shell sh, String cmd, List<String> names) {
        int status = 0;
        for (String n : names) {
            Variable v = sh.st.vars.findRaw(n);
            if (v == null) {
                String d = sh.st.vars.isDynamic(n) ? sh.st.vars.get(n) : null;
                if (d != null) {
                    sh.out("declare -- " + n + "=" + Quote.declare(d) + "\n");
                    continue;
                }
                sh.builtinError(cmd, n + ": not found");
                status = 1;
                continue;
            }
            sh.out(declaration(v) + "\n");
        }
        return status;
    }

    /** The attribute letters of a variable, in bash's order. */
    static String attributeLetters(Variable v) {
        if (v == null) return "";
        StringBuilder out = new StringBuilder();
        for (char c : ORDER.toCharArray()) {
            boolean has = switch (c) {
                case 'a' -> v.isArray();
                case 'A' -> v.isAssoc();
                case 'i' -> v.has(Variable.INTEGER);
                case 'l' -> v.has(Variable.LOWER);
                case 'n' -> v.has(Variable.NAMEREF);
                case 'r' -> v.has(Variable.READONLY);
                case 't' -> v.has(Variable.TRACE);
                case 'u' -> v.has(Variable.UPPER);
                default -> v.has(Variable.EXPORT);
            };
            if (has) out.append(c);
        }
        return out.toString();
    }

    /** {@code declare -p}'s line for a variable. */
    static String declaration(Variable v) {
        String letters = attributeLetters(v);
        String head = "declare -" + (letters.isEmpty() ? "-" : letters) + " " + v.name;
        if ((v.isArray() || v.isAssoc()) && v.declaredOnly && !v.isSet()) return head;
        if (v.isArray()) return head + "=(" + arrayBody(v) + ")";
        if (v.isAssoc()) return head + "=(" + arrayBody(v) + ")";
        if (v.value == null) return head;
        return head + "=" + Quote.declare(v.value);
    }

    /** An array's elements as declare prints them: {@code [0]="a" [1]="b"}, an associative one with a trailing space. */
    static String arrayBody(Variable v) {
        StringBuilder out = new StringBuilder();
        List<String> keys = v.keys();
        List<String> values = v.elements();
        for (int i = 0; i < keys.size(); i++) {
            if (v.isIndexed() && i > 0) out.append(' ');
            String key = v.isAssoc() ? Quote.keyText(keys.get(i)) : keys.get(i);
            out.append('[').append(key).append("]=").append(Quote.declare(values.get(i)));
            if (v.isAssoc()) out.append(' ');
        }
        return out.toString();
    }

    /** {@code ${x@A}}: the statement that would recreate the variable. */
    static String assignmentText(Shell sh, String name, String sub, Parameters.Value base) {
        Variable v = sh.st.vars.find(name);
        if (v == null) return "";
        String letters = attributeLetters(v);
        boolean whole = sub != null && (sub.equals("@") || sub.equals("*"));
        if ((v.isArray() || v.isAssoc()) && (whole || sub == null)) {
            return "declare -" + letters + " " + name + "=(" + arrayBody(v) + ")";
        }
        String value = base == null ? "" : base.joined();
        String assign = name + (sub != null ? "[" + sub + "]" : "") + "=" + Quote.single(value);
        if (letters.isEmpty() || sub != null) return assign;
        return "declare -" + letters + " " + assign;
    }

    static List<String> names() {
        return new ArrayList<>(NAMES);
    }
}
