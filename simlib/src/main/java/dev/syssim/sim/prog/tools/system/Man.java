package dev.syssim.sim.prog.tools.system;

import dev.syssim.sim.fs.ExecImage;
import dev.syssim.sim.os.Program;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.prog.Binaries;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Regex;
import dev.syssim.sim.prog.Tool;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * man, whatis and apropos (man-db 2.11): a command's manual page formatted for an 80-column terminal
 * — the header {@code CAT(1)   User Commands   CAT(1)}, NAME, SYNOPSIS, DESCRIPTION, and the footer
 * with the package and its page's date — and the one-line summaries: {@code whatis NAME} (or
 * {@code man -f}) looks names up, {@code apropos WORD} (or {@code man -k}) searches names and
 * summaries with a regular expression, ignoring case. {@code No manual entry for x} and
 * {@code x: nothing appropriate.} exit 16, as man-db does.
 *
 * <p>A real man reads /usr/share/man/man1/cat.1.gz and runs groff; the simulated pages are the
 * programs' own manual texts (see {@link Tool#manual()}), so man formats those, as user-mode work,
 * and prints them without a pager. A name that is no registered program is looked up as an
 * executable on PATH (as {@code dash} runs the {@code sh} program).
 */
public final class Man extends Tool {

    /** Which of man-db's programs this is. */
    public enum Mode { MAN, WHATIS, APROPOS }

    /** groff's line length: man-db leaves groff its default of 78 on an 80-column terminal. */
    private static final int WIDTH = 78;
    private static final String INDENT = "       ";
    private static final List<String> BIN_DIRS = List.of("/usr/bin", "/usr/sbin", "/bin", "/sbin", "/usr/local/bin");

    /** The package each program comes from and its page's date, for the page's footer. */
    private static final Map<String, String[]> FOOTERS = footers();

    private final Binaries binaries;
    private final Mode mode;

    public Man(Binaries binaries) {
        this(binaries, Mode.MAN);
    }

    public Man(Binaries binaries, Mode mode) {
        this.binaries = binaries;
        this.mode = mode;
    }

    @Override
    protected Step run(Libc c) {
        Mode m = mode;
        String section = null;
        List<String> names = new ArrayList<>();
        List<String> args = c.args().operands();
        String me = c.name();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--help") || a.equals("-h") || a.equals("-?")) return help(c);
            if (a.equals("-k") || a.equals("--apropos")) {
                m = Mode.APROPOS;
            } else if (a.equals("-f") || a.equals("--whatis")) {
                m = Mode.WHATIS;
            } else if (a.equals("-s") || a.equals("-S") || a.equals("--sections") || a.equals("--section")) {
                if (i + 1 >= args.size()) return badOption(c, me, me + ": option requires an argument -- '" + a.substring(a.length() - 1) + "'");
                section = args.get(++i);
            } else if (a.startsWith("--sections=") || a.startsWith("--section=")) {
                section = a.substring(a.indexOf('=') + 1);
            } else if (a.equals("-a") || a.equals("--all") || a.equals("-l") || a.equals("--local-file")) {
                continue;
            } else if (a.startsWith("--")) {
                return badOption(c, me, me + ": unrecognized option '" + a + "'");
            } else if (a.startsWith("-") && a.length() > 1) {
                return badOption(c, me, me + ": invalid option -- '" + a.charAt(1) + "'");
            } else {
                names.add(a);
            }
        }
        if (m == Mode.MAN && section == null && names.size() > 1 && names.get(0).matches("[1-9]")) section = names.remove(0);
        if (m == Mode.MAN && names.isEmpty()) {
            if (section != null) {
                c.eprint("No manual entry for " + section + "\n");
                return c.exit(16);
            }
            c.eprint("What manual page do you want?\nFor example, try 'man man'.\n");
            return c.exit(1);
        }
        if (names.isEmpty()) {
            c.println((m == Mode.WHATIS ? "whatis" : "apropos") + " what?");
            return c.exit(1);
        }
        String wanted = section;
        Mode chosen = m;
        if (chosen == Mode.APROPOS) return apropos(c, names, wanted);
        return resolveAll(c, names, tools -> {
            StringBuilder out = new StringBuilder();
            boolean any = false;
            boolean missing = false;
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i);
                Tool tool = tools.get(i);
                if (tool == null || wanted != null && !wanted.equals(Integer.toString(tool.section()))) {
                    missing = true;
                    c.print(out.toString());
                    out.setLength(0);
                    c.flushStdout();
                    if (chosen == Mode.WHATIS) c.eprint(name + ": nothing appropriate.\n");
                    else c.eprint("No manual entry for " + name + (wanted == null ? "" : " in section " + wanted) + "\n");
                    continue;
                }
                any = true;
                out.append(chosen == Mode.WHATIS ? summary(name, tool) : page(name, tool));
            }
            int status = chosen == Mode.WHATIS ? (any ? 0 : 16) : (missing ? 16 : 0);
            String text = out.toString();
            return c.compute(20_000 + text.length() * 40L, "man: format the manual page (groff)", () -> {
                c.print(text);
                return c.exit(status);
            });
        });
    }

    private Step badOption(Libc c, String me, String message) {
        c.eprint(message + "\nTry '" + me + " --help' or '" + me + " --usage' for more information.\n");
        return c.exit(mode == Mode.MAN ? 1 : 1);
    }

    /** The program each name's page belongs to: a registered program, else an executable of that name. */
    private Step resolveAll(Libc c, List<String> names, Function<List<Tool>, Step> then) {
        List<Tool> tools = new ArrayList<>();
        return Libc.forEach(names, (name, next) -> resolve(c, name, tool -> {
            tools.add(tool);
            return next.get();
        }), () -> then.apply(tools));
    }

    private Step resolve(Libc c, String name, Function<Tool, Step> then) {
        Program direct = binaries.find(name);
        if (direct instanceof Tool t) return then.apply(t);
        if (name.contains("/")) return then.apply(null);
        return Libc.forEach(BIN_DIRS, (dir, next) -> c.readFile(dir + "/" + name, (err, bytes) -> {
            ExecImage image = bytes == null ? null : ExecImage.parse(bytes);
            Program p = image == null ? null : binaries.find(image.program());
            return p instanceof Tool t ? then.apply(t) : next.get();
        }), () -> then.apply(null));
    }

    /** apropos: names and summaries matching any keyword (an extended regular expression, any case). */
    private Step apropos(Libc c, List<String> keywords, String section) {
        Map<String, Tool> all = new TreeMap<>();
        for (Map.Entry<String, Program> e : binaries.all().entrySet()) {
            if (e.getValue() instanceof Tool t && !e.getKey().contains("-program")) all.put(e.getKey(), t);
        }
        StringBuilder out = new StringBuilder();
        boolean any = false;
        List<Regex> patterns = new ArrayList<>();
        for (String k : keywords) {
            Regex.Result r = Regex.compile(k, Regex.Dialect.POSIX_EXTENDED, Regex.ICASE | (c.utf8() ? Regex.UTF8 : 0));
            patterns.add(r instanceof Regex.Valid v ? v.regex() : null);
        }
        for (Map.Entry<String, Tool> e : all.entrySet()) {
            Tool t = e.getValue();
            if (section != null && !section.equals(Integer.toString(t.section()))) continue;
            for (Regex p : patterns) {
                if (p != null && (p.find(Libc.bytes(e.getKey())) || p.find(Libc.bytes(t.whatis())))) {
                    out.append(summary(e.getKey(), t));
                    any = true;
                    break;
                }
            }
        }
        c.print(out.toString());
        if (!any) {
            for (String k : keywords) c.eprint(k + ": nothing appropriate.\n");
            return c.exit(16);
        }
        return c.exit(0);
    }

    /** whatis's line: {@code cat (1)              - concatenate files and print on the standard output}. */
    private static String summary(String name, Tool tool) {
        return String.format("%-20s - %s%n", name + " (" + tool.section() + ")", tool.whatis());
    }

    private String page(String name, Tool tool) {
        String title = name.toUpperCase(Locale.ROOT) + "(" + tool.section() + ")";
        String middle = tool.section() == 8 ? "System Administration" : "User Commands";
        String[] lines = tool.manual().split("\n");
        StringBuilder out = new StringBuilder();
        out.append(threeColumns(title, middle, title)).append("\n\n");
        out.append("NAME\n").append(fill(name + " - " + tool.whatis(), INDENT)).append('\n');
        out.append("SYNOPSIS\n").append(fill(lines[0], INDENT)).append('\n');
        if (lines.length > 1) {
            out.append("DESCRIPTION\n");
            for (int i = 1; i < lines.length; i++) {
                String line = lines[i].strip();
                if (line.startsWith("-")) {
                    // an option: its names, then its description indented below, as man pages set them
                    String[] parts = line.split("\\s{2,}", 2);
                    out.append(fill(parts[0], INDENT));
                    if (parts.length > 1) out.append(fill(parts[1], INDENT + "       "));
                } else if (!line.isEmpty()) {
                    out.append(fill(line, INDENT));
                }
                if (i + 1 < lines.length) out.append('\n');
            }
            out.append('\n');
        }
        String[] footer = FOOTERS.getOrDefault(name, new String[] {tool.source(), ""});
        out.append(threeColumns(footer[0], footer[1], title)).append('\n');
        return out.toString();
    }

    /**
     * Fills text into lines of the page width after {@code indent}, breaking between words, and
     * adjusts every line but the last to the full width by widening the gaps — groff's default
     * ({@code .ad b}), which spreads the extra spaces from alternate ends on alternate lines.
     */
    private static String fill(String text, String indent) {
        List<List<String>> lines = new ArrayList<>();
        List<String> line = new ArrayList<>();
        int length = 0;
        for (String word : text.strip().split(" +")) {
            if (!line.isEmpty() && indent.length() + length + 1 + word.length() > WIDTH) {
                lines.add(line);
                line = new ArrayList<>();
                length = 0;
            }
            length += (line.isEmpty() ? 0 : 1) + word.length();
            line.add(word);
        }
        lines.add(line);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            List<String> words = lines.get(i);
            out.append(indent);
            if (i == lines.size() - 1 || words.size() == 1) {
                out.append(String.join(" ", words)).append('\n');
                continue;
            }
            int used = indent.length();
            for (String w : words) used += w.length();
            int gaps = words.size() - 1;
            int spaces = WIDTH - used;
            for (int g = 0; g < words.size(); g++) {
                out.append(words.get(g));
                if (g == gaps) break;
                // the wider gaps go to the right on even lines and to the left on odd ones
                int position = i % 2 == 0 ? gaps - 1 - g : g;
                out.append(" ".repeat(spaces / gaps + (position < spaces % gaps ? 1 : 0)));
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** groff's header and footer line: left, centred, right, across the page width. */
    private static String threeColumns(String left, String middle, String right) {
        char[] line = new char[WIDTH];
        java.util.Arrays.fill(line, ' ');
        place(line, left, 0);
        place(line, middle, (WIDTH - middle.length() + 1) / 2);
        place(line, right, WIDTH - right.length());
        return new String(line).stripTrailing();
    }

    private static void place(char[] line, String text, int at) {
        for (int i = 0; i < text.length() && at + i < line.length; i++) line[at + i] = text.charAt(i);
    }

    private static Map<String, String[]> footers() {
        Map<String, String[]> m = new java.util.HashMap<>();
        for (String p : List.of("cat", "echo", "true", "false", "ls", "pwd", "mkdir", "rm", "rmdir", "cp", "mv", "touch", "chmod",
                "chown", "chgrp", "ln", "head", "tail", "wc", "sort", "uniq", "cut", "tr", "tee", "whoami", "id", "uname", "nproc",
                "sleep", "yes", "env", "date", "stat", "basename", "dirname", "seq", "chroot", "tty", "groups", "printenv", "timeout",
                "nohup", "nice", "expr", "comm", "paste", "join", "tac", "fold", "expand", "unexpand", "nl", "split", "csplit", "shuf",
                "od", "base64", "md5sum", "sha1sum", "sha256sum", "cksum", "sum", "dd", "truncate", "readlink", "realpath", "mkfifo", "mktemp",
                "install", "du", "df", "printf", "test", "[")) {
            m.put(p, new String[] {"GNU coreutils 9.1", "September 2022"});
        }
        m.put("ps", new String[] {"procps-ng", "2022-05-11"});
        m.put("kill", new String[] {"procps-ng", "2021-05-18"});
        m.put("free", new String[] {"procps-ng", "2022-06-25"});
        m.put("top", new String[] {"procps-ng", "September 2022"});
        m.put("pgrep", new String[] {"procps-ng", "2022-08-31"});
        m.put("pkill", new String[] {"procps-ng", "2022-08-31"});
        m.put("uptime", new String[] {"procps-ng", "December 2012"});
        for (String p : List.of("dmesg", "lscpu", "renice", "taskset", "su")) m.put(p, new String[] {"util-linux 2.38.1", "2022-05-11"});
        for (String p : List.of("mount", "umount", "more")) m.put(p, new String[] {"util-linux 2.38.1", "2022-08-04"});
        for (String p : List.of("man", "whatis", "apropos")) m.put(p, new String[] {"2.11.2", "2023-01-08"});
        m.put("grep", new String[] {"GNU grep 3.8", "2019-12-29"});
        m.put("less", new String[] {"", "Version 590: 03 Jun 2021"});
        m.put("sudo", new String[] {"Sudo 1.9.13p3", "January 16, 2023"});
        m.put("bash", new String[] {"GNU Bash 5.2", "2022 September 19"});
        m.put("strace", new String[] {"strace 6.1", "2022-10-16"});
        m.put("hostname", new String[] {"net-tools", "2009-09-16"});
        m.put("getent", new String[] {"Linux man-pages 6.03", "2023-01-07"});
        m.put("sed", new String[] {"GNU sed 4.9", "January 2023"});
        m.put("diff", new String[] {"diffutils 3.8", "August 2021"});
        m.put("cmp", new String[] {"diffutils 3.8", "August 2021"});
        return m;
    }

    @Override
    public String whatis() {
        return switch (mode) {
            case WHATIS -> "display one-line manual page descriptions";
            case APROPOS -> "search the manual page names and descriptions";
            default -> "an interface to the system reference manuals";
        };
    }

    @Override
    public String manual() {
        return switch (mode) {
            case WHATIS -> "whatis [-s list] name ...\n  Print the one-line description (the NAME section) of each manual page named.\n"
                    + "  -s, --sections=list  look only in these sections\n  Exit status 16 if nothing was found.";
            case APROPOS -> "apropos [-s list] keyword ...\n  Search the manual page names and descriptions for each keyword, an extended regular\n"
                    + "  expression matched ignoring case, and print the one-line description of each page found.\n"
                    + "  -s, --sections=list  look only in these sections\n  Exit status 16 if nothing was found.";
            default -> "man [section] page...\n  Show the manual page of each program named. A section number (1: user commands, 8: system administration)\n"
                    + "  restricts the search to that section.\n"
                    + "  -k, --apropos  search the descriptions for a keyword, as apropos does\n"
                    + "  -f, --whatis   print the one-line description, as whatis does\n"
                    + "  -s, --sections=list  look only in these sections\n"
                    + "  Exit status 16 when no page is found.";
        };
    }
}
