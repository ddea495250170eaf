package dev.syssim.sim.shell;

import dev.syssim.sim.shell.arith.ArithMessage;
import dev.syssim.sim.shell.arith.ArithResult;
import dev.syssim.sim.shell.arith.ArithVariables;

/** The shell's variables as bash's arithmetic sees them, and how its messages are printed. */
final class ArithBridge implements ArithVariables {

    private final Shell sh;

    ArithBridge(Shell sh) {
        this.sh = sh;
    }

    @Override
    public String value(String name) {
        return sh.st.vars.get(name);
    }

    @Override
    public boolean isSet(String name) {
        Variable v = sh.st.vars.find(name);
        if (v == null) return sh.st.vars.isDynamic(name);
        return v.isSet();
    }

    @Override
    public boolean isAssociative(String name) {
        Variable v = sh.st.vars.find(name);
        return v != null && v.isAssoc();
    }

    @Override
    public boolean isIndexedArray(String name) {
        Variable v = sh.st.vars.find(name);
        return v != null && v.isArray();
    }

    @Override
    public long maxIndex(String name) {
        Variable v = sh.st.vars.find(name);
        return v == null ? -1 : v.isArray() ? v.maxIndex() : v.value != null ? 0 : -1;
    }

    @Override
    public String element(String name, long index) {
        Variable v = sh.st.vars.find(name);
        if (v == null) return index == 0 ? sh.st.vars.get(name) : null;
        if (v.isArray()) return v.indexed.get(index);
        return index == 0 ? v.scalar() : null;
    }

    @Override
    public String element(String name, String key) {
        Variable v = sh.st.vars.find(name);
        return v == null || !v.isAssoc() ? null : v.assoc.get(key);
    }

    @Override
    public String assign(String name, String value) {
        return Assign.scalar(sh, name, value, false);
    }

    @Override
    public String assignElement(String name, long index, String value) {
        return Assign.indexed(sh, name, index, value, false);
    }

    @Override
    public String assignElement(String name, String key, String value) {
        return Assign.key(sh, name, key, value, false);
    }

    /**
     * A subscript's text expanded again, as bash does before using it: parameters and quotes.
     * Simplification: a command substitution inside such a text (which bash would run) expands to
     * nothing here, since this expansion cannot wait for a process.
     */
    @Override
    public String expandSubscript(String text, boolean associative) {
        return SyncExpansion.expand(sh, text);
    }

    @Override
    public boolean nounset() {
        return sh.st.options.nounset;
    }

    /**
     * Prints the messages of an evaluation with bash's prefix ({@code bash: line 1: }) and the command
     * name where bash puts one ({@code ((: }, {@code let: }); {@code command} null for {@code $(( ))}.
     */
    static void report(Shell sh, ArithResult r, String command) {
        for (ArithMessage m : r.messages()) print(sh, m, command);
        if (r instanceof ArithResult.Failure f && f.error() != null) print(sh, f.error(), command);
    }

    private static void print(Shell sh, ArithMessage m, String command) {
        if (m.commandName() && command != null) sh.error(command + ": " + m.text());
        else sh.error(m.text());
    }
}
