package dev.syssim.sim.container.tools;

import dev.syssim.sim.container.Capabilities;
import dev.syssim.sim.container.Container;
import dev.syssim.sim.os.Capset;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.os.Syscall;
import dev.syssim.sim.prog.Libc;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * runc's last steps before exec, inside the container's root: who the process becomes and what it
 * may do. The user ({@code --user} or the image's USER: {@code NAME}, {@code UID},
 * {@code UID:GID}, {@code NAME:GROUP}) is looked up in the container's own /etc/passwd and
 * /etc/group, as runc's libcontainer/user does — a name it lacks is Docker's
 * {@code unable to find user NAME: no matching entries in passwd file} (status 125); a number needs
 * no entry (its group is then 0). Then setgroups, setgid, setuid; a root process keeps Docker's
 * capability set (capset), another user's process has none, as Linux gives a nonzero uid.
 *
 * <p>Simplification: the supplementary groups are the primary group only (runc adds the user's
 * groups from /etc/group).
 */
final class Identity {

    private Identity() {
    }

    /** For runc run: a refusal goes back to the parent through the report pipe, as Docker's error with status 125. */
    static Step become(Libc c, Container ct, int[] report, Supplier<Step> then) {
        return become(c, ct, message -> c.write(report[1], Libc.bytes("125:!" + message), w -> c.exitQuietly(125)), then);
    }

    /** Becomes the container's user with its capability set, or hands the refusal's message to {@code refuse}. */
    static Step become(Libc c, Container ct, java.util.function.Function<String, Step> refuse, Supplier<Step> then) {
        long caps = Capabilities.of(ct.spec().security().privileged(), ct.spec().security().capAdd(), ct.spec().security().capDrop());
        String user = ct.user();
        if (user.isEmpty()) return c.sys(new Capset(caps), x -> then.get());
        String[] parts = user.split(":", 2);
        return c.readFile("/etc/passwd", (e1, passwd) -> c.readFile("/etc/group", (e2, group) -> {
            String[] entry = lookup(passwd, parts[0], 2);
            int uid;
            int gid;
            if (entry != null) {
                uid = Integer.parseInt(entry[2]);
                gid = Integer.parseInt(entry[3]);
            } else if (parts[0].matches("\\d+")) {
                uid = Integer.parseInt(parts[0]);
                gid = 0;
            } else {
                return refuse.apply("unable to find user " + parts[0] + ": no matching entries in passwd file");
            }
            if (parts.length > 1) {
                String[] g = lookup(group, parts[1], 2);
                if (g != null) gid = Integer.parseInt(g[2]);
                else if (parts[1].matches("\\d+")) gid = Integer.parseInt(parts[1]);
                else return refuse.apply("unable to find group " + parts[1] + ": no matching entries in group file");
            }
            int u = uid;
            int g = gid;
            return c.sys(new Syscall.Setgroups(new int[] {g}), a -> c.sys(new Syscall.Setgid(g), b -> c.sys(new Syscall.Setuid(u),
                    d -> u == 0 ? c.sys(new Capset(caps), x -> then.get()) : then.get())));
        }));
    }

    /** The line of a passwd or group file whose name (field 0) or number (field {@code idField}) is {@code key}, split; or null. */
    private static String[] lookup(byte[] file, String key, int idField) {
        if (file == null) return null;
        for (String line : new String(file, StandardCharsets.UTF_8).split("\n")) {
            String[] f = line.split(":", -1);
            if (f.length > idField && (f[0].equals(key) || f[idField].equals(key))) return f;
        }
        return null;
    }
}
