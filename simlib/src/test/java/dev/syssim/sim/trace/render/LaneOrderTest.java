package dev.syssim.sim.trace.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.syssim.sim.trace.Lane;
import dev.syssim.sim.trace.LaneType;
import java.util.List;
import org.junit.jupiter.api.Test;

class LaneOrderTest {

    @Test
    void machinesInOrderOfAppearanceThenLaneTypeThenAppearance() {
        Lane border = Lane.kernel("border");
        Lane forward = new Lane("border", LaneType.FIREWALL, "FORWARD");
        Lane nic = Lane.device("offcampus", "eth0");
        Lane nc = Lane.process("offcampus", "nc", 2001);
        Lane kernel = Lane.kernel("offcampus");
        Lane bash = Lane.process("offcampus", "bash", 2000);
        assertEquals(List.of(nc, bash, kernel, nic, border, forward),
                LaneOrder.of(List.of(nic, nc, kernel, forward, border, bash, nc)));
    }
}
