package dev.syssim.sim.shell;

import dev.syssim.sim.fs.FileType;
import dev.syssim.sim.fs.Stat;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.os.Syscall;
import java.util.function.IntFunction;

/**
 * The unary and binary tests of {@code test}, {@code [} and {@code [[ ]]} that ask the system:
 * stat and lstat for file types, sizes, modes and times; access(2) for {@code -r -w -x}; the
 * terminal ioctl for {@code -t}. Each answers 0 (true) or 1 (false) through a continuation.
 */
final class FileTests {

    private FileTests() {
    }

    static boolean isUnary(String op) {
        return op.length() == 2 && op.charAt(0) == '-' && "abcdefghkprstuwxzGLNOSnvRo".indexOf(op.charAt(1)) >= 0;
    }

    static boolean isBinary(String op) {
        return switch (op) {
            case "-nt", "-ot", "-ef", "-eq", "-ne", "-lt", "-le", "-gt", "-ge", "=", "==", "!=", "<", ">" -> true;
            default -> false;
        };
    }

    static Step unary(Shell sh, String op, String operand, boolean inCond, IntFunction<Step> k) {
        String path = Bytes.toJava(operand);
        switch (op) {
            case "-z":
                return k.apply(operand.isEmpty() ? 0 : 1);
            case "-n":
                return k.apply(operand.isEmpty() ? 1 : 0);
            case "-v":
                return k.apply(isSet(sh, operand) ? 0 : 1);
            case "-R": {
                Variable v = sh.st.vars.findRaw(operand);
                return k.apply(v != null && v.has(Variable.NAMEREF) && v.value != null ? 0 : 1);
            }
            case "-o": {
                Boolean on = sh.st.options.isSetOption(operand) ? sh.st.options.get(operand) : null;
                return k.apply(on != null && on ? 0 : 1);
            }
            case "-t": {
                int fd;
                try {
                    fd = Integer.parseInt(operand.strip());
                } catch (NumberFormatException e) {
                    return k.apply(1);
                }
                return sh.c.isatty(fd, tty -> k.apply(tty ? 0 : 1));
            }
            case "-r", "-w", "-x": {
                if (operand.isEmpty()) return k.apply(1);
                int mode = op.equals("-r") ? 4 : op.equals("-w") ? 2 : 1;
                return sh.c.sys(new Syscall.Access(path, mode), r -> k.apply(r.failed() ? 1 : 0));
            }
            case "-h", "-L":
                if (operand.isEmpty()) return k.apply(1);
                return sh.c.statOf(path, false, (err, st) -> k.apply(err == null && st.type() == FileType.SYMLINK ? 0 : 1));
            default:
                break;
        }
        if (operand.isEmpty()) return k.apply(1);
        return sh.c.statOf(path, true, (err, st) -> {
            if (err != null) return k.apply(1);
            return k.apply(test(sh, op, st) ? 0 : 1);
        });
    }

    private static boolean test(Shell sh, String op, Stat st) {
        return switch (op) {
            case "-a", "-e" -> true;
            case "-f" -> st.type() == FileType.REGULAR;
            case "-d" -> st.type() == FileType.DIRECTORY;
            case "-b" -> st.type() == FileType.BLOCK_DEVICE;
            case "-c" -> st.type() == FileType.CHAR_DEVICE;
            case "-p" -> st.type() == FileType.FIFO;
            case "-S" -> st.type() == FileType.SOCKET;
            case "-s" -> st.size() > 0;
            case "-u" -> (st.permissions() & 04000) != 0;
            case "-g" -> (st.permissions() & 02000) != 0;
            case "-k" -> (st.permissions() & 01000) != 0;
            case "-O" -> st.uid() == sh.st.euid;
            case "-G" -> st.gid() == sh.st.egid;
            case "-N" -> st.mtime() > st.atime(); // modified since last read
            default -> false;
        };
    }

    /** Whether a variable (or {@code a[i]}, {@code a[key]}) is set, for {@code -v}. */
    static boolean isSet(Shell sh, String name) {
        int bracket = name.indexOf('[');
        if (bracket > 0 && name.endsWith("]")) {
            String base = name.substring(0, bracket);
            String sub = name.substring(bracket + 1, name.length() - 1);
            Variable v = sh.st.vars.find(base);
            if (v == null) return false;
            if (sub.equals("@") || sub.equals("*")) return v.isSet();
            if (v.isAssoc()) return v.assoc.containsKey(sub);
            Long i = ArrayIndex.evaluate(sh, base, sub);
            if (i == null) return false;
            if (!v.isArray()) return i == 0 && v.value != null;
            long idx = i < 0 ? i + v.maxIndex() + 1 : i;
            return v.indexed.containsKey(idx);
        }
        if (name.length() == 1 && "@*#?$!-".indexOf(name.charAt(0)) >= 0) return Parameters.simple(sh, name) != null;
        if (!name.isEmpty() && name.chars().allMatch(Character::isDigit)) return Parameters.simple(sh, name) != null;
        Variable v = sh.st.vars.find(name);
        if (v == null) return sh.st.vars.isDynamic(name);
        return v.isSet();
    }

    static Step binary(Shell sh, String op, String a, String b, IntFunction<Step> k) {
        String pa = Bytes.toJava(a);
        String pb = Bytes.toJava(b);
        return sh.c.statOf(pa, true, (ea, sa) -> sh.c.statOf(pb, true, (eb, sb) -> {
            switch (op) {
                case "-nt" -> {
                    if (sa == null) return k.apply(1);
                    if (sb == null) return k.apply(0);
                    return k.apply(sa.mtime() > sb.mtime() ? 0 : 1);
                }
                case "-ot" -> {
                    if (sb == null) return k.apply(1);
                    if (sa == null) return k.apply(0);
                    return k.apply(sa.mtime() < sb.mtime() ? 0 : 1);
                }
                default -> {
                    if (sa == null || sb == null) return k.apply(1);
                    return k.apply(sa.device() == sb.device() && sa.inode() == sb.inode() ? 0 : 1);
                }
            }
        }));
    }
}
