package dev.syssim.sim.shell;

import dev.syssim.sim.prog.Printf;

/** {@code printf [-v var] format [args]}: bash's (or dash's) printf, from the shared formatting engine. */
final class PrintfBuiltin {

    private PrintfBuiltin() {
    }

    static final Builtin PRINTF = (sh, argv) -> {
        Printf.Dialect dialect = sh.st.dash ? Printf.Dialect.DASH : Printf.Dialect.BASH;
        long now = Clock.now(sh) / 1_000_000_000L;
        Printf.Result r = Printf.printf(dialect, argv.subList(1, argv.size()), "printf", new Printf.Times(now, sh.st.startSeconds));
        for (Printf.Message m : r.messages()) {
            switch (m.prefix()) {
                case FULL -> sh.builtinError("printf", m.text());
                case NAME -> sh.err("printf: " + m.text() + "\n");
                default -> sh.err(m.text() + "\n");
            }
        }
        if (r.variable() != null) {
            String name = r.variable();
            int bracket = name.indexOf('[');
            String error = bracket > 0 ? Assign.element(sh, name.substring(0, bracket), name.substring(bracket + 1, name.length() - 1),
                    r.output(), false) : Assign.scalar(sh, name, r.output(), false);
            if (error != null && !error.isEmpty()) {
                sh.builtinError("printf", error);
                return sh.done(1);
            }
        } else {
            sh.out(r.output());
        }
        return sh.done(r.status());
    };
}
