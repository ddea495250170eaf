package dev.syssim.sim.prog.tools.users;

import dev.syssim.sim.prog.UserDb;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sudoers policy as sudo reads it from /etc/sudoers and the files of {@code @includedir}:
 * {@code Defaults} settings and user specifications {@code WHO HOST=(RUNAS) [NOPASSWD:] COMMANDS}.
 * WHO is a user, {@code %group} or {@code ALL}; COMMANDS is {@code ALL} or full paths. When several
 * rules match, the last one wins, as in sudo. Aliases are not supported.
 */
final class Sudoers {

    /** One user specification. */
    record Rule(List<String> who, List<String> hosts, List<String> runas, String runasText, boolean noPassword, List<String> commands, String text) {
    }

    final Map<String, String> defaults = new LinkedHashMap<>();
    final List<Rule> rules = new ArrayList<>();
    /** Directories named by {@code @includedir}, in order. */
    final List<String> includeDirs = new ArrayList<>();
    final List<String> includeFiles = new ArrayList<>();

    /** Adds the rules and settings of one file's text. */
    void parse(String text) {
        StringBuilder joined = new StringBuilder();
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.endsWith("\\")) {
                joined.append(line, 0, line.length() - 1).append(' ');
                continue;
            }
            joined.append(line);
            line = joined.toString().strip();
            joined.setLength(0);
            if (line.startsWith("#include") || line.startsWith("@include")) {
                String[] f = line.split("\\s+", 2);
                if (f.length == 2) (f[0].endsWith("dir") ? includeDirs : includeFiles).add(f[1].strip());
                continue;
            }
            int hash = line.indexOf('#');
            if (hash >= 0) line = line.substring(0, hash).strip();
            if (line.isEmpty()) continue;
            if (line.matches("Defaults(\\s.*)?")) {
                defaults(line.substring("Defaults".length()).strip());
                continue;
            }
            if (line.matches("(User|Runas|Host|Cmnd)_Alias\\b.*")) continue;
            Rule rule = rule(line);
            if (rule != null) rules.add(rule);
        }
    }

    private void defaults(String settings) {
        for (String s : splitTopLevel(settings)) {
            s = s.strip();
            if (s.isEmpty()) continue;
            int eq = s.indexOf('=');
            if (eq < 0) {
                if (s.startsWith("!")) defaults.put(s.substring(1), "false");
                else defaults.put(s, "true");
            } else {
                String value = s.substring(eq + 1).strip();
                if (value.startsWith("\"") && value.endsWith("\"") && value.length() >= 2) value = value.substring(1, value.length() - 1);
                defaults.put(s.substring(0, eq).strip().replaceAll("[+-]$", ""), value);
            }
        }
    }

    private static List<String> splitTopLevel(String s) {
        List<String> out = new ArrayList<>();
        boolean quoted = false;
        StringBuilder cur = new StringBuilder();
        for (char ch : s.toCharArray()) {
            if (ch == '"') quoted = !quoted;
            if (ch == ',' && !quoted) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(ch);
            }
        }
        out.add(cur.toString());
        return out;
    }

    private static Rule rule(String line) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\S+(?:\\s*,\\s*\\S+)*)\\s+([^=\\s]+)\\s*=\\s*(?:\\(([^)]*)\\))?\\s*(.*)").matcher(line);
        if (!m.matches()) return null;
        List<String> who = list(m.group(1));
        List<String> hosts = list(m.group(2));
        List<String> runas = m.group(3) == null ? List.of("root") : list(m.group(3).split(":")[0]);
        String rest = m.group(4).strip();
        boolean noPassword = false;
        while (rest.matches("(NOPASSWD|PASSWD|SETENV|NOSETENV|EXEC|NOEXEC)\\s*:.*")) {
            String tag = rest.substring(0, rest.indexOf(':')).strip();
            if (tag.equals("NOPASSWD")) noPassword = true;
            if (tag.equals("PASSWD")) noPassword = false;
            rest = rest.substring(rest.indexOf(':') + 1).strip();
        }
        String runasText = m.group(3) == null ? "(root)" : "(" + String.join(" : ", m.group(3).split("\\s*:\\s*")) + ")";
        return new Rule(who, hosts, runas, runasText.replace("( ", "(").strip(), noPassword, list(rest), line);
    }

    private static List<String> list(String s) {
        List<String> out = new ArrayList<>();
        for (String part : s.split(",")) if (!part.strip().isEmpty()) out.add(part.strip());
        return out;
    }

    /** Whether any rule names the user at all (else: "is not in the sudoers file"). */
    boolean mentions(UserDb.User user, List<String> groupNames, String host) {
        for (Rule r : rules) if (matchesWho(r, user, groupNames) && matchesHost(r, host)) return true;
        return false;
    }

    /** The last rule that allows {@code command} as {@code runas}, or null. */
    Rule allowing(UserDb.User user, List<String> groupNames, String host, String runas, String command) {
        Rule found = null;
        for (Rule r : rules) {
            if (!matchesWho(r, user, groupNames) || !matchesHost(r, host)) continue;
            if (!r.runas().contains("ALL") && !r.runas().contains(runas)) continue;
            for (String allowed : r.commands()) {
                String path = allowed.split("\\s+")[0];
                if (allowed.equals("ALL") || path.equals(command)) found = r;
            }
        }
        return found;
    }

    private static boolean matchesWho(Rule r, UserDb.User user, List<String> groupNames) {
        for (String w : r.who()) {
            if (w.equals("ALL") || w.equals(user.name())) return true;
            if (w.startsWith("%") && groupNames.contains(w.substring(1))) return true;
            if (w.startsWith("#") && w.substring(1).equals(Integer.toString(user.uid()))) return true;
        }
        return false;
    }

    private static boolean matchesHost(Rule r, String host) {
        return r.hosts().contains("ALL") || r.hosts().contains(host);
    }
}
