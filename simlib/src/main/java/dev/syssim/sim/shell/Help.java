package dev.syssim.sim.shell;

import dev.syssim.sim.os.Step;
import dev.syssim.sim.prog.Fnmatch;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * bash's {@code help}: the list of topics in two columns, {@code help -s} synopses and
 * {@code help -d} one-line descriptions, topics found as bash finds them (an exact name, else a
 * glob pattern, else a prefix). The synopses and descriptions are bash 5.2.15's, recorded into
 * help-topics.tsv. Simplification: the long help text of {@code help NAME} is not kept; it shows
 * the synopsis and the one-line description (the manual page has the rest).
 */
final class Help {

    /** One help topic: its name, its synopsis and its one-line description. */
    record Topic(String name, String synopsis, String description) {
    }

    static final List<Topic> TOPICS = load();

    private Help() {
    }

    private static List<Topic> load() {
        List<Topic> topics = new ArrayList<>();
        try (InputStream in = Help.class.getResourceAsStream("help-topics.tsv");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] f = line.split("\t", 3);
                topics.add(new Topic(f[0], f[1], f[2]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(topics);
    }

    static final Builtin HELP = (sh, argv) -> {
        BuiltinOptions.Parsed o = BuiltinOptions.parse(sh, argv, "dms", "help [-dms] [pattern ...]");
        if (o == null) return sh.done(2);
        // bash looks at -d, then -m, then -s, in whatever order they were given
        char style = o.has('d') ? 'd' : o.has('m') ? 'm' : o.has('s') ? 's' : 'l';
        int i = o.operands();
        if (i >= argv.size()) return list(sh);
        int status = 0;
        List<String> patterns = argv.subList(i, argv.size());
        // one heading for all the patterns, if any of them is a glob
        boolean anyGlob = false;
        for (String p : patterns) anyGlob |= isGlob(p);
        if (anyGlob) {
            sh.out("Shell commands matching keyword" + (patterns.size() > 1 ? "s" : "") + " `" + String.join(", ", patterns) + "'\n\n");
        }
        boolean any = false;
        for (String pattern : patterns) {
            for (Topic t : find(pattern, sh.utf8())) {
                any = true;
                switch (style) {
                    case 'd' -> sh.out(t.name + " - " + t.description + "\n");
                    case 's' -> sh.out(t.name + ": " + t.synopsis + "\n");
                    default -> sh.out(t.name + ": " + t.synopsis + "\n    " + t.description + "\n\n");
                }
            }
        }
        if (!any) {
            // only when nothing matched at all, naming the last pattern
            String last = patterns.get(patterns.size() - 1);
            sh.builtinError("help", "no help topics match `" + last + "'.  Try `help help' or `man -k " + last + "' or `info " + last + "'.");
            status = 1;
        }
        return sh.done(status);
    };

    /** The topics a pattern names: the one of that exact name, else those it matches as a glob, else by prefix. */
    static List<Topic> find(String pattern, boolean utf8) {
        List<Topic> found = new ArrayList<>();
        for (Topic t : TOPICS) if (t.name.equals(pattern)) found.add(t);
        if (!found.isEmpty()) return found;
        Fnmatch glob = isGlob(pattern) ? Fnmatch.compile(pattern, 0, utf8) : null;
        for (Topic t : TOPICS) if (glob != null ? glob.matches(t.name) : t.name.startsWith(pattern)) found.add(t);
        return found;
    }

    /** bash's glob_pattern_p: a * or ?, or a [ closed by a later ]. */
    private static boolean isGlob(String s) {
        int open = -1;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') i++;
            else if (c == '*' || c == '?') return true;
            else if (c == '[' && open < 0) open = i;
            else if (c == ']' && open >= 0) return true;
        }
        return false;
    }

    /** help alone: the version, the notes, then every synopsis in two columns, cut at 38 and 37 characters. */
    private static Step list(Shell sh) {
        sh.out("GNU bash, version 5.2.15(1)-release (x86_64-pc-linux-gnu)\n"
                + "These shell commands are defined internally.  Type `help' to see this list.\n"
                + "Type `help name' to find out more about the function `name'.\n"
                + "Use `info bash' to find out more about the shell in general.\n"
                + "Use `man -k' or `info' to find out more about commands not in this list.\n\n"
                + "A star (*) next to a name means that the command is disabled.\n\n");
        int rows = (TOPICS.size() + 1) / 2;
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < rows; i++) {
            String left = mark(sh, TOPICS.get(i)) + cut(TOPICS.get(i).synopsis, 38);
            out.append(String.format("%-40s", left));
            if (i + rows < TOPICS.size()) out.append(mark(sh, TOPICS.get(i + rows))).append(cut(TOPICS.get(i + rows).synopsis, 37));
            out.append('\n');
        }
        sh.out(out.toString());
        return sh.done(0);
    }

    private static String mark(Shell sh, Topic t) {
        return sh.st.disabledBuiltins.contains(t.name) ? "*" : " ";
    }

    private static String cut(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 1) + ">";
    }
}
