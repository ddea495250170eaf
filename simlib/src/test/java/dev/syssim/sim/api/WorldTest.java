package dev.syssim.sim.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorldTest {

    @Test
    void theDefaultWorldIsTheLaptop() {
        World world = World.create();
        assertEquals(42, world.seed());
        assertEquals(List.of("laptop"), world.machines().stream().map(Machine::name).toList());
    }

    @Test
    void thePresetsAreListed() {
        assertTrue(World.scenarios().containsAll(List.of("laptop", "campus")), World.scenarios().toString());
    }

    @Test
    void anUnknownPresetNamesThePresets() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> World.create("moon", 1));
        assertTrue(e.getMessage().startsWith("no scenario 'moon' (scenarios: laptop, campus"), e.getMessage());
    }

    @Test
    void anUnknownMachineNamesTheMachines() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> World.create().machine("mars"));
        assertEquals("no machine 'mars' in this world (machines: laptop)", e.getMessage());
    }

    @Test
    void theSameSeedAndCallsGiveTheSameBytes() {
        assertEquals(transcript(World.create("campus", 7)), transcript(World.create("campus", 7)));
    }

    private static String transcript(World world) {
        Machine laptop = world.machine("laptop");
        StringBuilder out = new StringBuilder();
        out.append(laptop.run("student", "ps -ef; head -c 8 /dev/urandom | od -An -tx1; date; ping -c 2 wash").stdout());
        out.append(world.time()).append(laptop.processes());
        return out.toString();
    }

    @Test
    void runningTakesSimulatedTime() {
        World world = World.create();
        long before = world.time();
        world.machine("laptop").run("student", "sleep 2");
        assertTrue(world.time() - before >= 2_000_000_000L, "sleep 2 took " + (world.time() - before) + " ns");
    }

    @Test
    void everyRunPassesTheGateOnceInAndOnceOut() {
        List<String> passes = new ArrayList<>();
        World world = World.of(World.create().internal(), new RunGate() {
            public void enter() {
                passes.add("enter");
            }

            public void exit() {
                passes.add("exit");
            }
        });
        world.machine("laptop").run("student", "true");
        world.login("laptop", "student").run("true");
        assertEquals(List.of("enter", "exit", "enter", "exit", "enter", "exit"), passes);
    }

    @Test
    void aGateThatRefusesKeepsTheWorldStill() {
        World inner = World.create();
        World world = World.of(inner.internal(), new RunGate() {
            public void enter() {
                throw new IllegalStateException("not now");
            }

            public void exit() {
                throw new AssertionError("exit without enter");
            }
        });
        long steps = inner.internal().steps();
        assertThrows(IllegalStateException.class, () -> world.machine("laptop").run("student", "true"));
        assertEquals(steps, inner.internal().steps());
        assertFalse(inner.internal().interruptRequested());
    }
}
