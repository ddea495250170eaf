package dev.syssim.sim.prog.tools.files;

import dev.syssim.sim.fs.FileType;
import dev.syssim.sim.fs.Stat;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.os.Syscall;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.tools.system.Date;
import dev.syssim.sim.prog.Modes;
import dev.syssim.sim.prog.Options;
import dev.syssim.sim.prog.Tool;
import dev.syssim.sim.prog.UserDb;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

/**
 * stat: what the inode says about a file — size, blocks, device, inode number, links, mode,
 * owner, times — in coreutils 9.1's layout, or in a {@code -c FORMAT} of its own. The simulation
 * keeps one time per inode, so access, modify and change times are the same, and there is no birth
 * time ({@code -}).
 */
public final class StatTool extends Tool {

    private final long bootEpochSeconds;

    public StatTool(long bootEpochSeconds) {
        this.bootEpochSeconds = bootEpochSeconds;
    }

    @Override
    protected Step run(Libc c) {
        Options o = Options.parse("stat", c.args().operands(), "Lt", "c", Set.of("help", "dereference", "terse"), Set.of("format", "printf"), true);
        if (o.failed()) return c.usageError(o.error(), 1);
        if (o.has("help")) return help(c);
        if (o.operands().isEmpty()) return c.usageError("stat: missing operand", 1);
        boolean follow = o.hasAny("L", "dereference");
        String format = o.value("c", o.value("format"));
        int[] status = {0};
        return c.users(db -> Libc.forEach(o.operands(), (file, next) -> c.statOf(file, follow, (err, st) -> {
            if (err != null) {
                c.error("cannot statx " + Libc.quote(file), err);
                status[0] = 1;
                return next.get();
            }
            if (st.type() == FileType.SYMLINK) {
                return c.sys(new Syscall.Readlink(file), r -> {
                    String target = r.failed() ? null : (String) r.data();
                    c.print(format == null ? full(file, target, st, db) : custom(format, file, target, st, db) + "\n");
                    return next.get();
                });
            }
            c.print(format == null ? full(file, null, st, db) : custom(format, file, null, st, db) + "\n");
            return next.get();
        }), () -> c.exit(status[0])));
    }

    private String full(String file, String target, Stat st, UserDb db) {
        boolean device = st.type() == FileType.CHAR_DEVICE || st.type() == FileType.BLOCK_DEVICE;
        StringBuilder out = new StringBuilder();
        out.append("  File: ").append(name(file, target)).append('\n');
        out.append(String.format("  Size: %-10d\tBlocks: %-10d IO Block: %-6d %s%n", st.size(), st.blocks(), 4096, type(st)));
        String dev = (st.device() >> 8) + "," + (st.device() & 0xff);
        if (device) {
            out.append(String.format("Device: %s\tInode: %-10d  Links: %-5d Device type: %d,%d%n", dev, st.inode(), st.links(), st.rdevMajor(), st.rdevMinor()));
        } else {
            out.append(String.format("Device: %s\tInode: %-10d  Links: %d%n", dev, st.inode(), st.links()));
        }
        out.append(String.format("Access: (%04o/%s)  Uid: (%5d/%8s)   Gid: (%5d/%8s)%n", st.permissions(),
                st.type().letter() + Modes.symbolic(st.permissions()), st.uid(), db.userName(st.uid()), st.gid(), db.groupName(st.gid())));
        String time = time(st);
        out.append("Access: ").append(time).append('\n').append("Modify: ").append(time).append('\n').append("Change: ").append(time).append('\n');
        out.append(" Birth: -\n");
        return out.toString();
    }

    private static String name(String file, String target) {
        return target == null ? file : Libc.quote(file) + " -> " + Libc.quote(target);
    }

    private static String type(Stat st) {
        if (st.type() == FileType.REGULAR && st.size() == 0) return "regular empty file";
        return st.type().description();
    }

    private String time(Stat st) {
        long nanos = st.mtime();
        Instant at = Instant.ofEpochSecond(bootEpochSeconds + Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
        return Date.format("%Y-%m-%d %H:%M:%S.%N %z", at.atZone(ZoneOffset.UTC));
    }

    private String custom(String format, String file, String target, Stat st, UserDb db) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < format.length(); i++) {
            char ch = format.charAt(i);
            if (ch != '%' || i + 1 >= format.length()) {
                out.append(ch);
                continue;
            }
            char conv = format.charAt(++i);
            out.append(switch (conv) {
                case 'n' -> file;
                case 'N' -> name(file, target);
                case 's' -> Long.toString(st.size());
                case 'b' -> Long.toString(st.blocks());
                case 'a' -> Integer.toOctalString(st.permissions());
                case 'A' -> st.type().letter() + Modes.symbolic(st.permissions());
                case 'F' -> type(st);
                case 'u' -> Integer.toString(st.uid());
                case 'U' -> db.userName(st.uid());
                case 'g' -> Integer.toString(st.gid());
                case 'G' -> db.groupName(st.gid());
                case 'i' -> Long.toString(st.inode());
                case 'h' -> Integer.toString(st.links());
                case 'd' -> Integer.toString(st.device());
                case 'x', 'y', 'z' -> time(st);
                case 'X', 'Y', 'Z' -> Long.toString(bootEpochSeconds + Math.floorDiv(st.mtime(), 1_000_000_000L));
                case 't' -> Integer.toHexString(st.rdevMajor());
                case 'T' -> Integer.toHexString(st.rdevMinor());
                case '%' -> "%";
                default -> "?";
            });
        }
        return out.toString();
    }

    @Override
    public String whatis() {
        return "display file or file system status";
    }

    @Override
    public String manual() {
        return "stat [OPTION]... FILE...\n  Display file or file system status.\n"
                + "  -L, --dereference     follow links\n"
                + "  -c  --format=FORMAT   use the specified FORMAT instead of the default; %n name, %s size, %a octal mode,\n"
                + "                        %A symbolic mode, %U/%u owner, %G/%g group, %i inode, %h links, %F file type, %y modification time";
    }
}
