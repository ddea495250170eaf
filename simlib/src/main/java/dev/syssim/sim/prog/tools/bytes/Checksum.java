package dev.syssim.sim.prog.tools.bytes;

import dev.syssim.sim.os.Step;
import dev.syssim.sim.prog.ByteInput;
import dev.syssim.sim.prog.Getopt;
import dev.syssim.sim.prog.Inputs;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Loops;
import dev.syssim.sim.prog.Quote;
import dev.syssim.sim.prog.Tool;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * md5sum, sha1sum and sha256sum (coreutils 9.1): print the digest of each file ({@code HASH  NAME},
 * {@code HASH *NAME} with {@code -b}, {@code MD5 (NAME) = HASH} with {@code --tag}), or check the
 * lines of checksum files ({@code -c}): {@code NAME: OK}, {@code NAME: FAILED}, {@code NAME: FAILED
 * open or read}, and the closing warnings, with {@code --quiet}, {@code --status}, {@code --warn},
 * {@code --strict} and {@code --ignore-missing}. A name holding a newline or backslash is escaped and
 * its line starts with a backslash, as coreutils writes it. The digests are the JDK's.
 */
public final class Checksum extends Tool {

    private static final List<String> LONG = List.of("binary>b", "check>c", "tag", "text>t", "zero>z", "ignore-missing", "quiet",
            "status", "strict", "warn>w", "help", "version");

    private final String program;
    private final String algorithm;
    private final String tag;
    private final int hexLength;

    public Checksum(String program, String algorithm, String tag, int hexLength) {
        this.program = program;
        this.algorithm = algorithm;
        this.tag = tag;
        this.hexLength = hexLength;
    }

    private MessageDigest digest() {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks " + algorithm, e);
        }
    }

    @Override
    protected Step run(Libc c) {
        Getopt g = Getopt.parse(program, c.args().operands(), "bctwz", LONG, true);
        if (g.failed()) return c.usageError(g.error(), 1);
        if (g.has("help")) return help(c);
        boolean check = g.has("c");
        if (!check) {
            for (String only : List.of("ignore-missing", "quiet", "status", "strict", "w")) {
                if (g.has(only)) {
                    String name = only.equals("w") ? "warn" : only;
                    return c.usageError(program + ": the --" + name + " option is meaningful only when verifying checksums", 1);
                }
            }
        }
        if (check && g.has("tag")) return c.usageError(program + ": the --tag option is meaningless when verifying checksums", 1);
        if (check && g.has("z")) return c.usageError(program + ": the --zero option is not supported when verifying checksums", 1);
        if (check && (g.has("b") || g.has("t"))) {
            return c.usageError(program + ": the --binary and --text options are meaningless when verifying checksums", 1);
        }
        List<String> files = Inputs.orStdin(g.operands());
        if (check) return new Checker(c, g).run(files);
        boolean binary = g.has("b");
        boolean zero = g.has("z");
        boolean tagged = g.has("tag");
        int[] status = {0};
        return Libc.forEach(files, (file, next) -> hash(c, file, hex -> {
            if (hex == null) {
                status[0] = 1;
                return next.get();
            }
            boolean escape = !zero && (file.contains("\\") || file.contains("\n"));
            String name = escape ? escaped(file) : file;
            String line = tagged ? tag + " (" + name + ") = " + hex : hex + (binary ? " *" : "  ") + name;
            c.print((escape ? "\\" : "") + line + (zero ? "\0" : "\n"));
            return next.get();
        }), () -> c.exit(status[0]));
    }

    private static String escaped(String name) {
        return name.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
    }

    /** The digest of one file ({@code -}: standard input) in hex, or null after reporting why not. */
    private Step hash(Libc c, String file, java.util.function.Function<String, Step> then) {
        ByteInput in = new ByteInput(c, List.of(file));
        MessageDigest md = digest();
        return in.forEachBlock(Libc.IO_BLOCK, (block, more) -> {
            md.update(block);
            return more.get();
        }, () -> then.apply(in.failed() ? null : HexFormat.of().formatHex(md.digest())));
    }

    /** -c: the lines of each checksum file, checked one by one. */
    private final class Checker {
        final Libc c;
        final boolean quiet;
        final boolean statusOnly;
        final boolean warn;
        final boolean strict;
        final boolean ignoreMissing;
        long misformatted;
        long unreadable;
        long mismatched;
        boolean anyFailedFile;
        /** -1 until the list's first line shows whether it uses the one-space form (1) or not (0). */
        int bsdReversed = -1;

        Checker(Libc c, Getopt g) {
            this.c = c;
            this.quiet = g.has("quiet");
            this.statusOnly = g.has("status");
            this.warn = g.has("w");
            this.strict = g.has("strict");
            this.ignoreMissing = g.has("ignore-missing");
        }

        Step run(List<String> files) {
            return Libc.forEach(files, this::checkFile, () -> c.exit(anyFailedFile ? 1 : 0));
        }

        Step checkFile(String listFile, Supplier<Step> next) {
            misformatted = 0;
            unreadable = 0;
            mismatched = 0;
            bsdReversed = -1;
            String listName = listFile.equals("-") ? "standard input" : listFile;
            return Inputs.read(c, listFile, (err, bytes) -> {
                if (err != null) {
                    c.error(Quote.f(listFile, c.utf8()), err);
                    anyFailedFile = true;
                    return next.get();
                }
                String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
                List<String> lines = Inputs.lines(text);
                long[] properly = {0};
                long[] matched = {0};
                int[] lineNumber = {0};
                return Loops.forEach(c, lines, (line, more) -> {
                    lineNumber[0]++;
                    String[] parsed = parse(line);
                    if (parsed != null && listFile.equals("-") && parsed[1].equals("-")) parsed = null;
                    if (parsed == null) {
                        misformatted++;
                        if (warn) c.error(Quote.f(listName, c.utf8()) + ": " + lineNumber[0] + ": improperly formatted " + tag + " checksum line");
                        return more.get();
                    }
                    properly[0]++;
                    String expected = parsed[0].toLowerCase(Locale.ROOT);
                    String name = parsed[1];
                    boolean escapeOut = name.contains("\n");
                    String shown = (escapeOut ? "\\" : "") + (escapeOut ? escaped(name) : name);
                    return missing(name, absent -> {
                        if (absent && ignoreMissing) return more.get();
                        return hash(c, name, hex -> {
                            if (hex == null) {
                                unreadable++;
                                if (!statusOnly) c.println(shown + ": FAILED open or read");
                                return more.get();
                            }
                            if (hex.equals(expected)) {
                                matched[0]++;
                                if (!statusOnly && !quiet) c.println(shown + ": OK");
                            } else {
                                mismatched++;
                                if (!statusOnly) c.println(shown + ": FAILED");
                            }
                            return more.get();
                        });
                    });
                }, () -> {
                    String name = Quote.f(listName, c.utf8());
                    boolean failed = false;
                    if (properly[0] == 0) {
                        c.error(name + ": no properly formatted checksum lines found");
                        failed = true;
                    } else {
                        if (!statusOnly) {
                            if (misformatted > 0) c.error("WARNING: " + misformatted + (misformatted == 1 ? " line is" : " lines are") + " improperly formatted");
                            if (unreadable > 0) c.error("WARNING: " + unreadable + " listed " + (unreadable == 1 ? "file" : "files") + " could not be read");
                            if (mismatched > 0) c.error("WARNING: " + mismatched + " computed " + (mismatched == 1 ? "checksum" : "checksums") + " did NOT match");
                        }
                        if (ignoreMissing && matched[0] == 0 && mismatched == 0 && unreadable == 0) {
                            c.error(name + ": no file was verified");
                            failed = true;
                        }
                        failed |= mismatched > 0 || unreadable > 0 || (strict && misformatted > 0);
                    }
                    anyFailedFile |= failed;
                    return next.get();
                });
            });
        }

        /** With --ignore-missing, whether the file does not exist (a missing file is skipped quietly). */
        Step missing(String name, java.util.function.Function<Boolean, Step> then) {
            if (!ignoreMissing || name.equals("-")) return then.apply(false);
            return c.statOf(name, true, (e, st) -> then.apply(e == dev.syssim.sim.os.Errno.ENOENT));
        }

        /** A checksum line: {hash, name}, or null if it is not one. */
        String[] parse(String raw) {
            String line = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
            boolean escaped = line.startsWith("\\");
            if (escaped) line = line.substring(1);
            String hash;
            String name;
            String prefix = tag + " (";
            if (line.startsWith(prefix)) {
                int end = line.lastIndexOf(") = ");
                if (end < prefix.length()) return null;
                name = line.substring(prefix.length(), end);
                hash = line.substring(end + 4);
            } else {
                int i = 0;
                while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) i++;
                if (line.length() < i + hexLength + 2) return null;
                hash = line.substring(i, i + hexLength);
                char sep = line.charAt(i + hexLength);
                if (sep != ' ' && sep != '\t') return null;
                int at = i + hexLength + 1;
                // "HASH NAME" with one space is the reversed BSD form; a list may not mix it with "HASH  NAME"
                if (line.length() - at == 1 || (line.charAt(at) != ' ' && line.charAt(at) != '*')) {
                    if (bsdReversed == 0) return null;
                    bsdReversed = 1;
                } else if (bsdReversed != 1) {
                    bsdReversed = 0;
                    at++;
                }
                name = line.substring(at);
            }
            if (hash.length() != hexLength || !hash.matches("[0-9a-fA-F]+") || name.isEmpty()) return null;
            if (escaped) {
                StringBuilder n = new StringBuilder();
                for (int k = 0; k < name.length(); k++) {
                    char ch = name.charAt(k);
                    if (ch != '\\' || k + 1 >= name.length()) {
                        n.append(ch);
                        continue;
                    }
                    char e = name.charAt(++k);
                    switch (e) {
                        case 'n' -> n.append('\n');
                        case 'r' -> n.append('\r');
                        case '\\' -> n.append('\\');
                        default -> {
                            return null;
                        }
                    }
                }
                name = n.toString();
            }
            return new String[] {hash, name};
        }
    }

    @Override
    public String whatis() {
        return "compute and check " + tag.replace("SHA", "SHA") + " message digest";
    }

    @Override
    public String source() {
        return "GNU coreutils 9.1";
    }

    @Override
    public String manual() {
        return program + " [OPTION]... [FILE]...\n  Print or check " + tag + " checksums. With no FILE, or when FILE is -, read standard input.\n"
                + "  -b, --binary          read in binary mode (marks the name with *)\n"
                + "  -c, --check           read checksums from the FILEs and check them\n"
                + "      --tag             create a BSD-style checksum\n"
                + "  -t, --text            read in text mode (default)\n"
                + "  -z, --zero            end each output line with NUL, not newline\n"
                + "  When checking: --ignore-missing (don't fail or report status for missing files), --quiet (don't print OK),\n"
                + "  --status (print nothing, the exit status shows success), --strict (exit non-zero for improperly formatted lines),\n"
                + "  -w, --warn (warn about improperly formatted checksum lines)";
    }
}
