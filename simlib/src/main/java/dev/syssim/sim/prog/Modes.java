package dev.syssim.sim.prog;

/**
 * File modes as chmod and {@code mkdir -m} take them: octal ({@code 755}) or symbolic clauses
 * ({@code u+x}, {@code go-w}, {@code a=r}, {@code u=rw,g=r,o=}). Without a who letter, a symbolic
 * change leaves the bits of the umask alone, as GNU chmod does ({@code chmod +w} under umask 022
 * makes a file writable by its owner only).
 */
public final class Modes {

    private Modes() {
    }

    /**
     * The mode after applying {@code spec} to {@code current}; null if {@code spec} is not a mode.
     *
     * @param directory whether the file is a directory (for {@code X}: search permission)
     */
    public static Integer apply(String spec, int current, int umask, boolean directory) {
        if (spec.isEmpty()) return null;
        if (spec.matches("[0-7]+")) {
            if (spec.length() > 4) return null;
            return Integer.parseInt(spec, 8);
        }
        int mode = current & 07777;
        for (String clause : spec.split(",", -1)) {
            Integer next = clause(clause, mode, umask, directory);
            if (next == null) return null;
            mode = next;
        }
        return mode;
    }

    private static Integer clause(String clause, int mode, int umask, boolean directory) {
        int i = 0;
        int who = 0;
        while (i < clause.length() && "ugoa".indexOf(clause.charAt(i)) >= 0) {
            who |= switch (clause.charAt(i)) {
                case 'u' -> 04700;
                case 'g' -> 02070;
                case 'o' -> 01007;
                default -> 07777;
            };
            i++;
        }
        boolean noWho = who == 0;
        int affected = noWho ? 07777 & ~umask : who;
        if (i >= clause.length()) return null;
        while (i < clause.length()) {
            char op = clause.charAt(i++);
            if ("+-=".indexOf(op) < 0) return null;
            int perms = 0;
            int start = i;
            if (i < clause.length() && "ugo".indexOf(clause.charAt(i)) >= 0) {
                int shift = switch (clause.charAt(i)) {
                    case 'u' -> 6;
                    case 'g' -> 3;
                    default -> 0;
                };
                int rwx = (mode >> shift) & 7;
                perms = rwx * 0111;
                i++;
            } else {
                while (i < clause.length() && "rwxXst".indexOf(clause.charAt(i)) >= 0) {
                    perms |= switch (clause.charAt(i)) {
                        case 'r' -> 0444;
                        case 'w' -> 0222;
                        case 'x' -> 0111;
                        case 'X' -> directory || (mode & 0111) != 0 ? 0111 : 0;
                        case 's' -> 06000;
                        default -> 01000;
                    };
                    i++;
                }
            }
            if (i == start && op != '=') return null;
            int bits = perms & (noWho ? 07777 & ~umask | (perms & 07000) : who);
            switch (op) {
                case '+' -> mode |= bits;
                case '-' -> mode &= ~bits;
                default -> mode = (mode & ~(noWho ? affected : who)) | bits;
            }
        }
        return mode;
    }

    /** {@code rwxr-xr-x} for the permission bits (s, S, t, T for the special ones), as ls and chmod -v show them. */
    public static String symbolic(int mode) {
        char[] m = new char[9];
        String rwx = "rwxrwxrwx";
        for (int i = 0; i < 9; i++) m[i] = (mode & (1 << (8 - i))) != 0 ? rwx.charAt(i) : '-';
        if ((mode & 04000) != 0) m[2] = m[2] == 'x' ? 's' : 'S';
        if ((mode & 02000) != 0) m[5] = m[5] == 'x' ? 's' : 'S';
        if ((mode & 01000) != 0) m[8] = m[8] == 'x' ? 't' : 'T';
        return new String(m);
    }
}
