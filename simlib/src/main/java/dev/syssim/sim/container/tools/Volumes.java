package dev.syssim.sim.container.tools;

import dev.syssim.sim.container.Container;
import dev.syssim.sim.container.Engine;
import dev.syssim.sim.container.RunSpec;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.os.Syscall;
import dev.syssim.sim.prog.Libc;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Named volumes as the {@code local} driver keeps them: a directory
 * {@code /var/lib/docker/volumes/NAME/_data} on the host, made by {@code docker volume create NAME}
 * or by the first {@code docker run -v NAME:/dir}, bind-mounted into each container that names it,
 * and outliving the containers — the way data survives {@code --rm}. {@code docker volume rm}
 * refuses a volume any container (running or not) still names.
 *
 * <p>Simplifications: a new volume starts empty (Docker first copies the image's files at the
 * mount point into it); {@code rm} forgets the volume but leaves its directory on the host.
 */
final class Volumes {

    private Volumes() {
    }

    /** {@code volume create [NAME] | ls | rm NAME...}; errors come back whole, with their status. */
    static Step handle(Libc c, Engine e, List<String> args, Function<Engine.Reply, Step> answer) {
        String sub = args.isEmpty() ? "" : args.get(0);
        List<String> names = new ArrayList<>();
        for (String a : args.subList(Math.min(1, args.size()), args.size())) if (!a.startsWith("-")) names.add(a);
        return switch (sub) {
            case "create" -> {
                // an anonymous volume gets a random 64-digit name on a real host; here a sha256 of a counter
                String name = names.isEmpty() ? dev.syssim.sim.container.Registry.sha256((e.host().machineName() + " volume " + e.volumes().size())
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)) : names.get(0);
                yield make(c, e, name, () -> answer.apply(Engine.Reply.ok(name + "\n")));
            }
            case "ls" -> answer.apply(Engine.Reply.ok(Listings.volumes(e)));
            default -> answer.apply(remove(e, names));
        };
    }

    private static Engine.Reply remove(Engine e, List<String> names) {
        StringBuilder out = new StringBuilder();
        List<String> errors = new ArrayList<>();
        for (String n : names) {
            Container user = e.volumeUser(n);
            if (!e.volumes().contains(n)) errors.add("Error: No such volume: " + n);
            else if (user != null) errors.add("Error response from daemon: remove " + n + ": volume is in use - [" + user.id() + "]");
            else {
                e.removeVolume(n);
                out.append(n).append('\n');
            }
        }
        return errors.isEmpty() ? Engine.Reply.ok(out.toString()) : new Engine.Reply(out.toString(), String.join("\n", errors), 1);
    }

    /** The volume's directories made (where missing) and the volume known. */
    static Step make(Libc c, Engine e, String name, Supplier<Step> then) {
        String dir = "/var/lib/docker/volumes/" + name;
        return c.sys(new Syscall.Mkdir("/var/lib/docker/volumes", 0701), a -> c.sys(new Syscall.Mkdir(dir, 0755),
                b -> c.sys(new Syscall.Mkdir(dir + "/_data", 0755), d -> {
                    e.addVolume(name);
                    return then.get();
                })));
    }

    /** Before a run: each {@code -v NAME:/dir} whose NAME is not a path is a named volume, made if new. */
    static Step forRun(Libc c, Engine e, RunSpec spec, Supplier<Step> then) {
        List<String> named = new ArrayList<>();
        for (String b : spec.binds()) if (!b.startsWith("/")) named.add(b.split(":")[0]);
        return Libc.forEach(named, (n, next) -> e.volumes().contains(n) ? next.get() : make(c, e, n, next), then);
    }
}
