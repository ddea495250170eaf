package dev.syssim.kernel.eval;

import dev.syssim.sim.fs.Access;
import dev.syssim.sim.fs.Dirent;
import dev.syssim.sim.fs.ExecImage;
import dev.syssim.sim.fs.FileType;
import dev.syssim.sim.fs.Inode;
import dev.syssim.sim.fs.PathWalker;
import dev.syssim.sim.os.Process;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Looking into the session's machine for completion and help, as the session's user would see it
 * (its working directory, its permissions) but without running anything: no syscalls, no simulated
 * time, no trace.
 */
final class Lookups {

    private final Workspace workspace;

    Lookups(Workspace workspace) {
        this.workspace = workspace;
    }

    private Process shell() {
        return workspace.session().shell();
    }

    /** Entries of the directory {@code path} (relative to the shell's cwd) that start with {@code prefix}. */
    List<String> entries(String path, String prefix, boolean directoriesOnly) {
        Process shell = shell();
        PathWalker.Result dir = PathWalker.resolve(shell, path.isEmpty() ? "." : path, true);
        List<String> out = new ArrayList<>();
        if (!dir.ok() || !dir.inode().isDirectory() || !Access.READ.allowed(dir.inode(), shell.credentials())) return out;
        for (Dirent d : dir.location().mount().fs().list(dir.inode())) {
            if (!d.name().startsWith(prefix)) continue;
            if (d.name().startsWith(".") && !prefix.startsWith(".")) continue;
            boolean isDir = d.type() == FileType.DIRECTORY || isDirectoryLink(path, d);
            if (directoriesOnly && !isDir) continue;
            out.add(d.name() + (isDir ? "/" : ""));
        }
        out.sort(null);
        return out;
    }

    private boolean isDirectoryLink(String dir, Dirent d) {
        if (d.type() != FileType.SYMLINK) return false;
        String base = dir.isEmpty() ? "" : dir.endsWith("/") ? dir : dir + "/";
        PathWalker.Result r = PathWalker.resolve(shell(), base + d.name(), true);
        return r.ok() && r.inode().isDirectory();
    }

    /** The executables on the shell's PATH, by name. */
    TreeSet<String> commands() {
        TreeSet<String> names = new TreeSet<>();
        String path = shell().environment().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
        for (String dir : path.split(":")) {
            PathWalker.Result r = PathWalker.resolve(shell(), dir, true);
            if (!r.ok() || !r.inode().isDirectory()) continue;
            for (Dirent d : r.location().mount().fs().list(r.inode())) {
                if (d.type() == FileType.REGULAR || d.type() == FileType.SYMLINK) names.add(d.name());
            }
        }
        return names;
    }

    /** The program an executable name runs (its ELF facts), or null if it is not found on PATH. */
    String programOf(String command) {
        String path = shell().environment().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
        for (String dir : path.split(":")) {
            PathWalker.Result r = PathWalker.resolve(shell(), dir + "/" + command, true);
            if (!r.ok() || r.inode().type() != FileType.REGULAR) continue;
            Inode inode = r.inode();
            ExecImage image = ExecImage.parse(inode.fs().contentOf(inode));
            if (image != null) return image.program();
        }
        return null;
    }

    /** The machines of the world (for ssh, ping, nc ...). */
    List<String> hosts() {
        List<String> names = new ArrayList<>();
        workspace.world().machines().forEach(m -> names.add(m.name()));
        return names;
    }
}
