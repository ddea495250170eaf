package dev.syssim.sim.shell;

import dev.syssim.sim.fs.Dirent;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.shell.Ast.Part;
import dev.syssim.sim.shell.Ast.Word;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Word expansion in POSIX order: tilde, parameters, command substitution and arithmetic; then field
 * splitting of unquoted results on blanks; then pathname expansion of unquoted {@code * ? [..]}
 * against the directory (read with getdents, like the real shell).
 */
final class Expander {

    /** A field being built: its text and which characters came from quotes (never split or globbed). */
    private static final class Field {
        final StringBuilder text = new StringBuilder();
        final BitSet quoted = new BitSet();
        boolean hadQuotes;

        void append(String s, boolean q) {
            int start = text.length();
            text.append(s);
            if (q) {
                quoted.set(start, text.length());
                hadQuotes = true;
            }
        }

        boolean hasGlob() {
            for (int i = 0; i < text.length(); i++) {
                char ch = text.charAt(i);
                if ((ch == '*' || ch == '?' || ch == '[') && !quoted.get(i)) return true;
            }
            return false;
        }
    }

    private final Shell shell;

    Expander(Shell shell) {
        this.shell = shell;
    }

    /** Expands words into argv: fields split and globbed. */
    Step words(List<Word> words, Function<List<String>, Step> k) {
        List<String> out = new ArrayList<>();
        return Libc.forEach(words, (word, next) -> word(word, true, fields -> {
            out.addAll(fields);
            return next.get();
        }), () -> k.apply(out));
    }

    /** Expands one word without splitting or globbing (assignments, redirection targets, here-docs). */
    Step single(Word word, Function<String, Step> k) {
        return word(word, false, fields -> k.apply(String.join(" ", fields)));
    }

    Step word(Word word, boolean split, Function<List<String>, Step> k) {
        List<Field> fields = new ArrayList<>();
        fields.add(new Field());
        return Libc.forEach(word.parts(), (part, next) -> part(part, fields, split, next::get), () -> {
            List<String> result = new ArrayList<>();
            List<Field> toGlob = new ArrayList<>();
            for (Field f : fields) {
                if (f.text.length() == 0 && !f.hadQuotes && split) continue;
                toGlob.add(f);
            }
            if (!split) {
                for (Field f : toGlob) result.add(f.text.toString());
                if (result.isEmpty()) result.add("");
                return k.apply(result);
            }
            return Libc.forEach(toGlob, (f, next) -> {
                if (!f.hasGlob()) {
                    result.add(f.text.toString());
                    return next.get();
                }
                return glob(f, matches -> {
                    if (matches.isEmpty()) result.add(f.text.toString());
                    else result.addAll(matches);
                    return next.get();
                });
            }, () -> k.apply(result));
        });
    }

    private Step part(Part part, List<Field> fields, boolean split, java.util.function.Supplier<Step> next) {
        Field current = fields.get(fields.size() - 1);
        if (part instanceof Ast.Literal l) {
            current.append(l.text(), l.quoted() || !split);
            return next.get();
        }
        if (part instanceof Ast.Tilde t) {
            if (t.user().isEmpty()) {
                String home = shell.state().get("HOME");
                current.append(home == null ? "~" : home, true);
                return next.get();
            }
            return shell.c().users(db -> {
                var u = db.user(t.user());
                current.append(u == null ? "~" + t.user() : u.home(), true);
                return next.get();
            });
        }
        if (part instanceof Ast.Parameter p) {
            if (p.name().equals("@") && p.quoted() && split) {
                List<String> args = shell.state().positional;
                for (int i = 0; i < args.size(); i++) {
                    if (i > 0) fields.add(new Field());
                    fields.get(fields.size() - 1).append(args.get(i), true);
                }
                return next.get();
            }
            String value = shell.parameter(p.name());
            if (value == null) {
                if (p.quoted()) current.hadQuotes = true;
                return next.get();
            }
            appendExpansion(fields, value, p.quoted() || !split);
            return next.get();
        }
        Ast.CommandSubstitution cs = (Ast.CommandSubstitution) part;
        return shell.commandSubstitution(cs.body(), output -> {
            appendExpansion(fields, output, cs.quoted() || !split);
            return next.get();
        });
    }

    /** Adds an expansion's value; unquoted, it splits into fields at blanks (IFS's default). */
    private static void appendExpansion(List<Field> fields, String value, boolean quoted) {
        if (quoted) {
            fields.get(fields.size() - 1).append(value, true);
            return;
        }
        int i = 0;
        while (i < value.length()) {
            char ch = value.charAt(i);
            if (ch == ' ' || ch == '\t' || ch == '\n') {
                while (i < value.length() && " \t\n".indexOf(value.charAt(i)) >= 0) i++;
                if (fields.get(fields.size() - 1).text.length() > 0 || fields.get(fields.size() - 1).hadQuotes) fields.add(new Field());
                continue;
            }
            int start = i;
            while (i < value.length() && " \t\n".indexOf(value.charAt(i)) < 0) i++;
            fields.get(fields.size() - 1).append(value.substring(start, i), false);
        }
    }

    /** Pathname expansion: matches in the pattern's directory, sorted; hidden files only if asked. */
    private Step glob(Field f, Function<List<String>, Step> k) {
        String pattern = f.text.toString();
        int slash = pattern.lastIndexOf('/');
        String dir = slash < 0 ? "." : slash == 0 ? "/" : pattern.substring(0, slash);
        String prefix = slash < 0 ? "" : pattern.substring(0, slash + 1);
        String namePattern = pattern.substring(slash + 1);
        if (dir.contains("*") || dir.contains("?")) return k.apply(List.of());
        Pattern regex = Pattern.compile(toRegex(namePattern, f, slash + 1));
        return shell.c().listDirectory(dir, false, (err, entries) -> {
            if (err != null) return k.apply(List.of());
            List<String> matches = new ArrayList<>();
            for (Dirent d : entries) {
                if (d.name().startsWith(".") && !namePattern.startsWith(".")) continue;
                if (regex.matcher(d.name()).matches()) matches.add(prefix + d.name());
            }
            matches.sort(null);
            return k.apply(matches);
        });
    }

    private static String toRegex(String glob, Field f, int offset) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char ch = glob.charAt(i);
            boolean quoted = f.quoted.get(offset + i);
            if (!quoted && ch == '*') out.append(".*");
            else if (!quoted && ch == '?') out.append('.');
            else if (!quoted && ch == '[') {
                int close = glob.indexOf(']', i + 1);
                if (close < 0) {
                    out.append("\\[");
                } else {
                    String set = glob.substring(i + 1, close);
                    if (set.startsWith("!")) set = "^" + set.substring(1);
                    out.append('[').append(set.replace("\\", "\\\\")).append(']');
                    i = close;
                }
            } else {
                out.append(Pattern.quote(String.valueOf(ch)));
            }
        }
        return out.toString();
    }
}
