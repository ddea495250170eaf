package dev.syssim.sim.shell;

import dev.syssim.sim.prog.Regex;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code [[ string =~ regex ]]}: regcomp(3) with REG_EXTENDED (the shared GNU engine, as glibc
 * compiles and matches it: leftmost-longest, the groups glibc reports), searched for anywhere in
 * the string; on a match BASH_REMATCH holds the whole match and each group (an unset group is
 * empty). Status 2 when the regular expression does not compile. nocasematch adds REG_ICASE; under
 * a UTF-8 locale characters are matched, else bytes.
 */
final class RegexMatch {

    private RegexMatch() {
    }

    static int match(Shell sh, String string, String regex) {
        int flags = (sh.st.options.nocasematch ? Regex.ICASE : 0) | (sh.utf8() ? Regex.UTF8 : 0);
        Regex.Result compiled = Regex.compile(regex.getBytes(StandardCharsets.ISO_8859_1), Regex.Dialect.POSIX_EXTENDED, flags);
        if (!(compiled instanceof Regex.Valid valid)) return 2;
        byte[] text = string.getBytes(StandardCharsets.ISO_8859_1);
        Regex.Match m = valid.regex().search(text);
        if (m == null) {
            Assign.array(sh, "BASH_REMATCH", List.of(), false, false);
            return 1;
        }
        List<Assign.Element> groups = new ArrayList<>();
        for (int g = 0; g <= valid.regex().groups(); g++) {
            String value = m.matched(g) ? new String(text, m.start(g), m.end(g) - m.start(g), StandardCharsets.ISO_8859_1) : "";
            groups.add(new Assign.Element(null, false, value));
        }
        Variable v = sh.st.vars.find("BASH_REMATCH");
        if (v != null && v.has(Variable.READONLY)) return 0;
        Assign.array(sh, "BASH_REMATCH", groups, false, false);
        return 0;
    }
}
