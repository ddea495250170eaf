package dev.syssim.sim.shell;

/**
 * Where dash (Debian's /bin/sh) words a message differently from bash: the interpreter writes
 * bash's message and, running as sh, passes it through here. What dash does differently (no
 * arrays, its arithmetic, its builtins' options) lives with each construct; only wording is here.
 */
final class Dash {

    private Dash() {
    }

    /** dash's wording of a message bash would print (without the {@code sh: N: } prefix). */
    static String message(String bash) {
        if (bash.endsWith(": readonly variable")) return bash.substring(0, bash.length() - "readonly variable".length()) + "is read only";
        if (bash.endsWith(": unbound variable")) return bash.substring(0, bash.length() - "unbound variable".length()) + "parameter not set";
        if (bash.endsWith(": bad substitution")) return "Bad substitution";
        return bash;
    }

    /**
     * A redirection's failure as dash words it (its errmsg): {@code cannot create f: File exists},
     * {@code cannot open x: No such file}, and for a missing directory {@code Directory nonexistent}.
     */
    static String openError(String path, boolean create, dev.syssim.sim.os.Errno errno) {
        String why;
        if (errno == dev.syssim.sim.os.Errno.ENOENT) why = create ? "Directory nonexistent" : "No such file";
        else if (errno == dev.syssim.sim.os.Errno.ENOTDIR) why = create ? "Directory nonexistent" : "No such file";
        else why = errno.message();
        return (create ? "cannot create " : "cannot open ") + path + ": " + why;
    }

    /** dash's wording of a builtin's message. */
    static String builtinMessage(String builtin, String bash) {
        if (builtin.equals("exit") && bash.endsWith(": numeric argument required")) {
            return "Illegal number: " + bash.substring(0, bash.length() - ": numeric argument required".length());
        }
        return message(bash);
    }
}
