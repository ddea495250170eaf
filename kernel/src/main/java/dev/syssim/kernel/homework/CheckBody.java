package dev.syssim.kernel.homework;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Cuts a {@code %%check} body into expectations. The grammar is regular and line based: a line
 * whose first word is one of the {@link #FORMS keywords} is an expectation (and a broken one if it
 * does not follow its form); blank lines and {@code #} comments are skipped; every other line is
 * shell, and shell lines in a row (with any {@code %machine} lines among them) make one
 * {@link Expectation.Shell} step. To run a program whose name is a keyword, give its path
 * ({@code /usr/bin/file}).
 */
public final class CheckBody {

    /** Each keyword with the form its lines follow, for the message of a broken line and for %help. */
    public static final Map<String, String> FORMS = Map.of(
            "exit", "exit [!=] N [on MACHINE [as USER]]: COMMAND",
            "output", "output ~|!~ /REGEX/ [on MACHINE [as USER]]: COMMAND",
            "error", "error ~|!~ /REGEX/ [on MACHINE [as USER]]: COMMAND",
            "trace", "trace ~|!~ /REGEX/ [on MACHINE [as USER]]: COMMAND",
            "verdict", "verdict from MACHINE to HOST:PORT is accepted|refused|dropped",
            "file", "file PATH [on MACHINE] exists|is missing|is a directory|is a file|contains /REGEX/|lacks /REGEX/",
            "mode", "mode PATH [on MACHINE] is OCTAL",
            "owner", "owner PATH [on MACHINE] is USER[:GROUP]",
            "process", "process NAME [on MACHINE] is running|is not running");

    private CheckBody() {
    }

    /** The expectations of {@code body}, whose first line is line 2 of the cell. */
    public static List<Expectation> parse(String body) {
        List<Expectation> out = new ArrayList<>();
        String[] lines = body.split("\n", -1);
        StringBuilder shell = new StringBuilder();
        int shellStart = 0;
        String shellFirst = "";
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            int number = i + 2;
            String keyword = firstWord(line);
            if (FORMS.containsKey(keyword)) {
                flush(out, shell, shellStart, shellFirst);
                out.add(expectation(line, number, keyword));
            } else if (line.isEmpty() || line.startsWith("#") && shell.length() == 0) {
                continue;
            } else {
                if (shell.length() == 0) {
                    shellStart = number;
                    shellFirst = line;
                }
                shell.append(lines[i]).append('\n');
            }
        }
        flush(out, shell, shellStart, shellFirst);
        return out;
    }

    private static void flush(List<Expectation> out, StringBuilder shell, int start, String first) {
        if (shell.length() == 0) return;
        String script = shell.toString();
        long more = script.strip().lines().count() - 1;
        String text = more == 0 ? first : first + "  (+" + more + (more == 1 ? " line)" : " lines)");
        out.add(new Expectation.Shell(text, start, script));
        shell.setLength(0);
    }

    private static String firstWord(String line) {
        int end = 0;
        while (end < line.length() && !Character.isWhitespace(line.charAt(end))) end++;
        return line.substring(0, end);
    }

    private static Expectation expectation(String line, int number, String keyword) {
        Words w = new Words(line, keyword.length());
        try {
            return switch (keyword) {
                case "exit" -> status(line, number, w);
                case "output" -> matches(line, number, w, CommandStream.OUTPUT);
                case "error" -> matches(line, number, w, CommandStream.ERROR);
                case "trace" -> matches(line, number, w, CommandStream.TRACE);
                case "verdict" -> verdict(line, number, w);
                case "file" -> file(line, number, w);
                case "mode" -> mode(line, number, w);
                case "owner" -> owner(line, number, w);
                case "process" -> process(line, number, w);
                default -> throw new IllegalStateException(keyword);
            };
        } catch (Words.NotTheForm e) {
            String problem = (e.getMessage() == null ? "" : e.getMessage() + "; ") + "the form is `" + FORMS.get(keyword) + "`";
            return new Expectation.Broken(line, number, problem);
        }
    }

    private static Expectation status(String line, int number, Words w) {
        boolean negated = w.accept("!=");
        String digits = w.word();
        if (!digits.matches("\\d{1,3}") || Integer.parseInt(digits) > 255) throw new Words.NotTheForm("`" + digits + "` is not an exit status (0 to 255)");
        Place place = w.place(true);
        String command = w.command();
        return new Expectation.Status(line, number, place, Integer.parseInt(digits), negated, command);
    }

    private static Expectation matches(String line, int number, Words w, CommandStream stream) {
        boolean negated;
        if (w.accept("!~")) negated = true;
        else if (w.accept("~")) negated = false;
        else throw new Words.NotTheForm("say `~` (matches) or `!~` (does not match)");
        Pattern pattern = w.pattern();
        Place place = w.place(true);
        String command = w.command();
        return new Expectation.Matches(line, number, place, stream, pattern, negated, command);
    }

    private static Expectation verdict(String line, int number, Words w) {
        w.expect("from");
        String from = w.word();
        w.expect("to");
        String target = w.word();
        int colon = target.lastIndexOf(':');
        if (colon <= 0 || colon == target.length() - 1) throw new Words.NotTheForm("write the target as HOST:PORT");
        w.expect("is");
        String word = w.word();
        Reach reach;
        try {
            reach = Reach.valueOf(word.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new Words.NotTheForm("`" + word + "` is not a verdict");
        }
        w.end();
        return new Expectation.Verdict(line, number, from, target.substring(0, colon), target.substring(colon + 1), reach);
    }

    private static Expectation file(String line, int number, Words w) {
        String path = w.path();
        Place place = w.place(false);
        FileState state;
        Pattern pattern = null;
        if (w.accept("exists")) {
            state = FileState.EXISTS;
        } else if (w.accept("contains")) {
            state = FileState.CONTAINS;
            pattern = w.pattern();
        } else if (w.accept("lacks")) {
            state = FileState.LACKS;
            pattern = w.pattern();
        } else {
            w.expect("is");
            if (w.accept("missing")) state = FileState.MISSING;
            else if (w.accept("a")) {
                if (w.accept("directory")) state = FileState.DIRECTORY;
                else if (w.accept("file")) state = FileState.REGULAR;
                else throw new Words.NotTheForm(null);
            } else throw new Words.NotTheForm(null);
        }
        w.end();
        return new Expectation.FileIs(line, number, path, place, state, pattern);
    }

    private static Expectation mode(String line, int number, Words w) {
        String path = w.path();
        Place place = w.place(false);
        w.expect("is");
        String octal = w.word();
        if (!octal.matches("[0-7]{3,4}")) throw new Words.NotTheForm("`" + octal + "` is not an octal mode such as 640 or 4755");
        w.end();
        return new Expectation.ModeIs(line, number, path, place, Integer.parseInt(octal, 8));
    }

    private static Expectation owner(String line, int number, Words w) {
        String path = w.path();
        Place place = w.place(false);
        w.expect("is");
        String owner = w.word();
        w.end();
        int colon = owner.indexOf(':');
        String user = colon < 0 ? owner : owner.substring(0, colon);
        String group = colon < 0 ? null : owner.substring(colon + 1);
        if (user.isEmpty() || group != null && group.isEmpty()) throw new Words.NotTheForm(null);
        return new Expectation.OwnerIs(line, number, path, place, user, group);
    }

    private static Expectation process(String line, int number, Words w) {
        String name = w.word();
        if (name.isEmpty()) throw new Words.NotTheForm(null);
        Place place = w.place(false);
        w.expect("is");
        boolean running = !w.accept("not");
        w.expect("running");
        w.end();
        return new Expectation.ProcessIs(line, number, name, place, running);
    }

    /** The words of one line, read left to right; a line that leaves the form throws {@link NotTheForm}. */
    private static final class Words {

        /** Thrown inside the parser only, and turned into an {@link Expectation.Broken} line. */
        static final class NotTheForm extends RuntimeException {
            NotTheForm(String message) {
                super(message, null, false, false);
            }
        }

        private final String line;
        private int at;

        Words(String line, int at) {
            this.line = line;
            this.at = at;
        }

        private void spaces() {
            while (at < line.length() && Character.isWhitespace(line.charAt(at))) at++;
        }

        /** The next word (up to white space, or a colon that ends the condition of a command line). */
        String word() {
            spaces();
            int start = at;
            while (at < line.length() && !Character.isWhitespace(line.charAt(at)) && !colonEnds()) at++;
            return line.substring(start, at);
        }

        private boolean colonEnds() {
            return line.charAt(at) == ':' && (at + 1 == line.length() || Character.isWhitespace(line.charAt(at + 1)));
        }

        /** A path: absolute or {@code ~/...}. */
        String path() {
            String path = word();
            if (!path.startsWith("/") && !path.equals("~") && !path.startsWith("~/")) {
                throw new NotTheForm("`" + path + "` is not a path: write it from / or from ~/");
            }
            return path;
        }

        boolean accept(String token) {
            spaces();
            if (!line.startsWith(token, at)) return false;
            int end = at + token.length();
            boolean symbol = !Character.isLetterOrDigit(token.charAt(0));
            if (!symbol && end < line.length() && !Character.isWhitespace(line.charAt(end)) && line.charAt(end) != ':') return false;
            at = end;
            return true;
        }

        void expect(String token) {
            if (!accept(token)) throw new NotTheForm(null);
        }

        /** {@code on MACHINE [as USER]}, or nothing; {@code as} only where a command runs. */
        Place place(boolean withUser) {
            if (!accept("on")) return Place.HERE;
            String machine = word();
            if (machine.isEmpty()) throw new NotTheForm("`on` needs a machine");
            String user = null;
            if (withUser && accept("as")) {
                user = word();
                if (user.isEmpty()) throw new NotTheForm("`as` needs a user");
            }
            return new Place(machine, user);
        }

        /** {@code : COMMAND} to the end of the line. */
        String command() {
            spaces();
            if (at >= line.length() || line.charAt(at) != ':') throw new NotTheForm("a colon and the command to run must follow");
            String command = line.substring(at + 1).strip();
            if (command.isEmpty()) throw new NotTheForm("the command after the colon is missing");
            at = line.length();
            return command;
        }

        /** {@code /REGEX/} with optional flag {@code i}; {@code \/} is a slash inside. */
        Pattern pattern() {
            spaces();
            if (at >= line.length() || line.charAt(at) != '/') throw new NotTheForm("write the regular expression between slashes: /.../");
            int start = ++at;
            while (at < line.length() && line.charAt(at) != '/') at += line.charAt(at) == '\\' ? 2 : 1;
            if (at >= line.length()) throw new NotTheForm("the regular expression has no closing slash");
            String regex = line.substring(start, at++);
            int flags = Pattern.MULTILINE;
            while (at < line.length() && Character.isLetter(line.charAt(at))) {
                if (line.charAt(at) != 'i') throw new NotTheForm("the only flag after /REGEX/ is i (ignore case)");
                flags |= Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
                at++;
            }
            try {
                return Pattern.compile(regex, flags);
            } catch (PatternSyntaxException e) {
                throw new NotTheForm("bad regular expression /" + regex + "/: " + e.getDescription());
            }
        }

        void end() {
            spaces();
            if (at < line.length()) throw new NotTheForm("unexpected `" + line.substring(at) + "`");
        }
    }
}
