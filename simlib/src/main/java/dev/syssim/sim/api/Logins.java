package dev.syssim.sim.api;

import dev.syssim.sim.fs.Inode;
import dev.syssim.sim.fs.Location;
import dev.syssim.sim.fs.PathWalker;
import dev.syssim.sim.os.Credentials;
import dev.syssim.sim.os.Kernel;
import dev.syssim.sim.prog.UserDb;
import dev.syssim.sim.world.RootView;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who a user is on a machine, as {@code su - USER -c} would set it up: credentials from
 * {@code /etc/passwd} and {@code /etc/group}, the login environment, the home directory.
 */
final class Logins {

    private Logins() {
    }

    static UserDb users(Kernel kernel) {
        return UserDb.parse(text(kernel, "/etc/passwd").orElse(""), text(kernel, "/etc/group").orElse(""));
    }

    static UserDb.User user(Kernel kernel, String name) {
        UserDb.User user = users(kernel).user(name);
        if (user == null) throw new IllegalArgumentException("no user '" + name + "' on " + kernel.machineName());
        return user;
    }

    static Credentials credentials(Kernel kernel, UserDb.User user) {
        if (user.uid() == 0) return Credentials.root();
        List<Integer> groups = users(kernel).groupsOf(user);
        return Credentials.user(user.uid(), user.gid(), groups.stream().mapToInt(Integer::intValue).toArray());
    }

    /** The environment of a login of {@code user}; {@code TERM} only where there is a terminal. */
    static Map<String, String> environment(UserDb.User user, boolean terminal) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("HOME", user.home());
        env.put("LOGNAME", user.name());
        env.put("PATH", user.uid() == 0 ? "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
                : "/usr/local/bin:/usr/bin:/bin:/usr/local/games:/usr/games");
        env.put("PWD", user.home());
        env.put("SHELL", user.shell());
        if (terminal) env.put("TERM", "xterm-256color");
        env.put("USER", user.name());
        return env;
    }

    /** The location of {@code path} as root sees it, or null when it does not resolve. */
    static Location location(Kernel kernel, String path) {
        PathWalker.Result r = PathWalker.resolve(new RootView(kernel), path, true);
        return r.ok() ? r.location() : null;
    }

    /** The content of a regular file, read as root without any simulated time passing. */
    static Optional<byte[]> bytes(Kernel kernel, String path) {
        PathWalker.Result r = PathWalker.resolve(new RootView(kernel), path, true);
        if (!r.ok() || r.inode().isDirectory()) return Optional.empty();
        Inode inode = r.inode();
        return Optional.of(inode.fs().contentOf(inode));
    }

    static Optional<String> text(Kernel kernel, String path) {
        return bytes(kernel, path).map(b -> new String(b, StandardCharsets.UTF_8));
    }
}
