package dev.syssim.sim.prog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import dev.syssim.sim.oracle.Oracle;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays {@code testdata/oracle/fnmatch/cases.jsonl}: patterns matched by real bash 5.2 in
 * C.UTF-8 through {@code [[ == ]]}, {@code case}, pathname expansion of one directory and
 * {@code ${s#p}}-style removal. The engine must give the same answer for each.
 */
class FnmatchOracleTest {

    @TestFactory
    Stream<DynamicTest> everyRecordedMatchAgreesWithBash() {
        return Oracle.cases("fnmatch/cases.jsonl").stream()
                .map(c -> DynamicTest.dynamicTest(c.get("id").getAsString(), () -> replay(c)));
    }

    private static boolean option(JsonObject c, String name) {
        return c.has(name) && c.get(name).getAsBoolean();
    }

    private static void replay(JsonObject c) {
        String pattern = c.get("pattern").getAsString();
        String mode = c.get("mode").getAsString();
        String expected = c.get("out").getAsString();
        String actual = switch (mode) {
            case "dbracket" -> bit(Fnmatch.compile(pattern, Fnmatch.EXTMATCH | nocase(c), true), c);
            case "case" -> bit(Fnmatch.compile(pattern, (option(c, "extglob") ? Fnmatch.EXTMATCH : 0) | nocase(c), true), c);
            case "glob" -> glob(c, pattern);
            default -> remove(c, pattern);
        };
        assertEquals(expected, actual, c.get("id").getAsString() + ": " + mode + " " + c);
        assertEquals("", c.get("err").getAsString());
    }

    private static int nocase(JsonObject c) {
        return option(c, "nocasematch") ? Fnmatch.CASEFOLD : 0;
    }

    private static String bit(Fnmatch f, JsonObject c) {
        return f.matches(c.get("string").getAsString()) ? "0\n" : "1\n";
    }

    /**
     * One directory's names matched as bash's glob_vector does, sorted as in C.UTF-8 (by bytes).
     * A word without an unquoted glob character is no pattern: bash leaves it as it is.
     */
    private static String glob(JsonObject c, String pattern) {
        if (!globPattern(pattern)) return pattern + "\n";
        int flags = (option(c, "dotglob") ? Fnmatch.DOTDOT : Fnmatch.PERIOD) | Fnmatch.PATHNAME
                | (option(c, "extglob") ? Fnmatch.EXTMATCH : 0) | (option(c, "nocaseglob") ? Fnmatch.CASEFOLD : 0);
        Fnmatch f = Fnmatch.compile(pattern, flags, true);
        List<String> names = new ArrayList<>();
        c.getAsJsonArray("files").forEach(e -> names.add(e.getAsString()));
        names.sort(null);
        StringBuilder out = new StringBuilder();
        for (String name : names) {
            if (f.matches(name)) out.append(name).append('\n');
        }
        return out.toString();
    }

    /** bash's unquoted_glob_pattern_p, as far as these cases need: an unescaped * ? [ or +( @( !( (extglob on or not). */
    private static boolean globPattern(String p) {
        for (int i = 0; i < p.length(); i++) {
            char ch = p.charAt(i);
            if (ch == '\\') i++;
            else if (ch == '*' || ch == '?' || ch == '[') return true;
            else if ("+@!".indexOf(ch) >= 0 && i + 1 < p.length() && p.charAt(i + 1) == '(') return true;
        }
        return false;
    }

    private static String remove(JsonObject c, String pattern) {
        String s = c.get("string").getAsString();
        Fnmatch f = Fnmatch.compile(pattern, option(c, "extglob") ? Fnmatch.EXTMATCH : 0, true);
        Fnmatch.Subject subject = f.subject(s);
        return switch (c.get("op").getAsString()) {
            case "#" -> s.substring(subject.offset(subject.removePrefix(false)));
            case "##" -> s.substring(subject.offset(subject.removePrefix(true)));
            case "%" -> s.substring(0, subject.offset(subject.removeSuffix(false)));
            default -> s.substring(0, subject.offset(subject.removeSuffix(true)));
        };
    }
}
