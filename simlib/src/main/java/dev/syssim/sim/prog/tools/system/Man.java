package dev.syssim.sim.prog.tools.system;

import dev.syssim.sim.os.Program;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.prog.Binaries;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Tool;
import java.util.List;
import java.util.Map;

/**
 * man (man-db 2.11): show a command's manual page, formatted for an 80-column terminal: the header
 * {@code CAT(1)   User Commands   CAT(1)}, then NAME, SYNOPSIS and DESCRIPTION, and a footer.
 * A real man reads /usr/share/man/man1/cat.1.gz and runs groff; the simulated pages are the
 * programs' own manual texts, so man formats those (user-mode work, a compute step) and prints
 * them without a pager. {@code No manual entry for x} exits 16, as man-db does.
 */
public final class Man extends Tool {

    /** groff's line length: man-db leaves groff its default of 78 on an 80-column terminal. */
    private static final int WIDTH = 78;
    private static final String INDENT = "       ";

    /** The Debian package each program comes from, for the page's footer. */
    private static final Map<String, String> PACKAGES = packages();

    private final Binaries binaries;

    public Man(Binaries binaries) {
        this.binaries = binaries;
    }

    @Override
    protected Step run(Libc c) {
        List<String> args = c.args().operands();
        if (args.contains("--help") || args.contains("-h")) return help(c);
        String section = null;
        int i = 0;
        if (!args.isEmpty() && args.get(0).matches("[1-8]")) {
            section = args.get(0);
            i = 1;
        }
        if (i >= args.size()) {
            if (section != null) {
                c.eprint("No manual entry for " + section + "\n");
                return c.exit(16);
            }
            c.eprint("What manual page do you want?\nFor example, try 'man man'.\n");
            return c.exit(1);
        }
        StringBuilder out = new StringBuilder();
        int status = 0;
        for (String name : args.subList(i, args.size())) {
            Program program = binaries.find(name);
            if (!(program instanceof Tool tool) || (section != null && !section.equals(Integer.toString(tool.section())))) {
                c.eprint("No manual entry for " + name + (section == null ? "" : " in section " + section) + "\n");
                status = 16;
                continue;
            }
            out.append(page(name, tool));
        }
        int exit = status;
        String text = out.toString();
        return c.compute(20_000 + text.length() * 40L, "man: format the manual page (groff)", () -> {
            c.print(text);
            return c.exit(exit);
        });
    }

    private String page(String name, Tool tool) {
        String title = name.toUpperCase(java.util.Locale.ROOT) + "(" + tool.section() + ")";
        String middle = tool.section() == 8 ? "System Administration" : "User Commands";
        String[] lines = tool.manual().split("\n");
        StringBuilder out = new StringBuilder();
        out.append(threeColumns(title, middle, title)).append("\n\n");
        out.append("NAME\n       ").append(name).append(" - ").append(tool.whatis()).append("\n\n");
        out.append("SYNOPSIS\n       ").append(lines[0]).append("\n\n");
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
        out.append(threeColumns(PACKAGES.getOrDefault(name, tool.source()), "", title)).append('\n');
        return out.toString();
    }

    /** Fills text into lines of the page width after {@code indent}, breaking between words. */
    private static String fill(String text, String indent) {
        StringBuilder out = new StringBuilder();
        StringBuilder line = new StringBuilder(indent);
        for (String word : text.split(" +")) {
            if (line.length() > indent.length() && line.length() + 1 + word.length() > WIDTH) {
                out.append(line).append('\n');
                line = new StringBuilder(indent);
            }
            if (line.length() > indent.length()) line.append(' ');
            line.append(word);
        }
        return out.append(line).append('\n').toString();
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

    private static Map<String, String> packages() {
        Map<String, String> m = new java.util.HashMap<>();
        for (String p : List.of("cat", "echo", "true", "false", "ls", "pwd", "mkdir", "rm", "rmdir", "cp", "mv", "touch", "chmod",
                "chown", "chgrp", "ln", "head", "tail", "wc", "sort", "uniq", "cut", "tr", "tee", "whoami", "id", "uname", "nproc",
                "sleep", "yes", "env", "date", "stat", "basename", "dirname", "seq", "chroot", "tty", "groups")) {
            m.put(p, "GNU coreutils 9.1");
        }
        for (String p : List.of("ps", "kill", "free", "uptime")) m.put(p, "procps-ng");
        for (String p : List.of("dmesg", "lscpu", "mount", "umount", "taskset", "su")) m.put(p, "util-linux 2.38.1");
        m.put("grep", "GNU grep 3.8");
        m.put("sudo", "Sudo 1.9.13p3");
        m.put("man", "2.11.2");
        m.put("bash", "GNU Bash 5.2");
        m.put("strace", "strace 6.1");
        return m;
    }

    @Override
    public String whatis() {
        return "an interface to the system reference manuals";
    }

    @Override
    public String manual() {
        return "man [section] page...\n  Show the manual page of each program named. A section number (1: user commands, 8: system administration)\n"
                + "  restricts the search to that section. Exit status 16 when no page is found.";
    }
}
