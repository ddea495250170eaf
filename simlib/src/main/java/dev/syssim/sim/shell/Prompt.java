package dev.syssim.sim.shell;

/**
 * Prompt strings: the backslash escapes of PS1 and {@code ${x@P}} (<code>&#92;u &#92;h \H \w \W \s \v \V
 * \$ \n \\ \[ \]} ...), then parameter expansion (bash's promptvars), as bash expands PS4 for
 * {@code set -x} too.
 */
final class Prompt {

    private Prompt() {
    }

    static String expand(Shell sh, String ps) {
        StringBuilder out = new StringBuilder();
        ShellState st = sh.st;
        for (int i = 0; i < ps.length(); i++) {
            char c = ps.charAt(i);
            if (c != '\\' || i + 1 >= ps.length()) {
                out.append(c);
                continue;
            }
            char e = ps.charAt(++i);
            switch (e) {
                case 'u' -> out.append(value(sh, "USER"));
                case 'h' -> {
                    String host = value(sh, "HOSTNAME");
                    int dot = host.indexOf('.');
                    out.append(dot < 0 ? host : host.substring(0, dot));
                }
                case 'H' -> out.append(value(sh, "HOSTNAME"));
                case 'w', 'W' -> {
                    String pwd = value(sh, "PWD");
                    String home = st.vars.get("HOME");
                    if (e == 'W') {
                        if (home != null && pwd.equals(home)) out.append('~');
                        else out.append(pwd.equals("/") ? "/" : pwd.substring(pwd.lastIndexOf('/') + 1));
                    } else if (home != null && !home.isEmpty() && (pwd.equals(home) || pwd.startsWith(home + "/"))) {
                        out.append('~').append(pwd.substring(home.length()));
                    } else {
                        out.append(pwd);
                    }
                }
                case 's' -> out.append(st.programName);
                case 'v' -> out.append("5.2");
                case 'V' -> out.append("5.2.15");
                case '$' -> out.append(st.euid == 0 ? '#' : '$');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 'a' -> out.append('\007');
                case 'e' -> out.append('\033');
                case '\\' -> out.append('\\');
                case '[', ']' -> {
                }
                case 'j' -> out.append(st.jobs.size());
                case '#', '!' -> out.append('1');
                default -> {
                    if (e >= '0' && e <= '7') {
                        int v = 0;
                        int k = i;
                        while (k < ps.length() && k < i + 3 && ps.charAt(k) >= '0' && ps.charAt(k) <= '7') v = v * 8 + (ps.charAt(k++) - '0');
                        out.append((char) (v & 0xff));
                        i = k - 1;
                    } else {
                        out.append('\\').append(e);
                    }
                }
            }
        }
        return expandParameters(sh, out.toString());
    }

    /** Parameter expansion of a prompt (what PS4 gets before each traced command). */
    static String expandParameters(Shell sh, String text) {
        if (text.indexOf('$') < 0 && text.indexOf('`') < 0) return text;
        return SyncExpansion.expand(sh, text);
    }

    private static String value(Shell sh, String name) {
        String v = sh.st.vars.get(name);
        return v == null ? "" : v;
    }
}
