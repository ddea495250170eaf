package dev.syssim.sim.prog.tools.editors;

import dev.syssim.sim.prog.Regex;
import dev.syssim.sim.prog.tools.editors.SedCommand.Address;
import dev.syssim.sim.prog.tools.editors.SedCommand.AddressKind;
import dev.syssim.sim.prog.tools.editors.SedCommand.Command;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compiles a sed script as GNU sed 4.9's compile.c does, character by character, so that each
 * error names the same place: {@code -e expression #1, char 3: unterminated `s' command} (the
 * characters read so far) or {@code file F line L:} for a script file. The script is a loop over its
 * characters; only the nesting of {@code {}} is kept, on a list.
 */
final class SedParser {

    /** One piece of the script: an -e expression (numbered) or a -f file (named). */
    record Chunk(byte[] text, String file, int expression) {
    }

    /** What compiling gives: the commands, the files w writes, whether #n asked for -n; or an error. */
    record Script(List<Command> commands, Set<String> writeFiles, boolean quiet) {
    }

    /** A compile error: the whole message after {@code sed: }, and the exit status (1; 4 for GNU's panics). */
    record Failure(String message, int status) {
    }

    private static final int EOF = -1;

    private final boolean extended;
    private final boolean posix;
    private final boolean sandbox;
    private final boolean utf8;
    private final List<Command> commands = new ArrayList<>();
    private final Set<String> writeFiles = new LinkedHashSet<>();
    private final ArrayDeque<Integer> blocks = new ArrayDeque<>();
    private final ArrayDeque<Chunk> blockChunks = new ArrayDeque<>();
    private final Map<String, Integer> labels = new HashMap<>();
    private boolean quiet;

    private Chunk chunk;
    /** An a/i/c text that the end of a piece of script left open, and its command. */
    private ByteArrayOutputStream pendingText;
    private Command pendingCommand;
    private byte[] src;
    private int pos;
    private int line;
    private Failure failure;

    SedParser(boolean extended, boolean posix, boolean sandbox, boolean utf8) {
        this.extended = extended;
        this.posix = posix;
        this.sandbox = sandbox;
        this.utf8 = utf8;
    }

    /** Compiles all chunks in order; the result is a Script or a Failure. */
    /** Where a runtime error of the script is reported: the last piece, at char 0 (as GNU sed does). */
    String runtimeLocation(List<Chunk> chunks) {
        Chunk last = chunks.get(chunks.size() - 1);
        return last.file() != null ? "file " + last.file() + " line " + line + ": " : "-e expression #" + last.expression() + ", char 0: ";
    }

    Object compile(List<Chunk> chunks) {
        boolean first = true;
        for (Chunk c : chunks) {
            chunk = c;
            src = c.text();
            pos = 0;
            line = 1;
            if (first && src.length >= 2 && src[0] == '#' && src[1] == 'n') quiet = true;
            first = false;
            if (pendingText != null) {
                ByteArrayOutputStream text = pendingText;
                Command cmd = pendingCommand;
                pendingText = null;
                pendingCommand = null;
                cmd.text = moreText(text, cmd);
            }
            if (!program()) return failure;
        }
        if (!blocks.isEmpty()) {
            chunk = blockChunks.peek();
            pos = 0;
            line = 0;
            fail("unmatched `{'");
            return failure;
        }
        for (Command cmd : commands) {
            if ((cmd.name == 'b' || cmd.name == 't' || cmd.name == 'T') && cmd.label != null && !cmd.label.isEmpty()) {
                Integer target = labels.get(cmd.label);
                if (target == null) return new Failure("can't find label for jump to `" + cmd.label + "'", 4);
                cmd.jump = target;
            }
        }
        return new Script(commands, writeFiles, quiet);
    }

    // ---- characters ----

    private int inchar() {
        if (pos >= src.length) return EOF;
        int ch = src[pos++] & 0xff;
        if (ch == '\n') line++;
        return ch;
    }

    private void savchar(int ch) {
        if (ch == EOF) return;
        if (ch == '\n' && line > 1) line--;
        pos--;
    }

    private int inNonblank() {
        int ch;
        do {
            ch = inchar();
        } while (ch == ' ' || ch == '\t');
        return ch;
    }

    private static boolean isSpace(int ch) {
        return ch == ' ' || ch >= '\t' && ch <= '\r';
    }

    private boolean fail(String message) {
        failure = new Failure(location() + message, 1);
        return false;
    }

    private String location() {
        if (chunk.file() != null) return "file " + chunk.file() + " line " + line + ": ";
        return "-e expression #" + chunk.expression() + ", char " + pos + ": ";
    }

    // ---- the program ----

    private boolean program() {
        while (true) {
            int ch;
            do {
                ch = inchar();
            } while (ch == ';' || ch != EOF && isSpace(ch));
            if (ch == EOF) return true;
            Command cmd = new Command();
            Address a = address(ch);
            if (failure != null) return false;
            if (a != null) {
                if (a.kind() == AddressKind.PLUS || a.kind() == AddressKind.MULTIPLE) return fail("invalid usage of +N or ~N as first address");
                cmd.a1 = a;
                ch = inNonblank();
                if (ch == ',') {
                    Address a2 = address(inNonblank());
                    if (failure != null) return false;
                    if (a2 == null) return fail("unexpected `,'");
                    cmd.a2 = a2;
                    ch = inNonblank();
                }
                if (cmd.a1.kind() == AddressKind.LINE && cmd.a1.n() == 0 && (cmd.a2 == null || cmd.a2.kind() != AddressKind.REGEX || posix)) {
                    return fail("invalid usage of line address 0");
                }
            }
            if (ch == '!') {
                cmd.negate = true;
                ch = inNonblank();
                if (ch == '!') return fail("multiple `!'s");
            }
            if (posix && "eFvzLQTRW".indexOf(ch) >= 0) return fail("unknown command: `" + (char) ch + "'");
            if (posix && "ail=r".indexOf(ch) >= 0 && cmd.a2 != null && ch != EOF) return fail("command only uses one address");
            if (ch == EOF) return fail("missing command");
            cmd.name = (char) ch;
            if (!command(cmd, ch)) return false;
        }
    }

    /** One command after its addresses: false on an error. Comments and v add no command. */
    private boolean command(Command cmd, int ch) {
        switch (ch) {
            case '#' -> {
                if (cmd.a1 != null) return fail("comments don't accept any addresses");
                int c;
                do {
                    c = inchar();
                } while (c != EOF && c != '\n');
                return true;
            }
            case 'v' -> {
                String version = label();
                if (!version.isEmpty() && newer(version)) return fail("expected newer version of sed");
                return true;
            }
            case '{' -> {
                blocks.push(commands.size());
                blockChunks.push(chunk);
                commands.add(cmd);
                return true;
            }
            case '}' -> {
                if (blocks.isEmpty()) return fail("unexpected `}'");
                if (cmd.a1 != null) return fail("`}' doesn't want any addresses");
                if (!endOfCommand()) return false;
                commands.get(blocks.pop()).jump = commands.size() + 1;
                blockChunks.pop();
                commands.add(cmd);
                return true;
            }
            case 'a', 'i', 'c' -> {
                int c = inNonblank();
                if (c == EOF) return fail("expected \\ after `a', `c' or `i'");
                if (c == '\\') {
                    c = inchar();
                } else {
                    if (posix) return fail("expected \\ after `a', `c' or `i'");
                    savchar(c);
                    c = '\n';
                }
                cmd.text = text(c, cmd);
                commands.add(cmd);
                return true;
            }
            case ':' -> {
                if (cmd.a1 != null) return fail(": doesn't want any addresses");
                String name = label();
                if (name.isEmpty()) return fail("\":\" lacks a label");
                labels.putIfAbsent(name, commands.size());
                commands.add(cmd);
                return true;
            }
            case 'b', 't', 'T' -> {
                cmd.label = label();
                commands.add(cmd);
                return true;
            }
            case 'q', 'Q', 'l', 'L' -> {
                if ((ch == 'q' || ch == 'Q') && cmd.a2 != null) return fail("command only uses one address");
                if (ch == 'L') return fail("unknown command: `L'");
                int c = inNonblank();
                if (c >= '0' && c <= '9' && !posix) {
                    cmd.number = integer(c);
                    c = inNonblank();
                }
                if (c == '}' || c == '#') savchar(c);
                else if (c != EOF && c != '\n' && c != ';') return fail("extra characters after command");
                commands.add(cmd);
                return true;
            }
            case '=', 'd', 'D', 'F', 'g', 'G', 'h', 'H', 'n', 'N', 'p', 'P', 'z', 'x' -> {
                if (!endOfCommand()) return false;
                commands.add(cmd);
                return true;
            }
            case 'r', 'R', 'w', 'W' -> {
                if (sandbox) return fail("e/r/w commands disabled in sandbox mode");
                String name = filename();
                if (name.isEmpty()) return fail("missing filename in r/R/w/W commands");
                cmd.file = name;
                if (ch == 'w' || ch == 'W') writeFiles.add(name);
                commands.add(cmd);
                return true;
            }
            case 's' -> {
                return substitute(cmd);
            }
            case 'y' -> {
                return transliterate(cmd);
            }
            default -> {
                return fail("unknown command: `" + (char) ch + "'");
            }
        }
    }

    private boolean newer(String version) {
        String[] want = version.split("\\.");
        int[] have = {4, 9, 0};
        for (int i = 0; i < Math.min(3, want.length); i++) {
            int w;
            try {
                w = Integer.parseInt(want[i]);
            } catch (NumberFormatException e) {
                return false;
            }
            if (w != have[i]) return w > have[i];
        }
        return false;
    }

    private boolean endOfCommand() {
        int ch = inNonblank();
        if (ch == '}' || ch == '#') savchar(ch);
        else if (ch != EOF && ch != '\n' && ch != ';') return fail("extra characters after command");
        return true;
    }

    private String label() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int ch = inNonblank();
        while (ch != EOF && ch != '\n' && !isSpace(ch) && ch != ';') {
            b.write(ch);
            ch = inchar();
        }
        return b.toString(StandardCharsets.UTF_8);
    }

    private String filename() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int ch = inNonblank();
        while (ch != EOF && ch != '\n') {
            b.write(ch);
            ch = inchar();
        }
        return b.toString(StandardCharsets.UTF_8);
    }

    private long integer(int ch) {
        long n = 0;
        while (ch >= '0' && ch <= '9') {
            n = n > Long.MAX_VALUE / 10 - 10 ? n : n * 10 + ch - '0';
            ch = inchar();
        }
        savchar(ch);
        return n;
    }

    /** The text of a, i and c: to the end of the line, a backslash continuing it on the next. */
    private byte[] text(int leadin, Command cmd) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        if (leadin == EOF) {
            // "a\" ends this piece of script: the text is the next -e's (GNU sed's pending_text)
            pendingText = b;
            pendingCommand = cmd;
            return new byte[0];
        }
        if (leadin != '\n') b.write(leadin);
        return moreText(b, cmd);
    }

    /**
     * Reads text to the end of its line. A backslash that ends the piece of script continues the
     * text in the next piece, as an escaped newline would ({@code sed -e 'a foo\' -e bar}).
     */
    private byte[] moreText(ByteArrayOutputStream b, Command cmd) {
        int ch = inchar();
        while (ch != EOF && ch != '\n') {
            if (ch == '\\') {
                ch = inchar();
                if (ch != EOF) b.write('\\');
            }
            if (ch == EOF) {
                pendingText = b;
                pendingCommand = cmd;
                break;
            }
            b.write(ch);
            ch = inchar();
        }
        b.write('\n');
        return SedText.normalize(b.toByteArray(), SedText.Kind.BUFFER);
    }

    // ---- addresses ----

    /** An address starting with {@code ch}, or null when there is none ({@code ch} is then the command). */
    private Address address(int ch) {
        if (ch == '/' || ch == '\\') {
            if (ch == '\\') ch = inchar();
            byte[] re = slash(ch, true);
            if (re == null) {
                fail("unterminated address regex");
                return null;
            }
            int flags = 0;
            while (true) {
                int c = inNonblank();
                if (!posix && c == 'I') {
                    flags |= Regex.ICASE;
                } else if (!posix && c == 'M') {
                    flags |= Regex.NEWLINE;
                } else {
                    savchar(c);
                    break;
                }
            }
            Regex regex = regex(re, flags, 0);
            if (failure != null) return null;
            return new Address(AddressKind.REGEX, 0, 0, regex);
        }
        if (ch >= '0' && ch <= '9') {
            long n = integer(ch);
            int c = inNonblank();
            if (c != '~' || posix) {
                savchar(c);
                return new Address(AddressKind.LINE, n, 0, null);
            }
            long step = integer(inNonblank());
            if (step > 0) return new Address(AddressKind.STEP, n, step, null);
            return new Address(AddressKind.LINE, n, 0, null);
        }
        if ((ch == '+' || ch == '~') && !posix) {
            long n = integer(inNonblank());
            return new Address(ch == '+' ? AddressKind.PLUS : AddressKind.MULTIPLE, n, 0, null);
        }
        if (ch == '$') return new Address(AddressKind.LAST, 0, 0, null);
        return null;
    }

    /**
     * The text up to the next unescaped delimiter (match_slash): in a regex {@code \n} is a newline
     * and an escaped delimiter is the delimiter itself, and a bracket expression is read whole (the
     * delimiter inside it is an ordinary character, an escape other than {@code \n} stays as it is);
     * a newline before the delimiter ends it badly.
     */
    private byte[] slash(int delim, boolean regex) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int ch;
        while ((ch = inchar()) != EOF && ch != '\n') {
            if (ch == delim) break;
            if (regex && ch == '[') {
                b.write(ch);
                ch = bracket(b);
                if (ch == EOF || ch == '\n') break;
                continue;
            }
            if (ch == '\\') {
                ch = inchar();
                if (ch == EOF) break;
                if (ch == 'n' && regex) ch = '\n';
                else if (ch != '\n' && (ch != delim || !regex && ch == '&')) b.write('\\');
            }
            b.write(ch);
        }
        if (ch == '\n') savchar(ch);
        if (ch != delim || ch == EOF) return null;
        return b.toByteArray();
    }

    /** The rest of a bracket expression after its '['; returns 0 when it closed, else what stopped it. */
    private int bracket(ByteArrayOutputStream b) {
        int ch = inchar();
        if (ch == '^') {
            b.write(ch);
            ch = inchar();
        }
        if (ch == ']') {
            b.write(ch);
            ch = inchar();
        }
        while (ch != EOF && ch != '\n') {
            if (ch == ']') {
                b.write(ch);
                return 0;
            }
            if (ch == '[') {
                int kind = inchar();
                b.write(ch);
                if (kind == ':' || kind == '.' || kind == '=') {
                    b.write(kind);
                    int prev = -2;
                    while ((ch = inchar()) != EOF && ch != '\n') {
                        b.write(ch);
                        if (ch == ']' && prev == kind) break;
                        prev = ch;
                    }
                    if (ch == EOF || ch == '\n') return ch;
                    ch = inchar();
                    continue;
                }
                ch = kind;
                continue;
            }
            if (ch == '\\') {
                int next = inchar();
                if (next == EOF) return EOF;
                if (next == 'n') {
                    b.write('\n');
                } else {
                    b.write(ch);
                    b.write(next);
                }
                ch = inchar();
                continue;
            }
            b.write(ch);
            ch = inchar();
        }
        return ch;
    }

    /** Compiles a regex of the script; null for the empty regex (the last one used). */
    private Regex regex(byte[] text, int flags, int neededGroups) {
        if (text.length == 0) return null;
        byte[] re = SedText.normalize(text, SedText.Kind.REGEX);
        Regex.Dialect dialect = extended ? Regex.Dialect.SED_EXTENDED : Regex.Dialect.SED_BASIC;
        Regex.Result r = Regex.compile(re, dialect, flags | (utf8 ? Regex.UTF8 : 0) | Regex.DFA_CHECKS);
        if (r instanceof Regex.Invalid invalid) {
            if (invalid.fromDfa()) failure = new Failure(invalid.message(), 4);
            else fail(invalid.message());
            return null;
        }
        Regex compiled = ((Regex.Valid) r).regex();
        if (neededGroups > compiled.groups() + 1) {
            fail("invalid reference \\" + (neededGroups - 1) + " on `s' command's RHS");
            return null;
        }
        return compiled;
    }

    // ---- s and y ----

    private boolean substitute(Command cmd) {
        int delim = inchar();
        byte[] re = slash(delim, true);
        if (re == null) return fail("unterminated `s' command");
        byte[] replacement = slash(delim, false);
        if (replacement == null) return fail("unterminated `s' command");
        List<SedCommand.Piece> pieces = new ArrayList<>();
        int maxRef = replacement(SedText.normalize(replacement, SedText.Kind.REPLACEMENT), pieces);
        int flags = 0;
        boolean global = false;
        boolean print = false;
        long occurrence = 0;
        String write = null;
        flagLoop:
        while (true) {
            int ch = inchar();
            switch (ch) {
                case 'i', 'I' -> {
                    if (posix) return fail("unknown option to `s'");
                    flags |= Regex.ICASE;
                }
                case 'm', 'M' -> flags |= Regex.NEWLINE;
                case 'p' -> {
                    if (print) return fail("multiple `p' options to `s' command");
                    print = true;
                }
                case 'g' -> {
                    if (global) return fail("multiple `g' options to `s' command");
                    global = true;
                }
                case 'w' -> {
                    if (sandbox) return fail("e/r/w commands disabled in sandbox mode");
                    write = filename();
                    if (write.isEmpty()) return fail("missing filename in r/R/w/W commands");
                    writeFiles.add(write);
                    break flagLoop;
                }
                case '0', '1', '2', '3', '4', '5', '6', '7', '8', '9' -> {
                    if (occurrence != 0) return fail("multiple number options to `s' command");
                    occurrence = integer(ch);
                    if (occurrence == 0) return fail("number option to `s' command may not be zero");
                }
                case '}', '#' -> {
                    savchar(ch);
                    break flagLoop;
                }
                case '\n', ';', EOF -> {
                    break flagLoop;
                }
                case ' ', '\t' -> {
                }
                default -> {
                    return fail("unknown option to `s'");
                }
            }
        }
        Regex regex = regex(re, flags, maxRef + 1);
        if (failure != null) return false;
        cmd.subst = new SedCommand.Subst(regex, pieces, global, occurrence == 0 ? 1 : occurrence, print, write);
        commands.add(cmd);
        return true;
    }

    /** Parses a replacement into pieces; returns the highest group it refers to (0 for none). */
    private static int replacement(byte[] text, List<SedCommand.Piece> pieces) {
        ByteArrayOutputStream literal = new ByteArrayOutputStream();
        int maxRef = 0;
        for (int i = 0; i < text.length; i++) {
            byte b = text[i];
            if (b == '\\' && i + 1 < text.length) {
                byte next = text[++i];
                if (next >= '0' && next <= '9') {
                    flush(literal, pieces);
                    pieces.add(new SedCommand.Group(next - '0'));
                    maxRef = Math.max(maxRef, next - '0');
                } else if (next == 'L' || next == 'U' || next == 'E' || next == 'l' || next == 'u') {
                    flush(literal, pieces);
                    pieces.add(new SedCommand.Case((char) next));
                } else if (next == '\n') {
                    literal.write('\n');
                } else {
                    literal.write(next);
                }
            } else if (b == '&') {
                flush(literal, pieces);
                pieces.add(new SedCommand.Group(0));
            } else {
                literal.write(b);
            }
        }
        flush(literal, pieces);
        return maxRef;
    }

    private static void flush(ByteArrayOutputStream literal, List<SedCommand.Piece> pieces) {
        if (literal.size() == 0) return;
        pieces.add(new SedCommand.Literal(literal.toByteArray()));
        literal.reset();
    }

    private boolean transliterate(Command cmd) {
        int delim = inchar();
        byte[] from = slash(delim, false);
        if (from == null) return fail("unterminated `y' command");
        byte[] to = slash(delim, false);
        if (to == null) return fail("unterminated `y' command");
        List<byte[]> src = yChars(SedText.normalize(from, SedText.Kind.NONE));
        List<byte[]> dst = yChars(SedText.normalize(to, SedText.Kind.NONE));
        if (src.size() != dst.size()) return fail("strings for `y' command are different lengths");
        if (!endOfCommand()) return false;
        cmd.y = new HashMap<>();
        for (int i = 0; i < src.size(); i++) cmd.y.putIfAbsent(new String(src.get(i), StandardCharsets.ISO_8859_1), dst.get(i));
        commands.add(cmd);
        return true;
    }

    /** y's characters: a backslash quotes the next one (\\ is a backslash); bytes, or UTF-8 characters. */
    private List<byte[]> yChars(byte[] text) {
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < text.length; ) {
            if (text[i] == '\\' && i + 1 < text.length) i++;
            int len = utf8 ? SedText.utf8Length(text, i) : 1;
            out.add(java.util.Arrays.copyOfRange(text, i, i + len));
            i += len;
        }
        return out;
    }
}
