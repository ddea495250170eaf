package dev.syssim.sim.shell;

import dev.syssim.sim.os.Step;
import dev.syssim.sim.prog.UserDb;
import java.util.function.Consumer;

/**
 * Tilde expansion: {@code ~} is $HOME (the password database's home when HOME is unset), {@code ~user}
 * that user's home from /etc/passwd, {@code ~+} $PWD, {@code ~-} $OLDPWD, {@code ~N} an entry of the
 * directory stack. A name no one has stays as written.
 */
final class Tilde {

    private Tilde() {
    }

    /** The expansion if it needs no lookup; null if it needs /etc/passwd or cannot be expanded. */
    static String expand(Shell sh, String prefix) {
        ShellState st = sh.st;
        if (prefix.isEmpty()) return st.vars.get("HOME");
        if (prefix.equals("+")) return st.vars.get("PWD");
        if (prefix.equals("-")) return st.vars.get("OLDPWD");
        String digits = prefix.startsWith("+") || prefix.startsWith("-") ? prefix.substring(1) : prefix;
        if (!digits.isEmpty() && digits.chars().allMatch(Character::isDigit)) {
            int n = Integer.parseInt(digits);
            java.util.List<String> stack = Dirs.stack(sh);
            int i = prefix.startsWith("-") ? stack.size() - 1 - n : n;
            return i >= 0 && i < stack.size() ? stack.get(i) : null;
        }
        return null;
    }

    /** Whether expanding needs the password database: {@code ~user}, or {@code ~} with HOME unset. */
    static boolean needsLookup(String prefix) {
        if (prefix.isEmpty()) return true;
        return Shell.isName(prefix.replace("-", "_").replace(".", "_")) || prefix.matches("[A-Za-z0-9._-]+");
    }

    /** ~user in an assignment where no lookup can wait: only the shell's own user is known without one. */
    static String expandNow(Shell sh, String prefix) {
        return null;
    }

    /** A frame that reads /etc/passwd and delivers the home (or {@code ~prefix} as written). */
    static Frame lookupFrame(Shell sh, String prefix, Consumer<Object> deliver) {
        return new Frame() {
            @Override
            Step step(Shell s) {
                return s.c.users(db -> {
                    UserDb.User u = prefix.isEmpty() ? db.user(s.st.uid) : db.user(Bytes.toJava(prefix));
                    deliver.accept(u == null ? "~" + prefix : Bytes.fromJava(u.home()));
                    return s.finish(0);
                });
            }
        };
    }
}
