package dev.syssim.sim.shell;

import dev.syssim.sim.os.Step;
import dev.syssim.sim.prog.TestExpression;
import dev.syssim.sim.prog.TestLookups;
import java.util.List;

/**
 * {@code test} and {@code [}: the shared engine parses the words with bash's (or dash's) rules and
 * messages, the kernel answers its file questions (stat, lstat, access, isatty) and the shell its
 * own ({@code -v -R -o}). Status 0 true, 1 false, 2 for a usage error.
 */
final class TestBuiltin implements Builtin {

    @Override
    public Step run(Shell sh, List<String> argv) {
        String name = argv.get(0);
        TestExpression.Dialect dialect = sh.st.dash ? TestExpression.Dialect.DASH : TestExpression.Dialect.BASH;
        TestExpression test = TestExpression.parse(dialect, argv.subList(1, argv.size()), name.equals("["));
        return TestLookups.evaluate(sh.c, test, new ShellLookups(sh), result -> {
            for (String message : result.messages()) sh.builtinError(name, message);
            return sh.done(result.status());
        });
    }

    /** The questions only the shell can answer. */
    private record ShellLookups(Shell sh) implements TestLookups.Shell {
        public boolean variableSet(String name) {
            return FileTests.isSet(sh, name);
        }

        public boolean nameref(String name) {
            Variable v = sh.st.vars.findRaw(name);
            return v != null && v.has(Variable.NAMEREF) && v.value != null;
        }

        public boolean option(String name) {
            Boolean on = sh.st.options.isSetOption(name) ? sh.st.options.get(name) : null;
            return on != null && on;
        }

        public String path(String word) {
            return Bytes.toJava(word);
        }
    }
}
