package dev.syssim.sim.isolation;

import dev.syssim.sim.os.Limits;
import dev.syssim.sim.world.Machine;
import dev.syssim.sim.world.Machines;
import dev.syssim.sim.world.RunLimits;
import dev.syssim.sim.world.Session;
import dev.syssim.sim.world.Terminal;
import dev.syssim.sim.world.World;

/** A fresh laptop with a terminal logged in as root, and a static busybox root at /srv/bb. */
final class Rooted {

    final World world = new World(42, RunLimits.DEFAULT);
    final Machine laptop = Machines.debian(world, "laptop", 2, 4_028_860, Limits.DEFAULT);
    final Terminal terminal = new Terminal();
    final Session session = new Session(world, terminal);

    Rooted() {
        session.switchTo(laptop, "root");
        run("mkdir -p /srv/bb/bin /srv/bb/etc /srv/bb/proc /srv/bb/tmp /srv/bb/dev && cp /usr/bin/busybox /srv/bb/bin/"
                + " && for a in sh ls cat echo id ps mount hostname mknod mkdir; do ln -s busybox /srv/bb/bin/$a; done");
    }

    /** Runs shell text; stdout and stderr merged. */
    String run(String text) {
        terminal.reset();
        session.run(text);
        return terminal.both.toString();
    }
}
