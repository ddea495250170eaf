package dev.syssim.sim.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** %scenario virt: student starts a defined domain with virsh and works in its console. */
class VirtScenarioTest {

    @Test
    void studentStartsGuest1AndLogsInThroughTheConsole() {
        World world = Scenarios.named("virt").orElseThrow().build(42, RunLimits.DEFAULT);
        Terminal terminal = new Terminal();
        Session session = new Session(world, terminal);
        session.switchTo(world.machine("laptop"), "student");
        Terminal.Fixture f = new Terminal.Fixture(world, world.machine("laptop"), session, terminal);
        assertEquals(" Id   Name     State\n-------------------------\n -    guest1   shut off\n -    guest2   shut off\n\n",
                f.run("virsh list --all"));
        assertEquals("Domain 'guest1' started\n\n", f.run("virsh start guest1"));
        f.run("sleep 10");
        assertTrue(f.run("virsh console guest1").startsWith("Connected to domain 'guest1'"));
        assertEquals("guest1\n", f.run("hostname"));
        f.run("^]");
        assertEquals("laptop\n", f.run("hostname"));
        // a second start after destroy finds no stale pid file in its way
        assertEquals("Domain 'guest1' destroyed\n\nDomain 'guest1' started\n\n", f.run("virsh destroy guest1; virsh start guest1"));
    }
}
