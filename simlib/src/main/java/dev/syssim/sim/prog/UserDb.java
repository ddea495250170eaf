package dev.syssim.sim.prog;

import java.util.ArrayList;
import java.util.List;

/**
 * The user and group databases as the tools read them from {@code /etc/passwd} and
 * {@code /etc/group} (what getpwuid and getgrgid do with nsswitch's "files").
 */
public final class UserDb {

    /** One line of /etc/passwd. */
    public record User(String name, int uid, int gid, String gecos, String home, String shell) {
    }

    /** One line of /etc/group. */
    public record Group(String name, int gid, List<String> members) {
    }

    private final List<User> users = new ArrayList<>();
    private final List<Group> groups = new ArrayList<>();

    public static UserDb parse(String passwd, String group) {
        UserDb db = new UserDb();
        if (passwd != null) {
            for (String line : passwd.split("\n")) {
                String[] f = line.split(":", -1);
                if (f.length < 7) continue;
                try {
                    db.users.add(new User(f[0], Integer.parseInt(f[2]), Integer.parseInt(f[3]), f[4], f[5], f[6]));
                } catch (NumberFormatException ignored) {
                    // a malformed line is skipped, as getpwent does
                }
            }
        }
        if (group != null) {
            for (String line : group.split("\n")) {
                String[] f = line.split(":", -1);
                if (f.length < 4) continue;
                try {
                    List<String> members = f[3].isEmpty() ? List.of() : List.of(f[3].split(","));
                    db.groups.add(new Group(f[0], Integer.parseInt(f[2]), members));
                } catch (NumberFormatException ignored) {
                    // skipped
                }
            }
        }
        return db;
    }

    public User user(int uid) {
        for (User u : users) if (u.uid() == uid) return u;
        return null;
    }

    public User user(String name) {
        for (User u : users) if (u.name().equals(name)) return u;
        return null;
    }

    public Group group(int gid) {
        for (Group g : groups) if (g.gid() == gid) return g;
        return null;
    }

    public Group group(String name) {
        for (Group g : groups) if (g.name().equals(name)) return g;
        return null;
    }

    /** The user's name, or the number when unknown (as ls -l prints it). */
    public String userName(int uid) {
        User u = user(uid);
        return u == null ? Integer.toString(uid) : u.name();
    }

    public String groupName(int gid) {
        Group g = group(gid);
        return g == null ? Integer.toString(gid) : g.name();
    }

    /** The groups a user belongs to: the primary one, then supplementary ones from /etc/group. */
    public List<Integer> groupsOf(User user) {
        List<Integer> out = new ArrayList<>();
        out.add(user.gid());
        for (Group g : groups) if (g.members().contains(user.name()) && !out.contains(g.gid())) out.add(g.gid());
        return out;
    }
}
