package dev.syssim.sim.shell;

import dev.syssim.sim.shell.syntax.Ast;
import dev.syssim.sim.shell.syntax.Parser;
import dev.syssim.sim.shell.syntax.SyntaxError;
import java.util.Map;

/**
 * {@code export -f}: bash hands a function to the programs it runs as an environment variable
 * {@code BASH_FUNC_name%%=() {  body...}}, and a bash started with one defines the function
 * (since the Shellshock fixes only from that name form, and only a whole function definition).
 */
final class ExportedFunctions {

    private static final String PREFIX = "BASH_FUNC_";
    private static final String SUFFIX = "%%";

    private ExportedFunctions() {
    }

    /** Whether an environment entry is an exported function a starting bash takes in. */
    static boolean importable(String name, String value) {
        return name.startsWith(PREFIX) && name.endsWith(SUFFIX) && name.length() > PREFIX.length() + SUFFIX.length()
                && value.startsWith("() {");
    }

    /** Defines the function an environment entry carries; a value that is not one function is ignored, as bash does. */
    static void define(Shell sh, String name, String value) {
        String function = name.substring(PREFIX.length(), name.length() - SUFFIX.length());
        try {
            Ast.Script script = Parser.parseAll(function + " " + value, sh.parserSettings());
            if (script.items().size() != 1) return;
            Ast.AndOr chain = script.items().get(0).command();
            if (chain.pipelines().size() != 1 || chain.pipelines().get(0).commands().size() != 1) return;
            if (!(chain.pipelines().get(0).commands().get(0) instanceof Ast.FunctionDef def) || !def.name().equals(function)) return;
            sh.st.functions.put(function, def);
            sh.st.functionSources.put(function, "environment");
            sh.st.exportedFunctions.add(function);
        } catch (SyntaxError e) {
            sh.err(sh.st.programName + ": error importing function definition for `" + function + "'\n");
        }
    }

    /** Adds the exported functions to a program's environment, in bash's text form. */
    static void addTo(Shell sh, Map<String, String> env) {
        for (String f : sh.st.exportedFunctions) {
            Ast.FunctionDef def = sh.st.functions.get(f);
            if (def != null) env.put(PREFIX + f + SUFFIX, text(def));
        }
    }

    /** {@code () {  echo a;\n echo b\n}}: declare -f's text without the name and with one-space indents. */
    static String text(Ast.FunctionDef def) {
        String printed = FunctionPrinter.print(def);
        int open = printed.indexOf("\n{");
        String[] lines = printed.substring(open + 1).split("\n");
        StringBuilder out = new StringBuilder("() {  ");
        for (int i = 1; i < lines.length - 1; i++) {
            if (i > 1) out.append("\n ");
            out.append(lines[i].strip());
        }
        return out.append("\n}").toString();
    }
}
