package dev.syssim.sim.shell;

/** TEMPORARY (not committed): printf until the shared engine lands. */
final class PrintfBuiltin {
    private PrintfBuiltin() {
    }

    static final Builtin PRINTF = (sh, argv) -> {
        if (argv.size() < 2) return sh.done(2);
        String fmt = argv.get(1);
        java.util.List<String> args = argv.subList(2, argv.size());
        StringBuilder out = new StringBuilder();
        int ai = 0;
        do {
            for (int i = 0; i < fmt.length(); i++) {
                char c = fmt.charAt(i);
                if (c == '\\' && i + 1 < fmt.length()) {
                    char e = fmt.charAt(++i);
                    out.append(e == 'n' ? '\n' : e == 't' ? '\t' : e == '\\' ? '\\' : e);
                } else if (c == '%' && i + 1 < fmt.length()) {
                    int j = i + 1;
                    while (j < fmt.length() && "-0123456789.".indexOf(fmt.charAt(j)) >= 0) j++;
                    char conv = fmt.charAt(j);
                    String spec = fmt.substring(i, j);
                    String a = ai < args.size() ? args.get(ai++) : "";
                    switch (conv) {
                        case 'd' -> out.append(String.format(spec + "d", a.isEmpty() ? 0 : Long.parseLong(a.strip())));
                        case '%' -> { out.append('%'); ai--; }
                        default -> out.append(String.format(spec + "s", a));
                    }
                    i = j;
                } else {
                    out.append(c);
                }
            }
        } while (ai < args.size() && ai > 0);
        sh.out(out.toString());
        return sh.done(0);
    };
}
